"""Fenced code: ``` or ~~~ opens, the same marker (at least as long) closes; lines inside are code."""

from __future__ import annotations

import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def fence(state: LineState) -> bool:
    line = state.line
    if state.fence is not None:
        closing = _FENCE.match(line)
        if closing and closing.group(1)[0] == state.fence[0] and len(closing.group(1)) >= len(state.fence) \
                and not line[closing.end():].strip():
            state.fence = None
            state.push(Token("fence", state.span(0, len(line)), state.number, markup=closing.group(1)))
        else:
            state.push(Token("code", state.span(0, len(line)), state.number, text=line))
        return True
    opening = _FENCE.match(line)
    if opening is None or (opening.group(1)[0] == "`" and "`" in line[opening.end():]):
        return False
    state.fence = opening.group(1)
    info = line[opening.end():].strip()
    state.push(Token("fence", state.span(0, len(line)), state.number, text=info, markup=opening.group(1)))
    return True
