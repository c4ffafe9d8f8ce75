"""Blank line: nothing but spaces and tabs. It ends tables and paragraphs."""

from __future__ import annotations

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token


def blank(state: LineState) -> bool:
    if state.line.strip():
        return False
    state.in_table = False
    state.push(Token("blank", state.span(0, len(state.line)), state.number))
    return True
