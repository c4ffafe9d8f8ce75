"""Bullet item: ``-``, ``*`` or ``+``, whitespace, the item text; nesting by indent.

Also reads two hand-made mistakes as bullets, flagged for lint: a marker glued to a
label (`` -github: …``, ``missing_space``) and ``=`` typed for ``-`` (``= arixv: …``,
``wrong_marker``). Bullets indented four columns or more outside a list are code to
CommonMark; we still read them and flag ``code_indent``.
"""

from __future__ import annotations

import re

from awesomeparse.spans import Span
from awesomeparse.tokens import inline
from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_BULLET = re.compile(r"[ \t]*([-*+])(?:[ \t]+|$)")
_LABEL_AHEAD = r"(?=[A-Za-z][\w +&.-]{0,30}(?:\([^)]*\))*[ \t]*[:：;]|\[)"
_GLUED = re.compile(r"[ \t]*(-)" + _LABEL_AHEAD)
_WRONG = re.compile(r"[ \t]*(=)[ \t]+" + _LABEL_AHEAD)
_OTHER_BLOCK = re.compile(r"[ \t]*(?:\d{1,9}[.)](?:[ \t]|$)|#|>|<|```|~~~|\*\*|__|[-*_=]{3,}[ \t]*$|[-*+][ \t]*$)")
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
    indent = state.indent
    if indent >= 4:
        previous = state.last_content
        if previous is None or previous.type in _BLOCK_BEFORE_CODE:
            flags.add("code_indent")
    state.in_table = False
    content_start = found.end()
    first_line, start = state.number, state.start
    last_line = state.absorb_continuation(starts_block)
    if last_line != first_line:
        state.load(last_line)
    # Offsets below are relative to the item's first line, even when it spans several.
    end = state.end - start
    text = state.text[start : state.end]
    while end > content_start and text[end - 1] in " \t\r":
        end -= 1
    state.push(
        Token("bullet", Span(start, state.end), first_line, text=text[content_start:end],
              content=Span(start + content_start, start + end), markup=found.group(1), indent=indent,
              flags=flags, children=inline.scan(state.text, start + content_start, start + end, first_line,
                                         state.references),
              end_line=last_line if last_line != first_line else 0)
    )
    return True


def starts_block(line: str) -> bool:
    """Whether ``line`` begins a construct of its own rather than continuing an item."""
    return bool(
        _BULLET.match(line) or _GLUED.match(line) or _WRONG.match(line) or _OTHER_BLOCK.match(line)
    )
