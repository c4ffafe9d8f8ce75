"""LineState: the cursor the block rules share while tokenizing one source."""

from __future__ import annotations

from collections.abc import Callable

from awesomeparse.spans import LineIndex, Span
from awesomeparse.tokens import inline
from awesomeparse.tokens.token import Token


def indent_width(line: str) -> tuple[int, int]:
    """``(columns, characters)`` of leading whitespace; a tab advances to the next multiple of 4."""
    width = 0
    count = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
        count += 1
    return width, count


class LineState:
    """Per-line view for the block rules: the current line, its span, and what is open.

    Rules read ``line``/``start``/``number``, may peek at the next line, and ``push``
    tokens. ``fence`` and ``in_table`` carry multi-line constructs across lines.
    """

    __slots__ = (
        "end",
        "fence",
        "in_comment",
        "in_table",
        "indent",
        "index",
        "last_content",
        "lead",
        "line",
        "number",
        "references",
        "start",
        "text",
        "tokens",
    )

    def __init__(self, text: str, index: LineIndex) -> None:
        self.text = text
        self.index = index
        self.number = 0
        self.line = ""
        self.start = 0
        self.end = 0
        self.indent = 0
        self.lead = 0
        self.tokens: list[Token] = []
        self.fence: str | None = None
        self.in_table = False
        self.in_comment = False
        self.last_content: Token | None = None
        """The last non-blank block token, for rules that depend on what came before."""
        self.references: dict[str, Span] = {}
        """Link reference definitions of the whole text, label -> URL span."""

    def load(self, number: int) -> None:
        start, end = self.index.line_bounds(number)
        self.number = number
        self.start = start
        self.end = end
        self.line = self.text[start:end]
        self.indent, self.lead = indent_width(self.line)

    def peek(self, offset: int = 1) -> str | None:
        """Content of a following line, or ``None`` past the end."""
        number = self.number + offset
        if number > self.index.line_count:
            return None
        start, end = self.index.line_bounds(number)
        return self.text[start:end]

    def span(self, start: int, end: int) -> Span:
        """Span of ``line[start:end]`` in the source."""
        return Span(self.start + start, self.start + end)

    def inline(self, start: int, end: int) -> tuple[Token, ...]:
        """Inline tokens of ``line[start:end]``."""
        return inline.scan(self.text, self.start + start, self.start + end, self.number, self.references)

    def absorb_continuation(self, starts_block: Callable[[str], bool]) -> int:
        """Take the lazy continuation lines of a list item: non-blank lines that start no block.

        CommonMark folds them into the item's paragraph; hand-wrapped lists rely on it
        (``- [Title first half`` / ``rest](url)``, ``- intro: … `` / ``… continued``).
        Returns the new current line number (unchanged when nothing was taken).
        """
        last = self.number
        while True:
            following = self.peek(last - self.number + 1)
            if following is None or not following.strip() or starts_block(following):
                break
            last += 1
        return last

    def push(self, token: Token) -> None:
        self.tokens.append(token)
        if token.type != "blank":
            self.last_content = token

    def replace_last_content(self, token: Token) -> None:
        """Swap the last non-blank token (a paragraph line that turned out to be a setext heading)."""
        last = self.last_content
        if last is None:
            return
        for position in range(len(self.tokens) - 1, -1, -1):
            if self.tokens[position] is last:
                self.tokens[position] = token
                break
        self.last_content = token
