"""What ``--fix`` guarantees: fixes are whole, idempotent, and never lose an entry or change one
beyond the fields the fixing rule declares; a fix that would is refused and reported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from tests.conftest import real_lists
from tests.strategies import markdown_documents

import awesomeparse
from awesomeparse import source as source_module
from awesomeparse.diagnostics import Diagnostic, Edit, Fix
from awesomeparse.linter import RULES, fix, fix_report, lint, lint_source
from awesomeparse.linter.fields import FIELDS, changed_fields
from awesomeparse.linter.fixer import apply_edits, choose, fix_text
from awesomeparse.linter.rule import touches_of
from awesomeparse.linter.rules import ap304_title_colon_space
from awesomeparse.model import Document
from awesomeparse.spans import Span


def assert_entries_kept(text: str, fixed: str, *, unsafe: bool = False) -> None:
    """Same entries in the same order; each changed only in fields that a rule with a fix on the
    entry's lines declares (a section also by a fix above it); ids and link counts never."""
    before = awesomeparse.parse(text).entries
    after = awesomeparse.parse(fixed).entries
    assert len(after) == len(before)
    fixes = [item for item in lint(text) if item.fix is not None and (item.fix.safe or unsafe)]
    for old, new in zip(before, after, strict=True):
        assert new.ids == old.ids, old.line
        assert len(new.links) == len(old.links), old.line
        allowed = {name for item in fixes if old.line <= item.line <= old.end_line
                   for name in touches_of(RULES[item.code])}
        if any(item.line < old.line and "section" in touches_of(RULES[item.code]) for item in fixes):
            allowed.add("section")
        assert changed_fields(old, new) <= allowed, (old.line, old.title, changed_fields(old, new) - allowed)


@pytest.mark.parametrize("path", real_lists(), ids=lambda path: path.name)
def test_fixing_real_lists_is_idempotent_and_keeps_every_entry(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    outcome = fix_report(text)
    assert outcome.refused == ()
    assert outcome.applied > 0 or outcome.text == text
    assert fix(outcome.text) == outcome.text
    assert_entries_kept(text, outcome.text)


@pytest.mark.parametrize("path", real_lists(), ids=lambda path: path.name)
def test_unsafe_fixes_on_real_lists_keep_every_entry_too(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    outcome = fix_report(text, unsafe=True)
    assert fix(outcome.text, unsafe=True) == outcome.text
    assert_entries_kept(text, outcome.text, unsafe=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_documents())
def test_fixing_generated_lists_is_idempotent_and_keeps_every_entry(text: str) -> None:
    once = fix(text)
    assert fix(once) == once
    assert_entries_kept(text, once)


def test_every_touched_field_is_a_compared_field() -> None:
    for code, rule in RULES.items():
        assert touches_of(rule) <= set(FIELDS), code


# A rule the fixer knows nothing about: it proposes edits, the fixer must judge them by re-parsing.
def _diagnostic(text: str, needle: str, replacement: str, code: str = "AP302") -> Diagnostic:
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    span = Span(start, start + len(needle))
    return Diagnostic(line, 1, line, 1, code, "test", "info", f"replace {needle!r}",
                      span, Fix((Edit(span, replacement),), safe=True, message="replace"))


def _parse(text: str) -> Document:
    return awesomeparse.parse(text)


LIST = ("**Fast R-CNN_ fast detection**\n\n- arxiv: <http://arxiv.org/abs/1504.08083>\n\n"
        "**YOLO**\n\n- arxiv: <https://arxiv.org/abs/1506.02640>\n")


def _proposals(text: str) -> Iterator[Diagnostic]:
    if "Fast R-CNN" in text:
        yield _diagnostic(text, "Fast R-CNN", "Faster R-CNN")  # changes the title only
    if "<https://arxiv.org/abs/1506.02640>" in text:
        yield _diagnostic(text, "<https://arxiv.org/abs/1506.02640>", "none")  # loses the link and its id


def test_a_fix_changing_more_than_it_touches_is_refused_and_the_others_apply() -> None:
    outcome = fix_text(LIST, lambda text: list(_proposals(text)), _parse,
                       touches=lambda _code: frozenset({"title", "aliases"}))
    assert outcome.text == LIST.replace("Fast R-CNN", "Faster R-CNN")
    assert outcome.applied == 1
    [refusal] = outcome.refused
    assert (refusal.code, refusal.line) == ("AP302", 7)
    assert refusal.reason == ("re-parsing shows the entry at line 5 would change its "
                              "ids, labels, link-text, links, notes")


def test_a_fix_is_refused_when_its_rule_declares_nothing() -> None:
    outcome = fix_text(LIST, lambda text: [_diagnostic(text, "Fast", "Faster")] if "Fast " in text else [],
                       _parse, touches=lambda _code: frozenset())
    assert outcome.text == LIST
    assert [(refusal.code, refusal.line, refusal.reason) for refusal in outcome.refused] == [
        ("AP302", 1, "re-parsing shows the entry at line 1 would change its aliases, title")]


def test_a_fix_that_loses_an_entry_is_refused() -> None:
    text = "**A title**\n\n- arxiv: <https://arxiv.org/abs/1504.08083>\n\n**B title**\n"
    outcome = fix_text(text, lambda current: [_diagnostic(current, "**B title**", "")] if "B title" in current
                       else [], _parse, touches=lambda _code: frozenset(FIELDS))
    assert outcome.text == text
    assert [refusal.reason for refusal in outcome.refused] == [
        "re-parsing shows the fixes would lose an entry (2 -> 1 entries)"]


def test_a_heading_fix_may_change_the_section_of_the_entries_below() -> None:
    text = "# Papers\n\n- [A](https://github.com/a/b)\n\n## Detection\n\n- [B](https://github.com/c/d)\n"

    def rename(current: str) -> list[Diagnostic]:
        return [_diagnostic(current, "Papers", "Code")] if "Papers" in current else []

    renamed = fix_text(text, rename, _parse, touches=lambda _code: frozenset({"section"}))
    assert renamed.text == text.replace("Papers", "Code") and renamed.refused == ()
    assert [entry.section for entry in _parse(renamed.text).entries] == [("Code",), ("Code", "Detection")]
    kept = fix_text(text, rename, _parse, touches=lambda _code: frozenset({"title"}))
    assert kept.text == text
    assert [refusal.reason for refusal in kept.refused] == [
        "re-parsing shows the entry at line 3 would change its section"]


def test_fixes_are_chosen_whole() -> None:
    text = "abcdef"
    first = Diagnostic(1, 1, 1, 1, "AP102", "t", "error", "m", Span(0, 1),
                       Fix((Edit(Span(0, 1), "A"), Edit(Span(4, 5), "E")), safe=True, message="m"))
    overlapping = Diagnostic(1, 3, 1, 3, "AP104", "t", "error", "m", Span(4, 6),
                             Fix((Edit(Span(2, 3), "C"), Edit(Span(4, 6), "EF")), safe=True, message="m"))
    chosen = choose([overlapping, first])
    assert chosen == [first]
    assert apply_edits(text, [edit for item in chosen if item.fix for edit in item.fix.edits]) == "AbcdEf"


def test_refused_fixes_are_reported_by_lint(monkeypatch: pytest.MonkeyPatch) -> None:
    # Were AP304 to declare the title only: in a link item the title is the link's text, which the
    # fix changes too (the normalized title reads 'UPFlow: …' either way), so the fix is refused.
    monkeypatch.setattr(ap304_title_colon_space, "TOUCHES", frozenset({"title"}))
    text = "* [UPFlow:Upsampling Pyramid for Optical Flow](https://arxiv.org/abs/2012.00212)\n"
    outcome = fix_report(text, select_codes=["AP304"])
    assert outcome.text == text
    [found] = lint_source(source_module.from_text(text), select_codes=["AP304"], refused=outcome.refused)
    assert found.message == ("no space after ':' in the title (fix not applied: re-parsing shows the entry at "
                             "line 1 would change its link-text)")
    assert found.fix is not None and not found.fix.safe
    monkeypatch.undo()
    assert fix(text) == text.replace(":U", ": U")
