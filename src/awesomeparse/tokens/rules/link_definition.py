"""Link reference definition: ``[label]: https://…`` on a line of its own. Not content: the
links that use it (``[Title][label]``) are resolved by the inline scanner."""

from __future__ import annotations

from awesomeparse.tokens.references import DEFINITION
from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token


def link_definition(state: LineState) -> bool:
    if not state.references or DEFINITION.match(state.line) is None:
        return False
    state.push(Token("link_definition", state.span(0, len(state.line)), state.number, text=state.line.strip()))
    return True
