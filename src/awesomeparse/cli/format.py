"""``awesomeparse format PATH... [--check] [--diff] [--style bold|awesome]``: rewrite lists in one house style.

Exit codes: 0 nothing to change (or changes written), 1 with ``--check``/``--diff`` when a file
would change, 2 usage error or a list that could not be read or written (the others are still done).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import TYPE_CHECKING, Any

from attrs import frozen

from awesomeparse.cli._batch import Batch, add_batch_options
from awesomeparse.cli._io import add_encoding_option, write_atomic
from awesomeparse.errors import SourceError
from awesomeparse.source import Source

if TYPE_CHECKING:
    from awesomeparse.render.formatter import Style


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "format", help="rewrite lists in one canonical style",
        description="Rewrite paper lists in one house style: headings kept, each paper as **Title** with "
                    "canonical labelled bullets (or as one '- [Title](url) - note.' item), arXiv links as abs "
                    "URLs. Text it does not understand is kept as it is.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="list files, directories or glob patterns")
    parser.add_argument("--style", choices=("bold", "awesome"), default="bold",
                        help="bold: **Title** + '- label: url' bullets (default); awesome: '- [Title](url) - note.'")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file would change")
    parser.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the changes")
    add_encoding_option(parser)
    add_batch_options(parser)
    parser.set_defaults(run=run)


@frozen
class Reformatted:
    """A list whose formatting changes it: both texts (BOM included) and the codec to write it back in."""

    original: str
    formatted: str
    encoding: str


def format_one(source: Source, style: Style) -> Reformatted | None:
    """The job run on each list (in a worker process when there are several); ``None``: already formatted."""
    from awesomeparse.render.formatter import format_source

    formatted = format_source(source, style)
    original = ("\ufeff" if source.bom else "") + source.text
    return None if formatted == original else Reformatted(original, formatted, source.encoding)


def run(args: argparse.Namespace) -> int:
    batch = Batch(args)
    changed: list[str] = []
    for path, outcome in batch.run(format_one, args.style):
        if outcome is None:
            continue
        if args.diff:
            sys.stdout.writelines(difflib.unified_diff(
                outcome.original.splitlines(keepends=True), outcome.formatted.splitlines(keepends=True),
                fromfile=path, tofile=path))
        elif not args.check:
            try:
                write_atomic(path, outcome.formatted, outcome.encoding)
            except SourceError as exc:
                batch.fail(exc)
                continue
        changed.append(path)
    if args.check or args.diff:
        for path in changed:
            print(f"would reformat {path}", file=sys.stderr)
        return batch.exit_code(1 if changed else 0)
    if changed:
        print(f"reformatted {len(changed)} file{'s' if len(changed) != 1 else ''}", file=sys.stderr)
    return batch.exit_code()
