"""Citable works: the papers of documents or of a graph, in the shape bibliographies need.

BibTeX and CSL-JSON both describe a work by title, authors, year, one venue, an arXiv id, a
DOI and one URL; this module decides those once, so the two formats always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from awesomeparse.graph import Paper, PaperGraph
from awesomeparse.model import Document, Entry
from awesomeparse.normalize import arxiv as arxiv_ids
from awesomeparse.normalize import urls

CITABLE_KINDS = frozenset({"paper", "mention"})
"""The entry kinds merging treats as papers (``match.records``): a ``mention`` is a paper named by
its method (``STDN``, ``CBNet``). Repositories, datasets, resources and people are not cited."""

_PAPER_LABELS = frozenset({"paper", "openreview"})


@frozen
class Work:
    id: str
    """The entry id (documents) or the paper id (graphs) it came from."""
    title: str | None
    year: int | None
    """The stated year, else the submission year of the arXiv id."""
    venue: str | None
    """One canonical venue (``CVPR``, ``TPAMI``, ``arXiv``) or ``None``."""
    authors: tuple[str, ...]
    arxiv: str | None
    """The identity arXiv id; an entry's further ids are other versions and are not cited."""
    doi: str | None
    url: str | None


def arxiv_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def is_citable(entry: Entry) -> bool:
    return entry.kind in CITABLE_KINDS and bool(entry.title or entry.ids.arxiv or entry.ids.doi)


def works_of_documents(documents: Sequence[Document]) -> list[Work]:
    """One work per citable entry, documents in the order given, entries in list order."""
    return [_entry_work(entry) for document in documents for entry in document.entries if is_citable(entry)]


def works_of_graph(graph: PaperGraph) -> list[Work]:
    """One work per paper, in the graph's (id) order."""
    return [_paper_work(paper) for paper in graph.papers]


def _year(stated: int | None, arxiv_id: str | None) -> int | None:
    if stated is not None or arxiv_id is None:
        return stated
    return arxiv_ids.year_of(arxiv_id)


def _entry_work(entry: Entry) -> Work:
    arxiv_id = entry.ids.arxiv[0] if entry.ids.arxiv else None
    doi = entry.ids.doi[0] if entry.ids.doi else None
    return Work(
        id=entry.id, title=entry.title, year=_year(entry.year, arxiv_id), venue=entry.venue, authors=entry.authors,
        arxiv=arxiv_id, doi=doi, url=_entry_url(entry, arxiv_id, doi),
    )


def _entry_url(entry: Entry, arxiv_id: str | None, doi: str | None) -> str | None:
    """The arXiv page, else the entry's own link to the paper (a PDF, the DOI as written), else the DOI."""
    if arxiv_id is not None:
        return arxiv_url(arxiv_id)
    for link in entry.links:
        if not urls.is_absolute(link.url) or urls.host(link.url) in urls.CODE_HOSTS:
            continue
        if link.label in _PAPER_LABELS or link.url.lower().endswith(".pdf") or (doi and urls.doi(link.url) == doi):
            return link.url
    return doi_url(doi) if doi is not None else None


def _paper_work(paper: Paper) -> Work:
    identity = paper.id.partition(":")[2] if paper.id.startswith("arxiv:") else None
    arxiv_id = identity if identity in paper.arxiv else (paper.arxiv[0] if paper.arxiv else None)
    doi = paper.doi[0] if paper.doi else None
    url = arxiv_url(arxiv_id) if arxiv_id else (doi_url(doi) if doi else None)
    return Work(
        id=paper.id, title=paper.title, year=_year(paper.year, arxiv_id), venue=preferred_venue(paper.venues),
        authors=(), arxiv=arxiv_id, doi=doi, url=url,
    )


def preferred_venue(venues: Iterable[str]) -> str | None:
    """A paper known both as a preprint and from a venue is cited from the venue; among several
    venues the graph lists alphabetically, the first."""
    named = list(venues)
    published = [venue for venue in named if venue != "arXiv"]
    return next(iter(published or named), None)
