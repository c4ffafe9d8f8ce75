"""Command line: ``awesomeparse parse FILE [-o OUT.json]``, ``awesomeparse merge PATH... [-o graph.json]``.

Exit codes: 0 success, 1 reserved for findings (lint), 2 usage errors and unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import awesomeparse
from awesomeparse.cli import diff as diff_command
from awesomeparse.cli import format as format_command
from awesomeparse.cli import lint as lint_command
from awesomeparse.cli import merge as merge_command
from awesomeparse.cli import parse as parse_command
from awesomeparse.cli import stats as stats_command
from awesomeparse.errors import AwesomeParseError

EXIT_OK = 0
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` stays a pure function of argv."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="awesomeparse", description="Read paper lists into a normalized paper graph.")
    parser.add_argument("--version", action="version", version=f"awesomeparse {awesomeparse.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parse_command.register(commands)
    merge_command.register(commands)
    lint_command.register(commands)
    format_command.register(commands)
    diff_command.register(commands)
    stats_command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except _UsageError as exc:
        print(f"awesomeparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        result: int = args.run(args)
    except AwesomeParseError as exc:
        print(f"awesomeparse: error: {exc.one_line()}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("awesomeparse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return result
