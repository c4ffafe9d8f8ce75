"""AP104 double-slash-path: ``https://github.com//owner/repo``, a doubled slash after the host.

What it does: finds URLs on well-known hosts whose path starts with ``//``.

Why is this bad? arXiv answers 404 for ``arxiv.org//abs/…``; tools that read owner/repo from
GitHub URLs see an empty owner.

Example: ``[https://github.com//FalongShen/SegModel](https://github.com//FalongShen/SegModel)``

Use instead: ``[https://github.com/FalongShen/SegModel](https://github.com/FalongShen/SegModel)``

Fix safety: safe for github.com, arxiv.org and gitlab.com, which treat the paths as equal.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._urls import url_edits
from awesomeparse.spans import Span

CODE = "AP104"
NAME = "double-slash-path"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a doubled slash after the host of a well-known site"
VALID = ("- github: <https://github.com/a/b>",)
INVALID = (
    Invalid("- github: <https://github.com//a/b>", 1, "- github: <https://github.com/a/b>"),
    Invalid("- github: [https://github.com//a/b](https://github.com//a/b)", 1,
            "- github: [https://github.com/a/b](https://github.com/a/b)"),
)
TOUCHES: frozenset[str] = frozenset({"links"})

_DOUBLE = regex.compile(r"https?://(?:www\.)?(?:github\.com|arxiv\.org|gitlab\.com)(/{2,})", regex.I)


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for token, target in context.url_targets():
        found = _DOUBLE.match(text, target.start, target.end)
        if found is None:
            continue
        extra = Span(found.start(1) + 1, found.end(1))
        yield context.diagnostic(RULE, Span(found.start(1), found.end(1)), "doubled '/' after the host",
                                 Fix(url_edits(context, token, target, extra, ""), safe=True,
                                     message="remove the extra '/'"))
