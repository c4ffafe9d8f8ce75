"""awesomeparse: read paper lists in any home-made markdown dialect into one normalized model."""

from __future__ import annotations

from awesomeparse.api import parse, parse_file, parse_source
from awesomeparse.diagnostics import Diagnostic, Edit, Fix
from awesomeparse.errors import AwesomeParseError, SchemaError, SourceError
from awesomeparse.graph import GRAPH_SCHEMA, Decision, PaperGraph
from awesomeparse.lint import fix, lint
from awesomeparse.match import MergeOptions, explain, merge
from awesomeparse.model import DOCUMENT_SCHEMA, Document, Entry, Ids, Link, Section
from awesomeparse.spans import LineIndex, Span

__version__ = "0.1.0"

__all__ = [
    "DOCUMENT_SCHEMA",
    "GRAPH_SCHEMA",
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
    "fix",
    "lint",
    "merge",
    "parse",
    "parse_file",
    "parse_source",
]
