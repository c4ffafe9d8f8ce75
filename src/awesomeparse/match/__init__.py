"""Merge lists into a paper graph: exact ids first, then blocked title matching, with reasons.

``merge(documents)`` is deterministic: the same documents in any order give the same graph.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable

from attrs import frozen

from awesomeparse.graph import Decision, PaperGraph
from awesomeparse.match.assemble import assemble
from awesomeparse.match.blocking import alias_pairs, candidate_pairs, exact_groups
from awesomeparse.match.clusters import Clusters
from awesomeparse.match.records import Record, records_of
from awesomeparse.match.verdict import DEFAULT_THRESHOLD, RELATED_MARGIN, decide
from awesomeparse.model import Document

__all__ = ["DEFAULT_THRESHOLD", "MergeOptions", "explain", "merge", "proposed_pairs"]

_ALL_PAIRS_UP_TO = 40
"""Identical titles are compared pairwise up to this group size (years may still keep
editions apart); larger groups are compared with their first member only."""


@frozen
class MergeOptions:
    threshold: float = DEFAULT_THRESHOLD
    """Minimum title similarity (0-100, token-sorted ratio) for a title-only match."""


def merge(documents: Iterable[Document], *, options: MergeOptions | None = None) -> PaperGraph:
    """One graph of every paper the documents mention."""
    options = options or MergeOptions()
    documents = list(documents)
    # As in parsing: many small acyclic objects, so generational collection passes only cost time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        records = records_of(documents)
        clusters, reasons, related = _cluster(records, options.threshold)
        return assemble(documents, records, clusters, reasons, related)
    finally:
        if enabled:
            gc.enable()


def explain(
    documents: Iterable[Document], left: str, right: str, *, options: MergeOptions | None = None
) -> tuple[Decision, bool]:
    """The verdict on two mentions (``path:line`` or entry id), and whether the merge joined them."""
    options = options or MergeOptions()
    records = records_of(list(documents))
    first, second = _find(records, left), _find(records, right)
    clusters, _reasons, _related = _cluster(records, options.threshold)
    return decide(first, second, options.threshold), clusters.find(first.index) == clusters.find(second.index)


def _find(records: list[Record], reference: str) -> Record:
    for record in records:
        mention = record.mention
        if reference in {mention.entry_id, f"{mention.source}:{mention.line}"}:
            return record
    raise LookupError(f"no paper mention {reference!r} (use PATH:LINE or an entry id)")


def proposed_pairs(records: list[Record], threshold: float = DEFAULT_THRESHOLD) -> set[tuple[int, int]]:
    """Every pair of record indexes the merge decides on: identical titles, short titles and
    the aliases they match, and titles filed under the same rare word."""
    pairs: set[tuple[int, int]] = set()
    for group in exact_groups(records):
        if len(group) <= _ALL_PAIRS_UP_TO:
            pairs.update((left, right) for position, left in enumerate(group) for right in group[position + 1 :])
        else:
            pairs.update((group[0], member) for member in group[1:])
    pairs.update(alias_pairs(records, lambda left, right: decide(left, right, threshold).status == "different"))
    # Pairs scoring below threshold - 15 can be neither the same paper nor related (verdict.py).
    pairs.update(candidate_pairs(records, max(0.0, threshold - RELATED_MARGIN)))
    return pairs


def _cluster(
    records: list[Record], threshold: float
) -> tuple[Clusters, Counter[str], list[tuple[int, int, Decision]]]:
    clusters = Clusters(records)
    reasons: Counter[str] = Counter()
    related: list[tuple[int, int, Decision]] = []
    # 1. Exact identifiers: records sharing an arXiv id are one paper; a shared DOI joins
    #    them too unless that would put two arXiv ids in one paper.
    for key in ("arxiv", "doi"):
        first_with: dict[str, int] = {}
        for record in records:
            value = getattr(record, key)
            if value is None:
                continue
            if value not in first_with:
                first_with[value] = record.index
            elif (key == "arxiv" or clusters.compatible(first_with[value], record.index)) and clusters.union(
                first_with[value], record.index
            ):
                reasons[f"same-{key}"] += 1
    # 2. The same paper URL (a PDF, an open-access page) joins mentions unless their ids differ.
    first_with_url: dict[str, int] = {}
    for record in records:
        for url in sorted(record.paper_urls):
            if url not in first_with_url:
                first_with_url[url] = record.index
                continue
            other = first_with_url[url]
            if clusters.compatible(other, record.index) and decide(records[other], record, threshold).status == "same" \
                    and clusters.union(other, record.index):
                reasons["same-url"] += 1
    # 3. Everything else is decided pair by pair, strongest candidates first, and a
    #    union is refused when it would join two different arXiv ids or DOIs.
    decided = []
    for left, right in sorted(proposed_pairs(records, threshold)):
        decision = decide(records[left], records[right], threshold)
        if decision.status == "same":
            decided.append((-decision.score, left, right, decision))
        elif decision.status == "related":
            related.append((left, right, decision))
    for _negative, left, right, decision in sorted(decided, key=lambda item: item[:3]):
        if clusters.compatible(left, right) and clusters.union(left, right):
            reasons[decision.reason] += 1
    return clusters, reasons, related
