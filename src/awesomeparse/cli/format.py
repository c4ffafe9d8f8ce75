"""``awesomeparse format PATH... [--check] [--diff] [--style bold|awesome]``: rewrite lists in one house style.

Exit codes: 0 nothing to change (or changes written), 1 with ``--check``/``--diff`` when a file
would change, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import Any

from awesomeparse.cli._io import add_encoding_option, list_files, read_list, write_atomic


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "format", help="rewrite lists in one canonical style",
        description="Rewrite paper lists in one house style: headings kept, each paper as **Title** with "
                    "canonical labelled bullets (or as one '- [Title](url) - note.' item), arXiv links as abs "
                    "URLs. Text it does not understand is kept as it is.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="list files or directories")
    parser.add_argument("--style", choices=("bold", "awesome"), default="bold",
                        help="bold: **Title** + '- label: url' bullets (default); awesome: '- [Title](url) - note.'")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file would change")
    parser.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the changes")
    add_encoding_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from awesomeparse.render.formatter import format_source

    changed: list[str] = []
    for path in list_files(args.paths):
        read = read_list(path, args.encoding)
        formatted = format_source(read, args.style)
        original = ("\ufeff" if read.bom else "") + read.text
        if formatted == original:
            continue
        changed.append(path)
        if args.diff:
            sys.stdout.writelines(difflib.unified_diff(
                original.splitlines(keepends=True), formatted.splitlines(keepends=True),
                fromfile=path, tofile=path))
        elif not args.check:
            write_atomic(path, formatted, read.encoding)
    if args.check or args.diff:
        for path in changed:
            print(f"would reformat {path}", file=sys.stderr)
        return 1 if changed else 0
    if changed:
        print(f"reformatted {len(changed)} file{'s' if len(changed) != 1 else ''}", file=sys.stderr)
    return 0
