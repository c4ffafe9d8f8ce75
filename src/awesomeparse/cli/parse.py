"""``awesomeparse parse PATH... [-o OUT.json]``: lists to Documents as JSON.

One file gives its document (indented JSON, as always); several files, a directory or a
pattern give JSON Lines, one compact document per line in input order, or one ``--to`` export
of all the documents.
"""

from __future__ import annotations

import argparse
from typing import Any

from awesomeparse.cli._batch import Batch, add_batch_options, names_one_file, parse_document
from awesomeparse.cli._io import add_encoding_option, emit, write_stdout
from awesomeparse.model import Document
from awesomeparse.render.exports import EXPORT_FORMATS, export_documents
from awesomeparse.source import Source


def register(commands: Any) -> None:
    parser = commands.add_parser("parse", help="parse lists into JSON documents",
                                 description="Parse lists into JSON documents (schema awesomeparse.document/1): "
                                             "one file gives one document, several give JSON Lines.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="list files (markdown or text), directories "
                        "searched for *.md/*.markdown/*.txt recursively, or glob patterns ('lists/**/*.md')")
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write the JSON here instead of standard output")
    parser.add_argument("--compact", action="store_true", help="one-line JSON instead of indented (one file)")
    parser.add_argument("--to", choices=EXPORT_FORMATS, default="json",
                        help="output format (default json; see docs/exports.md)")
    add_encoding_option(parser)
    add_batch_options(parser)
    parser.set_defaults(run=run)


def document_json(source: Source, indent: int | None) -> str:
    """The job when JSON is wanted: workers serialize, so only text crosses back to the parent."""
    return parse_document(source, None).to_json(indent=indent) + "\n"


def run(args: argparse.Namespace) -> int:
    batch = Batch(args)
    if args.to != "json":
        documents: list[Document] = [document for _path, document in batch.run(parse_document, None)]
        if documents:
            emit(export_documents(documents, args.to), args.output)
        return batch.exit_code()
    indent = None if args.compact or not names_one_file(args.paths) else 2
    lines = batch.run(document_json, indent)
    if args.output:
        # The file is written whole at the end, so a failed run leaves the old one as it was.
        text = "".join(line for _path, line in lines)
        if text:
            emit(text, args.output)
    else:
        # Standard output takes each document as it is ready: memory holds one, not all.
        for _path, line in lines:
            write_stdout(line)
    return batch.exit_code()
