"""AP206 label-colon-space: no space after a field label's colon (``- intro:ICLR 2016``).

What it does: finds ``label:value`` and ``label:[url](url)`` with nothing between colon and value.

Why is this bad? The list mixes styles; some renderers and scripts split on ``": "``.

Example: ``- project page:[https://youtube-vos.org/](https://youtube-vos.org/)``

Use instead: ``- project page: [https://youtube-vos.org/](https://youtube-vos.org/)``

Fix safety: safe. One space is inserted after the colon.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._labels import field_labels
from awesomeparse.spans import Span

CODE = "AP206"
NAME = "label-colon-space"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "no space after a field label's colon"
VALID = ("- intro: ICLR 2016", "- project page: <https://youtube-vos.org/>")
INVALID = (Invalid("- intro:ICLR 2016", 1, "- intro: ICLR 2016"),
           Invalid("- github:[https://github.com/a/b](https://github.com/a/b)", 1,
                   "- github: [https://github.com/a/b](https://github.com/a/b)"))
TOUCHES: frozenset[str] = frozenset({"labels"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for found in field_labels(context):
        colon = found.colon
        if colon is None or colon.slice(text) != ":" or colon.end >= len(text) or text[colon.end] in " \t\r\n":
            continue
        yield context.diagnostic(RULE, colon, "no space after the label's colon",
                                 Fix((Edit(Span(colon.end, colon.end), " "),), safe=True, message="add a space"))
