"""AP403 heading-level-jump: a heading more than one level deeper than the one before (``##`` then ``####``).

What it does: compares each heading's level with the previous heading's.

Why is this bad? The outline skips a level; tables of contents and section paths become uneven.

Example: ``## Papers`` then ``#### 2019``

Use instead: ``## Papers`` then ``### 2019``

Fix safety: none. Re-levelling can cascade through the rest of the outline.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid

CODE = "AP403"
NAME = "heading-level-jump"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a heading that skips a level"
VALID = ("# A\n## B\n### C\n# D\n## E",)
INVALID = (Invalid("## Papers\n#### 2019", 2),)


def check(context: LintContext) -> Iterator[Diagnostic]:
    previous = 0
    for token in context.tokens:
        if token.type != "heading":
            continue
        if previous and token.level > previous + 1:
            yield context.diagnostic(RULE, token.span, f"heading level {token.level} after level {previous}")
        previous = token.level
