"""Edits to a URL that keep a link's text in step when the text repeats the URL: shared by URL rules."""

from __future__ import annotations

from awesomeparse.diagnostics import Edit
from awesomeparse.linter.context import LintContext
from awesomeparse.spans import Span
from awesomeparse.tokens.token import Token


def url_edits(context: LintContext, token: Token, target: Span, part: Span, replacement: str) -> tuple[Edit, ...]:
    """Replace ``part`` of the link target ``target``; in ``[url](url)`` the same part of the text
    too, so that the fixed link does not show the old URL."""
    edits = [Edit(part, replacement)]
    content = token.content
    if token.type == "link" and content is not None and content.slice(context.text) == target.slice(context.text):
        shift = content.start - target.start
        edits.append(Edit(Span(part.start + shift, part.end + shift), replacement))
    return tuple(edits)
