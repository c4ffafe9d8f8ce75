"""``awesomeparse merge PATH... [-o graph.json] [--threshold N] [--explain A B]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from awesomeparse.cli._batch import Batch, add_batch_options, parse_document, paused_collector
from awesomeparse.cli._io import add_encoding_option, emit
from awesomeparse.cli._json_stream import iter_json
from awesomeparse.cli._matching import add_threshold_option, merge_options
from awesomeparse.errors import SourceError
from awesomeparse.render.exports import EXPORT_FORMATS, export_graph


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "merge", help="merge lists into one paper graph",
        description="Merge lists into one deduplicated paper graph (schema awesomeparse.graph/1).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="list files, directories searched for "
                        "*.md/*.markdown/*.txt recursively, or glob patterns ('lists/**/*.md')")
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write the graph here instead of standard output")
    add_threshold_option(parser)
    parser.add_argument("--explain", nargs=2, metavar=("A", "B"),
                        help="say why two mentions (PATH:LINE or entry id) were or were not merged")
    parser.add_argument("--compact", action="store_true", help="one-line JSON instead of indented")
    parser.add_argument("--to", choices=EXPORT_FORMATS, default="json",
                        help="output format (default json; see docs/exports.md)")
    add_encoding_option(parser)
    add_batch_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not load the matcher.
    from awesomeparse.match import explain, merge

    options = merge_options(args)
    batch = Batch(args)
    documents = [document for _path, document in batch.run(parse_document, None)]
    if not documents:
        return batch.exit_code()
    if args.explain:
        try:
            decision, joined = explain(documents, args.explain[0], args.explain[1], options=options)
        except LookupError as exc:
            raise SourceError("--explain", str(exc.args[0])) from None
        verdict = "merged" if joined else "not merged"
        sys.stdout.write(f"{decision.status} ({decision.reason}, score {decision.score:.1f})"
                         f"{': ' + decision.detail if decision.detail else ''}; {verdict} in the graph\n")
        return batch.exit_code()
    graph = merge(documents, options=options)
    del documents  # the graph holds what it needs; the documents' memory goes back before writing
    with paused_collector():
        if args.to == "json":
            # graph.to_json's text, streamed: a 200,000-entry graph is never held whole as text.
            emit(_with_newline(iter_json(graph.to_dict(), None if args.compact else 2)), args.output)
        else:
            emit(export_graph(graph, args.to), args.output)
    return batch.exit_code()


def _with_newline(pieces: Iterator[str]) -> Iterator[str]:
    yield from pieces
    yield "\n"
