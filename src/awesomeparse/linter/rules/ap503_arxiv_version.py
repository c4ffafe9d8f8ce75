"""AP503 arxiv-versioned-link: an arXiv link pinned to one version (``…/abs/1912.08193v1``).

What it does: finds arXiv abs and pdf links ending in ``vN``.

Why is this bad? Readers land on an old version; the same paper appears under several URLs.

Example: ``- arxiv: <https://arxiv.org/abs/1912.08193v1>``

Use instead: ``- arxiv: <https://arxiv.org/abs/1912.08193>``

Fix safety: unsafe. Unpinning changes what the link shows (the latest version).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._urls import url_edits
from awesomeparse.spans import Span

CODE = "AP503"
NAME = "arxiv-versioned-link"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "an arXiv link pinned to one version"
VALID = ("- arxiv: <https://arxiv.org/abs/1912.08193>",)
INVALID = (Invalid("- arxiv: <https://arxiv.org/abs/1912.08193v1>", 1, None),)
TOUCHES: frozenset[str] = frozenset({"links"})

_VERSION = regex.compile(r"arxiv\.org/+(?:abs|pdf)/+(?:\d{4}\.\d{4,5}|[a-z-]+/\d{7})(v\d+)", regex.I)


def check(context: LintContext) -> Iterator[Diagnostic]:
    for token, target in context.url_targets():
        found = _VERSION.search(context.text, target.start, target.end)
        if found is None:
            continue
        span = Span(found.start(1), found.end(1))
        yield context.diagnostic(RULE, span, f"arXiv link pinned to version {found.group(1)}",
                                 Fix(url_edits(context, token, target, span, ""), safe=False,
                                     message="link the latest version"))
