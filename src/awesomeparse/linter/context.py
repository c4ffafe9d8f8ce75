"""LintContext: what every rule reads, computed once per file."""

from __future__ import annotations

from functools import cached_property

from awesomeparse.diagnostics import Diagnostic, Fix, Severity
from awesomeparse.extract import extract
from awesomeparse.model import Document
from awesomeparse.source import Source
from awesomeparse.spans import Span
from awesomeparse.tokens import tokenize
from awesomeparse.tokens.token import Token


class LintContext:
    """The source, its tokens and its document, plus a factory for positioned diagnostics."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = source.text

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tokenize(self.source)

    @cached_property
    def document(self) -> Document:
        return extract(self.tokens, self.source)

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
