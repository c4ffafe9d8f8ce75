"""Tokenizer: Source -> flat tuple of line-exact block tokens with inline children.

``BLOCK_RULES`` is the ordered rule table; the first rule that accepts a line wins.
"""

from __future__ import annotations

from collections.abc import Callable

from awesomeparse.source import Source
from awesomeparse.spans import Span
from awesomeparse.tokens import references
from awesomeparse.tokens.rules.blank import blank
from awesomeparse.tokens.rules.blockquote import blockquote
from awesomeparse.tokens.rules.bold_line import bold_line
from awesomeparse.tokens.rules.bullet import bullet
from awesomeparse.tokens.rules.fence import fence
from awesomeparse.tokens.rules.heading import heading
from awesomeparse.tokens.rules.html_block import html_block
from awesomeparse.tokens.rules.link_definition import link_definition
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
    ("link_definition", link_definition),
    ("plain_line", plain_line),
)

# Which first non-blank characters can start each construct; a rule that cannot match
# a line is not tried (the order of BLOCK_RULES still decides between the others).
_TRIGGERS: dict[str, Callable[[str, str], bool]] = {
    "fence": lambda first, _line: first in "`~",
    "blank": lambda first, _line: not first,
    "html_block": lambda first, _line: first == "<",
    "heading": lambda first, _line: first == "#",
    "table": lambda _first, line: "|" in line,
    "thematic_break": lambda first, _line: first in "-*_=",
    "bullet": lambda first, _line: first in "-*+=",
    "ordered": lambda first, _line: first.isdigit(),
    "bold_line": lambda _first, line: "**" in line or "__" in line,
    "blockquote": lambda first, _line: first == ">",
    "link_definition": lambda first, _line: first == "[",
    "plain_line": lambda _first, _line: True,
}

__all__ = ["BLOCK_RULES", "Token", "tokenize"]


def tokenize(source: Source) -> tuple[Token, ...]:
    """Every line of ``source`` as block tokens, in order; front matter is one token."""
    index = source.line_index
    state = LineState(source.text, index)
    state.references = references.collect(source.text)
    number = 1
    if source.front_matter_lines:
        first = index.line_span(1)
        last = index.line_span(source.front_matter_lines)
        state.tokens.append(
            Token("front_matter", Span(first.start, last.end), 1, markup="---",
                  text=source.text[first.start:last.end])
        )
        number = source.front_matter_lines + 1
    rules = [(_TRIGGERS[name], rule) for name, rule in BLOCK_RULES]
    total = index.line_count
    while number <= total:
        state.load(number)
        line = state.line
        if state.fence is not None or state.in_comment:
            handled = (fence if state.fence is not None else html_block)(state)
            if handled:
                number = state.number + 1
                continue
        lead_char = line[state.lead : state.lead + 1]
        for trigger, rule in rules:
            if trigger(lead_char, line) and rule(state):
                break
        number = state.number + 1
    return tuple(state.tokens)
