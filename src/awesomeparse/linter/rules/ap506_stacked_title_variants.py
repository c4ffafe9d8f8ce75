"""AP506 stacked-title-variants: two bold titles of one paper stacked over one bullet block.

What it does: finds consecutive bold title lines (only blank lines between) whose titles are
variants of each other (``Ω-Net: …`` and ``Ω-Net (Omega-Net): …``).

Why is this bad? The list shows the paper twice, and tools cannot tell which title is right.

Example: ``**Ω-Net: Fully Automatic …**`` / ``**Ω-Net (Omega-Net): Fully Automatic …**``

Use instead: one title; keep the other name as a keyword.

Fix safety: none. Which title to keep is a judgement.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.extract.dialects.bold_title import variants
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.normalize import titles

CODE = "AP506"
NAME = "stacked-title-variants"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "two stacked bold titles naming the same paper"
VALID = ("**YOLACT: Real-time Instance Segmentation**\n\n**YOLACT++: Better Real-time Instance Segmentation**",)
INVALID = (Invalid("**Omega-Net: Fully Automatic Cardiac Segmentation**\n\n"
                   "**Omega-Net (Omega): Fully Automatic Cardiac Segmentation**", 3),)


def check(context: LintContext) -> Iterator[Diagnostic]:
    previous = None
    for token in context.tokens:
        if token.type == "blank":
            continue
        if token.type == "bold_line" and previous is not None and previous.type == "bold_line":
            first, second = titles.clean(previous.text), titles.clean(token.text)
            if first and second and variants(first, second):
                yield context.diagnostic(RULE, token.span, f"a second title for the paper at line {previous.line}")
        previous = token
