"""``--threshold``, shared by the commands that match papers across lists (merge, diff, stats)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from awesomeparse.errors import SourceError

if TYPE_CHECKING:
    from awesomeparse.match import MergeOptions


def add_threshold_option(parser: Any) -> None:
    parser.add_argument("--threshold", type=float, default=None, metavar="N",
                        help="title similarity (0-100) a title-only match needs (default 90)")


def merge_options(args: argparse.Namespace) -> MergeOptions:
    """The matcher's options from the command line; a threshold outside 0-100 is a usage error."""
    # Imported here so that commands which do not match papers do not load the matcher.
    from awesomeparse.match import MergeOptions

    threshold = MergeOptions().threshold if args.threshold is None else args.threshold
    if not 0 <= threshold <= 100:
        raise SourceError("--threshold", f"must be between 0 and 100, got {threshold}")
    return MergeOptions(threshold=threshold)
