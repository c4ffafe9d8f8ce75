"""GraphML: the paper graph as XML that Gephi, yEd, Cytoscape and networkx read.

Nodes are the graph's papers, repositories, topics and lists, plus an ``external`` node for each
edge end that is none of them (the other arXiv id a ``related`` edge points at). Every edge keeps
its ``type``; ``provenance`` lists the ``source:line`` mentions behind it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

import regex

from awesomeparse.graph import Mention, PaperGraph

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_SCHEMA_LOCATION = f"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd"
_SEPARATOR = ";"
# (key id, domain, attr.name, attr.type). Ids are short and stable; names are what tools show.
KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("n_kind", "node", "kind", "string"),
    ("n_label", "node", "label", "string"),
    ("n_year", "node", "year", "int"),
    ("n_venues", "node", "venues", "string"),
    ("n_arxiv", "node", "arxiv", "string"),
    ("n_doi", "node", "doi", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_frameworks", "node", "frameworks", "string"),
    ("n_official", "node", "official", "boolean"),
    ("n_entries", "node", "entries", "int"),
    ("e_type", "edge", "type", "string"),
    ("e_reason", "edge", "reason", "string"),
    ("e_mentions", "edge", "mentions", "int"),
    ("e_provenance", "edge", "provenance", "string"),
)
# XML 1.0 cannot hold these at all, escaped or not.
_NOT_XML = regex.compile(r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")

Value = str | int | bool | None


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _data(parent: ET.Element, key: str, value: Value) -> None:
    if value is None or value == "":
        return
    element = ET.SubElement(parent, "data", {"key": key})
    element.text = ("true" if value else "false") if isinstance(value, bool) else _text(str(value))


def _node(graph_element: ET.Element, node_id: str, kind: str, label: str, **values: Value) -> None:
    node = ET.SubElement(graph_element, "node", {"id": _text(node_id)})
    _data(node, "n_kind", kind)
    _data(node, "n_label", label)
    for name, value in values.items():
        _data(node, f"n_{name}", value)


def _joined(values: Iterable[str]) -> str:
    return _SEPARATOR.join(values)


def _provenance(mentions: Iterable[Mention]) -> str:
    return _joined(f"{mention.source}:{mention.line}" for mention in mentions)


def external_nodes(graph: PaperGraph) -> list[str]:
    """Edge ends that are not nodes of the graph, sorted."""
    known = {item.id for group in (graph.papers, graph.repos, graph.topics, graph.lists) for item in group}
    return sorted({end for edge in graph.edges for end in (edge.source, edge.target)} - known)


def render_graphml(graph: PaperGraph) -> str:
    root = ET.Element("graphml", {
        "xmlns": NAMESPACE, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": _SCHEMA_LOCATION,
    })
    for key_id, domain, name, kind in KEYS:
        ET.SubElement(root, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind})
    body = ET.SubElement(root, "graph", {"id": "awesomeparse", "edgedefault": "directed"})
    for paper in graph.papers:
        _node(body, paper.id, "paper", paper.title, year=paper.year, venues=_joined(paper.venues),
              arxiv=_joined(paper.arxiv), doi=_joined(paper.doi), aliases=_joined(paper.aliases),
              mentions=len(paper.mentions))
    for repo in graph.repos:
        _node(body, repo.id, "repo", repo.name, frameworks=_joined(repo.frameworks), official=repo.official,
              mentions=len(repo.mentions))
    for topic in graph.topics:
        _node(body, topic.id, "topic", topic.name, aliases=_joined(name for name in topic.names if name != topic.name))
    for node in graph.lists:
        _node(body, node.id, "list", node.source, entries=node.entries)
    for end in external_nodes(graph):
        _node(body, end, "external", end)
    for number, edge in enumerate(graph.edges):
        element = ET.SubElement(body, "edge", {"id": f"e{number}", "source": _text(edge.source),
                                               "target": _text(edge.target)})
        _data(element, "e_type", edge.type)
        _data(element, "e_reason", edge.reason)
        _data(element, "e_mentions", len(edge.provenance))
        _data(element, "e_provenance", _provenance(edge.provenance))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
