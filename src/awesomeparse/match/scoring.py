"""Title similarity: the only module that imports rapidfuzz."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz, process


def title_score(left_sorted: str, right_sorted: str, cutoff: float = 0.0) -> float:
    """0-100 similarity of two token-sorted title keys (``token_sort_ratio``, computed cheaply).

    Sorting once per title and comparing with ``ratio`` finds the same pairs as
    ``token_sort_ratio`` several times faster.
    """
    return float(fuzz.ratio(left_sorted, right_sorted, score_cutoff=cutoff))


def similar_pairs(keys: list[str], cutoff: float) -> Iterator[tuple[int, int]]:
    """Positions ``(i, j)``, ``i < j``, of the keys in one block scoring at least ``cutoff``.

    The pairwise loop runs inside rapidfuzz (C), so a block of a few hundred titles costs
    one Python call per title instead of one per pair.
    """
    for position in range(len(keys) - 1):
        later = keys[position + 1 :]
        for _choice, _score, offset in process.extract(
            keys[position], later, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            yield position, position + 1 + offset
