"""Diagnostics: a code, a message, a position, and an optional fix made of text edits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from attrs import field, frozen

from awesomeparse.spans import Span

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def _edits(value: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(sorted(value, key=lambda edit: (edit.span.start, edit.span.end)))


@frozen
class Edit:
    """Replace the characters of ``span`` with ``text``."""

    span: Span
    text: str


@frozen
class Fix:
    """Edits that repair one finding; ``safe`` ones are applied by ``--fix``."""

    edits: tuple[Edit, ...] = field(converter=_edits)
    safe: bool
    message: str


@frozen(order=True)
class Diagnostic:
    """One finding, with 1-based line and column (columns count characters)."""

    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str = field(order=False)
    severity: Severity = field(order=False)
    message: str = field(order=False)
    span: Span = field(order=False)
    fix: Fix | None = field(default=None, order=False)
