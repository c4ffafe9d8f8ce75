"""Token: a flat, frozen record of one construct with its exact place in the source."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

from awesomeparse.spans import Span


def _flags(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _children(value: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(value)


@frozen
class Token:
    """One block construct (a line, usually) or one inline construct inside it.

    Immutable. Positions are character spans into ``Source.text``; 1-based columns
    come from ``Source.line_index.position(token.span.start)``.
    """

    type: str
    """Block: ``heading``, ``bullet``, ``ordered``, ``bold_line``, ``text``, ``blank``,
    ``thematic_break``, ``setext_underline``, ``table_row``, ``table_delimiter``, ``html``,
    ``fence``, ``code``, ``blockquote``. Inline: ``link``, ``image``, ``autolink``, ``url``,
    ``bracket_url``, ``strong``, ``cell``."""
    span: Span
    """The whole construct (for a block token: the line without its line ending)."""
    line: int
    """1-based line where the construct starts."""
    end_line: int = field(default=0, kw_only=True)
    """Last line of a construct that spans lines (a list item with lazy continuation lines);
    0 means the construct ends on ``line``. Use ``last_line``."""
    text: str = ""
    """The construct's content: heading text, bullet text after the marker, link text."""
    content: Span | None = None
    """Where ``text`` stands in the source."""
    target: Span | None = None
    """For links and URLs: the raw URL's span."""
    markup: str = ""
    """The marker as written: ``##``, ``-``, ``**``, ``|``, a fence."""
    indent: int = 0
    """Leading whitespace width in columns (a tab advances to the next multiple of 4)."""
    level: int = 0
    """Heading level (1-6)."""
    flags: frozenset[str] = field(default=frozenset(), converter=_flags)
    """Quirks seen while tokenizing (``missing_space``, ``wrong_marker``, ``code_indent``,
    ``broken_emphasis``, ``setext``, ``same_line``, ``stray_gt``, ``missing_target``…)."""
    children: tuple[Token, ...] = field(default=(), converter=_children)
    """Inline tokens (or table cells) in source order."""

    @property
    def last_line(self) -> int:
        return max(self.line, self.end_line)

    def as_dict(self) -> dict[str, Any]:
        """A plain-data view, for dumps and fixture files."""
        data: dict[str, Any] = {"type": self.type, "line": self.line, "span": [self.span.start, self.span.end]}
        if self.end_line > self.line:
            data["end_line"] = self.end_line
        for name in ("text", "markup", "indent", "level"):
            value = getattr(self, name)
            if value:
                data[name] = value
        if self.content is not None:
            data["content"] = [self.content.start, self.content.end]
        if self.target is not None:
            data["target"] = [self.target.start, self.target.end]
        if self.flags:
            data["flags"] = sorted(self.flags)
        if self.children:
            data["children"] = [child.as_dict() for child in self.children]
        return data

    def walk(self) -> list[Token]:
        """This token and all its descendants, depth first, in source order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found
