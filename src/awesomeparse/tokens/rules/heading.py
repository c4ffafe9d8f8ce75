"""ATX heading: ``#`` … ``######``, a space, the text, optional closing ``#``s.

Chinese lists sometimes run two headings together (``# 进阶论文# 综述``); a ``#`` run
that follows a CJK character and precedes a space starts a second heading on the line.
"""

from __future__ import annotations

import regex

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_ATX = regex.compile(r" {0,3}(#{1,6})(?=[ \t]|$)[ \t]*+")
_SAME_LINE = regex.compile(r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])[ \t]*+(#{1,6})[ \t]++(?=\S)")


def heading(state: LineState) -> bool:
    line = state.line
    opening = _ATX.match(line)
    if opening is None:
        return False
    state.in_table = False
    parts: list[tuple[int, int, str, set[str]]] = []  # (markup start, content start, markup, flags)
    content_start = opening.end()
    markup = opening.group(1)
    start = opening.start(1)
    flags: set[str] = set()
    # Only a CJK character can precede a second heading: an ASCII line skips the search.
    for split in () if line.isascii() else _SAME_LINE.finditer(line, content_start):
        parts.append((start, content_start, markup, flags))
        start, content_start, markup, flags = split.start(1), split.end(), split.group(1), {"same_line"}
    parts.append((start, content_start, markup, flags))
    for position, (markup_start, text_start, marks, part_flags) in enumerate(parts):
        if position + 1 < len(parts):
            text_end = parts[position + 1][0]
            token_end = text_end
        else:
            token_end = len(line)
            text_end = _closing_start(line, text_start, token_end)
        while text_end > text_start and line[text_end - 1] in " \t":
            text_end -= 1
        state.push(
            Token(
                "heading",
                state.span(markup_start if position else 0, token_end),
                state.number,
                text=line[text_start:text_end],
                content=state.span(text_start, text_end),
                markup=marks,
                level=len(marks),
                indent=state.indent,
                flags=part_flags,
                children=state.inline(text_start, text_end),
            )
        )
    return True


def _closing_start(line: str, start: int, end: int) -> int:
    """Where the optional closing sequence (`` ##``) and trailing blanks of ``line[start:end]`` begin.

    Read backwards from the end: a regex search for ``[ \t]*$`` restarts at every blank of a long
    run and is quadratic in it.
    """
    blanks = end
    while blanks > start and line[blanks - 1] in " \t":
        blanks -= 1
    marks = blanks
    while marks > start and line[marks - 1] == "#":
        marks -= 1
    if marks in (blanks, start) or line[marks - 1] not in " \t":
        return blanks  # no ``#`` run, or one glued to the text (``C#``): not a closing sequence
    while marks > start and line[marks - 1] in " \t":
        marks -= 1
    return marks
