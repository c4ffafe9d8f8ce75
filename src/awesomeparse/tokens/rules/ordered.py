"""Ordered item: ``1.`` or ``1)``, whitespace, the item text."""

from __future__ import annotations

import re

from awesomeparse.spans import Span
from awesomeparse.tokens import inline
from awesomeparse.tokens.rules.bullet import starts_block
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
    indent = state.indent
    first_line, start = state.number, state.start
    last_line = state.absorb_continuation(starts_block)
    if last_line != first_line:
        state.load(last_line)
    text = state.text[start : state.end]
    end = len(text.rstrip())
    state.push(
        Token("ordered", Span(start, state.end), first_line, text=text[content_start:end],
              content=Span(start + content_start, start + max(end, content_start)), markup=found.group(1),
              indent=indent, children=inline.scan(state.text, start + content_start, start + end, first_line,
                                         state.references),
              end_line=last_line if last_line != first_line else 0)
    )
    return True
