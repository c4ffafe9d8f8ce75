"""AP901 unused-suppression: an ``<!-- awesomeparse: disable… -->`` comment that suppresses nothing.

What it does: reports suppression comments whose rules found nothing on the lines they cover.

Why is this bad? Stale suppressions hide the next real problem on those lines.

Example: ``<!-- awesomeparse: disable-next-line=AP201 -->`` above a correctly spelled label.

Use instead: remove the comment.

Fix safety: safe when the comment stands alone on its line (the line is removed).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.directives import Directive
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP901"
NAME = "unused-suppression"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a suppression comment that suppresses nothing"
VALID = ("<!-- awesomeparse: disable-next-line=AP201 -->\n- gihtub: <https://github.com/a/b>",)
INVALID = (Invalid("# A\n<!-- awesomeparse: disable-next-line=AP201 -->\n- github: <https://github.com/a/b>", 2,
                   "# A\n- github: <https://github.com/a/b>"),)
TOUCHES: frozenset[str] = frozenset()


def check(context: LintContext) -> Iterator[Diagnostic]:
    """Nothing on its own: ``linter.lint_source`` reports unused directives after suppressing."""
    return iter(())


def unused(context: LintContext, directive: Directive) -> Diagnostic:
    text = context.text
    line = context.source.line_index.line_span(directive.line)
    alone = line.slice(text).strip() == directive.span.slice(text)
    end = line.end + 1 if line.end < len(text) else line.end
    fix = Fix((Edit(Span(line.start, end), ""),), safe=True, message="remove the comment") if alone else None
    return context.diagnostic(RULE, directive.span, "this suppression comment suppresses nothing", fix)
