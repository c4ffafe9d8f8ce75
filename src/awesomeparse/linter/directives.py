"""Inline suppressions: ``<!-- awesomeparse: disable=AP201 -->``, ``enable=…``, ``disable-next-line=…``.

Without ``=CODES`` a directive covers every rule. ``disable`` holds until a matching ``enable``
(or the end of the file); ``disable-next-line`` covers the next non-blank line.
"""

from __future__ import annotations

import regex
from attrs import frozen

from awesomeparse.diagnostics import Diagnostic
from awesomeparse.source import Source
from awesomeparse.spans import Span

_DIRECTIVE = regex.compile(
    r"<!--\s*+awesomeparse:\s*+(?P<kind>disable-next-line|disable|enable)"
    r"(?:\s*+=\s*+(?P<codes>[A-Za-z0-9, ]+?))?\s*+-->"
)


@frozen
class Directive:
    kind: str
    codes: frozenset[str]
    """Empty: every rule."""
    span: Span
    line: int
    first: int
    """First line covered."""
    last: int
    """Last line covered (inclusive)."""

    def covers(self, diagnostic: Diagnostic) -> bool:
        code_ok = not self.codes or any(diagnostic.code.startswith(code) for code in self.codes)
        return code_ok and self.first <= diagnostic.line <= self.last


def read(source: Source) -> list[Directive]:
    """Every directive in the file, with the lines it covers."""
    text = source.text
    if "awesomeparse:" not in text:
        return []
    index = source.line_index
    total = index.line_count
    found = []
    open_disables: list[tuple[int, frozenset[str], Span, int]] = []
    for match in _DIRECTIVE.finditer(text):
        kind = match.group("kind")
        codes = frozenset(code.strip().upper() for code in (match.group("codes") or "").split(",") if code.strip())
        span = Span(match.start(), match.end())
        line = index.line_of(match.start())
        if kind == "disable-next-line":
            target = line + 1
            while target <= total and not index.line_text(target).strip():
                target += 1
            found.append(Directive(kind, codes, span, line, target, target))
        elif kind == "disable":
            open_disables.append((line, codes, span, len(found)))
            found.append(Directive(kind, codes, span, line, line, total))
        else:
            for opened_line, opened_codes, opened_span, position in list(open_disables):
                if not codes or not opened_codes or opened_codes & codes:
                    found[position] = Directive("disable", opened_codes, opened_span, opened_line, opened_line, line)
                    open_disables.remove((opened_line, opened_codes, opened_span, position))
    return found


def apply(diagnostics: list[Diagnostic], directives: list[Directive]) -> tuple[list[Diagnostic], set[int]]:
    """Diagnostics left after suppression, and the positions of the directives that were used."""
    kept = []
    used: set[int] = set()
    for diagnostic in diagnostics:
        covering = [position for position, directive in enumerate(directives) if directive.covers(diagnostic)]
        if covering:
            used.update(covering)
        else:
            kept.append(diagnostic)
    return kept, used
