"""Tokenizer: Source -> flat tuple of line-exact block tokens with inline children.

``BLOCK_RULES`` is the ordered rule table; the first rule that accepts a line wins.
"""

from __future__ import annotations

from collections.abc import Callable

from awesomeparse.source import Source
from awesomeparse.tokens.rules.blank import blank
from awesomeparse.tokens.rules.blockquote import blockquote
from awesomeparse.tokens.rules.bold_line import bold_line
from awesomeparse.tokens.rules.bullet import bullet
from awesomeparse.tokens.rules.fence import fence
from awesomeparse.tokens.rules.heading import heading
from awesomeparse.tokens.rules.html_block import html_block
from awesomeparse.tokens.rules.ordered import ordered
from awesomeparse.tokens.rules.plain_line import plain_line
from awesomeparse.tokens.rules.table import table
from awesomeparse.tokens.rules.thematic_break import thematic_break
from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

Rule = Callable[[LineState], bool]

BLOCK_RULES: tuple[tuple[str, Rule], ...] = (
    ("fence", fence),
    ("blank", blank),
    ("html_block", html_block),
    ("heading", heading),
    ("table", table),
    ("thematic_break", thematic_break),
    ("bullet", bullet),
    ("ordered", ordered),
    ("bold_line", bold_line),
    ("blockquote", blockquote),
    ("plain_line", plain_line),
)

__all__ = ["BLOCK_RULES", "Token", "tokenize"]


def tokenize(source: Source) -> tuple[Token, ...]:
    """Every line of ``source`` as block tokens, in order; front matter is one token."""
    index = source.line_index
    state = LineState(source.text, index)
    number = 1
    if source.front_matter_lines:
        first = index.line_span(1)
        last = index.line_span(source.front_matter_lines)
        state.tokens.append(
            Token("front_matter", first.__class__(first.start, last.end), 1, markup="---",
                  text=source.text[first.start:last.end])
        )
        number = source.front_matter_lines + 1
    rules = [rule for _name, rule in BLOCK_RULES]
    total = index.line_count
    while number <= total:
        state.load(number)
        for rule in rules:
            if rule(state):
                break
        number = state.number + 1
    return tuple(state.tokens)
