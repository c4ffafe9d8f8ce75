"""JSON Lines: one JSON object per line, each line a complete document of its own.

Documents give one line per entry, every kind included: the entry exactly as in the document
JSON, with the list's ``source`` in front. A graph gives one line per paper, exactly the paper
object of the graph JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from awesomeparse.graph import PaperGraph
from awesomeparse.model import Document

# JSON allows these raw inside strings, but str.splitlines() and many line readers split on them.
_LINE_BREAKING = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(value: dict[str, Any]) -> str:
    text = json.dumps(value, ensure_ascii=False)
    if any(char in text for char in _LINE_BREAKING):
        text = "".join(_LINE_BREAKING.get(char, char) for char in text)
    return text + "\n"


def _lines(values: Iterable[dict[str, Any]]) -> str:
    return "".join(json_line(value) for value in values)


def render_documents_jsonl(documents: Sequence[Document]) -> str:
    return _lines(
        {"source": document.source, **entry}
        for document in documents
        for entry in document.to_dict()["entries"]
    )


def render_graph_jsonl(graph: PaperGraph) -> str:
    return _lines(paper.to_dict() for paper in graph.papers)
