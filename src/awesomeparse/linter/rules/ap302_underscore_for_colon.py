"""AP302 underscore-for-colon: ``SegNet_ A Deep …``, an underscore where the title has a colon.

What it does: finds a word glued to ``_`` and followed by a space in an entry title.

Why is this bad? Titles copied from file names lose their colon; the title no longer matches
the paper's, so search and deduplication miss it.

Example: ``- [2015 CVPR] SegNet_ A Deep Convolutional Encoder-Decoder Architecture``

Use instead: ``- [2015 CVPR] SegNet: A Deep Convolutional Encoder-Decoder Architecture``

Fix safety: safe. Only the title changes, to the form the parser already reads.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP302"
NAME = "underscore-for-colon"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "'_ ' standing for ': ' in a title"
VALID = ("- [2015] U-Net: Convolutional Networks", "- [2018] Mask_RCNN in Keras")
INVALID = (Invalid("- [2015] U-Net_ Convolutional Networks", 1, "- [2015] U-Net: Convolutional Networks"),)
# In a link item the title is the link's text.
TOUCHES: frozenset[str] = frozenset({"title", "link-text"})

_UNDERSCORE = regex.compile(r"(?<=[\w)+])_(?= )")


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for entry in context.document.entries:
        if not entry.title_raw or "_ " not in entry.title_raw:
            continue
        line = context.source.line_index.line_span(entry.line)
        for found in _UNDERSCORE.finditer(text, line.start, line.end):
            span = Span(found.start(), found.end())
            yield context.diagnostic(RULE, span, "'_ ' in a title stands for ': '",
                                     Fix((Edit(span, ":"),), safe=True, message="write ':'"))
