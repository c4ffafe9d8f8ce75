"""HTML line: ``<tag …>``, ``</tag>`` or an ``<!-- comment -->`` (possibly spanning lines)."""

from __future__ import annotations

import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_HTML_START = re.compile(r" {0,3}<(?:!--|/?[A-Za-z][\w-]*(?=[\s/>]|$))")


def html_block(state: LineState) -> bool:
    line = state.line
    if state.in_comment:
        if "-->" in line:
            state.in_comment = False
        state.push(Token("html", state.span(0, len(line)), state.number, text=line, flags={"comment"}))
        return True
    opening = _HTML_START.match(line)
    if opening is None:
        return False
    flags = set()
    if opening.group().lstrip().startswith("<!--"):
        flags.add("comment")
        if "-->" not in line[opening.end():]:
            state.in_comment = True
    state.in_table = False
    state.push(Token("html", state.span(0, len(line)), state.number, text=line.strip(), flags=flags))
    return True
