"""Run the examples in the docs, so that they cannot rot.

A ```` ```console ```` block holds ``$ awesomeparse …`` commands, each followed by the output it
prints (standard output and standard error as a terminal shows them, then ``[exit N]`` when the
exit code is not 0). A line ``...`` in expected output stands for any number of lines.
```` ```python ```` blocks are executed in one namespace per page. Both run in a scratch copy of
``fixtures/``, in page order, so a page can change a file and show the change.

``python tests/doc_examples.py docs/guide.md`` rewrites the outputs in place from a real run.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from awesomeparse.cli import main

ROOT = Path(__file__).resolve().parents[1]
_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```$", re.M | re.S)
ELLIPSIS = "..."


@contextlib.contextmanager
def scratch_copy() -> Iterator[Path]:
    """A temporary working directory holding a copy of ``fixtures/``."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(ROOT / "fixtures", Path(folder) / "fixtures")
        previous = os.getcwd()
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(previous)


def blocks(page: Path) -> list[tuple[str, str, int]]:
    """``(language, body, line)`` of every fenced block of a page."""
    text = page.read_text(encoding="utf-8")
    return [(found.group(1), found.group(2), text.count("\n", 0, found.start()) + 1) for found in _FENCE.finditer(text)]


def commands(body: str) -> list[tuple[str, list[str]]]:
    """The ``$ `` commands of a console block with the output lines written under each."""
    found: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return found


def run(command: str) -> list[str]:
    """Run one ``awesomeparse …`` command in-process; its output lines, then ``[exit N]`` if not 0."""
    argv = shlex.split(command)
    if argv[0] != "awesomeparse":
        raise ValueError(f"only awesomeparse commands can be run from the docs, not {argv[0]!r}")
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = main(argv[1:])
    lines = output.getvalue().splitlines()
    return [*lines, f"[exit {code}]"] if code else lines


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` with each ``...`` line standing for any lines."""
    pattern = "".join(".*?" if line == ELLIPSIS else re.escape(line + "\n") for line in expected)
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual), re.S) is not None


def update(page: Path) -> None:
    """Rewrite every console block's outputs from a real run, keeping ``...`` cuts of long outputs."""
    text = page.read_text(encoding="utf-8")
    pieces: list[str] = []
    cursor = 0
    with scratch_copy():
        namespace: dict[str, object] = {}
        for found in _FENCE.finditer(text):
            language, body = found.group(1), found.group(2)
            if language == "python":
                exec(compile(body, str(page), "exec"), namespace)
                continue
            if language != "console":
                continue
            lines: list[str] = []
            for command, expected in commands(body):
                actual = run(command)
                if ELLIPSIS in expected:
                    keep = expected.index(ELLIPSIS)
                    actual = [*actual[:keep], ELLIPSIS] if len(actual) > keep else actual
                lines += [f"$ {command}", *actual]
            pieces.append(text[cursor : found.start(2)] + "".join(line + "\n" for line in lines))
            cursor = found.end(2)
    pieces.append(text[cursor:])
    page.write_text("".join(pieces), encoding="utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        update(Path(name).resolve())
