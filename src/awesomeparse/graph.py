"""The paper graph: papers, repositories, topics and lists, with provenance-carrying edges.

Immutable; ``match.merge`` builds it. ``to_dict``/``to_json`` give the ``awesomeparse.graph/1``
format whose field names are a contract (extend, never rename).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal

from attrs import field, frozen

GRAPH_SCHEMA = "awesomeparse.graph/1"

Status = Literal["same", "different", "related"]


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@frozen(order=True)
class Mention:
    """Where a list mentions something: the list's path as given and the entry's line."""

    source: str
    line: int
    entry_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "entry_id": self.entry_id}


@frozen
class Decision:
    """Why two mentions are, or are not, the same paper: strongest evidence first."""

    status: Status
    reason: str
    """``same-arxiv``, ``different-arxiv``, ``same-doi``, ``same-url``, ``title``, ``alias``,
    ``version-mismatch``, ``year-mismatch``, ``title-below-threshold``, …"""
    score: float = 0.0
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "reason": self.reason, "score": round(self.score, 2), "detail": self.detail}


@frozen
class Paper:
    id: str
    """Deterministic: ``arxiv:<id>``, else ``doi:<doi>``, else ``title:<hash of the title key>``."""
    title: str
    titles: tuple[str, ...] = field(converter=_tuple)
    arxiv: tuple[str, ...] = field(converter=_tuple)
    doi: tuple[str, ...] = field(converter=_tuple)
    year: int | None
    venues: tuple[str, ...] = field(converter=_tuple)
    aliases: tuple[str, ...] = field(converter=_tuple)
    mentions: tuple[Mention, ...] = field(converter=_tuple)
    repos: tuple[str, ...] = field(converter=_tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "titles": list(self.titles),
            "ids": {"arxiv": list(self.arxiv), "doi": list(self.doi)},
            "year": self.year,
            "venues": list(self.venues),
            "aliases": list(self.aliases),
            "mentions": [mention.to_dict() for mention in self.mentions],
            "repos": list(self.repos),
        }


@frozen
class Repo:
    id: str
    """``github:owner/repo`` (lower-cased)."""
    name: str
    frameworks: tuple[str, ...] = field(converter=_tuple)
    official: bool | None
    papers: tuple[str, ...] = field(converter=_tuple)
    mentions: tuple[Mention, ...] = field(converter=_tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "frameworks": list(self.frameworks),
            "official": self.official,
            "papers": list(self.papers),
            "mentions": [mention.to_dict() for mention in self.mentions],
        }


@frozen
class Topic:
    id: str
    name: str
    names: tuple[str, ...] = field(converter=_tuple)
    papers: tuple[str, ...] = field(converter=_tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "names": list(self.names), "papers": list(self.papers)}


@frozen
class ListNode:
    id: str
    source: str
    entries: int
    papers: tuple[str, ...] = field(converter=_tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "entries": self.entries, "papers": list(self.papers)}


@frozen
class Edge:
    type: Literal["mentions", "implements", "in-topic", "related"]
    source: str
    target: str
    provenance: tuple[Mention, ...] = field(converter=_tuple)
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "from": self.source,
            "to": self.target,
            "provenance": [{"source": item.source, "line": item.line} for item in self.provenance],
        }
        if self.reason:
            data["reason"] = self.reason
        return data


@frozen
class Conflict:
    type: Literal["id-title", "repo-framework", "year-id"]
    message: str
    subject: str
    provenance: tuple[Mention, ...] = field(converter=_tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subject": self.subject,
            "message": self.message,
            "provenance": [mention.to_dict() for mention in self.provenance],
        }


@frozen
class PaperGraph:
    """A merged view of many lists. Immutable."""

    papers: tuple[Paper, ...] = field(converter=_tuple)
    repos: tuple[Repo, ...] = field(converter=_tuple)
    topics: tuple[Topic, ...] = field(converter=_tuple)
    lists: tuple[ListNode, ...] = field(converter=_tuple)
    edges: tuple[Edge, ...] = field(converter=_tuple)
    conflicts: tuple[Conflict, ...] = field(converter=_tuple)
    reasons: tuple[tuple[str, int], ...] = field(converter=_tuple)
    """How many merge decisions each reason settled (a histogram, sorted by reason)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": GRAPH_SCHEMA,
            "papers": [paper.to_dict() for paper in self.papers],
            "repos": [repo.to_dict() for repo in self.repos],
            "topics": [topic.to_dict() for topic in self.topics],
            "lists": [node.to_dict() for node in self.lists],
            "edges": [edge.to_dict() for edge in self.edges],
            "conflicts": [conflict.to_dict() for conflict in self.conflicts],
            "reasons": dict(self.reasons),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)
