"""``awesomeparse lint PATH... [--fix] [--unsafe-fixes] [--diff] [--select/--ignore] [--format …]``.

Exit codes: 0 no error or warning left (info findings do not fail), 1 errors or warnings found
(or, with ``--diff``, fixes pending), 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import Any

from awesomeparse.cli._io import add_encoding_option, emit, list_files, read_list, write_atomic
from awesomeparse.errors import SourceError
from awesomeparse.render.diagnostics import FORMATS


def register(commands: Any) -> None:
    parser = commands.add_parser("lint", help="check lists for broken links, labels and structure",
                                 description="Check paper lists; --fix repairs what is safe to repair.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="list files or directories")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomically)")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    parser.add_argument("--diff", action="store_true", help="show the fixes as a diff instead of writing them")
    parser.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to check (AP2,AP101)")
    parser.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes to skip")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--statistics", action="store_true", help="count findings per rule")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    add_encoding_option(parser)
    parser.set_defaults(run=run)


def _codes(value: str | None) -> list[str] | None:
    return [item.strip().upper() for item in value.split(",") if item.strip()] if value else None


def run(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not load the rules.
    from pathlib import Path

    from awesomeparse import source as source_module
    from awesomeparse.diagnostics import Diagnostic
    from awesomeparse.linter import RULES, UnknownRuleError, fix, lint_source
    from awesomeparse.linter.config import load
    from awesomeparse.render.diagnostics import render

    config = load(Path.cwd())
    select = _codes(args.select) or list(config.select) or None
    ignore = (_codes(args.ignore) or []) + list(config.ignore) or None
    try:
        lint_source(source_module.from_text(""), select_codes=select, ignore_codes=ignore)
    except UnknownRuleError as exc:
        raise SourceError("--select/--ignore", f"unknown rule code or prefix {exc.args[0]!r}") from None
    results: list[tuple[str, list[Diagnostic]]] = []
    texts: dict[str, str] = {}
    pending = False
    for path in list_files(args.paths):
        read = read_list(path, args.encoding)
        if args.fix or args.diff:
            fixed = fix(read.text, unsafe=args.unsafe_fixes, select_codes=select, ignore_codes=ignore)
            if fixed != read.text:
                if args.diff:
                    pending = True
                    sys.stdout.writelines(difflib.unified_diff(
                        read.text.splitlines(keepends=True), fixed.splitlines(keepends=True),
                        fromfile=path, tofile=path))
                else:
                    # The file's own encoding and BOM go back on; CRLF lives in the text itself.
                    written = ("\ufeff" if read.bom else "") + fixed
                    write_atomic(path, written, read.encoding)
                    read = source_module.from_text(written, path)
        results.append((path, lint_source(read, select_codes=select, ignore_codes=ignore)))
        texts[path] = read.text
    if not args.diff:
        emit(render(results, args.format, statistics=args.statistics, rules=RULES, texts=texts), None)
    failing = any(item.severity != "info" for _path, found in results for item in found)
    if args.exit_zero:
        return 0
    return 1 if (pending if args.diff else failing) else 0

