"""AP405 setext-heading: a ``---`` line right under a text line turns that text into a heading.

What it does: finds text lines underlined with ``---`` or ``===`` (CommonMark setext headings).

Why is this bad? Hand-written lists use ``---`` as a separator; directly under a line of text it
makes that line a heading, changing the outline and the sections of every entry below.

Example: ``Some notes about the list`` / ``---``

Use instead: a blank line before the ``---``, or a ``##`` heading if a heading was meant.

Fix safety: none. Only the author knows whether a heading was meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid

CODE = "AP405"
NAME = "setext-heading"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "'---' under a text line, which makes it a heading"
VALID = ("## Heading\n---\ntext", "text\n\n---")
INVALID = (Invalid("Some notes about the list\n---\n- [a](https://a.io)", 1),)


def check(context: LintContext) -> Iterator[Diagnostic]:
    for token in context.tokens:
        if token.type == "heading" and "setext" in token.flags:
            yield context.diagnostic(RULE, token.span, "the line under this text makes it a heading")
