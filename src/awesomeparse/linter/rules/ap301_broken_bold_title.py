"""AP301 broken-bold-title: a title line whose bold markers do not render (``P**art-aware …**``).

What it does: finds bold title lines with a character before the opening ``**`` or spaces just
inside the markers.

Why is this bad? CommonMark does not render them as bold: the title loses its emphasis and the
stars show.

Example: ``P**art-aware Panoptic Segmentation**``

Use instead: ``**Part-aware Panoptic Segmentation**``

Fix safety: unsafe. Moving text across a marker is very likely right but changes the line.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP301"
NAME = "broken-bold-title"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a bold title line whose markers do not render"
VALID = ("**Part-aware Panoptic Segmentation**",)
INVALID = (Invalid("P**art-aware Panoptic Segmentation**", 1, None), Invalid("** Title**", 1, None))
TOUCHES: frozenset[str] = frozenset({"title"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    for token in context.tokens:
        if token.type != "bold_line" or "broken_emphasis" not in token.flags or "trailing_tag" in token.flags:
            continue
        line = token.span.slice(context.text)
        lead = len(line) - len(line.lstrip())
        title = token.text.strip()
        replacement = f"{line[:lead]}**{title}**"
        yield context.diagnostic(
            RULE, token.span, "bold markers that CommonMark does not render",
            Fix((Edit(Span(token.span.start, token.span.end), replacement),), safe=False,
                message="put the whole title between '**'"),
        )
