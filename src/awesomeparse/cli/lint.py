"""``awesomeparse lint PATH... [--fix] [--unsafe-fixes] [--diff] [--select/--ignore] [--format …]``.

Exit codes: 0 no error or warning left (info findings do not fail), 1 errors or warnings found
(or, with ``--diff``, fixes pending), 2 usage error or a list that could not be read or fixed (the
others are still checked: 2 outranks 1).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import Any

from attrs import frozen

from awesomeparse.cli._batch import Batch, add_batch_options
from awesomeparse.cli._io import add_encoding_option, emit, write_atomic
from awesomeparse.diagnostics import Diagnostic
from awesomeparse.errors import SourceError
from awesomeparse.render.diagnostics import FORMATS
from awesomeparse.source import Source


def register(commands: Any) -> None:
    parser = commands.add_parser("lint", help="check lists for broken links, labels and structure",
                                 description="Check paper lists; --fix repairs what is safe to repair.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="list files, directories or glob patterns")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomically)")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    parser.add_argument("--diff", action="store_true", help="show the fixes as a diff instead of writing them")
    parser.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to check (AP2,AP101)")
    parser.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes to skip")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--statistics", action="store_true", help="count findings per rule")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    add_encoding_option(parser)
    add_batch_options(parser)
    parser.set_defaults(run=run)


def _codes(value: str | None) -> list[str] | None:
    return [item.strip().upper() for item in value.split(",") if item.strip()] if value else None


@frozen
class LintPlan:
    """What every file is checked and fixed with (sent to each worker process)."""

    select: list[str] | None
    ignore: list[str] | None
    options: dict[str, dict[str, Any]]
    fix: bool
    unsafe: bool
    keep_text: bool
    """Return the checked text too (SARIF fingerprints quote the flagged text)."""


@frozen
class Linted:
    """One file's findings and, when fixing changed it, the text before and after (without BOM)."""

    found: list[Diagnostic]
    change: tuple[str, str] | None = None
    bom: bool = False
    encoding: str = "utf-8"
    """How the file was read: its fixed text is written back the same way."""
    text: str | None = None


def lint_one(read: Source, plan: LintPlan) -> Linted:
    """The job run on each list (in a worker process when there are several)."""
    from awesomeparse import source as source_module
    from awesomeparse.linter import Refusal, fix_report, lint_source

    bom, encoding = read.bom, read.encoding
    change: tuple[str, str] | None = None
    refused: tuple[Refusal, ...] = ()
    if plan.fix:
        outcome = fix_report(read.text, unsafe=plan.unsafe, select_codes=plan.select, ignore_codes=plan.ignore,
                             options=plan.options)
        refused = outcome.refused
        if outcome.text != read.text:
            change = (read.text, outcome.text)
            # Findings are those of the fixed text, the one --fix leaves on disk.
            read = source_module.from_text(("\ufeff" if bom else "") + outcome.text, read.path)
    found = lint_source(read, select_codes=plan.select, ignore_codes=plan.ignore, options=plan.options,
                        refused=refused)
    return Linted(found, change, bom, encoding, read.text if plan.keep_text else None)


def run(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not load the rules.
    from pathlib import Path

    from awesomeparse import source as source_module
    from awesomeparse.linter import RULES, UnknownRuleError, lint_source
    from awesomeparse.linter.config import load
    from awesomeparse.render.diagnostics import render

    config = load(Path.cwd())
    select = _codes(args.select) or list(config.select) or None
    ignore = (_codes(args.ignore) or []) + list(config.ignore) or None
    try:
        lint_source(source_module.from_text(""), select_codes=select, ignore_codes=ignore)
    except UnknownRuleError as exc:
        raise SourceError("--select/--ignore", f"unknown rule code or prefix {exc.args[0]!r}") from None
    batch = Batch(args)
    plan = LintPlan(select, ignore, config.options, args.fix or args.diff, args.unsafe_fixes, args.format == "sarif")
    results: list[tuple[str, list[Diagnostic]]] = []
    texts: dict[str, str] = {}
    pending = False
    for path, linted in batch.run(lint_one, plan):
        if linted.change is not None:
            original, fixed = linted.change
            if args.diff:
                pending = True
                sys.stdout.writelines(difflib.unified_diff(
                    original.splitlines(keepends=True), fixed.splitlines(keepends=True), fromfile=path, tofile=path))
            else:
                try:
                    # The file's own encoding and BOM go back on; CRLF lives in the text itself.
                    write_atomic(path, ("\ufeff" if linted.bom else "") + fixed, linted.encoding)
                except SourceError as exc:
                    batch.fail(exc)
                    continue
        results.append((path, linted.found))
        if linted.text is not None:
            texts[path] = linted.text
    if not args.diff and results:
        emit(render(results, args.format, statistics=args.statistics, rules=RULES, texts=texts), None)
    failing = any(item.severity != "info" for _path, found in results for item in found)
    if args.exit_zero:
        return batch.exit_code()
    return batch.exit_code(1 if (pending if args.diff else failing) else 0)
