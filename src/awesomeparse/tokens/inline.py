"""Inline scanner: links, images, autolinks, bare and bracketed URLs, bold, with spans.

Runs in linear time per line: brackets and parentheses are matched once with a stack,
so a link attempt is a table lookup, and every regex is possessive.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping

import regex

from awesomeparse.spans import Span
from awesomeparse.tokens.references import normalize as normalize_label
from awesomeparse.tokens.token import Token

_CANDIDATE = regex.compile(r"!\[|\[|<(?=(?:https?|ftp)://)|\{(?=https?://)|(?<![\w/.])(?:https?|ftp)://", regex.I)
# What a bare URL may contain: no whitespace, no markup delimiters, no CJK punctuation.
_BARE_URL = regex.compile(
    r"(?:https?|ftp)://[^\s<>\"\[\]{}|\\^`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]++",
    regex.I,
)
_URLISH = regex.compile(r"\s*+((?:https?|ftp)://\S++|www\.\S++|/[^\s()]*+|#\S*+|\./\S*+)\s*+", regex.I)
_AUTOLINK = regex.compile(r"<((?:https?|ftp)://[^\s<>]*+)>", regex.I)
_BRACE_TEXT = regex.compile(r"\{((?:https?|ftp)://[^\s{}]++)\}(?=\()", regex.I)
_STRONG = regex.compile(r"\*\*")
# Escapes are matched as two characters so an escaped bracket is skipped, not paired.
_PAIR_CHARS = {"[": regex.compile(r"\\.|[\[\]]", regex.S), "(": regex.compile(r"\\.|[()]", regex.S)}
_TRAILING_PUNCT = ".,;:!?*'\"~"
# The standard ``re`` here on purpose: its ``\s`` is exactly ``str.isspace``, which the
# ``strip``/``split`` these scans replace used; the ``regex`` module's ``\s`` differs slightly.
_SPACES = re.compile(r"\s*")
_SPACE = re.compile(r"\s")


class _Positions:
    """Whitespace and ``"`` positions of one segment, found on first use.

    A ``(…)`` target nested in many others (``[a]( [a]( … ) )``) is judged by bisecting these
    instead of rescanning the target each time, which would be quadratic in the nesting.
    """

    __slots__ = ("_quotes", "_segment", "_spaces")

    def __init__(self, segment: str) -> None:
        self._segment = segment
        self._spaces: list[int] | None = None
        self._quotes: list[int] | None = None

    def first_space(self, start: int, end: int) -> int:
        """First whitespace position in ``[start, end)``, else ``end``."""
        if self._spaces is None:
            self._spaces = [found.start() for found in _SPACE.finditer(self._segment)]
        at = bisect_left(self._spaces, start)
        return min(self._spaces[at], end) if at < len(self._spaces) else end

    def has_quote(self, start: int, end: int) -> bool:
        if self._quotes is None:
            self._quotes = [found.start() for found in re.finditer('"', self._segment)]
        at = bisect_left(self._quotes, start)
        return at < len(self._quotes) and self._quotes[at] < end


def _strip_bounds(segment: str, start: int, end: int) -> tuple[int, int]:
    """``segment[start:end].strip()`` as positions; each whitespace run is walked from one side only."""
    lead = _SPACES.match(segment, start, end)
    start = lead.end() if lead is not None else start
    while end > start and segment[end - 1].isspace():
        end -= 1
    return start, end


def match_pairs(text: str, opener: str, closer: str) -> dict[int, int]:
    """Positions of ``opener`` mapped to their balanced ``closer``; backslash escapes skipped."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    pattern = _PAIR_CHARS[opener]
    for found in pattern.finditer(text):
        char = found.group()
        if char[0] == "\\":
            continue
        index = found.start()
        if char == opener:
            stack.append(index)
        elif stack:
            pairs[stack.pop()] = index
    return pairs


def bare_url_end(text: str, start: int) -> int:
    """End of the bare URL starting at ``start``: trailing punctuation and unbalanced ``)`` trimmed."""
    found = _BARE_URL.match(text, start)
    if found is None:
        return start
    end = found.end()
    opened = closed = -1  # parentheses in text[start:end], counted once at the first trailing ``)``
    while end > start:
        last = text[end - 1]
        if last in _TRAILING_PUNCT:
            end -= 1
            continue
        if last == ")":
            if closed < 0:
                opened, closed = text.count("(", start, end), text.count(")", start, end)
            if opened < closed:
                closed -= 1
                end -= 1
                continue
        break
    return end


def scan(
    text: str, start: int, end: int, line: int, references: Mapping[str, Span] | None = None
) -> tuple[Token, ...]:
    """Inline tokens of ``text[start:end]`` (one line or one table cell), in source order.

    ``references`` (label -> URL span, from ``tokens.references``) resolves ``[Title][label]``.
    """
    segment = text[start:end]
    if not segment or ("://" not in segment and "[" not in segment and "**" not in segment):
        return ()  # nothing inline can start here: most field and prose lines
    tokens: list[Token] = []
    brackets = match_pairs(segment, "[", "]") if "[" in segment else {}
    parens = match_pairs(segment, "(", ")") if "(" in segment and ("[" in segment or "{" in segment) else {}
    positions = _Positions(segment)
    lines = _LineCounter(segment, line)
    cursor = 0
    for candidate in _CANDIDATE.finditer(segment):
        index = candidate.start()
        if index < cursor:
            continue
        marker = candidate.group()
        own = lines.at(index)  # every token starts at its candidate
        if marker in {"[", "!["}:
            token, cursor = _bracket(segment, index, marker == "![", brackets, parens, positions, start, own)
            if token is None and references and marker == "[":
                token, cursor = _reference(segment, index, brackets, references, start, own, cursor)
        elif marker == "<":
            token, cursor = _autolink(segment, index, start, own)
        elif marker == "{":
            token, cursor = _brace_link(segment, index, parens, positions, start, own)
        else:
            token, cursor = _bare_url(segment, index, start, own)
        if token is not None:
            tokens.append(token)
    tokens.extend(_strong(segment, start, line))
    tokens.sort(key=lambda token: (token.span.start, -token.span.end))
    return tuple(tokens)


class _LineCounter:
    """The line of a position in a segment that may span lines (a list item wrapped over several).

    Positions must come in increasing order: newlines are counted from the previous one, so a
    long wrapped item is read once, not once per token.
    """

    __slots__ = ("_counted", "_line", "_segment", "_wrapped")

    def __init__(self, segment: str, line: int) -> None:
        self._segment = segment
        self._line = line
        self._counted = 0
        self._wrapped = "\n" in segment

    def at(self, index: int) -> int:
        if self._wrapped:
            self._line += self._segment.count("\n", self._counted, index)
            self._counted = index
        return self._line


def _span(offset: int, start: int, end: int) -> Span:
    return Span(offset + start, offset + end)


def _reference(
    segment: str, index: int, brackets: dict[int, int], references: Mapping[str, Span], offset: int, line: int,
    cursor: int,
) -> tuple[Token | None, int]:
    """``[Title][label]`` or ``[Title][]`` whose label a definition elsewhere in the list names."""
    close_at = brackets.get(index)
    after = close_at + 1 if close_at is not None else -1
    if close_at is None or after >= len(segment) or segment[after] != "[":
        return None, cursor
    label_end = brackets.get(after)
    if label_end is None:
        return None, cursor
    label = segment[after + 1 : label_end] or segment[index + 1 : close_at]
    target = references.get(normalize_label(label))
    if target is None:
        return None, cursor
    return (
        Token("link", _span(offset, index, label_end + 1), line, text=segment[index + 1 : close_at],
              content=_span(offset, index + 1, close_at), target=target, markup="[][]", flags={"reference"}),
        label_end + 1,
    )


def _bracket(
    segment: str,
    index: int,
    is_image: bool,
    brackets: dict[int, int],
    parens: dict[int, int],
    positions: _Positions,
    offset: int,
    line: int,
) -> tuple[Token | None, int]:
    open_at = index + 1 if is_image else index
    close_at = brackets.get(open_at)
    if close_at is None:
        return None, open_at + 1
    kind = "image" if is_image else "link"
    # The label is sliced only for a token: nested brackets that make none would copy it once per level.
    after = close_at + 1
    if after < len(segment) and segment[after] == "(":
        paren_end = parens.get(after)
        if paren_end is not None:
            target = _destination(segment, after + 1, paren_end, positions)
            if target is not None:
                return (
                    Token(
                        kind,
                        _span(offset, index, paren_end + 1),
                        line,
                        text=segment[open_at + 1 : close_at],
                        content=_span(offset, open_at + 1, close_at),
                        target=_span(offset, *target),
                        markup="![]()" if is_image else "[]()",
                    ),
                    paren_end + 1,
                )
        elif _BARE_URL.match(segment, after + 1):
            # `[text](https://…` with the closing parenthesis missing.
            url_end = bare_url_end(segment, after + 1)
            return (
                Token(
                    kind,
                    _span(offset, index, url_end),
                    line,
                    text=segment[open_at + 1 : close_at],
                    content=_span(offset, open_at + 1, close_at),
                    target=_span(offset, after + 1, url_end),
                    markup="[]()",
                    flags={"unclosed_target"},
                ),
                url_end,
            )
    if is_image:
        return None, open_at + 1
    url_start, url_end = _strip_bounds(segment, open_at + 1, close_at)
    if _BARE_URL.fullmatch(segment, url_start, url_end) is not None:  # the label, stripped, is one bare URL
        if _BARE_URL.match(segment, after):
            # `[url]url`: the author forgot `(` and `)` around the target.
            tail = bare_url_end(segment, after)
            # The raw target keeps the damage (``[url]url``) so a reader of url_raw sees what was repaired.
            return (
                Token("bracket_url", _span(offset, index, tail), line, text=segment[url_start:url_end],
                      content=_span(offset, url_start, url_end), target=_span(offset, index, tail),
                      markup="[]", flags={"bracket_then_url"}),
                tail,
            )
        return (
            Token("bracket_url", _span(offset, index, after), line, text=segment[url_start:url_end],
                  content=_span(offset, url_start, url_end), target=_span(offset, index, after),
                  markup="[]", flags={"missing_target"}),
            after,
        )
    if segment.startswith(" (", after) and _BARE_URL.match(segment, after + 2):
        paren_end = parens.get(after + 1)
        url_end = bare_url_end(segment, after + 2)
        if paren_end is not None and paren_end >= url_end:
            return (
                Token("link", _span(offset, index, paren_end + 1), line, text=segment[open_at + 1 : close_at],
                      content=_span(offset, open_at + 1, close_at), target=_span(offset, after + 2, url_end),
                      markup="[] ()", flags={"space_before_target"}),
                paren_end + 1,
            )
    return None, open_at + 1


def _destination(segment: str, start: int, end: int, positions: _Positions) -> tuple[int, int] | None:
    """Span of the URL inside ``(…)``: angle brackets and a quoted title excluded."""
    found = _URLISH.match(segment, start, end)
    if found is None:
        raw_start, raw_end = _strip_bounds(segment, start, end)
        if raw_start == raw_end:
            return start, start  # ``[Title]()``: a link whose target was never filled in
        first_end = positions.first_space(raw_start, raw_end)
        if first_end < raw_end and not positions.has_quote(raw_start, raw_end):
            return None  # words with spaces and no quoted title: prose in parentheses
        return raw_start, first_end
    url_start, url_end = found.span(1)
    if segment[url_start] == "<":
        url_start += 1
    if segment[url_end - 1] == ">" and url_end > url_start:
        url_end -= 1
    return url_start, url_end


def _autolink(segment: str, index: int, offset: int, line: int) -> tuple[Token | None, int]:
    found = _AUTOLINK.match(segment, index)
    if found is None:
        # `<https://…` without its `>`: still a URL.
        token, end = _bare_url(segment, index + 1, offset, line)
        if token is None:
            return None, index + 1
        span = _span(offset, index, end)
        return Token("url", span, line, text=segment[index:end], target=span, flags=token.flags | {"stray_lt"}), end
    url_start, url_end = found.span(1)
    return (
        Token("autolink", _span(offset, index, found.end()), line, text=found.group(1),
              content=_span(offset, url_start, url_end), target=_span(offset, url_start, url_end), markup="<>"),
        found.end(),
    )


def _brace_link(
    segment: str, index: int, parens: dict[int, int], positions: _Positions, offset: int, line: int
) -> tuple[Token | None, int]:
    found = _BRACE_TEXT.match(segment, index)
    if found is None:
        return None, index + 1
    paren_end = parens.get(found.end())
    if paren_end is None:
        return None, index + 1
    target = _destination(segment, found.end() + 1, paren_end, positions)
    if target is None:
        return None, index + 1
    return (
        Token("link", _span(offset, index, paren_end + 1), line, text=found.group(1),
              content=_span(offset, *found.span(1)), target=_span(offset, *target), markup="{}()",
              flags={"brace_text"}),
        paren_end + 1,
    )


def _bare_url(segment: str, index: int, offset: int, line: int) -> tuple[Token | None, int]:
    end = bare_url_end(segment, index)
    if end <= index:
        return None, index + 1
    flags = set()
    if end < len(segment) and segment[end] == ">":
        flags.add("stray_gt")  # ``https://x/y>``: the ``>`` is kept in url_raw and repaired away in url
        end += 1
    span = _span(offset, index, end)
    return Token("url", span, line, text=segment[index:end], target=span, flags=flags), end


def _strong(segment: str, offset: int, line: int) -> list[Token]:
    """``**…**`` pairs, matched left to right; an unpaired final ``**`` is left alone."""
    if "**" not in segment:
        return []
    lines = _LineCounter(segment, line)
    marks = [found.start() for found in _STRONG.finditer(segment)]
    tokens = []
    for opener, closer in zip(marks[::2], marks[1::2], strict=False):
        tokens.append(
            Token("strong", _span(offset, opener, closer + 2), lines.at(opener), text=segment[opener + 2 : closer],
                  content=_span(offset, opener + 2, closer), markup="**")
        )
    return tokens
