"""Ordered item: ``1.`` or ``1)``, whitespace, the item text."""

from __future__ import annotations

import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_ORDERED = re.compile(r"[ \t]*(\d{1,9}[.)])(?:[ \t]+|$)")


def ordered(state: LineState) -> bool:
    line = state.line
    found = _ORDERED.match(line)
    if found is None:
        return False
    state.in_table = False
    content_start = found.end()
    end = len(line.rstrip())
    state.push(
        Token("ordered", state.span(0, len(line)), state.number, text=line[content_start:end],
              content=state.span(content_start, end), markup=found.group(1), indent=state.indent,
              children=state.inline(content_start, end))
    )
    return True
