"""AP303 compatibility-character: ligatures and fullwidth letters pasted from PDFs (``Reﬁnement``).

What it does: finds characters that NFKC folds to plain Latin letters: ``ﬁ``, ``ﬂ``, fullwidth
ASCII letters and digits.

Why is this bad? Search for "Refinement" does not find "Reﬁnement"; duplicates go unnoticed.

Example: ``## BRS, Backpropagating Reﬁnement Scheme``

Use instead: ``## BRS, Backpropagating Refinement Scheme``

Fix safety: safe. The replacement is the character's compatibility decomposition.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP303"
NAME = "compatibility-character"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a ligature or fullwidth letter that should be plain text"
VALID = ("## BRS, Backpropagating Refinement Scheme", "# 语义分割：综述")
INVALID = (Invalid("## BRS, Backpropagating Reﬁnement Scheme", 1, "## BRS, Backpropagating Refinement Scheme"),)
# The character may stand anywhere: in a title, a heading, a note or a link text.
TOUCHES: frozenset[str] = frozenset({"title", "aliases", "section", "notes", "venue", "authors", "link-text"})

_COMPAT = regex.compile(r"[\ufb00-\ufb06\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def check(context: LintContext) -> Iterator[Diagnostic]:
    for found in _COMPAT.finditer(context.text):
        span = Span(found.start(), found.end())
        plain = unicodedata.normalize("NFKC", found.group())
        yield context.diagnostic(RULE, span, f"compatibility character {found.group()!r} (plain: {plain!r})",
                                 Fix((Edit(span, plain),), safe=True, message=f"write {plain!r}"))
