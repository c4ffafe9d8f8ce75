"""Clusters of mentions -> graph nodes, edges and conflicts, in a deterministic order."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from attrs import evolve

from awesomeparse.graph import Conflict, Decision, Edge, ListNode, Mention, Paper, PaperGraph, Repo, Topic
from awesomeparse.match.clusters import Clusters
from awesomeparse.match.records import Record
from awesomeparse.match.scoring import title_score
from awesomeparse.match.topics import topic_key
from awesomeparse.model import Document
from awesomeparse.normalize import arxiv as arxiv_ids
from awesomeparse.normalize import titles, urls

_FULL_TITLE_WORDS = 4
_CONFLICT_BELOW = 60.0


def assemble(
    documents: list[Document],
    records: list[Record],
    clusters: Clusters,
    reasons: Counter[str],
    related: list[tuple[int, int, Decision]],
) -> PaperGraph:
    groups = clusters.groups()
    built: list[tuple[Paper, list[Record]]] = []
    for members in groups.values():
        group = [records[index] for index in sorted(members)]
        built.append((_paper(group), group))
    # Two clusters can share a title-derived id (equal titles kept apart by their years);
    # the one whose first mention comes later gets a numbered id.
    built.sort(key=lambda item: (item[0].id, item[0].mentions[0]))
    seen: Counter[str] = Counter()
    paper_of: dict[int, str] = {}
    papers: list[Paper] = []
    conflicts: list[Conflict] = []
    for built_paper, group in built:
        seen[built_paper.id] += 1
        count = seen[built_paper.id]
        paper = built_paper if count == 1 else evolve(built_paper, id=f"{built_paper.id}~{count}")
        papers.append(paper)
        for record in group:
            paper_of[record.index] = paper.id
        conflicts.extend(_paper_conflicts(paper, group))
    edges = _Edges()
    for record in records:
        edges.add("mentions", f"list:{record.mention.source}", paper_of[record.index], record.mention)
    for left, right, decision in related:
        a, b = sorted((paper_of[left], paper_of[right]))
        if a != b:
            edges.add("related", a, b, records[left].mention, decision.reason)
            edges.add("related", a, b, records[right].mention, decision.reason)
    for record in records:
        for other in record.other_arxiv:
            edges.add("related", paper_of[record.index], f"arxiv:{other}", record.mention, "other-arxiv-id")
    repos, repo_conflicts = _repos(records, paper_of, edges)
    topics = _topics(records, paper_of, edges)
    conflicts.extend(repo_conflicts)
    papers_by_source: dict[str, set[str]] = defaultdict(set)
    for record in records:
        papers_by_source[record.mention.source].add(paper_of[record.index])
    lists = [
        ListNode(
            id=f"list:{document.source or '<text>'}",
            source=document.source or "<text>",
            entries=len(document.entries),
            papers=sorted(papers_by_source[document.source or "<text>"]),
        )
        for document in sorted(documents, key=lambda item: item.source or "")
    ]
    conflicts.sort(key=lambda conflict: (conflict.type, conflict.subject, conflict.message))
    return PaperGraph(
        papers=papers, repos=repos, topics=topics, lists=lists, edges=edges.build(), conflicts=conflicts,
        reasons=sorted(reasons.items()),
    )


def canonical_title(group: list[Record]) -> str:
    """The title the most mentions use, counted by title key; ties go to the longer, then the
    alphabetically first spelling. A short name that opens a full title of the same paper
    (``SegNet`` beside ``SegNet: A Deep …``) counts half. Documented in docs/merging.md."""
    titled = [record for record in group if record.entry.title]
    if not titled:
        return group[0].entry.ids.arxiv[0] if group[0].entry.ids.arxiv else "(untitled)"
    full_keys = [record.key for record in titled if len(record.key.split()) >= _FULL_TITLE_WORDS]
    weight: dict[str, float] = defaultdict(float)
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    for record in titled:
        opens_full = record.short and any(key.startswith(record.key + " ") for key in full_keys)
        weight[record.key] += 0.5 if opens_full else 1.0
        spelling[record.key][record.entry.title or ""] += 1
    best_key = min(weight, key=lambda key: (-weight[key], -len(key), key))
    counts = spelling[best_key]
    return min(counts, key=lambda title: (-counts[title], -len(title), title))


def _title_id(title: str) -> str:
    """The id of a paper known by no identifier: a hash of its title key."""
    return "title:" + hashlib.sha1(titles.match_key(title).encode()).hexdigest()[:12]


def _single_paper(record: Record) -> Paper:
    """The common case, a paper mentioned once: no counting needed."""
    entry = record.entry
    title = entry.title or (entry.ids.arxiv[0] if entry.ids.arxiv else "(untitled)")
    if record.arxiv:
        identity = f"arxiv:{record.arxiv}"
    elif record.doi:
        identity = f"doi:{record.doi}"
    else:
        identity = _title_id(title)
    return Paper(
        id=identity, title=title, titles=(entry.title,) if entry.title else (),
        arxiv=(record.arxiv,) if record.arxiv else (), doi=(record.doi,) if record.doi else (), year=entry.year,
        venues=(entry.venue,) if entry.venue else (), aliases=sorted(set(entry.aliases) - {title}),
        mentions=(record.mention,),
        repos=sorted({f"github:{repo.lower()}" for repo in entry.ids.github}),
    )


def _paper(group: list[Record]) -> Paper:
    if len(group) == 1:
        return _single_paper(group[0])
    arxiv_counts = Counter(record.arxiv for record in group if record.arxiv)
    doi_counts = Counter(record.doi for record in group if record.doi)
    title = canonical_title(group)
    if arxiv_counts:
        identity = "arxiv:" + min(arxiv_counts, key=lambda value: (-arxiv_counts[value], value))
    elif doi_counts:
        identity = "doi:" + min(doi_counts, key=lambda value: (-doi_counts[value], value))
    else:
        identity = _title_id(title)
    years = Counter(record.year for record in group if record.year is not None)
    aliases = {alias for record in group for alias in record.entry.aliases}
    aliases |= {record.entry.title for record in group if record.entry.title and record.short}
    aliases.discard(title)
    return Paper(
        id=identity,
        title=title,
        titles=sorted({record.entry.title for record in group if record.entry.title}),
        arxiv=sorted(arxiv_counts),
        doi=sorted(doi_counts),
        year=min(years, key=lambda year: (-years[year], year)) if years else None,
        venues=sorted({record.entry.venue for record in group if record.entry.venue}),
        aliases=sorted(aliases),
        mentions=sorted(record.mention for record in group),
        repos=sorted({f"github:{repo.lower()}" for record in group for repo in record.entry.ids.github}),
    )


def _paper_conflicts(paper: Paper, group: list[Record]) -> list[Conflict]:
    found: list[Conflict] = []
    full = [record for record in group if record.entry.title and len(record.key.split()) >= _FULL_TITLE_WORDS]
    named = [record for record in group if record.entry.title and 2 <= len(record.key.split()) < _FULL_TITLE_WORDS]
    if paper.arxiv:
        clash = _title_clash(full, named)
        if clash is not None:
            first, other = clash
            found.append(Conflict(
                "id-title", f"{paper.id} is given to titles that name different works: {first.entry.title!r} "
                f"and {other.entry.title!r}", paper.id, sorted([first.mention, other.mention])))
    for record in group:
        if record.arxiv and record.year is not None:
            id_year = arxiv_ids.year_of(record.arxiv)
            if id_year is not None and (record.year < id_year or record.year > id_year + 1):
                found.append(Conflict(
                    "year-id", f"stated year {record.year} is far from the arXiv id's year {id_year}",
                    paper.id, [record.mention]))
    return found


def _title_clash(full: list[Record], named: list[Record]) -> tuple[Record, Record] | None:
    """Two full titles far apart, or a method name of two words or more sharing no word with a
    full title (``Mask R-CNN`` beside R-CNN's ``Rich feature hierarchies …``)."""
    for position, first in enumerate(full):
        for other in full[position + 1 :]:
            if title_score(first.sorted_key, other.sorted_key) < _CONFLICT_BELOW:
                return first, other
    for short in named:
        for first in full:
            if first.entry is not short.entry and not short.tokens & first.tokens:
                return first, short
    return None


def _repos(records: list[Record], paper_of: dict[int, str], edges: _Edges) -> tuple[list[Repo], list[Conflict]]:
    names: dict[str, str] = {}
    frameworks: dict[str, Counter[str]] = defaultdict(Counter)
    official: dict[str, set[bool]] = defaultdict(set)
    papers: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for record in records:
        for link in record.entry.links:
            repo = urls.github_repo(link.url)
            if repo is None:
                continue
            key = f"github:{repo.lower()}"
            names.setdefault(key, repo)
            if link.framework:
                frameworks[key][link.framework] += 1
            if link.official is not None:
                official[key].add(link.official)
            papers[key].add(paper_of[record.index])
            mentions[key].append(record.mention)
            edges.add("implements", key, paper_of[record.index], record.mention)
    repos = []
    conflicts = []
    for key in sorted(names):
        flags = official[key]
        repos.append(Repo(
            id=key, name=names[key], frameworks=sorted(frameworks[key]),
            official=True if True in flags else (False if flags else None),
            papers=sorted(papers[key]), mentions=sorted(set(mentions[key])),
        ))
        if len(frameworks[key]) > 1:
            conflicts.append(Conflict(
                "repo-framework", f"{names[key]} is tagged with different frameworks: "
                f"{', '.join(sorted(frameworks[key]))}", key, sorted(set(mentions[key]))))
    return repos, conflicts


def _topics(records: list[Record], paper_of: dict[int, str], edges: _Edges) -> list[Topic]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    display: dict[str, str] = {}
    members: dict[str, set[str]] = defaultdict(set)
    for record in records:
        entry = record.entry
        own = {titles.match_key(alias) for alias in entry.aliases}
        heading = next((text for text in reversed(entry.section) if titles.match_key(text) not in own), None)
        if heading is None:
            continue
        key, name = topic_key(heading)
        if not key:
            continue
        topic_id = f"topic:{key}"
        names[topic_id][heading] += 1
        display.setdefault(topic_id, name)
        members[topic_id].add(paper_of[record.index])
        edges.add("in-topic", paper_of[record.index], topic_id, record.mention)
    topics = [
        Topic(id=topic_id, name=display[topic_id], names=sorted(names[topic_id]), papers=sorted(members[topic_id]))
        for topic_id in sorted(names)
    ]
    return topics


class _Edges:
    """Edges keyed by (type, from, to, reason); each collects the mentions that support it."""

    def __init__(self) -> None:
        # Mentions are held as plain tuples: hashing attrs instances costs more than the rest.
        self._provenance: dict[tuple[str, str, str, str], set[tuple[str, int, str]]] = defaultdict(set)

    def add(self, kind: str, source: str, target: str, mention: Mention, reason: str = "") -> None:
        self._provenance[(kind, source, target, reason)].add((mention.source, mention.line, mention.entry_id))

    def build(self) -> list[Edge]:
        return [
            Edge(kind, source, target, [Mention(*item) for item in sorted(mentions)], reason)  # type: ignore[arg-type]
            for (kind, source, target, reason), mentions in sorted(self._provenance.items())
        ]
