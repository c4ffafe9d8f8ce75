"""AP501 duplicate-entry: the same paper twice in one list, by arXiv id.

What it does: reports every entry whose canonical arXiv id (abs, pdf and versions alike) was
already given to an earlier entry, and points to the first one. Repeats in another section
(a paper listed under "Papers" and again under "Code") are reported as info.

Why is this bad? Readers meet the paper twice, often with different links or years, and the
two copies drift apart.

Example: two entries both linking ``https://arxiv.org/abs/1411.4038`` and ``…/pdf/1411.4038v2``.

Use instead: one entry holding both links.

Fix safety: none. Which copy to keep is a judgement.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.model import Entry

CODE = "AP501"
NAME = "duplicate-entry"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "the same paper (arXiv id) twice in one list"
VALID = ("**A**\n\n- arxiv: <https://arxiv.org/abs/1411.4038>\n\n**B**\n\n- arxiv: <https://arxiv.org/abs/1605.06211>",)
INVALID = (Invalid(
    "**A**\n\n- arxiv: <https://arxiv.org/abs/1411.4038>\n\n**A again**\n\n- arxiv: <https://arxiv.org/pdf/1411.4038v2>",
    5),)


def check(context: LintContext) -> Iterator[Diagnostic]:
    first: dict[str, Entry] = {}
    for entry in context.document.entries:
        if not entry.ids.arxiv:
            continue
        identity = entry.ids.arxiv[0]
        earlier = first.get(identity)
        if earlier is None:
            first[identity] = entry
            continue
        span = context.source.line_index.line_span(entry.line)
        message = f"arXiv {identity} is already listed at line {earlier.line}"
        if earlier.section == entry.section:
            yield context.diagnostic(RULE, span, message)
        else:
            # A paper under "Papers" and again under "Code" is a list's layout, not a slip.
            yield context.diagnostic((CODE, NAME, "info"), span, message + f" (in section {'/'.join(earlier.section)})")
