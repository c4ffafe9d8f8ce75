"""Lint paper lists: rules -> diagnostics with fixes.

``lint(text_or_document)`` returns diagnostics sorted by position; ``fix(text)`` applies the safe
fixes until nothing changes and returns the new text (line endings and BOM untouched);
``fix_report(text)`` also says which fixes were refused because re-parsing showed an entry damaged.
Rule options (``{"AP105": {"arxiv-style": "pdf"}}``) are checked: a bad one raises ``OptionError``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import evolve

from awesomeparse import source as source_module
from awesomeparse.diagnostics import Diagnostic, Fix
from awesomeparse.extract import extract
from awesomeparse.linter import directives
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.fixer import FixOutcome, Refusal, finding_key, fix_text
from awesomeparse.linter.registry import RULES, OptionError, UnknownRuleError, select, validate_options
from awesomeparse.linter.rule import touches_of
from awesomeparse.linter.rules import ap901_unused_suppression
from awesomeparse.model import Document
from awesomeparse.source import Source
from awesomeparse.tokens import tokenize

__all__ = [
    "RULES", "FixOutcome", "OptionError", "Refusal", "UnknownRuleError", "fix", "fix_report", "lint", "lint_source",
]


def lint_source(source: Source, *, select_codes: list[str] | None = None, ignore_codes: list[str] | None = None,
                options: Mapping[str, object] | None = None, refused: Sequence[Refusal] = ()) -> list[Diagnostic]:
    """Diagnostics of the selected rules, after inline suppressions (whose own misuse is AP901).
    Findings whose fix ``refused`` lists say so in their message and offer no safe fix."""
    chosen = {rule.CODE for rule in select(select_codes, ignore_codes)}
    context = LintContext(source, validate_options(options or {}))
    found: list[Diagnostic] = []
    # Every rule runs, so that a suppression is judged on what it would really suppress.
    for rule in RULES.values():
        found.extend(rule.check(context))
    marks = directives.read(source)
    kept, used = directives.apply(found, marks)
    kept.extend(ap901_unused_suppression.unused(context, mark) for position, mark in enumerate(marks)
                if position not in used)
    result = sorted(item for item in kept if item.code in chosen)
    return _mark_refused(source.text, result, refused) if refused else result


def _mark_refused(text: str, found: list[Diagnostic], refused: Sequence[Refusal]) -> list[Diagnostic]:
    reasons = {refusal.key: refusal.reason for refusal in refused}
    marked = []
    for item in found:
        reason = reasons.get(finding_key(text, item)) if item.fix is not None else None
        if reason is None or item.fix is None:
            marked.append(item)
            continue
        marked.append(evolve(item, message=f"{item.message} (fix not applied: {reason})",
                             fix=Fix(item.fix.edits, safe=False, message=f"not applied: {reason}")))
    return marked


def lint(text_or_document: str | Document, *, select_codes: list[str] | None = None,
         ignore_codes: list[str] | None = None, options: Mapping[str, object] | None = None) -> list[Diagnostic]:
    """Diagnostics for a list given as text (or as a Document parsed from a file on disk)."""
    if isinstance(text_or_document, Document):
        if text_or_document.source is None:
            raise ValueError("lint() needs the text: pass the list's text, or a Document read from a file")
        source = source_module.read_file(text_or_document.source)
    else:
        source = source_module.from_text(text_or_document)
    return lint_source(source, select_codes=select_codes, ignore_codes=ignore_codes, options=options)


def fix_report(text: str, *, unsafe: bool = False, select_codes: list[str] | None = None,
               ignore_codes: list[str] | None = None, options: Mapping[str, object] | None = None) -> FixOutcome:
    """``text`` with the fixes applied (safe ones, and unsafe ones when asked), and the refused ones."""
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    checked = validate_options(options or {})

    def diagnose(current: str) -> list[Diagnostic]:
        return lint_source(source_module.from_text(current), select_codes=select_codes, ignore_codes=ignore_codes,
                           options=checked)

    def parse(current: str) -> Document:
        read = source_module.from_text(current)
        return extract(tokenize(read), read)

    outcome = fix_text(body, diagnose, parse, unsafe=unsafe, touches=lambda code: touches_of(RULES[code]))
    return evolve(outcome, text=("\ufeff" if bom else "") + outcome.text)


def fix(text: str, *, unsafe: bool = False, select_codes: list[str] | None = None,
        ignore_codes: list[str] | None = None, options: Mapping[str, object] | None = None) -> str:
    """``text`` with the fixes applied (safe ones, and unsafe ones when asked)."""
    return fix_report(text, unsafe=unsafe, select_codes=select_codes, ignore_codes=ignore_codes,
                      options=options).text
