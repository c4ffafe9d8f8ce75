"""Pipe table: a row with ``|``, a delimiter row (``--|--``, ``:---:``), then rows until a blank line.

Rows need no leading or trailing ``|`` (``2017 | Mask-RCNN`` counts: mistune drops
such rows, we keep them). Each cell is a child token with its own inline tokens.
"""

from __future__ import annotations

import itertools
import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_DELIMITER = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_LIST_START = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")


def _cells(state: LineState) -> tuple[Token, ...]:
    line = state.line
    bounds: list[int] = [-1]
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if char == "|":
            bounds.append(index)
        index += 1
    bounds.append(len(line))
    cells = []
    for left, right in itertools.pairwise(bounds):
        start, end = left + 1, right
        raw = line[start:end]
        if not raw.strip() and (left == -1 or right == len(line)):
            continue  # the empty outside of a leading or trailing pipe
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        text_start, text_end = start + lead, start + max(trail, lead)
        cells.append(
            Token("cell", state.span(start, end), state.number, text=line[text_start:text_end],
                  content=state.span(text_start, text_end), markup="|",
                  children=state.inline(text_start, text_end))
        )
    return tuple(cells)


def table(state: LineState) -> bool:
    line = state.line
    if "|" not in line:
        return False
    if state.in_table:
        if _LIST_START.match(line):
            state.in_table = False
            return False
        state.push(Token("table_row", state.span(0, len(line)), state.number, text=line.strip(),
                         markup="|", children=_cells(state)))
        return True
    following = state.peek()
    if following is None or _DELIMITER.fullmatch(following.rstrip("\r")) is None or _LIST_START.match(line):
        return False
    if _DELIMITER.fullmatch(line):
        return False
    state.in_table = True
    state.push(Token("table_row", state.span(0, len(line)), state.number, text=line.strip(), markup="|",
                     flags={"header"}, children=_cells(state)))
    state.load(state.number + 1)
    state.push(Token("table_delimiter", state.span(0, len(state.line)), state.number, text=state.line.strip(),
                     markup="|"))
    return True
