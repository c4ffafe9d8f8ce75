"""AP502 year-vs-arxiv: a stated year far from the year the arXiv id encodes.

What it does: compares an entry's stated year (``[2015 CVPR]``, ``intro: CVPR 2016``) with its arXiv
id's year and reports a difference of more than one year (a preprint may precede or follow the
conference by a year).

Why is this bad? Usually the link or the year belongs to another paper (a wrong id pasted).

Example: ``**Rich feature hierarchies …**`` / ``- intro: …, 2018`` / ``- arxiv: …/1311.2524``

Use instead: the year and id of the same paper.

Fix safety: none. Which of the two is wrong needs a person.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.normalize import arxiv

CODE = "AP502"
NAME = "year-vs-arxiv"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a stated year more than one year from the arXiv id's year"
VALID = ("**T**\n\n- intro: CVPR 2016\n- arxiv: <https://arxiv.org/abs/1512.03385>",)
INVALID = (Invalid("**T**\n\n- intro: CVPR 2019\n- arxiv: <https://arxiv.org/abs/1512.03385>", 1),)


def check(context: LintContext) -> Iterator[Diagnostic]:
    for entry in context.document.entries:
        if entry.year is None or not entry.ids.arxiv:
            continue
        id_year = arxiv.year_of(entry.ids.arxiv[0])
        if id_year is None or abs(entry.year - id_year) <= 1:
            continue
        span = context.source.line_index.line_span(entry.line)
        message = f"stated year {entry.year} but arXiv {entry.ids.arxiv[0]} is from {id_year}"
        yield context.diagnostic(RULE, span, message)
