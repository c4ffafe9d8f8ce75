"""AP304 title-colon-space: a title with no space after its colon (``CenterMask:Real-Time …``).

What it does: finds ``Name:Subtitle`` in entry titles.

Why is this bad? The title differs from the paper's own, so search and deduplication miss it.

Example: ``**CenterMask:Real-Time Anchor-Free Instance Segmentation**``

Use instead: ``**CenterMask: Real-Time Anchor-Free Instance Segmentation**``

Fix safety: safe. One space is inserted; the parser already reads the title that way.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP304"
NAME = "title-colon-space"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "no space after the colon in a title"
VALID = ("**CenterMask: Real-Time Anchor-Free Instance Segmentation**",)
INVALID = (Invalid("**CenterMask:Real-Time Anchor-Free Instance Segmentation**", 1,
                   "**CenterMask: Real-Time Anchor-Free Instance Segmentation**"),)
# In a link item the title is the link's text.
TOUCHES: frozenset[str] = frozenset({"title", "link-text"})

_GLUED = regex.compile(r"(?<=[A-Za-z0-9+)\]]):(?=[A-Za-z])")


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for entry in context.document.entries:
        if not entry.title_raw or ":" not in entry.title_raw or "://" in entry.title_raw:
            continue
        line = context.source.line_index.line_span(entry.line)
        start = text.find(entry.title_raw, line.start, line.end)
        if start < 0:
            continue
        for found in _GLUED.finditer(text, start, start + len(entry.title_raw)):
            span = Span(found.start(), found.end())
            yield context.diagnostic(RULE, span, "no space after ':' in the title",
                                     Fix((Edit(Span(span.end, span.end), " "),), safe=True, message="add a space"))
