"""Bold-title dialect: ``**Title**`` then ``- intro:`` / ``- arxiv:`` / ``- github(…):`` bullets.

Two or more bold lines with nothing but blank lines between them share the bullet
block that follows (``**YOLACT…**`` / ``**YOLACT++…**``). When the stacked titles are
variants of one title (``Ω-Net: …`` / ``Ω-Net (Omega-Net): …``) they are one entry and
the variant is kept as an alias.
"""

from __future__ import annotations

import regex

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Extractor
from awesomeparse.extract.dialects import fields
from awesomeparse.normalize import titles, years_venues
from awesomeparse.tokens.token import Token

DIALECT = "bold_title"
_VERSION = regex.compile(r"(?i)\bv\d+\b|\b\d+\b")
_VARIANT_OVERLAP = 0.7


def title(extractor: Extractor, token: Token) -> None:
    stacked = extractor.mode == DIALECT and extractor.last_line_type == "bold_line" and extractor.group
    if stacked:
        first = extractor.group[0]
        candidate_title = titles.clean(token.text)
        if candidate_title and first.title and variants(first.title, candidate_title):
            first.add_alias(candidate_title)
            first.touch(token.line)
            return
        draft = extractor.new_draft(token.line, DIALECT)
        draft.set_title(token.text)
        extractor.group.append(draft)
        extractor.current = draft
        return
    draft = extractor.new_draft(token.line, DIALECT)
    draft.set_title(token.text)
    if "trailing_tag" in token.flags and token.content is not None:
        draft.take_year_venue(years_venues.find(extractor.text[token.content.end : token.span.end].strip(" *_")))
    extractor.group = [draft]
    extractor.current = draft
    extractor.mode = DIALECT


def field_bullet(extractor: Extractor, token: Token) -> None:
    fields.apply(extractor, token, extractor.group or ([extractor.current] if extractor.current else []))


def text_line(extractor: Extractor, token: Token) -> bool:
    """A bare ``[url](url)`` line, an image, or a wrapped intro under a bold title."""
    targets = extractor.group or ([extractor.current] if extractor.current else [])
    if not targets:
        return False
    children = [child for child in token.children if child.type in link_builder.URL_TYPES]
    images = [child for child in token.children if child.type == "image"]
    if children and _only_links(token, extractor.text):
        found = link_builder.build(token.children, extractor.text)
        for draft in targets:
            draft.add_links(found)
        return True
    if images and not children:
        return True
    if _labelled(token):
        # ``intro: ICCV 2017`` / ``arxiv: <url>`` written without a bullet: a field all the same.
        fields.apply(extractor, token, targets)
        extractor.last_bullet_line = token.line
        return True
    if not children and extractor.last_bullet_line == token.line - 1:
        for draft in targets:
            if draft.notes:
                draft.notes[-1] = f"{draft.notes[-1]} {token.text.strip()}"
            draft.touch(token.line)
        return True
    return False


def _labelled(token: Token) -> bool:
    """The line opens with a known label and a colon (``arxiv: …``, ``代码：…``)."""
    url = fields.first_url(token)
    assert token.content is not None
    found = fields.read_label(token.text, url.span.start - token.content.start if url is not None else None)
    return found is not None and found.colon is not None and found.label.canonical is not None


def _only_links(token: Token, text: str) -> bool:
    """Nothing but links (and the brackets of a broken link) on the line."""
    assert token.content is not None
    spans = [child.span for child in token.children if child.type in link_builder.URL_TYPES]
    return not link_builder.blank_out(text, token.content.start, token.content.end, spans).strip(" []()<>{}|,")


def variants(first: str, second: str) -> bool:
    left = set(titles.match_key(first).split())
    right = set(titles.match_key(second).split())
    if not left or not right:
        return False
    overlap = len(left & right) / min(len(left), len(right))
    return overlap >= _VARIANT_OVERLAP and _same_versions(first, second)


def _same_versions(first: str, second: str) -> bool:
    """``YOLACT`` and ``YOLACT++`` share words but are different works: ``+`` and numbers must agree."""
    return _version_marks(first) == _version_marks(second)


def _version_marks(title: str) -> tuple[int, tuple[str, ...]]:
    return title.count("+"), tuple(_VERSION.findall(title))
