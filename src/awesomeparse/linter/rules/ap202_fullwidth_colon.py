"""AP202 fullwidth-label-colon: a field label ended by a fullwidth colon ``：``.

What it does: finds ``- intro：…`` and ``- arXiv：<url>``.

Why is this bad? Parsers and readers looking for ``label:`` miss the field; the list mixes styles.

Example: ``- arXiv：<https://arxiv.org/abs/1704.06857>``

Use instead: ``- arXiv: <https://arxiv.org/abs/1704.06857>``

Fix safety: safe. Only the label's colon changes; titles and descriptions are untouched.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._labels import field_labels
from awesomeparse.spans import Span

CODE = "AP202"
NAME = "fullwidth-label-colon"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a fullwidth colon after a field label"
VALID = ("- intro: review", "- 中文翻译: <https://example.org/a>")
INVALID = (
    Invalid("- intro：review of methods", 1, "- intro: review of methods"),
    Invalid("- arXiv：<https://arxiv.org/abs/1704.06857>", 1, "- arXiv: <https://arxiv.org/abs/1704.06857>"),
)
TOUCHES: frozenset[str] = frozenset({"labels"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for found in field_labels(context):
        colon = found.colon
        if colon is None or colon.slice(text) != "：":
            continue
        spaced = colon.end < len(text) and text[colon.end] in " \t"
        yield context.diagnostic(RULE, colon, "fullwidth colon after the label",
                                 Fix((Edit(Span(colon.start, colon.end), ":" if spaced else ": "),), safe=True,
                                     message="use ': '"))
