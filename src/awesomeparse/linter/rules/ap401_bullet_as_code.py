"""AP401 bullet-as-code: bullets indented four spaces after a heading or rule, which CommonMark
renders as a code block.

What it does: finds list items indented by four or more columns that do not continue a list.

Why is this bad? GitHub shows the lines as code: the links are not clickable.

Example: ``## semseg`` / ``---`` / ``    - https://github.com/guanfuchen/semseg``

Use instead: ``- https://github.com/guanfuchen/semseg``

Fix safety: safe. The indentation is removed; the item's text is untouched.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP401"
NAME = "bullet-as-code"
SEVERITY: Severity = "error"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a bullet indented into a code block"
VALID = ("## semseg\n---\n- https://github.com/guanfuchen/semseg", "- a\n    - b")
INVALID = (Invalid("## semseg\n---\n    - https://github.com/guanfuchen/semseg", 3,
                   "## semseg\n---\n- https://github.com/guanfuchen/semseg"),)
TOUCHES: frozenset[str] = frozenset()


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for token in context.tokens:
        if token.type != "bullet" or "code_indent" not in token.flags:
            continue
        line = token.span.slice(text)
        lead = len(line) - len(line.lstrip(" \t"))
        indent = Span(token.span.start, token.span.start + lead)
        yield context.diagnostic(RULE, indent, "bullet indented 4+ columns after a block: rendered as code",
                                 Fix((Edit(indent, ""),), safe=True, message="remove the indentation"))
