"""Every rule's own VALID and INVALID cases, its documentation page, suppressions, and linting any text.

What fixing guarantees (entries kept field by field, idempotence) is in test_fix_safety.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from tests.conftest import real_lists
from tests.strategies import any_text

from awesomeparse.linter import RULES, OptionError, fix, lint
from awesomeparse.linter.docs import index_page, rule_page
from awesomeparse.linter.rule import Invalid

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"

VALID_CASES = [(code, text) for code, rule in RULES.items() for text in rule.VALID]
INVALID_CASES = [(code, case) for code, rule in RULES.items() for case in rule.INVALID]


@pytest.mark.parametrize(("code", "text"), VALID_CASES, ids=lambda value: str(value)[:40])
def test_valid_cases_are_clean(code: str, text: str) -> None:
    assert [item.code for item in lint(text, select_codes=[code])] == []


@pytest.mark.parametrize(("code", "case"), INVALID_CASES, ids=lambda value: str(value)[:40])
def test_invalid_cases_are_flagged_and_fixed(code: str, case: Invalid) -> None:
    options = {code: dict(case.options)}
    found = lint(case.text, select_codes=[code], options=options)
    assert [(item.code, item.line) for item in found] == [(code, case.line)]
    fixed = fix(case.text, select_codes=[code], options=options)
    if case.fixed is None:
        assert fixed == case.text
    else:
        assert fixed == case.fixed
        assert lint(fixed, select_codes=[code], options=options) == []


def test_every_rule_has_cases_and_a_page() -> None:
    for code, rule in RULES.items():
        assert rule.VALID and rule.INVALID, code
        assert rule.SEVERITY in {"error", "warning", "info"}
        assert (DOCS / f"{code}.md").read_text(encoding="utf-8") == rule_page(code), (
            f"docs/rules/{code}.md is stale: run python -m awesomeparse.linter.docs docs/rules")
    assert (DOCS / "README.md").read_text(encoding="utf-8") == index_page()


def test_fix_keeps_crlf_and_bom() -> None:
    text = "\ufeff# A\r\n\r\n- gihtub: <https://github.com/a/b>\r\n"
    assert fix(text) == "\ufeff# A\r\n\r\n- github: <https://github.com/a/b>\r\n"


@pytest.mark.parametrize("path", real_lists(), ids=lambda path: path.name)
def test_linting_real_lists_never_raises(path: Path) -> None:
    for item in lint(path.read_text(encoding="utf-8")):
        assert item.line <= item.end_line and item.code in RULES


def test_disable_and_enable_cover_the_lines_between() -> None:
    text = ("<!-- awesomeparse: disable=AP201 -->\n- gihtub: <https://github.com/a/b>\n"
            "<!-- awesomeparse: enable=AP201 -->\n- gitub: <https://github.com/c/d>\n")
    assert [(item.code, item.line) for item in lint(text)] == [("AP201", 4)]


def test_blanket_disable_next_line_skips_blank_lines() -> None:
    text = "<!-- awesomeparse: disable-next-line -->\n\n- gihtub: https://github.com/a/b>\n"
    assert lint(text) == []


def test_unused_blanket_suppression_is_reported() -> None:
    text = "<!-- awesomeparse: disable -->\n- github: <https://github.com/a/b>\n"
    assert [(item.code, item.severity) for item in lint(text)] == [("AP901", "info")]


LINT_PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@LINT_PROPERTY
@given(any_text)
def test_linting_any_text_never_raises_and_positions_are_exact(text: str) -> None:
    for item in lint(text):
        assert 1 <= item.line <= item.end_line
        assert item.span.start <= item.span.end <= len(text.removeprefix("\ufeff"))


def test_rule_options_through_the_api() -> None:
    text = "- a <https://arxiv.org/abs/1907.06119>\n- b <https://arxiv.org/pdf/1911.06667>\n"
    assert lint(text, select_codes=["AP105"]) == []  # one of each: no majority, nothing to report
    assert [item.line for item in lint(text, select_codes=["AP105"], options={"AP105": {"arxiv-style": "abs"}})] == [2]
    assert [item.line for item in lint(text, options={"arxiv-link-style": {"arxiv-style": "pdf"}})] == [1]
    with pytest.raises(OptionError, match=r"^AP105 'arxiv-style' must be one of 'consistent', 'abs', 'pdf', got 'x'$"):
        lint(text, options={"AP105": {"arxiv-style": "x"}})
    with pytest.raises(OptionError, match=r"^rule 'AP000' does not exist$"):
        lint(text, options={"AP000": {}})
