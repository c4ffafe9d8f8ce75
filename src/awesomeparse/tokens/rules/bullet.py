"""Bullet item: ``-``, ``*`` or ``+``, whitespace, the item text; nesting by indent.

Also reads two hand-made mistakes as bullets, flagged for lint: a marker glued to a
label (`` -github: …``, ``missing_space``) and ``=`` typed for ``-`` (``= arixv: …``,
``wrong_marker``). Bullets indented four columns or more outside a list are code to
CommonMark; we still read them and flag ``code_indent``.
"""

from __future__ import annotations

import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_BULLET = re.compile(r"[ \t]*([-*+])(?:[ \t]+|$)")
_LABEL_AHEAD = r"(?=[A-Za-z][\w +&.-]{0,30}(?:\([^)]*\))*[ \t]*[:：;]|\[)"
_GLUED = re.compile(r"[ \t]*(-)" + _LABEL_AHEAD)
_WRONG = re.compile(r"[ \t]*(=)[ \t]+" + _LABEL_AHEAD)
_BLOCK_BEFORE_CODE = frozenset(
    {"heading", "thematic_break", "setext_underline", "bold_line", "html", "table_row", "table_delimiter", "fence"}
)


def bullet(state: LineState) -> bool:
    line = state.line
    flags: set[str] = set()
    found = _BULLET.match(line)
    if found is None:
        found = _GLUED.match(line)
        if found is not None:
            flags.add("missing_space")
        else:
            found = _WRONG.match(line)
            if found is None:
                return False
            flags.add("wrong_marker")
    if line.startswith("**", found.start(1)):
        return False
    if state.indent >= 4:
        previous = state.last_content
        if previous is None or previous.type in _BLOCK_BEFORE_CODE:
            flags.add("code_indent")
    state.in_table = False
    content_start = found.end()
    end = len(line)
    while end > content_start and line[end - 1] in " \t":
        end -= 1
    state.push(
        Token("bullet", state.span(0, len(line)), state.number, text=line[content_start:end],
              content=state.span(content_start, end), markup=found.group(1), indent=state.indent,
              flags=flags, children=state.inline(content_start, end))
    )
    return True
