"""Candidate pairs for title matching: each title is filed under its two rarest words.

Comparing every pair is quadratic; two different titles of one paper almost always share
their rarest words, so only titles filed together are compared. Exact keys (identical
titles, a short title equal to another's alias) are grouped directly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from awesomeparse.match.records import Record
from awesomeparse.match.scoring import similar_pairs

BLOCK_KEYS = 2
MAX_BLOCK = 400
"""A block this large holds one extremely common word pair; its titles are still matched
through their other block and through exact-title groups."""


def candidate_pairs(records: list[Record], cutoff: float = 0.0) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)`` with ``i < j`` filed together and scoring at least ``cutoff``."""
    frequency: Counter[str] = Counter()
    for record in records:
        frequency.update(record.tokens)
    blocks: dict[str, list[int]] = defaultdict(list)
    for record in records:
        if not record.tokens or record.short:
            continue
        rarest = sorted(record.tokens, key=lambda token: (frequency[token], token))[:BLOCK_KEYS]
        for token in rarest:
            blocks[token].append(record.index)
    seen: set[tuple[int, int]] = set()
    for token in sorted(blocks):
        members = blocks[token]
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        keys = [records[index].sorted_key for index in members]
        for first, second in similar_pairs(keys, cutoff):
            left, right = members[first], members[second]
            pair = (left, right) if left < right else (right, left)
            if pair not in seen:
                seen.add(pair)
                yield pair


def exact_groups(records: list[Record]) -> list[list[int]]:
    """Groups of records whose titles are identical but for spacing (two or more members).

    Spacing is ignored because short names are spelled both ways (``Mask R-CNN`` and
    ``Mask-RCNN``), and short titles are never filed under their rarest words.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for record in records:
        if record.key:
            groups[record.compact].append(record.index)
    return [members for _key, members in sorted(groups.items()) if len(members) > 1]


def alias_pairs(records: list[Record], distinct: Callable[[Record, Record], bool]) -> Iterator[tuple[int, int]]:
    """A title in one list equal to an alias learned from another (``## U-Net``, ``FCN:``, or the
    conference title a list gave beside the arXiv one).

    An alias carried by titles that are not one paper (``PixelNet: Towards …`` and
    ``PixelNet: Representation …``) is ambiguous and joins nothing.
    """
    owners: dict[str, list[int]] = defaultdict(list)
    for record in records:
        for alias in record.aliases:
            owners[alias].append(record.index)
    usable = {
        alias: members for alias, members in owners.items()
        if all(not distinct(records[members[0]], records[other]) for other in members[1:])
    }
    for record in records:
        if not record.key:
            continue
        for owner in usable.get(record.key, ()):
            if owner != record.index:
                yield (min(owner, record.index), max(owner, record.index))
