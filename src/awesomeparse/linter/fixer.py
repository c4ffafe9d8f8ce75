"""Apply fixes: non-overlapping edits, repeated until nothing changes, refused if entries change."""

from __future__ import annotations

from collections.abc import Callable

from awesomeparse.diagnostics import Diagnostic, Edit
from awesomeparse.model import Document

MAX_ROUNDS = 10


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply edits that do not overlap (later ones that overlap an earlier one are skipped)."""
    chosen: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=lambda item: (item.span.start, item.span.end)):
        if edit.span.start < last_end or (edit.span.start == last_end and chosen and chosen[-1].span.start == last_end):
            continue
        chosen.append(edit)
        last_end = edit.span.end
    pieces = []
    cursor = 0
    for edit in chosen:
        pieces.append(text[cursor : edit.span.start])
        pieces.append(edit.text)
        cursor = edit.span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def entries_signature(document: Document) -> list[tuple[int, bool]]:
    """What a fix must not change: how many entries, and which have links (titles and URLs are
    what fixes repair, so they may change)."""
    return [(index, bool(entry.links)) for index, entry in enumerate(document.entries)]


def fix_text(
    text: str,
    diagnose: Callable[[str], list[Diagnostic]],
    parse: Callable[[str], Document],
    *,
    unsafe: bool = False,
) -> str:
    """Apply the fixes of ``diagnose`` to a fixed point; a round that loses an entry is undone."""
    current = text
    baseline = entries_signature(parse(text))
    for _round in range(MAX_ROUNDS):
        diagnostics = diagnose(current)
        edits = [
            edit for diagnostic in diagnostics if diagnostic.fix is not None and (diagnostic.fix.safe or unsafe)
            for edit in diagnostic.fix.edits
        ]
        if not edits:
            break
        candidate = apply_edits(current, edits)
        if candidate == current:
            break
        if entries_signature(parse(candidate)) != baseline:
            break  # refuse: re-parsing shows an entry lost or gained
        current = candidate
    return current
