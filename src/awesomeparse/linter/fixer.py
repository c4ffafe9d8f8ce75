"""Apply fixes: whole fixes that do not overlap, round after round until nothing changes.

Every round is re-parsed and compared with the text before it, entry by entry and field by
field (``linter.fields``). A fix may change only the fields its rule declares (``TOUCHES``) of
the entries its edits fall in; one that loses or adds an entry, or changes anything else, is
refused and reported, and the other fixes of the round still apply.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from attrs import frozen

from awesomeparse.diagnostics import Diagnostic, Edit
from awesomeparse.linter.fields import NON_LOCAL, changed_fields
from awesomeparse.model import Document, Entry

MAX_ROUNDS = 10

Touches = Callable[[str], frozenset[str]]
"""The fields a rule's fixes may change, by rule code."""


@frozen
class Refusal:
    """A fix that was not applied, and why."""

    code: str
    line: int
    """Line of the finding in the text the fix was tried on."""
    message: str
    """The finding's message."""
    reason: str
    key: tuple[str, str, str]
    """What identifies the finding after other fixes moved it: code, message, its line's text."""


@frozen
class FixOutcome:
    text: str
    applied: int
    """How many fixes were applied."""
    refused: tuple[Refusal, ...]


def finding_key(text: str, diagnostic: Diagnostic) -> tuple[str, str, str]:
    """Code, message and the text of the finding's line: stable while fixes elsewhere move lines."""
    start = text.rfind("\n", 0, diagnostic.span.start) + 1
    end = text.find("\n", diagnostic.span.start)
    return diagnostic.code, diagnostic.message, text[start : len(text) if end < 0 else end].rstrip("\r")


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply edits that do not overlap one another (``choose`` picks such fixes)."""
    pieces = []
    cursor = 0
    for edit in sorted(edits, key=lambda item: (item.span.start, item.span.end)):
        pieces.append(text[cursor : edit.span.start])
        pieces.append(edit.text)
        cursor = edit.span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def choose(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Fixes whose edits overlap no edit of an earlier chosen fix (a fix is applied whole or not at all)."""
    starts: list[int] = []
    taken: list[tuple[int, int]] = []
    chosen = []
    for diagnostic in sorted(diagnostics, key=_first_edit):
        assert diagnostic.fix is not None
        edits = diagnostic.fix.edits
        if any(_collides(taken, starts, edit) for edit in edits):
            continue
        for edit in edits:
            position = bisect.bisect_left(starts, edit.span.start)
            starts.insert(position, edit.span.start)
            taken.insert(position, (edit.span.start, edit.span.end))
        chosen.append(diagnostic)
    return chosen


def _first_edit(diagnostic: Diagnostic) -> tuple[int, int, str]:
    edits = diagnostic.fix.edits if diagnostic.fix is not None else ()
    first = edits[0].span if edits else diagnostic.span
    return first.start, first.end, diagnostic.code


def _collides(taken: list[tuple[int, int]], starts: list[int], edit: Edit) -> bool:
    start, end = edit.span.start, edit.span.end
    # Taken edits are disjoint and sorted; only the one before and those starting inside can meet.
    for other_start, other_end in taken[max(0, bisect.bisect_left(starts, start) - 1) :]:
        if other_start > end:
            break
        if other_start < end and start < other_end:
            return True
        if start == end == other_start == other_end:
            return True  # two insertions at one point: their order would be a guess
        if other_start == other_end and start < other_start < end:
            return True
    return False


class _Judge:
    """Tries sets of fixes on one text and says whether re-parsing keeps every entry."""

    def __init__(self, text: str, before: Document, parse: Callable[[str], Document], touches: Touches) -> None:
        self.text = text
        self.before = before
        self.parse = parse
        self.touches = touches
        self.parsed: dict[str, Document] = {}

    def outcome(self, fixes: list[Diagnostic]) -> tuple[str, Document]:
        candidate = apply_edits(self.text, [edit for item in fixes if item.fix for edit in item.fix.edits])
        if candidate not in self.parsed:
            self.parsed[candidate] = self.parse(candidate)
        return candidate, self.parsed[candidate]

    def problems(self, fixes: list[Diagnostic]) -> list[tuple[str, list[Diagnostic]]]:
        """Why ``fixes`` together are unsafe: one reason per damaged entry, with the fixes whose
        edits fall in that entry (none when an entry was lost or added)."""
        _candidate, after = self.outcome(fixes)
        old, new = self.before.entries, after.entries
        if len(old) != len(new):
            change = "lose an entry" if len(new) < len(old) else "add an entry"
            return [(f"re-parsing shows the fixes would {change} ({len(old)} -> {len(new)} entries)", [])]
        found = []
        for before, now in zip(old, new, strict=True):
            changed = changed_fields(before, now)
            if not changed:
                continue
            near = [item for item in fixes if _edits_entry(item, before)]
            allowed = {name for item in near for name in self.touches(item.code)}
            allowed |= {name for item in fixes if _edits_before(item, before)
                        for name in self.touches(item.code) & NON_LOCAL}
            extra = changed - allowed
            if extra:
                found.append((f"re-parsing shows the entry at line {before.line} would change its "
                              f"{', '.join(sorted(extra))}", near))
        return found

    def largest_safe(
        self, fixes: list[Diagnostic], base: list[Diagnostic] | None = None
    ) -> tuple[list[Diagnostic], list[tuple[Diagnostic, str]]]:
        """The fixes that can join ``base`` safely, and the refused ones with reasons."""
        base = base or []
        found = self.problems(base + fixes)
        if not found:
            return fixes, []
        if len(fixes) == 1:
            return [], [(fixes[0], found[0][0])]
        # A damaged entry edited by one fix only: that fix is the culprit if the others, without
        # it, are safe (one re-parse instead of one per fix).
        blamed = {near[0]: reason for reason, near in found if len(near) == 1 and near[0] in fixes}
        innocent = [item for item in fixes if item not in blamed]
        if blamed and innocent and not self.problems(base + innocent):
            return innocent, list(blamed.items())
        # Otherwise split: the fixes in damaged entries apart from the rest, or halves, down to one fix.
        near_all = {item for _reason, near in found for item in near}
        suspects = [item for item in fixes if item in near_all]
        if not suspects or len(suspects) == len(fixes):
            suspects = fixes[len(fixes) // 2 :]
        others = [item for item in fixes if item not in suspects]
        kept, refused = self.largest_safe(others, base)
        more, refused_more = self.largest_safe(suspects, base + kept)
        return kept + more, refused + refused_more


def _edits_entry(diagnostic: Diagnostic, entry: Entry) -> bool:
    edits = diagnostic.fix.edits if diagnostic.fix is not None else ()
    return any(edit.span.start <= entry.span.end and entry.span.start <= edit.span.end for edit in edits)


def _edits_before(diagnostic: Diagnostic, entry: Entry) -> bool:
    edits = diagnostic.fix.edits if diagnostic.fix is not None else ()
    return any(edit.span.start < entry.span.start for edit in edits)


def fix_text(
    text: str,
    diagnose: Callable[[str], list[Diagnostic]],
    parse: Callable[[str], Document],
    *,
    unsafe: bool = False,
    touches: Touches = lambda _code: frozenset(),
) -> FixOutcome:
    """Apply the fixes of ``diagnose`` to a fixed point, refusing any that damages an entry."""
    current = text
    before = parse(text)
    refused: dict[tuple[str, str, str], Refusal] = {}
    applied = 0
    for _round in range(MAX_ROUNDS):
        offered = [
            item for item in diagnose(current)
            if item.fix is not None and (item.fix.safe or unsafe) and finding_key(current, item) not in refused
        ]
        chosen = choose(offered)
        if not chosen:
            break
        judge = _Judge(current, before, parse, touches)
        accepted, rejected = judge.largest_safe(chosen)
        for item, reason in rejected:
            key = finding_key(current, item)
            refused[key] = Refusal(item.code, item.line, item.message, reason, key)
        if not accepted:
            continue
        candidate, document = judge.outcome(accepted)
        if candidate == current:
            break
        current, before = candidate, document
        applied += len(accepted)
    return FixOutcome(current, applied, tuple(refused.values()))
