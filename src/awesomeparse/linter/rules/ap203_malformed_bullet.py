"""AP203 malformed-bullet: a field bullet whose marker is glued to the label or mistyped.

What it does: finds `` -github: …`` (no space after the dash) and ``= arixv: …`` (``=`` for ``-``).

Why is this bad? Neither is a list item in CommonMark: the line joins the paragraph above.

Example: `` -github: [https://github.com/a/b](https://github.com/a/b)``

Use instead: ``- github: [https://github.com/a/b](https://github.com/a/b)``

Fix safety: safe. The marker and its spacing change; the item's text does not.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP203"
NAME = "malformed-bullet"
SEVERITY: Severity = "error"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a bullet marker glued to its label, or '=' typed for '-'"
VALID = ("- github: <https://github.com/a/b>",)
INVALID = (
    Invalid("**T**\n\n- arxiv: <https://arxiv.org/abs/1912.04488>\n -github: <https://github.com/a/b>", 4,
            "**T**\n\n- arxiv: <https://arxiv.org/abs/1912.04488>\n- github: <https://github.com/a/b>"),
    Invalid("= arixv: <https://arxiv.org/abs/1808.00661>", 1, "- arixv: <https://arxiv.org/abs/1808.00661>"),
)
TOUCHES: frozenset[str] = frozenset({"labels"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for token in context.tokens:
        if token.type != "bullet" or token.content is None:
            continue
        marker = text.index(token.markup, token.span.start)
        if "missing_space" in token.flags:
            edits = (Edit(Span(token.span.start, marker + 1), "- "),)
            message = "no space after '-': this is not a list item"
        elif "wrong_marker" in token.flags:
            edits = (Edit(Span(token.span.start, token.content.start), "- "),)
            message = "'=' is not a list marker; use '-'"
        else:
            continue
        yield context.diagnostic(RULE, Span(token.span.start, token.content.start), message,
                                 Fix(edits, safe=True, message="write '- '"))
