"""Plain line: any other text (a paragraph line, a ``Title[url]`` line, a wrapped intro)."""

from __future__ import annotations

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token


def plain_line(state: LineState) -> bool:
    line = state.line
    start = state.lead
    end = len(line.rstrip())
    flags = {"code_indent"} if state.indent >= 4 and _after_block(state) else set()
    state.in_table = False
    state.push(
        Token("text", state.span(0, len(line)), state.number, text=line[start:end],
              content=state.span(start, max(start, end)), indent=state.indent, flags=flags,
              children=state.inline(start, max(start, end)))
    )
    return True


def _after_block(state: LineState) -> bool:
    previous = state.last_content
    return previous is None or previous.type in {"heading", "thematic_break", "setext_underline", "html"}
