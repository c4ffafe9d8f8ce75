"""Merge a directory of 1,000 synthetic lists (~200,000 entries) from the command line, in parallel.

Usage: python benchmarks/many_lists.py [--lists 1000] [--per-list 200] [--jobs 2] [--seed S] [--keep DIR]
                                       [--phases]

* **Lists.** ``merge_scale.py``'s generator (imported from beside this script): real titles
  from ../shared (read by path, never copied), synthetic ones made from them, 1-4 perturbed
  mentions per paper, arXiv/GitHub links and venues, written in the bold-title dialect,
  ``--per-list`` entries a file, in a temp directory (removed afterwards unless ``--keep``).
* **Runs.** ``sys.executable -m awesomeparse merge DIR --jobs N -o graph.json --quiet``, a fresh
  process each, first with ``--jobs 1`` (the baseline: no worker processes), then with
  ``--jobs N`` (default 2). Both graphs must be byte-identical.
* **Figures.** Wall time (``time.perf_counter`` around the run). Memory of the whole process
  tree, three ways: the sampled peak of the summed RSS of the CLI and its workers (``/proc``,
  every 20 ms: what the machine had to hold at once; the target applies to this one); the sum
  of each process's own peak (``VmHWM``, an upper bound: the peaks need not coincide); and
  ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a small wrapper process that runs the command
  (so each run has its own figure), which is the peak of the single largest process only
  (a worker's and the parent's peaks are never added), so it understates a pool.
* **Phases** (``--phases``): the same lists parsed, merged and written as JSON in this process,
  each phase timed, to tell where a missed target comes from.

Targets: ``--jobs 2`` finishes in <= 60 s with <= 2 GB peak memory on a 2-core machine.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from attrs import frozen

import awesomeparse
from awesomeparse.cli._batch import paused_collector
from awesomeparse.cli._json_stream import iter_json

sys.path.insert(0, str(Path(__file__).resolve().parent))
import merge_scale  # a sibling script, not a package

TARGET_SECONDS = 60.0
TARGET_BYTES = 2 * 1024**3
SAMPLE_SECONDS = 0.02
PAGE = os.sysconf("SC_PAGE_SIZE")


@frozen
class Run:
    jobs: int
    seconds: float
    tree_peak: int
    """Largest sampled sum of the RSS of the CLI process and its workers, bytes."""
    sum_of_peaks: int
    """Sum over every process seen of its own peak RSS (VmHWM), bytes."""
    largest_child: int
    """``ru_maxrss`` of RUSAGE_CHILDREN: the largest single process, bytes."""
    processes: int
    output: bytes


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as stream:
                found.extend(int(child) for child in stream.read().split())
    except OSError:
        pass
    return found


def _status(pid: int) -> tuple[int, int]:
    """Current and peak resident set size of ``pid``, bytes (0, 0 once it is gone)."""
    rss = peak = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as stream:
            for line in stream:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, peak


class TreeSampler(threading.Thread):
    """Samples the descendants of a process (not the process itself) until told to stop."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.tree_peak = 0
        self.peaks: dict[int, int] = {}
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            pending, total = _children(self.pid), 0
            while pending:
                pid = pending.pop()
                rss, peak = _status(pid)
                total += rss
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), peak)
                pending.extend(_children(pid))
            self.tree_peak = max(self.tree_peak, total)
            self._halt.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._halt.set()
        self.join()


# Runs the command and reports RUSAGE_CHILDREN for it alone: this script's own counter would keep
# the maximum of every run before.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def merge_run(directory: Path, jobs: int, output: Path) -> Run:
    """One ``awesomeparse merge`` in a fresh process, timed and sampled."""
    command = [sys.executable, "-m", "awesomeparse", "merge", str(directory), "--jobs", str(jobs), "--quiet",
               "-o", str(output)]
    start = time.perf_counter()
    wrapper = subprocess.Popen([sys.executable, "-c", _WRAPPER, *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    sampler = TreeSampler(wrapper.pid)
    sampler.start()
    out, err = wrapper.communicate()
    seconds = time.perf_counter() - start
    sampler.stop()
    if wrapper.returncode != 0:
        raise SystemExit(f"merge --jobs {jobs} failed ({wrapper.returncode}): {err.decode(errors='replace')}")
    largest = int(out.split()[-1]) * 1024  # KiB on Linux
    return Run(jobs, seconds, sampler.tree_peak, sum(sampler.peaks.values()), largest, len(sampler.peaks),
               output.read_bytes())


def generate(directory: Path, lists: int, per_list: int, seed: int) -> tuple[list[Path], int]:
    """``lists`` files of ``per_list`` bold-title entries; returns the paths and the entry count."""
    threshold = awesomeparse.MergeOptions().threshold
    size = lists * per_list
    real = merge_scale.real_titles(threshold)
    rng = random.Random(seed)
    pool, _vocabulary = merge_scale.title_pool(real, size, rng, 0.5)
    mentions, _papers = merge_scale.mentions_for(size, pool, rng)
    merge_scale.PER_FILE = per_list
    paths, _truth = merge_scale.write_lists(mentions, directory)
    return paths, len(mentions)


def phases(paths: list[Path]) -> None:
    """Parse, merge and JSON in this process, one phase at a time, the collector handled as the CLI does."""
    gc.collect()
    start = time.perf_counter()
    documents = []
    for path in paths:
        documents.append(awesomeparse.parse_file(path))
        gc.freeze()
    gc.unfreeze()
    parse_seconds = time.perf_counter() - start
    start = time.perf_counter()
    graph = awesomeparse.merge(documents)
    merge_seconds = time.perf_counter() - start
    del documents
    with paused_collector():
        start = time.perf_counter()
        size = sum(len(piece) for piece in iter_json(graph.to_dict()))
        json_seconds = time.perf_counter() - start
    print(f"phases in one process: parse {parse_seconds:.1f} s, merge {merge_seconds:.1f} s, "
          f"graph JSON {json_seconds:.1f} s ({size / 1e6:.0f} MB, {len(graph.papers):,} papers)")


def _mb(value: int) -> str:
    return f"{value / 1024**2:7.0f} MB" if value else "      — "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lists", type=int, default=1000, help="list files (default 1000)")
    parser.add_argument("--per-list", type=int, default=200, help="entries per list (default 200)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the measured run (default 2)")
    parser.add_argument("--seed", type=int, default=2024, help="generator seed (default 2024)")
    parser.add_argument("--keep", type=Path, help="write the lists under this directory and keep them")
    parser.add_argument("--phases", action="store_true", help="also time parse and merge apart, in this process")
    args = parser.parse_args(argv)
    if not merge_scale.inputs():
        print(f"no inputs: {merge_scale.SHARED} (seeds/, corpus/) is not present", file=sys.stderr)
        return 2
    if not os.path.isdir("/proc/self/task"):
        print("this benchmark samples memory through /proc (Linux)", file=sys.stderr)
        return 2

    root = args.keep or Path(tempfile.mkdtemp(prefix="awesomeparse-many-"))
    lists = root / "lists"
    lists.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        paths, entries = generate(lists, args.lists, args.per_list, args.seed)
        size = sum(path.stat().st_size for path in paths)
        print(f"awesomeparse {awesomeparse.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
              f"{len(paths):,} lists, {entries:,} entries, {size / 1e6:.1f} MB, generated in "
              f"{time.perf_counter() - start:.0f} s\n")
        runs = [merge_run(lists, jobs, root / f"graph-{jobs}.json") for jobs in (1, args.jobs)]
        print(f"{'run':<10} {'wall':>8} {'tree peak':>10} {'sum of peaks':>13} {'largest':>10} {'processes':>9}")
        for run in runs:
            print(f"--jobs {run.jobs:<3} {run.seconds:7.1f} s {_mb(run.tree_peak)} {_mb(run.sum_of_peaks):>13} "
                  f"{_mb(run.largest_child)} {run.processes:>9}")
        baseline, measured = runs
        print(f"\nspeed-up --jobs {measured.jobs} over --jobs 1: {baseline.seconds / measured.seconds:.2f}x; "
              f"memory ratio (tree peak): {measured.tree_peak / max(1, baseline.tree_peak):.2f}x; "
              f"same graph: {'yes' if baseline.output == measured.output else 'NO'}")
        time_ok = measured.seconds <= TARGET_SECONDS
        memory_ok = measured.tree_peak <= TARGET_BYTES
        print(f"--jobs {measured.jobs}: {measured.seconds:.1f} s (target <= {TARGET_SECONDS:g} s): "
              f"{'OK' if time_ok else 'ABOVE TARGET'}; {measured.tree_peak / 1024**3:.2f} GB tree peak "
              f"(target <= {TARGET_BYTES / 1024**3:g} GB): {'OK' if memory_ok else 'ABOVE TARGET'}")
        if args.phases:
            phases(paths)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
