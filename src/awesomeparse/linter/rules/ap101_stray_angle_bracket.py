"""AP101 stray-angle-bracket: a URL with a ``<`` or ``>`` that has no partner.

What it does: finds ``https://github.com/x/y>`` and ``<https://github.com/x/y`` outside an
autolink.

Why is this bad? The stray character becomes part of the link target on GitHub, so the
link 404s (mistune even percent-encodes it as ``%3E``).

Example: ``- github(Pytorch): https://github.com/facebookresearch/Detectron2>``

Use instead: ``- github(Pytorch): <https://github.com/facebookresearch/Detectron2>``

Fix safety: safe. The fix closes the autolink the author began, so the target stays the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP101"
NAME = "stray-angle-bracket"
SEVERITY: Severity = "error"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a URL with an unmatched < or >"
VALID = ("- github: <https://github.com/a/b>", "- github: https://github.com/a/b")
INVALID = (
    Invalid("- github: https://github.com/a/b>", 1, "- github: <https://github.com/a/b>"),
    Invalid("- github: <https://github.com/a/b", 1, "- github: <https://github.com/a/b>"),
)
TOUCHES: frozenset[str] = frozenset()


def check(context: LintContext) -> Iterator[Diagnostic]:
    for token in context.inline_tokens:
        if token.type != "url" or not token.flags & {"stray_gt", "stray_lt"}:
            continue
        start, end = token.span.start, token.span.end
        if "stray_gt" in token.flags and "stray_lt" not in token.flags:
            edits = (Edit(Span(start, start), "<"),)
            message = "stray '>' after the URL; the link target includes it"
        elif "stray_lt" in token.flags and "stray_gt" not in token.flags:
            edits = (Edit(Span(end, end), ">"),)
            message = "'<' before the URL is never closed"
        else:
            continue
        yield context.diagnostic(RULE, token.span, message, Fix(edits, safe=True, message="make it an autolink <url>"))
