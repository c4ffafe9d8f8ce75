"""Hostile input: parse and lint seconds per MB at growing sizes, beside ordinary list text.

Usage: python benchmarks/hostile_input.py [--sizes 10K,100K,1M,10M] [--quick] [--lint-max 1M]
                                          [--cases NAME,...] [--repeat N] [--budget S] [--list]

Issue 6, item 1: the parser must take linear time on hostile input; "how good" is every
hostile case within 2x of ordinary text per MB at every size. It is a script that prints
figures, not a test: a row above the target is flagged ``!!``, nothing fails.

* **Ordinary text** is the real lists beside the repository (``../shared/seeds/*.txt``,
  ``../shared/corpus/*.md`` without ``SOURCES.md``) concatenated, then repeated and cut to
  each size (at a character boundary); ``fixtures/**/*.md`` when ``../shared`` is absent.
* **Hostile cases**, each generated at each size (bytes of UTF-8, MB = 10^6 bytes):
  one line of ``[``, ``**``, ``<``, ``a_``, ``(`` inside a URL; nested bullets written on
  one line (``- - - … x``, depth = size / 2, so 10,000-deep at 20 KB) and as a staircase
  (two more spaces a level: a depth-d staircase is about d^2 bytes, so the depth is what
  the size holds, ~3,160 at 10 MB; the 10,000-deep staircase would be 100 MB); headings
  (``# heading``, 10 bytes each, so the 1 MB row is the issue's 100,000 headings); a table
  whose one body row is the whole size (the issue's 5 MB single-line table lies between
  the 1 MB and 10 MB rows; ``--sizes 5M`` runs it exactly), its cells linking distinct
  arXiv ids; random bytes, which go through ``awesomeparse.source.decode`` first and are
  rejected with ``SourceError`` (the fast outcome; what is timed is decode, plus parse when
  the bytes happen to decode). Then shapes the audit of issue 6 found quadratic before
  their fixes: ``)`` after a URL, a heading with a long run of blanks, nested brackets,
  a wrapped list item of URLs, and random markdown punctuation (seeded).
* **Figures.** ``awesomeparse.parse(text)`` (front matter, tokens, extract) and, up to
  ``--lint-max`` (default 1 MB), ``awesomeparse.lint(text)``: best of N wall times
  (``time.perf_counter``, ``gc.collect()`` before each run, collector on), N = ``--repeat``
  below 1 MB and 1 from 1 MB up. Each row prints seconds per MB for the case and for
  ordinary text of the same size measured in the same run, and the ratio case/ordinary.
* **Budget.** A run whose projected time (from the previous size, quadratically when the
  seconds per MB grew by more than half) exceeds ``--budget`` seconds (default 120) is
  skipped and says so, so a regression shows up as ``skipped`` instead of a hung run.

A default run takes about 1.5 minutes on a quiet 2-core machine (4 when it is busy; most
of it the 10 MB parses); ``--quick`` (10 KB, 100 KB, 1 MB; lint up to 100 KB; best of 1)
about 15 seconds.
"""

from __future__ import annotations

import argparse
import functools
import gc
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import awesomeparse
from awesomeparse.errors import SourceError
from awesomeparse.source import decode

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MB = 1_000_000
RATIO_TARGET = 2.0
UNITS = {"K": 1_000, "M": 1_000_000}


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[int], str | bytes]
    shape: Callable[[int, str | bytes], str]
    """What the generated input is, from its nominal size and the input itself."""


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def staircase_depth(size: int) -> int:
    """Deepest staircase of ``- x`` items (two more spaces a level) that fits in ``size`` bytes."""
    depth = 0
    while (depth + 1) * (depth + 1) + 3 * (depth + 1) <= size:
        depth += 1
    return depth


def staircase(size: int) -> str:
    body = "".join("  " * level + "- x\n" for level in range(staircase_depth(size)))
    return body + "x" * (size - len(body))  # padded to the exact size


TABLE_HEAD = "| Method | Paper |\n|---|---|\n"


def table_row(size: int) -> str:
    cells = []
    length = len(TABLE_HEAD)
    number = 0
    while length < size:
        cell = f"| Net{number} [pdf](https://arxiv.org/abs/17{number % 12 + 1:02d}.{number % 100_000:05d}) "
        cells.append(cell)
        length += len(cell)
        number += 1
    return (TABLE_HEAD + "".join(cells))[:size]


def random_markup(size: int) -> str:
    pieces = ["[", "]", "(", ")", "<", ">", "*", "**", "_", "#", "# ", "|", ":", "-", "- ", "`", "!", "\n", " ",
              "  ", "\t", "a", "Net", "2019", "https://", "arxiv.org/abs/1703.06870", "中"]
    rng = random.Random(6)
    parts: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(pieces)
        parts.append(piece)
        length += len(piece.encode())
    return "".join(parts).encode()[:size].decode("utf-8", errors="ignore")


def decoded(data: str | bytes) -> str:
    """What ``source.decode`` makes of random bytes (they are nearly always rejected)."""
    try:
        decode(data if isinstance(data, bytes) else data.encode(), "<random>")
    except SourceError as error:
        return f"rejected: {error.message.split(' (')[0]}"
    return "decoded, then parsed"


def count(what: str) -> Callable[[int, str | bytes], str]:
    """A shape reading ``{n}`` as the nominal size, for cases whose shape is a function of it."""
    return lambda size, _data: what.format(n=size)


CASES = (
    Case("[ x n", lambda size: "[" * size, count("one line of {n:,} [")),
    Case("** x n", lambda size: repeated("**", size), lambda size, _data: f"one line of {size // 2:,} **"),
    Case("< x n", lambda size: "<" * size, count("one line of {n:,} <")),
    Case("a_ x n", lambda size: repeated("a_", size), lambda size, _data: f"one line of {size // 2:,} a_"),
    Case("( in a URL x n", lambda size: "https://example.com/" + "(" * (size - 20),
         lambda size, _data: f"https://example.com/ then {size - 20:,} ("),
    Case("nested bullets, one line", lambda size: repeated("- ", size - 1) + "x",
         lambda size, _data: f"- - - ... x, {(size - 1) // 2:,} deep"),
    Case("nested bullets, staircase", staircase, lambda size, _data: f"{staircase_depth(size):,} deep"),
    Case("headings", lambda size: repeated("# heading\n", size), lambda size, _data: f"{size // 10:,} headings"),
    Case("single-line table", table_row,
         lambda _size, data: f"1 row of {str(data).count('|') - 6:,} cells"),
    Case("random bytes", lambda size: random.Random(1).randbytes(size), lambda _size, data: decoded(data)),
    Case(") after a URL x n", lambda size: "https://example.com/" + ")" * (size - 20),
         lambda size, _data: f"https://example.com/ then {size - 20:,} )"),
    Case("blanks in a heading", lambda size: "# a" + " " * (size - 4) + "b",
         lambda size, _data: f"# a, {size - 4:,} blanks, b"),
    Case("nested brackets", lambda size: "[" * (size // 2) + "]" * (size - size // 2),
         lambda size, _data: f"{size // 2:,} deep"),
    Case("wrapped item of URLs", lambda size: "- x\n" + repeated("https://a.b\n", size - 4),
         lambda size, _data: f"1 item, {(size - 4) // 12:,} URL lines"),
    Case("random markup", random_markup, count("seeded random markdown punctuation")),
)


def ordinary_source() -> str:
    paths = sorted((SHARED / "seeds").glob("*.txt"))
    paths += sorted(path for path in (SHARED / "corpus").glob("*.md") if path.name != "SOURCES.md")
    if not paths:
        paths = sorted((REPO / "fixtures").glob("**/*.md"))
    texts = [path.read_bytes().decode("utf-8").removeprefix("\ufeff") for path in paths]
    return "\n".join(text if text.endswith("\n") else text + "\n" for text in texts)


def ordinary(text: str, size: int) -> str:
    """``text`` repeated and cut to ``size`` bytes of UTF-8 (a split character is dropped)."""
    data = text.encode()
    data = data * (size // len(data) + 1)
    return data[:size].decode("utf-8", errors="ignore")


def best_of(repeat: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def parse_input(data: str | bytes) -> object:
    if isinstance(data, str):
        return awesomeparse.parse(data)
    try:
        source = decode(data, "<random>")
    except SourceError as error:
        return error
    return awesomeparse.parse(source.text)


def size_of(text: str) -> int:
    return len(text.encode())


def parse_size(value: str) -> int:
    value = value.strip().upper().removesuffix("B")
    if value and value[-1] in UNITS:
        return int(float(value[:-1]) * UNITS[value[-1]])
    return int(value)


def label(size: int) -> str:
    if size >= MB and size % MB == 0:
        return f"{size // MB} MB"
    if size >= 1_000 and size % 1_000 == 0:
        return f"{size // 1_000} KB"
    return f"{size} B"


class Projection:
    """Predicts a case's next run time from its previous two, to skip runs beyond the budget."""

    def __init__(self) -> None:
        self.history: list[tuple[int, float]] = []  # (size, seconds)

    def predict(self, size: int) -> float:
        if not self.history:
            return 0.0
        last_size, last_seconds = self.history[-1]
        growth = size / last_size
        if len(self.history) >= 2:
            first_size, first_seconds = self.history[-2]
            if first_seconds > 0 and (last_seconds / last_size) > 1.5 * (first_seconds / first_size):
                return last_seconds * growth * growth
        return last_seconds * growth


def figure(seconds: float | None, size: int) -> str:
    return "skipped" if seconds is None else f"{seconds / (size / MB):.3f}"


def ratio(ours: float | None, base: float | None) -> tuple[str, bool]:
    if ours is None or base is None:
        return "", False
    value = ours / base
    return f"{value:.2f}", value > RATIO_TARGET


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10K,100K,1M,10M", help="comma-separated sizes (default 10K,100K,1M,10M)")
    parser.add_argument("--quick", action="store_true", help="sizes 10K,100K,1M, lint up to 100K, best of 1")
    parser.add_argument("--lint-max", default="1M", metavar="SIZE", help="largest size linted (default 1M)")
    parser.add_argument("--cases", default="", help="comma-separated case names (default all; see --list)")
    parser.add_argument("--repeat", type=int, default=3, metavar="N", help="best of N below 1 MB (default 3)")
    parser.add_argument("--budget", type=float, default=120.0, metavar="S",
                        help="skip a run projected to take longer than S seconds (default 120)")
    parser.add_argument("--list", action="store_true", help="print the case names and exit")
    args = parser.parse_args(argv)
    if args.list:
        for case in CASES:
            print(case.name)
        return 0
    sizes = sorted({parse_size(value) for value in args.sizes.split(",") if value.strip()})
    lint_max = parse_size(args.lint_max)
    repeat = max(1, args.repeat)
    if args.quick:
        sizes, lint_max, repeat = [10_000, 100_000, 1_000_000], 100_000, 1
    chosen = [name.strip() for name in args.cases.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in {case.name for case in CASES}]
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)} (see --list)", file=sys.stderr)
        return 2
    cases = [case for case in CASES if not chosen or case.name in chosen]

    started = time.perf_counter()
    awesomeparse.parse("# warm up\n- [a](https://b.c)\n")  # imports and first-call costs out of the timings
    awesomeparse.lint("# warm up\n- [a](https://b.c)\n")
    source = ordinary_source()
    print(f"awesomeparse {awesomeparse.__version__}, Python {sys.version.split()[0]}; "
          f"best of {repeat} below 1 MB, 1 from 1 MB; MB = 10^6 bytes; lint up to {label(lint_max)}; "
          f"target: case/ordinary <= {RATIO_TARGET:.0f} ('!!' above)")
    baseline: dict[int, tuple[float, float | None]] = {}
    print("\nordinary text (real lists, repeated and cut):")
    for size in sizes:
        text = ordinary(source, size)
        runs = repeat if size < MB else 1
        base_parse = best_of(runs, functools.partial(awesomeparse.parse, text))
        base_lint = best_of(runs, functools.partial(awesomeparse.lint, text)) if size <= lint_max else None
        baseline[size] = (base_parse, base_lint)
        linted = f"  lint {figure(base_lint, size):>8} s/MB" if base_lint is not None else ""
        print(f"  {label(size):>7}  parse {figure(base_parse, size):>8} s/MB{linted}")

    header = (f"\n{'case':<26} {'size':>7}  {'shape':<36} {'parse':>8} {'ordin.':>7} {'ratio':>6}   "
              f"{'lint':>8} {'ordin.':>7} {'ratio':>6}")
    print(header + "\n" + " " * 72 + "(s/MB)" + " " * 26 + "(s/MB)")
    flagged = 0
    worst: dict[str, float] = {}
    for case in cases:
        parse_projection, lint_projection = Projection(), Projection()
        for size in sizes:
            data = case.make(size)
            actual = len(data) if isinstance(data, bytes) else size_of(data)
            runs = repeat if size < MB else 1
            parse_seconds: float | None = None
            if parse_projection.predict(actual) <= args.budget:
                parse_seconds = best_of(runs, functools.partial(parse_input, data))
                parse_projection.history.append((actual, parse_seconds))
            lint_seconds: float | None = None
            if isinstance(data, str) and size <= lint_max and lint_projection.predict(actual) <= args.budget:
                lint_seconds = best_of(runs, functools.partial(awesomeparse.lint, data))
                lint_projection.history.append((actual, lint_seconds))
            base_parse, base_lint = baseline[size]
            parse_ratio, parse_over = ratio(None if parse_seconds is None else parse_seconds / actual,
                                            base_parse / size)
            lint_ratio, lint_over = ratio(None if lint_seconds is None else lint_seconds / actual,
                                          None if base_lint is None else base_lint / size)
            over = parse_over or lint_over or parse_seconds is None
            flagged += over
            for seconds, base in ((parse_seconds, base_parse), (lint_seconds, base_lint)):
                if seconds is not None and base is not None:
                    worst[case.name] = max(worst.get(case.name, 0.0), (seconds / actual) / (base / size))
            lint_part = (f"{figure(lint_seconds, actual):>8} {figure(base_lint, size):>7} {lint_ratio:>6}"
                         if size <= lint_max and isinstance(data, str) else f"{'-':>8} {'':>7} {'':>6}")
            print(f"{case.name:<26} {label(size):>7}  {case.shape(size, data):<36} {figure(parse_seconds, actual):>8} "
                  f"{figure(base_parse, size):>7} {parse_ratio:>6}   {lint_part}{'  !!' if over else ''}", flush=True)
    print(f"\nrows above the target (ratio > {RATIO_TARGET:.0f}, or skipped): {flagged}")
    print("worst ratio per case: " + ", ".join(f"{name} {value:.2f}" for name, value in worst.items()))
    print(f"total run time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
