"""Many lists in one command: expand PATH arguments, run a job per file in worker processes, in order.

A job is a module-level function ``job(source, payload) -> result`` (so a worker process can find
it by name); it returns only what its command needs (a Document, diagnostics, formatted text),
never token streams, so a 1,000-list run holds results, not parses. A file that cannot be read
or processed is reported on standard error and the run goes on; the exit code says so.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import glob
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar, cast

from attrs import frozen

from awesomeparse import source as source_module
from awesomeparse.api import parse_source
from awesomeparse.cli._io import LIST_SUFFIXES, list_files
from awesomeparse.cli._progress import progress_for
from awesomeparse.errors import AwesomeParseError, SourceError
from awesomeparse.model import Document
from awesomeparse.source import Source

Payload = TypeVar("Payload")
Result = TypeVar("Result")

EXIT_FAILED = 2
# Work submitted ahead per worker: enough to keep every worker busy while the parent handles a
# result, few enough that finished results never pile up waiting for a slow file ahead of them.
AHEAD_PER_WORKER = 2


def add_batch_options(parser: Any) -> None:
    """``--jobs N`` and ``--quiet`` on a command that reads many lists."""
    parser.add_argument("-j", "--jobs", metavar="N", type=_positive_count, default=None,
                        help="lists processed in parallel (default: the number of CPUs; 1: no worker processes)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _positive_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return count


def expand_paths(paths: Sequence[str]) -> list[str]:
    """The list files the PATH arguments name, in argument order, each file once.

    A directory gives its ``*.md``/``*.markdown``/``*.txt`` files recursively; a pattern the
    shell left alone (``'lists/**/*.md'``) is expanded as the shell would have, each match a
    PATH of its own. A path that does not exist is kept, for its job to report as a failed file.
    An argument that names no list at all (an empty directory, a pattern matching nothing)
    raises ``SourceError``: that is a mistake in the command, not in a file.
    """
    found: dict[str, None] = {}
    for path in paths:
        if not os.path.lexists(path) and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise SourceError(path, "no file matches this pattern")
            files = [file for match in matches for file in _files_of(match)]
            if not files:
                raise SourceError(path, f"no list files ({_suffixes()}) among the matches of this pattern")
        else:
            files = _files_of(path)
            if not files:
                raise SourceError(path, f"no list files ({_suffixes()}) in this directory")
        found.update(dict.fromkeys(files))
    return list(found)


def _files_of(path: str) -> list[str]:
    return list_files([path]) if os.path.isdir(path) else [path]


def _suffixes() -> str:
    return ", ".join(f"*{suffix}" for suffix in LIST_SUFFIXES)


def names_one_file(paths: Sequence[str]) -> bool:
    """Whether the arguments are a single file (not a directory or pattern): its output keeps the one-file form."""
    return len(paths) == 1 and not os.path.isdir(paths[0]) and not (
        glob.has_magic(paths[0]) and not os.path.lexists(paths[0]))


def parse_document(source: Source, _payload: object) -> Document:
    """The job of commands that want each list's Document."""
    return parse_source(source)


@frozen
class Outcome(Generic[Result]):
    """What a job made of one file: its result, or the one-line error that stopped it."""

    path: str
    result: Result | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def attempt(job: Callable[[Source, Payload], Result], payload: Payload, path: str,
            encoding: str | None) -> Outcome[Result]:
    """Read ``path`` and run ``job`` on it, turning every failure into a value (never a traceback)."""
    if not os.path.lexists(path):
        return Outcome(path, error=str(SourceError(path, "no such file or directory")))
    read: Source | None = None
    try:
        read = source_module.read_file(path, encoding)
        return Outcome(path, job(read, payload), warnings=read.warnings)
    except AwesomeParseError as exc:
        return Outcome(path, error=exc.one_line(), warnings=read.warnings if read else ())
    except Exception as exc:
        # A bug met on one odd list should cost that list, not the 999 others.
        detail = f"{type(exc).__name__}: {exc}".replace("\n", " ")
        return Outcome(path, error=f"{path}: internal error, please report it ({detail})",
                       warnings=read.warnings if read else ())


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """The cyclic garbage collector off for a while, as ``parse_source`` does while parsing.

    Serializing a large result makes millions of small acyclic objects, and every full
    collection would walk all of them and everything already built (building a 200,000-entry
    graph's JSON took six times longer). Cycles, if any, are collected afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to do with it,
    # so workers do not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def outcomes(files: Sequence[str], job: Callable[[Source, Payload], Result], payload: Payload, *,
             jobs: int, encoding: str | None = None) -> Iterator[Outcome[Result]]:
    """One outcome per file, in the order of ``files``; ``jobs`` > 1 runs them in worker processes."""
    workers = min(jobs, len(files))
    if workers <= 1:
        for path in files:
            yield attempt(job, payload, path, encoding)
        return
    # A forked worker would otherwise inherit, and later flush, whatever the parent had buffered.
    sys.stdout.flush()
    sys.stderr.flush()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
    waiting = iter(files)
    pending: deque[tuple[str, Future[Outcome[Result]]]] = deque()

    def submit_next() -> None:
        path = next(waiting, None)
        if path is not None:
            pending.append((path, pool.submit(attempt, job, payload, path, encoding)))

    try:
        for _ in range(workers * AHEAD_PER_WORKER):
            submit_next()
        while pending:
            path, future = pending.popleft()
            try:
                outcome = future.result()
            except BrokenProcessPool:
                raise SourceError(path, "a worker process died while reading this list (out of memory?); "
                                        "try --jobs 1") from None
            submit_next()
            yield outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class Batch:
    """A command's files and their run: warnings and failures go to standard error as they come,
    above the progress bar, and ``failed`` counts the files that could not be processed."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.files = expand_paths(args.paths)
        self.jobs: int = args.jobs or os.cpu_count() or 1
        self.encoding: str | None = args.encoding
        self.failed = 0
        self._progress = progress_for(len(self.files), quiet=args.quiet)

    def run(self, job: Callable[[Source, Payload], Result], payload: Payload) -> Iterator[tuple[str, Result]]:
        """``(path, result)`` for every file the job succeeded on, in input order."""
        self._progress.begin()
        try:
            for outcome in outcomes(self.files, job, payload, jobs=self.jobs, encoding=self.encoding):
                for warning in outcome.warnings:
                    self._progress.note(f"awesomeparse: warning: {outcome.path}: {warning}")
                if outcome.error is not None:
                    self.failed += 1
                    self._progress.note(f"awesomeparse: error: {outcome.error}")
                self._progress.advance()
                if outcome.error is None:
                    yield outcome.path, cast(Result, outcome.result)
                # What was kept so far is set aside from the cyclic collector: a command keeping every
                # Document would otherwise have each full collection walk all of them again, which
                # made receiving 1,000 documents from workers three times slower. Objects made
                # while the next file is handled are still collected as usual.
                gc.freeze()
        finally:
            gc.unfreeze()
            self._progress.close()

    def fail(self, error: AwesomeParseError) -> None:
        """Report a failure met after the job (writing a fixed file back) and go on with the others."""
        self.failed += 1
        self._progress.note(f"awesomeparse: error: {error.one_line()}")

    def exit_code(self, otherwise: int = 0) -> int:
        """2 when any file failed (it outranks findings), else ``otherwise``."""
        return EXIT_FAILED if self.failed else otherwise
