"""CSV (RFC 4180: comma-separated, ``"``-quoted when needed, CRLF rows): a header, then one row per paper.

Several values in one cell (venues, ids, URLs, topics) are joined with ``;``; a section path
with `` > ``. Values are written as parsed: no year is inferred here, unlike in the bibliographies.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence

from awesomeparse.graph import PaperGraph
from awesomeparse.model import Document
from awesomeparse.render.works import arxiv_url, doi_url, is_citable

DOCUMENT_COLUMNS = ("source", "line", "id", "kind", "title", "year", "venue", "arxiv", "doi", "github", "links",
                    "section")
GRAPH_COLUMNS = ("id", "title", "year", "venues", "arxiv", "doi", "github", "links", "mentions", "topics")
SEPARATOR = ";"
SECTION_SEPARATOR = " > "


def _joined(values: Iterable[str]) -> str:
    return SEPARATOR.join(values)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return buffer.getvalue()


def render_documents_csv(documents: Sequence[Document]) -> str:
    """One row per paper entry (kinds ``paper`` and ``mention``, as in the bibliographies)."""
    return _table(DOCUMENT_COLUMNS, (
        (
            document.source, entry.line, entry.id, entry.kind, entry.title, entry.year, entry.venue,
            _joined(entry.ids.arxiv), _joined(entry.ids.doi), _joined(entry.ids.github),
            _joined(link.url for link in entry.links), SECTION_SEPARATOR.join(entry.section),
        )
        for document in documents
        for entry in document.entries
        if is_citable(entry)
    ))


def render_graph_csv(graph: PaperGraph) -> str:
    """One row per paper; ``links`` are the URLs its ids stand for (arXiv, DOI, GitHub), since the
    graph keeps identifiers, not the links each list wrote."""
    names = {repo.id: repo.name for repo in graph.repos}
    topics: dict[str, list[str]] = defaultdict(list)
    for topic in graph.topics:
        for paper_id in topic.papers:
            topics[paper_id].append(topic.name)
    rows = []
    for paper in graph.papers:
        repos = [names.get(repo_id, repo_id.removeprefix("github:")) for repo_id in paper.repos]
        links = [arxiv_url(value) for value in paper.arxiv] + [doi_url(value) for value in paper.doi]
        links += [f"https://github.com/{repo}" for repo in repos]
        rows.append((
            paper.id, paper.title, paper.year, _joined(paper.venues), _joined(paper.arxiv), _joined(paper.doi),
            _joined(repos), _joined(links), len(paper.mentions), _joined(topics[paper.id]),
        ))
    return _table(GRAPH_COLUMNS, rows)
