"""``awesomeparse diff A B``: papers one side lists and the other lacks, matched as ``merge`` matches.

Exit codes: 0 both sides list the same papers, 1 some paper is missing from one side
(like ``diff``), 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
from typing import Any

from awesomeparse.cli._batch import Batch, add_batch_options, parse_document
from awesomeparse.cli._io import add_encoding_option, emit
from awesomeparse.cli._matching import add_threshold_option, merge_options


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "diff", help="papers in one list (or directory) missing from another",
        description="Papers in B missing from A and in A missing from B, matched by arXiv id, DOI, paper URL "
                    "or a safe title match, as merge matches them.",
    )
    parser.add_argument("left", metavar="A", help="a list file or a directory of lists")
    parser.add_argument("right", metavar="B", help="a list file or a directory of lists")
    add_report_options(parser)
    parser.set_defaults(run=run)


def add_report_options(parser: Any) -> None:
    """What ``diff`` and ``stats`` share: output format, matching threshold, reading options."""
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    add_threshold_option(parser)
    add_encoding_option(parser)
    add_batch_options(parser)


def run(args: argparse.Namespace) -> int:
    from awesomeparse.match.compare import compare
    from awesomeparse.render.reports import comparison

    options = merge_options(args)
    sides = [Batch(argparse.Namespace(**{**vars(args), "paths": [path]})) for path in (args.left, args.right)]
    left, right = ([document for _path, document in side.run(parse_document, None)] for side in sides)
    if any(side.failed for side in sides):
        # A list that could not be read would show its papers as missing: say nothing rather than that.
        return max(side.exit_code() for side in sides)
    result = compare(left, right, options=options)
    emit(comparison(result, [args.left], [args.right], args.format), None)
    return 0 if result.identical else 1
