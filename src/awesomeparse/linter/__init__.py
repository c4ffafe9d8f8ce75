"""Lint paper lists: rules -> diagnostics with fixes.

``lint(text_or_document)`` returns diagnostics sorted by position; ``fix(text)`` applies the safe
fixes until nothing changes and returns the new text (line endings and BOM untouched).
"""

from __future__ import annotations

from awesomeparse import source as source_module
from awesomeparse.diagnostics import Diagnostic
from awesomeparse.extract import extract
from awesomeparse.linter import directives
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.fixer import fix_text
from awesomeparse.linter.registry import RULES, UnknownRuleError, select
from awesomeparse.linter.rules import ap901_unused_suppression
from awesomeparse.model import Document
from awesomeparse.source import Source
from awesomeparse.tokens import tokenize

__all__ = ["RULES", "UnknownRuleError", "fix", "lint", "lint_source"]


def lint_source(source: Source, *, select_codes: list[str] | None = None,
                ignore_codes: list[str] | None = None) -> list[Diagnostic]:
    """Diagnostics of the selected rules, after inline suppressions (whose own misuse is AP901)."""
    chosen = {rule.CODE for rule in select(select_codes, ignore_codes)}
    context = LintContext(source)
    found: list[Diagnostic] = []
    # Every rule runs, so that a suppression is judged on what it would really suppress.
    for rule in RULES.values():
        found.extend(rule.check(context))
    marks = directives.read(source)
    kept, used = directives.apply(found, marks)
    kept.extend(ap901_unused_suppression.unused(context, mark) for position, mark in enumerate(marks)
                if position not in used)
    return sorted(item for item in kept if item.code in chosen)


def lint(text_or_document: str | Document, *, select_codes: list[str] | None = None,
         ignore_codes: list[str] | None = None) -> list[Diagnostic]:
    """Diagnostics for a list given as text (or as a Document parsed from a file on disk)."""
    if isinstance(text_or_document, Document):
        if text_or_document.source is None:
            raise ValueError("lint() needs the text: pass the list's text, or a Document read from a file")
        source = source_module.read_file(text_or_document.source)
    else:
        source = source_module.from_text(text_or_document)
    return lint_source(source, select_codes=select_codes, ignore_codes=ignore_codes)


def fix(text: str, *, unsafe: bool = False, select_codes: list[str] | None = None,
        ignore_codes: list[str] | None = None) -> str:
    """``text`` with the fixes applied (safe ones, and unsafe ones when asked)."""
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text

    def diagnose(current: str) -> list[Diagnostic]:
        return lint_source(source_module.from_text(current), select_codes=select_codes, ignore_codes=ignore_codes)

    def parse(current: str) -> Document:
        read = source_module.from_text(current)
        return extract(tokenize(read), read)

    fixed = fix_text(body, diagnose, parse, unsafe=unsafe)
    return ("\ufeff" if bom else "") + fixed
