"""Golden fixtures: every ``fixtures/extract/<case>.md`` parses to exactly the hand-reviewed ``<case>.json``.

Each case is a small hand-written list that reproduces one dialect or quirk. The expected
JSON is ``Document.to_dict()`` with ``source`` set to null. It was reviewed field by field
against the intended behaviour and is never regenerated from the parser's output: when the
parser disagrees, fix the parser (or, after deciding the expectation was wrong, edit the
JSON by hand).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import awesomeparse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXTRACT = FIXTURES / "extract"
CASES = sorted(path.stem for path in EXTRACT.glob("*.md"))


def _parsed(path: Path) -> dict[str, Any]:
    data = awesomeparse.parse_file(path).to_dict()
    data["source"] = None
    return data


def _differences(expected: Any, actual: Any, where: str = "$") -> Iterator[str]:
    """Each place where ``actual`` departs from ``expected``, as ``path: expected X, got Y``."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected.keys() | actual.keys():
            if key not in actual:
                yield f"{where}.{key}: missing (expected {expected[key]!r})"
            elif key not in expected:
                yield f"{where}.{key}: unexpected {actual[key]!r}"
            else:
                yield from _differences(expected[key], actual[key], f"{where}.{key}")
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            yield from _differences(left, right, f"{where}[{index}]")
    elif expected != actual or type(expected) is not type(actual):
        yield f"{where}: expected {expected!r}, got {actual!r}"


def test_fixture_cases_are_present() -> None:
    assert len(CASES) >= 30
    orphans = sorted(path.name for path in EXTRACT.glob("*.json") if not path.with_suffix(".md").exists())
    assert not orphans, f"expected output without an input list: {orphans}"


@pytest.mark.parametrize("case", CASES)
def test_fixture(case: str) -> None:
    expected_path = EXTRACT / f"{case}.json"
    assert expected_path.exists(), f"{case}.md has no {case}.json beside it"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    actual = _parsed(EXTRACT / f"{case}.md")
    differences = sorted(_differences(expected, actual))
    if differences:
        pytest.fail(f"{case}: {len(differences)} difference(s)\n" + "\n".join(differences), pytrace=False)


def test_line_endings_and_bom_survive_checkout() -> None:
    assert b"\r\n" in (EXTRACT / "crlf_line_endings.md").read_bytes()
    assert (EXTRACT / "utf8_bom.md").read_bytes().startswith(b"\xef\xbb\xbf")


def test_example_list_reads_both_dialects() -> None:
    document = awesomeparse.parse_file(FIXTURES / "example.md")
    assert {entry.dialect for entry in document.entries} >= {"bold_title", "bracket_year"}
    assert all(entry.kind == "paper" and entry.links for entry in document.entries)
