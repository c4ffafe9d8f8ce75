"""What a rule is: constants describing it, its own test cases, its options, and a ``check`` generator."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Protocol

from attrs import frozen

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext, OptionValue


@frozen
class Invalid:
    """A case a rule must flag: the text, the 1-based line of the finding, and the text after ``--fix``
    (``None`` when the rule offers no fix that ``--fix`` applies). ``options`` configure the rule
    for this case (``{"arxiv-style": "pdf"}``)."""

    text: str
    line: int
    fixed: str | None = None
    options: tuple[tuple[str, OptionValue], ...] = ()


@frozen
class Option:
    """A per-rule setting (``[lint.rules.AP105] arxiv-style = "abs"``): its type is its default's."""

    name: str
    default: OptionValue
    help: str
    choices: tuple[str, ...] = ()

    def validate(self, value: object) -> OptionValue:
        """``value`` if it fits this option; ``ValueError`` with a one-line reason otherwise."""
        expected = type(self.default)
        # bool is an int to Python, but ``threshold = true`` is a mistake, not 1.
        if isinstance(value, bool) != (expected is bool) or not isinstance(value, expected):
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                return float(value)
            raise ValueError(f"{self.name!r} must be {_kind(expected)}, got {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name!r} must be one of {', '.join(map(repr, self.choices))}, got {value!r}")
        return value

    def read(self, context: LintContext, code: str) -> OptionValue:
        """The configured value for rule ``code`` in this run, or the default."""
        return context.options.get(code, {}).get(self.name, self.default)


def _kind(expected: type) -> str:
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(expected, "a value")


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


def options_of(rule: Rule) -> tuple[Option, ...]:
    """The rule's ``OPTIONS`` (most rules have none)."""
    found: tuple[Option, ...] = getattr(rule, "OPTIONS", ())
    return found


def touches_of(rule: Rule) -> frozenset[str]:
    """The entry fields the rule's fixes may change (``TOUCHES``; empty: none may change).
    Field names are those of ``linter.fields.FIELDS``."""
    found: frozenset[str] = getattr(rule, "TOUCHES", frozenset())
    return found
