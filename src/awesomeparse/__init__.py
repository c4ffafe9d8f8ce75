"""awesomeparse: read paper lists in any home-made markdown dialect into one normalized model.

The public names are loaded on first use, so ``import awesomeparse`` (and a CLI command that
needs only the parser) does not pay for the matcher or the linter.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from awesomeparse._version import __version__

if TYPE_CHECKING:
    from awesomeparse.api import parse, parse_file, parse_source
    from awesomeparse.diagnostics import Diagnostic, Edit, Fix
    from awesomeparse.errors import AwesomeParseError, SchemaError, SourceError
    from awesomeparse.graph import GRAPH_SCHEMA, Decision, PaperGraph
    from awesomeparse.linter import fix, lint
    from awesomeparse.match import MergeOptions, explain, merge
    from awesomeparse.model import DOCUMENT_SCHEMA, Document, Entry, Ids, Link, Section
    from awesomeparse.render.exports import EXPORT_FORMATS, export_documents, export_graph
    from awesomeparse.render.formatter import STYLES, format_source, format_text
    from awesomeparse.spans import LineIndex, Span

_EXPORTS = {
    "parse": "awesomeparse.api", "parse_file": "awesomeparse.api", "parse_source": "awesomeparse.api",
    "Diagnostic": "awesomeparse.diagnostics", "Edit": "awesomeparse.diagnostics", "Fix": "awesomeparse.diagnostics",
    "AwesomeParseError": "awesomeparse.errors", "SchemaError": "awesomeparse.errors",
    "SourceError": "awesomeparse.errors",
    "GRAPH_SCHEMA": "awesomeparse.graph", "Decision": "awesomeparse.graph", "PaperGraph": "awesomeparse.graph",
    "fix": "awesomeparse.linter", "lint": "awesomeparse.linter",
    "MergeOptions": "awesomeparse.match", "explain": "awesomeparse.match", "merge": "awesomeparse.match",
    "DOCUMENT_SCHEMA": "awesomeparse.model", "Document": "awesomeparse.model", "Entry": "awesomeparse.model",
    "Ids": "awesomeparse.model", "Link": "awesomeparse.model", "Section": "awesomeparse.model",
    "EXPORT_FORMATS": "awesomeparse.render.exports", "export_documents": "awesomeparse.render.exports",
    "export_graph": "awesomeparse.render.exports",
    "STYLES": "awesomeparse.render.formatter", "format_source": "awesomeparse.render.formatter",
    "format_text": "awesomeparse.render.formatter",
    "LineIndex": "awesomeparse.spans", "Span": "awesomeparse.spans",
}

__all__ = [
    "DOCUMENT_SCHEMA",
    "EXPORT_FORMATS",
    "GRAPH_SCHEMA",
    "STYLES",
    "AwesomeParseError",
    "Decision",
    "Diagnostic",
    "Document",
    "Edit",
    "Entry",
    "Fix",
    "Ids",
    "LineIndex",
    "Link",
    "MergeOptions",
    "PaperGraph",
    "SchemaError",
    "Section",
    "SourceError",
    "Span",
    "__version__",
    "explain",
    "export_documents",
    "export_graph",
    "fix",
    "format_source",
    "format_text",
    "lint",
    "merge",
    "parse",
    "parse_file",
    "parse_source",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'awesomeparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
