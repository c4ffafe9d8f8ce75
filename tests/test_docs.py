"""The docs' examples run: console sessions print what the page shows, Python blocks execute,
and each dialect example is read in the dialect its section names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.doc_examples import ROOT, blocks, commands, matches, run, scratch_copy

import awesomeparse

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXECUTED = [page for page in PAGES if any(language in ("console", "python") for language, _, _ in blocks(page))]


def test_some_pages_have_examples() -> None:
    assert ROOT / "docs" / "guide.md" in EXECUTED
    assert ROOT / "README.md" in EXECUTED


@pytest.mark.parametrize("page", EXECUTED, ids=lambda page: page.name)
def test_examples_run_as_shown(page: Path) -> None:
    with scratch_copy():
        namespace: dict[str, object] = {}
        for language, body, line in blocks(page):
            if language == "python":
                exec(compile(body, f"{page.name}:{line}", "exec"), namespace)
            elif language == "console":
                for command, expected in commands(body):
                    actual = run(command)
                    assert matches(expected, actual), (
                        f"{page.name}:{line}: `{command}` printed:\n" + "\n".join(actual)
                        + "\n(run `python tests/doc_examples.py docs/PAGE.md` to refresh the page)"
                    )


def test_matches_understands_ellipsis() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "..."], ["a"])
    assert not matches(["a", "d"], ["a", "b", "d"])
    assert not matches(["a"], ["a", "[exit 1]"])


def _dialect_examples() -> list[tuple[tuple[str, ...], str, int]]:
    page = ROOT / "docs" / "dialects.md"
    text = page.read_text(encoding="utf-8")
    # Headings inside examples (``## FCN``) are not the page's sections.
    prose = re.sub(r"^```.*?^```$", lambda block: "\n" * block.group().count("\n"), text, flags=re.M | re.S)
    headings = [(prose.count("\n", 0, found.start()) + 1, found.group(1))
                for found in re.finditer(r"^## (.*)$", prose, re.M)]
    examples = []
    for language, body, line in blocks(page):
        if language not in ("markdown", "text"):
            continue
        heading = max((item for item in headings if item[0] < line), key=lambda item: item[0])[1]
        names = tuple(re.findall(r"`(\w+)`", heading.split("(", 1)[-1]))
        examples.append((names, body, line))
    return examples


@pytest.mark.parametrize("names, body, line", _dialect_examples(), ids=lambda value: str(value)[:20])
def test_dialect_examples_are_read_as_their_dialect(names: tuple[str, ...], body: str, line: int) -> None:
    entries = awesomeparse.parse(body).entries
    assert entries, f"dialects.md:{line}: no entry read"
    dialects = {entry.dialect for entry in entries}
    assert dialects & set(names), f"dialects.md:{line}: read as {dialects}, section names {names}"
