"""``awesomeparse stats PATH...``: entries, papers, code, years, sections, duplicates, conflicts."""

from __future__ import annotations

import argparse
from typing import Any

from awesomeparse.cli._batch import Batch, parse_document
from awesomeparse.cli._io import emit
from awesomeparse.cli._matching import merge_options
from awesomeparse.cli.diff import add_report_options


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "stats", help="count entries, papers, code, years and duplicates",
        description="Entries and papers (after merging), with and without code, per year and per section, "
                    "duplicates within a list, and conflicts.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="list files, directories or glob patterns")
    add_report_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from awesomeparse.match.summary import summarize
    from awesomeparse.render.reports import summary

    options = merge_options(args)
    batch = Batch(args)
    documents = [document for _path, document in batch.run(parse_document, None)]
    if documents:
        emit(summary(summarize(documents, options=options), args.format), None)
    return batch.exit_code()
