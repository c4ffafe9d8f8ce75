"""LintContext: what every rule reads, computed once per file."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from awesomeparse.diagnostics import Diagnostic, Fix, Severity
from awesomeparse.extract import extract
from awesomeparse.match.records import Record, records_of
from awesomeparse.model import Document
from awesomeparse.source import Source
from awesomeparse.spans import Span
from awesomeparse.tokens import tokenize
from awesomeparse.tokens.token import Token

OptionValue = str | int | float | bool
Options = Mapping[str, Mapping[str, OptionValue]]
"""Validated per-rule settings by rule code: ``{"AP105": {"arxiv-style": "pdf"}}``."""


class LintContext:
    """The source, its tokens and its document, the rules' settings, and a factory for positioned
    diagnostics."""

    def __init__(self, source: Source, options: Options | None = None) -> None:
        self.source = source
        self.text = source.text
        self.options: Options = options or {}

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tokenize(self.source)

    @cached_property
    def document(self) -> Document:
        return extract(self.tokens, self.source)

    @cached_property
    def paper_records(self) -> list[Record]:
        """The document's paper entries prepared for the matcher (title keys, ids, paper URLs)."""
        return records_of([self.document])

    @cached_property
    def inline_tokens(self) -> tuple[Token, ...]:
        """Every inline token of every block, in order."""
        return tuple(child for token in self.tokens for child in token.walk()[1:])

    def url_targets(self) -> list[tuple[Token, Span]]:
        """``(token, raw URL span)`` of every link-like inline token (images excluded)."""
        return [(token, token.target) for token in self.inline_tokens
                if token.target is not None and token.type != "image"]

    def diagnostic(
        self, rule: tuple[str, str, Severity], span: Span, message: str, fix: Fix | None = None
    ) -> Diagnostic:
        """A finding of ``rule`` (its ``(CODE, NAME, SEVERITY)``) at ``span``."""
        code, name, severity = rule
        index = self.source.line_index
        line, column = index.position(span.start)
        end_line, end_column = index.position(max(span.start, span.end))
        return Diagnostic(
            line=line, column=column, end_line=end_line, end_column=end_column,
            code=code, name=name, severity=severity, message=message, span=span, fix=fix,
        )
