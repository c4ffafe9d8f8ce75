"""Parse speed of awesomeparse against mistune's AST pass, plus a linearity check.

Usage: python benchmarks/parse_speed.py [--repeat N] [--scale K] [--no-gc]

Inputs are the real lists beside the repository (../shared/seeds/*.txt and
../shared/corpus/*.md without SOURCES.md), read by path and never copied.

Figures printed (best of N runs each, time.perf_counter, garbage collected before each run):

* per input and for the concatenation of all inputs: awesomeparse.parse (the full pipeline
  on decoded text: BOM/front matter, tokenize, extract, finalize) and mistune 3's AST pass
  (``mistune.create_markdown(renderer=None)``, i.e. ``renderer='ast'``), MB/s for both and
  the ratio ours/mistune (target <= 1.0);
* the phase split of our pipeline (read/front matter, tokenize, extract) on the concatenation;
* linearity: parse time of the concatenation x K (default 16) over x1 (target <= K + 1),
  best of min(N, 2) runs because one x16 parse takes tens of seconds; mistune's ratio is
  printed beside it as a reference for what the interpreter itself adds (GC, memory).

``--no-gc`` disables the cyclic garbage collector inside the timed runs, to tell
collector cost apart from super-linear work in the parser itself.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import awesomeparse
from awesomeparse import source as source_module
from awesomeparse.extract import extract
from awesomeparse.tokens import tokenize

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RATIO_TARGET = 1.0
MB = 1_000_000


def inputs() -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted(path for path in (SHARED / "corpus").glob("*.md") if path.name != "SOURCES.md")
    return seeds + corpus


GC_IN_RUNS = True


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """Shortest wall time of ``repeat`` runs of ``run``."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        if not GC_IN_RUNS:
            gc.disable()
        try:
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / MB


def row(name: str, text: str, ours: float, theirs: float) -> str:
    size = megabytes(text)
    return (f"{name:<48} {size:>7.3f} {size / ours:>10.2f} {size / theirs:>12.2f} "
            f"{ours * 1000:>9.1f} {theirs * 1000:>10.1f} {ours / theirs:>7.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, metavar="N", help="best of N runs per figure (default 5)")
    parser.add_argument("--scale", type=int, default=16, metavar="K",
                        help="linearity check: concatenation xK against x1 (default 16)")
    parser.add_argument("--no-gc", action="store_true", help="disable the garbage collector during timed runs")
    args = parser.parse_args(argv)
    global GC_IN_RUNS  # noqa: PLW0603 - a run-wide switch read by best_of
    GC_IN_RUNS = not args.no_gc
    repeat = max(1, args.repeat)

    try:
        import mistune
    except ImportError:
        print("mistune is not installed: pip install 'mistune>=3'", file=sys.stderr)
        return 2
    paths = inputs()
    if not paths:
        print(f"no inputs: {SHARED} (seeds/, corpus/) is not present", file=sys.stderr)
        return 2

    markdown = mistune.create_markdown(renderer=None)
    texts = [(path, path.read_bytes().decode("utf-8").removeprefix("\ufeff")) for path in paths]
    everything = "\n".join(text if text.endswith("\n") else text + "\n" for _path, text in texts)

    print(f"awesomeparse {awesomeparse.__version__}, mistune {mistune.__version__}, "
          f"Python {sys.version.split()[0]}; best of {repeat} run(s); gc {'on' if GC_IN_RUNS else 'OFF'} in runs; "
          "MB = 10^6 bytes of UTF-8")
    print()
    header = (f"{'input':<48} {'MB':>7} {'ours MB/s':>10} {'mistune MB/s':>12} "
              f"{'ours ms':>9} {'mistune ms':>10} {'ratio':>7}")
    print(header)
    print("-" * len(header))
    total_ours = total_theirs = 0.0
    for path, text in texts:
        ours = best_of(repeat, functools.partial(awesomeparse.parse, text))
        theirs = best_of(repeat, functools.partial(markdown, text))
        total_ours += ours
        total_theirs += theirs
        print(row(f"{path.parent.name}/{path.name}", text, ours, theirs))
    print("-" * len(header))
    print(row("sum of the files above", everything, total_ours, total_theirs))
    ours = best_of(repeat, lambda: awesomeparse.parse(everything))
    theirs = best_of(repeat, lambda: markdown(everything))
    print(row(f"all {len(texts)} inputs concatenated", everything, ours, theirs))
    verdict = "OK" if ours / theirs <= RATIO_TARGET else "ABOVE TARGET"
    print(f"\nratio ours/mistune on the concatenation: {ours / theirs:.2f} (target <= {RATIO_TARGET:.1f}): {verdict}")

    read = source_module.from_text(everything)
    stream = tokenize(read)
    phases = {
        "read (BOM, front matter, line index)": best_of(repeat, lambda: source_module.from_text(everything)),
        "tokenize": best_of(repeat, lambda: tokenize(read)),
        "extract (dialects, normalize, finalize)": best_of(repeat, lambda: extract(stream, read)),
    }
    print("\nphase split on the concatenation (best of each, so they need not add up exactly):")
    for name, seconds in phases.items():
        print(f"  {name:<42} {seconds * 1000:>8.1f} ms  {seconds / ours:>6.1%}")

    scale = max(2, args.scale)
    big = everything * scale
    big_repeat = min(repeat, 2)  # x16 is ~13.5 MB, tens of seconds a parse: keep the script under two minutes
    one = many = their_one = their_many = float("inf")
    for _ in range(big_repeat):  # interleaved, so a busy spell on the machine hits both sizes alike
        one = min(one, best_of(1, lambda: awesomeparse.parse(everything)))
        many = min(many, best_of(1, lambda: awesomeparse.parse(big)))
        their_one = min(their_one, best_of(1, lambda: markdown(everything)))
        their_many = min(their_many, best_of(1, lambda: markdown(big)))
    limit = scale + 1
    verdict = "OK" if many / one <= limit else "ABOVE TARGET"
    print(f"\nlinearity, x1 = {megabytes(everything):.2f} MB, x{scale} = {megabytes(big):.2f} MB "
          f"(best of {big_repeat}):")
    print(f"  ours     x1 {one:>7.3f} s  x{scale} {many:>7.3f} s  ratio {many / one:>6.2f} "
          f"(target <= {limit}): {verdict}")
    print(f"  mistune  x1 {their_one:>7.3f} s  x{scale} {their_many:>7.3f} s  ratio {their_many / their_one:>6.2f} "
          "(reference only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
