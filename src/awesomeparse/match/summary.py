"""Figures about lists and their merged graph: what ``awesomeparse stats`` reports.

Entries are counted as parsed; papers after merging, so a paper listed twice counts once
and the repetition shows up under ``duplicates``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from awesomeparse.graph import PaperGraph
from awesomeparse.match import MergeOptions, merge
from awesomeparse.model import Document, Entry
from awesomeparse.normalize import arxiv

__all__ = ["Duplicate", "SectionCount", "Summary", "summarize"]

CODE_LABELS = frozenset({"github", "gitlab", "bitbucket", "code"})


@frozen
class SectionCount:
    source: str
    section: tuple[str, ...]
    entries: int
    papers: int
    with_code: int


@frozen
class Duplicate:
    """One paper mentioned more than once in the same list."""

    paper_id: str
    title: str
    source: str
    lines: tuple[int, ...]


@frozen
class Summary:
    lists: int
    entries: int
    entries_by_kind: tuple[tuple[str, int], ...]
    papers: int
    papers_with_code: int
    papers_with_arxiv: int
    papers_by_year: tuple[tuple[int | None, int], ...]
    """The stated year, else the year of the paper's arXiv id."""
    sections: tuple[SectionCount, ...]
    duplicates: tuple[Duplicate, ...]
    conflicts: tuple[tuple[str, int], ...]
    graph: PaperGraph

    def to_dict(self) -> dict[str, Any]:
        return {
            "lists": self.lists,
            "entries": self.entries,
            "entries_by_kind": dict(self.entries_by_kind),
            "papers": self.papers,
            "papers_with_code": self.papers_with_code,
            "papers_without_code": self.papers - self.papers_with_code,
            "papers_with_arxiv": self.papers_with_arxiv,
            "papers_by_year": {"unknown" if year is None else str(year): count for year, count in self.papers_by_year},
            "sections": [
                {"source": item.source, "section": list(item.section), "entries": item.entries,
                 "papers": item.papers, "with_code": item.with_code}
                for item in self.sections
            ],
            "duplicates": [
                {"paper": item.paper_id, "title": item.title, "source": item.source, "lines": list(item.lines)}
                for item in self.duplicates
            ],
            "conflicts": dict(self.conflicts),
        }


def has_code(entry: Entry) -> bool:
    return bool(entry.ids.github) or any(link.label in CODE_LABELS for link in entry.links)


def summarize(documents: Sequence[Document], *, options: MergeOptions | None = None) -> Summary:
    """Counts over ``documents`` and the graph they merge into."""
    graph = merge(documents, options=options)
    entries = [entry for document in documents for entry in document.entries]
    by_id = {(document.source or "<text>", entry.id): entry for document in documents for entry in document.entries}
    with_code = 0
    duplicates: list[Duplicate] = []
    for paper in graph.papers:
        mentioned = [by_id.get((mention.source, mention.entry_id)) for mention in paper.mentions]
        if paper.repos or any(entry is not None and has_code(entry) for entry in mentioned):
            with_code += 1
        per_list = Counter(mention.source for mention in paper.mentions)
        for source, count in sorted(per_list.items()):
            if count > 1:
                lines = tuple(sorted(mention.line for mention in paper.mentions if mention.source == source))
                duplicates.append(Duplicate(paper.id, paper.title, source, lines))
    years = Counter(paper.year or (arxiv.year_of(paper.arxiv[0]) if paper.arxiv else None) for paper in graph.papers)
    return Summary(
        lists=len(documents),
        entries=len(entries),
        entries_by_kind=tuple(sorted(Counter(entry.kind for entry in entries).items())),
        papers=len(graph.papers),
        papers_with_code=with_code,
        papers_with_arxiv=sum(1 for paper in graph.papers if paper.arxiv),
        papers_by_year=tuple(sorted(years.items(), key=lambda item: (item[0] is None, item[0] or 0))),
        sections=_sections(documents),
        duplicates=tuple(duplicates),
        conflicts=tuple(sorted(Counter(conflict.type for conflict in graph.conflicts).items())),
        graph=graph,
    )


def _sections(documents: Sequence[Document]) -> tuple[SectionCount, ...]:
    counts: list[SectionCount] = []
    for document in sorted(documents, key=lambda item: item.source or ""):
        order: dict[tuple[str, ...], list[Entry]] = {}
        for entry in document.entries:
            order.setdefault(entry.section, []).append(entry)
        for section, members in order.items():
            papers = [entry for entry in members if entry.kind == "paper"]
            counts.append(SectionCount(document.source or "<text>", section, len(members), len(papers),
                                       sum(1 for entry in papers if has_code(entry))))
    return tuple(counts)
