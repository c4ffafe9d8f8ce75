"""The library entry points behind the package facade: parse text or a file into a Document."""

from __future__ import annotations

import gc
import os

from awesomeparse import source as source_module
from awesomeparse.extract import extract
from awesomeparse.model import Document
from awesomeparse.source import Source
from awesomeparse.tokens import tokenize


def parse_source(source: Source) -> Document:
    """Tokenize and extract an already-read ``Source``."""
    # Parsing allocates many small acyclic objects; generational collection passes over
    # them cost a third of the time and grow with the heap, so collection pauses while
    # one document is read (cycles, if any, are collected afterwards).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return extract(tokenize(source), source)
    finally:
        if enabled:
            gc.enable()


def parse(text: str, source: str | None = None) -> Document:
    """Parse a list given as text; ``source`` names it in the result (default ``None``)."""
    read = source_module.from_text(text, source)
    document = parse_source(read)
    if source is None:
        from attrs import evolve

        document = evolve(document, source=None)
    return document


def parse_file(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """Read, decode and parse a list file; unreadable input raises ``SourceError``.

    ``encoding`` forces a codec; by default UTF-8 (with or without BOM), UTF-16 with a BOM and
    GB18030 are recognized (``awesomeparse.source.read_file`` also reports a GB18030 fallback).
    """
    return parse_source(source_module.read_file(path, encoding))
