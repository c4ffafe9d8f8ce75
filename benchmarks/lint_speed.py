"""Whole-process ``awesomeparse lint`` of seed 002 beside ``python -c "import awesomeparse"``.

Usage: python benchmarks/lint_speed.py [--repeat N]

Both are run as fresh processes with this interpreter (``sys.executable``), best of N wall times.
Targets: lint of the 150 KB seed 002 in <= 0.5 s, and start-up (the import) <= 40% of it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "002_17c32c9dd5abf23f.txt"


def best_of(repeat: int, command: list[str]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, metavar="N", help="best of N runs (default 7)")
    args = parser.parse_args(argv)
    if not SEED.exists():
        print(f"{SEED} is not present (../shared/seeds)", file=sys.stderr)
        return 2
    bare = best_of(args.repeat, [sys.executable, "-c", "pass"])
    startup = best_of(args.repeat, [sys.executable, "-c", "import awesomeparse"])
    lint = best_of(args.repeat, [sys.executable, "-m", "awesomeparse", "lint", str(SEED), "--exit-zero"])
    print(f"python -c pass                   {bare:6.3f} s")
    print(f"python -c 'import awesomeparse'  {startup:6.3f} s")
    print(f"awesomeparse lint seed 002       {lint:6.3f} s  (target <= 0.5 s: {'OK' if lint <= 0.5 else 'ABOVE'})")
    share = startup / lint
    print(f"start-up share                   {share:6.1%}  (target <= 40%: {'OK' if share <= 0.4 else 'ABOVE'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
