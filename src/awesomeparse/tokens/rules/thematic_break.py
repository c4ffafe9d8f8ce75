"""Thematic break (``---``, ``***``, ``- - -``) or a setext underline (``---``/``===`` under text).

Under a paragraph line CommonMark reads ``---`` as an underline that turns the line
above into a heading; lists written by hand do that by accident, so it is flagged.
"""

from __future__ import annotations

import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")


def thematic_break(state: LineState) -> bool:
    line = state.line
    is_break = _BREAK.fullmatch(line) is not None
    setext = _SETEXT.fullmatch(line)
    if not is_break and setext is None:
        return False
    previous = state.last_content
    follows_text = (
        previous is not None
        and previous.type == "text"
        and previous.line == state.number - 1
        and previous.indent < 4
    )
    if setext is not None and follows_text:
        assert previous is not None
        level = 1 if setext.group(1)[0] == "=" else 2
        state.replace_last_content(
            Token("heading", previous.span, previous.line, text=previous.text.strip(), content=previous.content,
                  markup=setext.group(1), level=level, indent=previous.indent, flags={"setext"},
                  children=previous.children)
        )
        state.push(Token("setext_underline", state.span(0, len(line)), state.number, markup=line.strip()))
        return True
    if not is_break:
        return False
    state.in_table = False
    state.push(Token("thematic_break", state.span(0, len(line)), state.number, markup=line.strip()))
    return True
