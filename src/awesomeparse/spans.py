"""Source positions: half-open character spans and the offset <-> line:column index."""

from __future__ import annotations

from bisect import bisect_right

from attrs import frozen


@frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a decoded text.

    Immutable; offsets count code points of the text after BOM removal, so a span
    taken from a token slices the same characters out of ``Source.text``.
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # One check instead of per-field validators: spans are built by the hundred thousand.
        if not 0 <= self.start <= self.end:
            if self.start < 0:
                raise ValueError(f"span offsets must be non-negative, got {self.start}")
            raise ValueError(f"span end {self.end} precedes start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def shift(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)


class LineIndex:
    """Maps character offsets to 1-based ``(line, column)`` pairs and back.

    Only ``\\n`` ends a line, so CRLF and LF files number their lines the same; a
    ``\\r`` before the ``\\n`` belongs to the line it ends and is never part of a
    line's content span.
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        """Number of lines; a final line without a newline counts, an empty tail does not."""
        count = len(self._starts)
        if self._starts[-1] == len(self._text) and count > 1:
            count -= 1
        return count

    def line_of(self, offset: int) -> int:
        """1-based line number holding ``offset`` (an offset at EOF belongs to the last line)."""
        return bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset``; columns count characters."""
        line = self.line_of(offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """Character offset of a 1-based ``(line, column)``."""
        if not 1 <= line <= len(self._starts):
            raise IndexError(f"line {line} out of range 1..{len(self._starts)}")
        return self._starts[line - 1] + column - 1

    def line_bounds(self, line: int) -> tuple[int, int]:
        """``(start, end)`` offsets of a line's content, without its ``\\n`` or ``\\r\\n``."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._text)
        if end > start and self._text[end - 1] == "\r":
            end -= 1
        return start, end

    def line_span(self, line: int) -> Span:
        """Span of a line's content, without its ``\\n`` or ``\\r\\n`` terminator."""
        return Span(*self.line_bounds(line))

    def line_text(self, line: int) -> str:
        return self.line_span(line).slice(self._text)
