"""Block quote line: ``>`` then text (kept as prose, never an entry head)."""

from __future__ import annotations

import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_QUOTE = re.compile(r" {0,3}>[ \t]?")


def blockquote(state: LineState) -> bool:
    line = state.line
    found = _QUOTE.match(line)
    if found is None or line.startswith(("<", " <"), 0):
        return False
    state.in_table = False
    end = len(line.rstrip())
    state.push(
        Token("blockquote", state.span(0, len(line)), state.number, text=line[found.end():end],
              content=state.span(found.end(), max(found.end(), end)), markup=">",
              children=state.inline(found.end(), max(found.end(), end)))
    )
    return True
