"""Exports of parsed documents or a merged graph: ``json``, ``jsonl``, ``csv``, ``bibtex``, ``csljson``, ``graphml``.

Each format lives in its own module, imported when asked for, so that naming the formats (the
CLI's ``--to`` choices) loads nothing. Every export is text ending in a newline. The formats and
their choices are described in docs/exports.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesomeparse.graph import PaperGraph
    from awesomeparse.model import Document
    from awesomeparse.render.works import Work

EXPORT_FORMATS = ("json", "jsonl", "csv", "bibtex", "csljson", "graphml")


class UnknownFormatError(ValueError):
    """An export format name that is not one of ``EXPORT_FORMATS``."""


def _check(to: str) -> None:
    if to not in EXPORT_FORMATS:
        raise UnknownFormatError(f"unknown export format {to!r}; expected one of {', '.join(EXPORT_FORMATS)}")


def export_documents(documents: Sequence[Document], to: str) -> str:
    """Documents in format ``to``.

    ``json`` is the document JSON itself (``Document.to_json()``) for one document and a JSON
    array of documents for several; ``graphml`` has no per-document form, so the documents are
    merged first and the graph is written.
    """
    _check(to)
    if to == "json":
        if len(documents) == 1:
            return documents[0].to_json() + "\n"
        return json.dumps([document.to_dict() for document in documents], ensure_ascii=False, indent=2) + "\n"
    if to == "jsonl":
        from awesomeparse.render.jsonl import render_documents_jsonl

        return render_documents_jsonl(documents)
    if to == "csv":
        from awesomeparse.render.csv_rows import render_documents_csv

        return render_documents_csv(documents)
    if to == "graphml":
        from awesomeparse.match import merge

        return export_graph(merge(documents), "graphml")
    from awesomeparse.render.works import works_of_documents

    return _bibliography(works_of_documents(documents), to)


def export_graph(graph: PaperGraph, to: str) -> str:
    """A merged graph in format ``to``; ``json`` is ``PaperGraph.to_json()``."""
    _check(to)
    if to == "json":
        return graph.to_json() + "\n"
    if to == "jsonl":
        from awesomeparse.render.jsonl import render_graph_jsonl

        return render_graph_jsonl(graph)
    if to == "csv":
        from awesomeparse.render.csv_rows import render_graph_csv

        return render_graph_csv(graph)
    if to == "graphml":
        from awesomeparse.render.graphml import render_graphml

        return render_graphml(graph)
    from awesomeparse.render.works import works_of_graph

    return _bibliography(works_of_graph(graph), to)


def _bibliography(works: list[Work], to: str) -> str:
    if to == "bibtex":
        from awesomeparse.render.bibtex import render_bibtex

        return render_bibtex(works)
    from awesomeparse.render.csljson import render_csljson

    return render_csljson(works)
