"""Where the label of a field bullet stands: shared by the label rules."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from awesomeparse.extract.dialects import fields
from awesomeparse.linter.context import LintContext
from awesomeparse.spans import Span
from awesomeparse.tokens.token import Token


@frozen
class FieldLabel:
    token: Token
    name: Span
    colon: Span | None
    """``None`` when the colon is missing (``- intro CVPR 2022``)."""
    url: str | None


def field_labels(context: LintContext) -> Iterator[FieldLabel]:
    """Labels of bullets shaped ``- label(args): value`` (also ``-label:`` and ``= label:``), read
    the way the extractor reads them."""
    text = context.text
    for token in context.tokens:
        if token.type != "bullet" or token.content is None:
            continue
        start = token.content.start
        url_token = fields.first_url(token)
        url_start = url_token.span.start - start if url_token is not None else None
        found = fields.read_label(token.text, url_start)
        if found is None:
            continue
        url = url_token.target.slice(text) if url_token is not None and url_token.target is not None else None
        colon = Span(start + found.colon, start + found.colon + 1) if found.colon is not None else None
        yield FieldLabel(token, Span(start, start + found.name_end), colon, url)
