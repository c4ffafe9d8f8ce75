"""Title similarity: the only module that imports rapidfuzz."""

from __future__ import annotations

from rapidfuzz import fuzz


def title_score(left_sorted: str, right_sorted: str, cutoff: float = 0.0) -> float:
    """0-100 similarity of two token-sorted title keys (``token_sort_ratio``, computed cheaply).

    Sorting once per title and comparing with ``ratio`` finds the same pairs as
    ``token_sort_ratio`` several times faster.
    """
    return float(fuzz.ratio(left_sorted, right_sorted, score_cutoff=cutoff))
