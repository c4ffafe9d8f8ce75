"""Where the label of a field bullet stands: shared by the label rules."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from attrs import frozen

from awesomeparse.extract import links as link_builder
from awesomeparse.linter.context import LintContext
from awesomeparse.normalize import labels
from awesomeparse.spans import Span
from awesomeparse.tokens.token import Token

_LABEL = regex.compile(
    r"(?P<name>(?!https?:)[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff +&.-]{0,30}?)\s*+"
    r"(?P<args>(?:\([^()\n]*+\)|\(\s*+\"[^\"\n]*+\"\s*+\))*+)\s*+(?P<colon>[:：;])"
)
_BARE = regex.compile(r"(?P<name>[A-Za-z]{3,20})(?P<space>\s++)(?=\S)")


@frozen
class FieldLabel:
    token: Token
    name: Span
    colon: Span | None
    """``None`` when the colon is missing (``- intro CVPR 2022``)."""
    url: str | None


def field_labels(context: LintContext) -> Iterator[FieldLabel]:
    """Labels of bullets shaped ``- label(args): value`` (also ``-label:`` and ``= label:``)."""
    text = context.text
    for token in context.tokens:
        if token.type != "bullet" or token.content is None:
            continue
        start = token.content.start
        first_url = next((child for child in token.children if child.type in link_builder.URL_TYPES), None)
        limit = first_url.span.start if first_url is not None else token.content.end
        found = _LABEL.match(text, start, limit)
        url = first_url.target.slice(text) if first_url is not None and first_url.target is not None else None
        if found is not None:
            yield FieldLabel(token, Span(*found.span("name")), Span(*found.span("colon")), url)
            continue
        bare = _BARE.match(text, start, limit)
        if bare is not None and bare.group("name").lower() in labels.LABELS:
            yield FieldLabel(token, Span(*bare.span("name")), None, url)
