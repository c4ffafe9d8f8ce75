"""Compare two sets of lists with the merge machinery: which papers each side lacks.

``compare(left, right)`` merges both sides into one graph, so a paper counts as shared
when the matcher would merge its mentions (same arXiv id, DOI, paper URL or a safe
title match), not only when the lines are identical.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve, frozen

from awesomeparse.graph import Paper, PaperGraph
from awesomeparse.match import MergeOptions, merge
from awesomeparse.model import Document

__all__ = ["Comparison", "compare"]


@frozen
class Comparison:
    """Papers found on only one side, and how many both sides have; ``graph`` is the merge of both."""

    only_left: tuple[Paper, ...]
    only_right: tuple[Paper, ...]
    shared: tuple[Paper, ...]
    graph: PaperGraph

    @property
    def identical(self) -> bool:
        return not self.only_left and not self.only_right


def compare(
    left: Sequence[Document], right: Sequence[Document], *, options: MergeOptions | None = None
) -> Comparison:
    """Papers (kind ``paper`` entries, merged) of ``left`` missing from ``right`` and vice versa.

    Sources are told apart by their ``source`` path, so the same file given on both sides
    has nothing missing.
    """
    left = [_named(document, f"<left {number}>") for number, document in enumerate(left, start=1)]
    right = [_named(document, f"<right {number}>") for number, document in enumerate(right, start=1)]
    left_sources = {document.source or "" for document in left}
    right_sources = {document.source or "" for document in right}
    graph = merge([*left, *right], options=options)
    only_left: list[Paper] = []
    only_right: list[Paper] = []
    shared: list[Paper] = []
    for paper in graph.papers:
        sources = {mention.source for mention in paper.mentions}
        in_left, in_right = bool(sources & left_sources), bool(sources & right_sources)
        if in_left and in_right:
            shared.append(paper)
        elif in_left:
            only_left.append(paper)
        elif in_right:
            only_right.append(paper)
    return Comparison(_in_list_order(only_left, left_sources), _in_list_order(only_right, right_sources),
                      tuple(shared), graph)


def _in_list_order(papers: list[Paper], sources: set[str]) -> tuple[Paper, ...]:
    """Papers in the order their side lists them (first mention: source, then line)."""

    def first(paper: Paper) -> tuple[str, int]:
        mention = min((item for item in paper.mentions if item.source in sources), key=lambda m: (m.source, m.line))
        return mention.source, mention.line

    return tuple(sorted(papers, key=first))


def _named(document: Document, fallback: str) -> Document:
    """Documents parsed from text have no source; each side's get its own name."""
    return document if document.source else evolve(document, source=fallback)
