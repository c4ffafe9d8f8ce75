"""Drafts -> frozen entries: identifiers, kind, stable id, span, dated-section years and venues."""

from __future__ import annotations

import hashlib

import regex

from awesomeparse.extract.context import Draft
from awesomeparse.model import Entry, Ids, Kind
from awesomeparse.normalize import arxiv, urls, years_venues
from awesomeparse.normalize.text import squash
from awesomeparse.spans import LineIndex, Span

_PAPER_HOSTS = frozenset({
    "openaccess.thecvf.com", "papers.nips.cc", "proceedings.neurips.cc", "openreview.net", "dl.acm.org",
    "ieeexplore.ieee.org", "link.springer.com", "sciencedirect.com", "aclanthology.org", "aclweb.org",
    "cv-foundation.org", "proceedings.mlr.press", "ecva.net", "semanticscholar.org", "pdfs.semanticscholar.org",
    "researchgate.net", "bmva.org", "ojs.aaai.org", "ijcai.org", "doi.org", "dx.doi.org",
})
_PAPER_LABELS = frozenset({"arxiv", "paper", "openreview", "supplementary", "poster"})
_DATASET_SECTION = regex.compile(r"(?i)data\s*sets?|数据集|benchmarks?|databases?")
_DATASET_TITLE = regex.compile(r"(?i)\b(?:data\s*sets?|database|benchmark)\b|数据集")
_RESOURCE_SECTION = regex.compile(
    r"(?i)\b(?:blogs?|tutorials?|talks?|courses?|books?|videos?|lectures?|leaderboards?|sharing|slides|"
    r"news|projects|tools?|software|frameworks?|applications?|annotation)\b|教程|视频|博客|入门|比赛|课程"
)


def finalize(drafts: list[Draft], index: LineIndex) -> tuple[Entry, ...]:
    ordered = sorted(
        (draft for draft in drafts if not draft.absorbed), key=lambda draft: (draft.line, draft.dialect != "heading")
    )
    used: set[str] = set()
    entries = []
    for draft in ordered:
        entries.append(_entry(draft, index, used))
    return tuple(entries)


def _entry(draft: Draft, index: LineIndex, used: set[str]) -> Entry:
    # Dicts as ordered sets: an entry with thousands of links would make list membership quadratic.
    arxiv_found: dict[str, None] = {}
    github_found: dict[str, None] = {}
    doi_found: dict[str, None] = {}
    for link in draft.links:
        found = arxiv.from_url(link.url)
        if found:
            arxiv_found[found] = None
        repo = urls.github_repo(link.url)
        if repo:
            github_found[repo] = None
        doi = urls.doi(link.url)
        if doi:
            doi_found[doi] = None
    arxiv_found.update(dict.fromkeys(draft.text_arxiv))
    arxiv_ids, github, dois = list(arxiv_found), list(github_found), list(doi_found)
    year, venue, venue_raw = draft.year, draft.venue, draft.venue_raw
    if year is None or venue is None:
        for text in reversed(draft.section):
            both = years_venues.venue_year_only(text)
            if year is None:
                year = years_venues.year_only(text) or both.year
            if venue is None and years_venues.venue_only(text):
                venue, venue_raw = years_venues.venue_only(text), text.strip()
            elif venue is None and both.venue is not None:
                venue, venue_raw = both.venue, both.venue_raw
    start = index.line_span(draft.line).start
    end = index.line_span(max(draft.end_line, draft.line)).end
    return Entry(
        id=_stable_id(draft, used),
        line=draft.line,
        end_line=max(draft.end_line, draft.line),
        kind=_kind(draft, arxiv_ids, dois),
        title=draft.title,
        title_raw=draft.title_raw,
        section=draft.section,
        span=Span(start, end),
        aliases=tuple(alias for alias in draft.aliases if alias != draft.title),
        year=year,
        venue=venue,
        venue_raw=venue_raw,
        authors=tuple(dict.fromkeys(draft.authors)),
        affiliations=tuple(dict.fromkeys(draft.affiliations)),
        ids=Ids(arxiv=arxiv_ids, github=github, doi=dois),
        links=tuple(draft.links),
        notes=tuple(squash(note) for note in draft.notes if note.strip()),
        dialect=draft.dialect,
    )


def _stable_id(draft: Draft, used: set[str]) -> str:
    """``L<line>-<hash>``: readable, deterministic, and unique within the document."""
    basis = draft.title or (draft.links[0].url if draft.links else "")
    digest = hashlib.sha1(f"{draft.line}\x00{basis}".encode()).hexdigest()[:8]
    candidate = f"L{draft.line}-{digest}"
    suffix = 2
    while candidate in used:
        candidate = f"L{draft.line}-{digest}-{suffix}"
        suffix += 1
    used.add(candidate)
    return candidate


def _kind(draft: Draft, arxiv_ids: list[str], dois: list[str]) -> Kind:
    if draft.kind_hint == "person":
        return "person"
    paper_evidence = bool(arxiv_ids or dois) or any(
        link.label in _PAPER_LABELS or urls.host(link.url) in _PAPER_HOSTS or link.url.lower().endswith(".pdf")
        for link in draft.links
    )
    if draft.kind_hint == "mention" and not draft.links:
        return "mention"
    if paper_evidence or (draft.year is not None and draft.title and draft.dialect != "plain_line"):
        return "paper"
    section = " / ".join(draft.section)
    if _DATASET_SECTION.search(section) or (draft.title and _DATASET_TITLE.search(draft.title)):
        return "dataset"
    if draft.links and all(urls.host(link.url) in urls.CODE_HOSTS for link in draft.links):
        return "repo" if not _RESOURCE_SECTION.search(section) or draft.title is None else "resource"
    if not draft.links:
        return "mention" if draft.dialect != "bold_title" else "paper"
    if _RESOURCE_SECTION.search(section) or draft.dialect in {"plain_line", "link_item"}:
        return "resource"
    return "paper"
