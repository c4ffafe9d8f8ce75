"""What a rule is: constants describing it, its own test cases, and a ``check`` generator."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Protocol

from attrs import frozen

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext


@frozen
class Invalid:
    """A case a rule must flag: the text, the 1-based line of the finding, and the text after ``--fix``
    (``None`` when the rule offers no fix that ``--fix`` applies)."""

    text: str
    line: int
    fixed: str | None = None


class Rule(Protocol):
    CODE: str
    NAME: str
    SEVERITY: Severity
    SUMMARY: str
    VALID: tuple[str, ...]
    INVALID: tuple[Invalid, ...]

    def check(self, context: LintContext) -> Iterator[Diagnostic]: ...


def as_rule(module: ModuleType) -> Rule:
    """A rule module used as a ``Rule`` (modules satisfy the protocol structurally)."""
    rule: Rule = module
    return rule
