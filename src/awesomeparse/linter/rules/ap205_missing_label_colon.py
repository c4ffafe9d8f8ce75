"""AP205 missing-label-colon: a known field label with no colon (``- intro CVPR 2022``).

What it does: finds bullets starting with a vocabulary label followed by a space and text.

Why is this bad? The field is read as free text; the year and venue in it are lost to tools.

Example: ``- intro CVPR 2022``

Use instead: ``- intro: CVPR 2022``

Fix safety: safe. A colon is inserted after the label.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._labels import field_labels
from awesomeparse.spans import Span

CODE = "AP205"
NAME = "missing-label-colon"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a field label without its colon"
VALID = ("- intro: CVPR 2022", "- Code for the paper is coming", "- code for the paper is coming")
INVALID = (Invalid("**T**\n\n- intro CVPR 2022\n- arxiv: <https://arxiv.org/abs/2203.12827>", 3,
                   "**T**\n\n- intro: CVPR 2022\n- arxiv: <https://arxiv.org/abs/2203.12827>"),)
TOUCHES: frozenset[str] = frozenset({"labels", "notes", "venue", "year"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    found_labels = list(field_labels(context))
    labelled_lines = {found.token.line for found in found_labels if found.colon is not None}
    for found in found_labels:
        if found.colon is not None:
            continue
        # Only among field bullets (``- intro: …`` above or below): elsewhere ``- Code for …`` is prose.
        line = found.token.line
        if not ({line - 1, line + 1} & labelled_lines) or not found.name.slice(context.text).islower():
            continue
        end = found.name.end
        yield context.diagnostic(RULE, found.name, "label without ':'",
                                 Fix((Edit(Span(end, end), ":"),), safe=True, message="add ':'"))
