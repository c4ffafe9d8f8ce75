"""AP505 entry-without-link: a paper entry with no link at all.

What it does: reports paper entries (not mentions in tables) that carry no URL.

Why is this bad? Readers cannot reach the paper; tools cannot identify it.

Example: ``- [2017] Rethinking Atrous Convolution for Semantic Image Segmentation``

Use instead: add the arXiv or paper link.

Fix safety: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid

CODE = "AP505"
NAME = "entry-without-link"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a paper entry with no link"
VALID = ("- [2017] Rethinking Atrous Convolution <https://arxiv.org/abs/1706.05587>",)
INVALID = (Invalid("# DeepLab V3\n- [2017] Rethinking Atrous Convolution for Semantic Image Segmentation", 2),)


def check(context: LintContext) -> Iterator[Diagnostic]:
    for entry in context.document.entries:
        if entry.kind == "paper" and not entry.links and entry.title:
            span = context.source.line_index.line_span(entry.line)
            yield context.diagnostic(RULE, span, f"no link for {entry.title!r}")
