"""AP402 two-headings-one-line: ``# 进阶论文# 综述``, a second heading written on the same line.

What it does: finds a ``#`` run after CJK text inside a heading, followed by a space.

Why is this bad? Markdown renders one heading titled ``进阶论文# 综述``; the second section is lost.

Example: ``# 进阶论文# 综述``

Use instead: ``# 进阶论文`` and ``# 综述`` on two lines.

Fix safety: safe. A line break is inserted before the second ``#``.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP402"
NAME = "two-headings-one-line"
SEVERITY: Severity = "error"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "two headings written on one line"
VALID = ("# 进阶论文\n# 综述", "## C# language")
INVALID = (Invalid("# 进阶论文# 综述", 1, "# 进阶论文\n# 综述"),)
TOUCHES: frozenset[str] = frozenset({"section"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    newline = context.source.newline
    for token in context.tokens:
        if token.type == "heading" and "same_line" in token.flags:
            start = token.span.start
            yield context.diagnostic(RULE, token.span, "a second heading on the same line",
                                     Fix((Edit(Span(start, start), newline),), safe=True, message="break the line"))
