"""Table dialect: rows of method or paper tables become entries. A row's name comes from the
column headed Method/Net/Model/Title/Paper (``Name`` only when the table holds links); cells
like ``[[pdf]](…) [[code]](…)`` are its links; a method row without links is a ``mention``."""

from __future__ import annotations

import regex

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Extractor
from awesomeparse.normalize import years_venues
from awesomeparse.tokens.token import Token

DIALECT = "table"
_NAME_HEADER = regex.compile(
    r"(?i)\b(?:methods?|net|networks?|models?|detectors?|algorithms?|algos?|architectures?|approach|papers?|title)\b"
    r"|论文|方法|模型|网络|算法"
)
_LOOSE_NAME_HEADER = regex.compile(r"(?i)\bname\b|名称")
_CELL_NOISE = regex.compile(r"<br\s*+/?>|\*\*|`", regex.I)


def table(extractor: Extractor, index: int) -> int:
    """Read the table whose header is ``tokens[index]``; returns the index after its last row."""
    tokens = extractor.tokens
    header = tokens[index]
    rows: list[Token] = []
    position = index + 1
    while position < len(tokens) and tokens[position].type in {"table_row", "table_delimiter"}:
        if tokens[position].type == "table_row":
            rows.append(tokens[position])
        position += 1
    if extractor.sections.in_toc():
        return position
    has_links = any(
        child.type in link_builder.URL_TYPES and not _anchor(child, extractor.text)
        for row in rows for cell in row.children for child in cell.children
    )
    column = _name_column(header, has_links)
    if column is None:
        return position
    for row in rows:
        _row(extractor, row, column)
    return position


def _anchor(token: Token, text: str) -> bool:
    return token.target is not None and token.target.slice(text).strip().startswith("#")


def _name_column(header: Token, has_links: bool) -> int | None:
    for number, cell in enumerate(header.children):
        if _NAME_HEADER.search(cell.text):
            return number
    for number, cell in enumerate(header.children):
        if has_links and _LOOSE_NAME_HEADER.search(cell.text):
            return number
    return 0 if has_links and header.children else None


def _row(extractor: Extractor, row: Token, column: int) -> None:
    cells = row.children
    if column >= len(cells):
        return
    name_cell = cells[column]
    name_link = next((child for child in name_cell.children if child.type == "link"), None)
    starts_with_link = name_link is not None and name_cell.content is not None \
        and name_link.span.start == name_cell.content.start
    raw = name_link.text if name_link is not None and starts_with_link else name_cell.text
    raw = _CELL_NOISE.sub(" ", raw).strip()
    if not raw or not any(char.isalnum() for char in raw):
        return
    found = []
    for cell in cells:
        usable = [child for child in cell.children if not _anchor(child, extractor.text)]
        found.extend(link_builder.build(usable, extractor.text))
    draft = extractor.new_draft(row.line, DIALECT)
    draft.set_title(raw)
    draft.add_links(found)
    for number, cell in enumerate(cells):
        if number == column or not any(char.isalnum() for char in cell.text):
            continue
        stated = years_venues.find(_CELL_NOISE.sub(" ", cell.text))
        draft.take_year_venue(stated)
        if stated.empty:
            draft.notes.append(_CELL_NOISE.sub(" ", cell.text).strip())
    if not found:
        draft.kind_hint = "mention"
