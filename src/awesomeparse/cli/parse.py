"""``awesomeparse parse FILE [-o OUT.json]``: one list to one Document as JSON."""

from __future__ import annotations

import argparse
from typing import Any

import awesomeparse
from awesomeparse.cli._io import add_encoding_option, emit, read_list
from awesomeparse.render.exports import EXPORT_FORMATS, export_documents


def register(commands: Any) -> None:
    parser = commands.add_parser("parse", help="parse one list into a JSON document",
                                 description="Parse one list into a JSON document (schema awesomeparse.document/1).")
    parser.add_argument("file", help="the list to parse (markdown or text)")
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write the JSON here instead of standard output")
    parser.add_argument("--compact", action="store_true", help="one-line JSON instead of indented")
    parser.add_argument("--to", choices=EXPORT_FORMATS, default="json",
                        help="output format (default json; see docs/exports.md)")
    add_encoding_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    document = awesomeparse.parse_source(read_list(args.file, args.encoding))
    if args.to == "json":
        text = document.to_json(indent=None if args.compact else 2) + "\n"
    else:
        text = export_documents([document], args.to)
    emit(text, args.output)
    return 0
