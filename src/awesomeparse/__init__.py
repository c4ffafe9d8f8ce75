"""awesomeparse: read paper lists in any home-made markdown dialect into one normalized model."""

from __future__ import annotations

from awesomeparse.api import parse, parse_file, parse_source
from awesomeparse.errors import AwesomeParseError, SchemaError, SourceError
from awesomeparse.model import DOCUMENT_SCHEMA, Document, Entry, Ids, Link, Section
from awesomeparse.spans import LineIndex, Span

__version__ = "0.1.0"

__all__ = [
    "DOCUMENT_SCHEMA",
    "AwesomeParseError",
    "Document",
    "Entry",
    "Ids",
    "LineIndex",
    "Link",
    "SchemaError",
    "Section",
    "SourceError",
    "Span",
    "__version__",
    "parse",
    "parse_file",
    "parse_source",
]
