"""Extraction: block tokens -> a Document of entries under sections.

``DIALECTS`` names the readers in the order the dispatcher tries them for a list item;
each lives in ``extract/dialects/`` and works on the shared ``Extractor`` cursor.
"""

from __future__ import annotations

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Extractor, HeadingCandidate
from awesomeparse.extract.dialects import bold_title, bracket_year, heading_entry, link_item, plain_line, table
from awesomeparse.extract.finalize import finalize
from awesomeparse.model import Document
from awesomeparse.source import Source
from awesomeparse.tokens.token import Token

DIALECTS: tuple[str, ...] = (
    bold_title.DIALECT,
    bracket_year.DIALECT,
    heading_entry.DIALECT,
    table.DIALECT,
    link_item.DIALECT,
    plain_line.DIALECT,
)

__all__ = ["DIALECTS", "extract"]

_REFERENCES = ("references", "reference", "参考", "参考文献", "refs")


def extract(tokens: tuple[Token, ...], source: Source) -> Document:
    """Read every entry of a tokenized list."""
    extractor = Extractor(source=source, tokens=tokens)
    position = 0
    while position < len(tokens):
        extractor.position = position
        token = tokens[position]
        position = _dispatch(extractor, token, position)
        if token.type != "blank":
            extractor.last_line_type = token.type
    while extractor.candidates:
        heading_entry.close(extractor, extractor.candidates.pop())
    return Document(
        source=source.path,
        entries=finalize(extractor.drafts, source.line_index),
        sections=extractor.sections.sections,
        front_matter=source.front_matter,
    )


def _dispatch(extractor: Extractor, token: Token, position: int) -> int:
    kind = token.type
    if kind == "heading":
        _heading(extractor, token)
    elif kind == "thematic_break":
        previous = extractor.tokens[position - 1] if position else None
        if previous is not None and previous.type == "heading" and extractor.candidates:
            extractor.candidates[-1].has_rule = True
        else:
            extractor.reset()
    elif kind == "bold_line":
        bold_title.title(extractor, token)
    elif kind in {"bullet", "ordered"}:
        _item(extractor, token)
        current = extractor.current
        if token.end_line and current is not None and current.line <= token.line:
            current.touch(token.end_line)  # an item with lazy continuation lines
    elif kind == "text":
        _text(extractor, token)
    elif kind == "table_row" and "header" in token.flags:
        extractor.reset()
        return table.table(extractor, position)
    return position + 1


def _heading(extractor: Extractor, token: Token) -> None:
    while extractor.candidates and extractor.candidates[-1].token.level >= token.level:
        heading_entry.close(extractor, extractor.candidates.pop())
    if extractor.candidates:
        extractor.candidates[-1].has_child_heading = True
    parent = extractor.sections.heading(token.level, token.text, token.line)
    extractor.candidates.append(HeadingCandidate(token=token, parent=parent))
    extractor.reset()


def _has_url(token: Token) -> bool:
    return any(child.type in link_builder.URL_TYPES for child in token.children)


def _item(extractor: Extractor, token: Token) -> None:
    current = extractor.current
    if extractor.mode == bold_title.DIALECT and current is not None and token.indent < 4 + current.indent:
        bold_title.field_bullet(extractor, token)
        extractor.last_bullet_line = token.line
        return
    extractor.last_bullet_line = token.line
    if bracket_year.tagged_item(extractor, token):
        return
    if _has_url(token):
        if _url_only(token, extractor.text):
            extractor.sections.pop_pseudo(token.indent)
            bracket_year.url_item(extractor, token)
        else:
            link_item.item(extractor, token)
        return
    nested = current is not None and token.indent > current.indent
    if not nested and link_item.text_citation(extractor, token):
        return
    following = extractor.next_content()
    if following is not None and following.type in {"bullet", "ordered"} and following.indent > token.indent:
        if link_item.fields_follow(extractor, token):
            link_item.titled_item(extractor, token)
            return
        extractor.sections.push_pseudo(token.indent, token.text, token.line)
        extractor.reset()
        return
    if nested and current is not None and token.text.strip():
        link_item.sub_text(extractor, current, token.text)
        current.touch(token.line)
    elif current is None and extractor.candidates and token.text.strip():
        # ``- intro: NIPS 2016`` right under a heading that may turn out to be the paper.
        extractor.candidates[-1].notes.append(token.text.strip())


def _url_only(token: Token, text: str) -> bool:
    assert token.content is not None
    spans = []
    for child in token.children:
        if child.type == "link" and child.text.strip() and "://" not in child.text:
            return False  # a titled link: ``[Title](url)``
        if child.type in link_builder.URL_TYPES:
            spans.append(child.span)
    rest = link_builder.blank_out(text, token.content.start, token.content.end, spans)
    # ``- https://github.com/x/y (Caffe)``: a framework after the URL still leaves a bare URL item.
    return not link_builder.without_frameworks(rest).strip(" \t[]()<>{}|,;")


def _text(extractor: Extractor, token: Token) -> None:
    text = token.text.strip()
    if not text:
        return
    stripped = text.strip("*_ :：").lower()
    if stripped in _REFERENCES:
        return
    current = extractor.current
    if extractor.mode == bold_title.DIALECT and bold_title.text_line(extractor, token):
        return
    if plain_line.is_subheading(extractor, token):
        extractor.sections.push_pseudo(-1, text, token.line)
        extractor.reset()
        return
    if plain_line.line(extractor, token):
        return
    if current is None or _has_url(token):
        if extractor.candidates and not _has_url(token):
            extractor.candidates[-1].notes.append(text)
        return
    if token.indent > current.indent or extractor.last_bullet_line == token.line - 1:
        link_item.sub_text(extractor, current, text)
        current.touch(token.line)
