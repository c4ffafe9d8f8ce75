"""AP501 duplicate-entry: the same paper twice in one list, by arXiv id, paper URL or title.

What it does: reports every entry that names a paper an earlier entry already names, and points
to the first one. Sameness is the merger's verdict on the two mentions (``awesomeparse merge
--explain`` shows it): the same arXiv id (abs, pdf and versions alike), DOI or PDF URL, or titles
that match after normalization (``TimeLens`` / ``Time Lens``, case and hyphens aside), with its
guards for distinct works (``YOLACT`` and ``YOLACT++``, different arXiv ids, distant years).
Repeats in another section (a paper listed under "Papers" and again under "Code") are reported
as info. Two titles that name different methods under one arXiv id are AP507's finding, not a
repeat.

Why is this bad? Readers meet the paper twice, often with different links or years, and the
two copies drift apart.

Example: two entries both linking ``https://arxiv.org/abs/1411.4038`` and ``…/pdf/1411.4038v2``.

Use instead: one entry holding both links.

Fix safety: none. Which copy to keep is a judgement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._papers import names_other_work
from awesomeparse.match.blocking import candidate_pairs
from awesomeparse.match.records import Record
from awesomeparse.match.verdict import DEFAULT_THRESHOLD, decide

CODE = "AP501"
NAME = "duplicate-entry"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "the same paper twice in one list (arXiv id, paper URL or title)"
VALID = (
    "**A**\n\n- arxiv: <https://arxiv.org/abs/1411.4038>\n\n**B**\n\n- arxiv: <https://arxiv.org/abs/1605.06211>",
    "- [YOLACT: Real-time Instance Segmentation](https://example.org/a.pdf)\n"
    "- [YOLACT++: Better Real-time Instance Segmentation](https://example.org/b.pdf)",
    "| SSD | 76.8 |\n| SSD | 77.2 |",
)
INVALID = (
    Invalid("**A**\n\n- arxiv: <https://arxiv.org/abs/1411.4038>\n\n**A again**\n\n"
            "- arxiv: <https://arxiv.org/pdf/1411.4038v2>", 5),
    Invalid("* [TimeLens: Event-based Video Frame Interpolation](https://arxiv.org/abs/2106.07286)\n"
            "* [Time Lens: Event-based Video Frame Interpolation](https://openaccess.thecvf.com/a.pdf)", 2),
    Invalid("- [Attention to Scale](http://openaccess.thecvf.com/Chen_Attention_to_Scale_CVPR_2016_paper.pdf)\n"
            "- [Attention to scale: scale-aware segmentation](http://openaccess.thecvf.com/"
            "Chen_Attention_to_Scale_CVPR_2016_paper.pdf)", 2),
)

_REASONS = {
    "same-arxiv": "arXiv {detail} is already listed at line {line}",
    "same-doi": "DOI {detail} is already listed at line {line}",
    "same-url": "the same paper URL is already listed at line {line}",
}
_TITLE_REASON = "the same paper is already listed at line {line} (as {title!r})"


def check(context: LintContext) -> Iterator[Diagnostic]:
    records = context.paper_records
    first: dict[int, tuple[Record, str]] = {}
    for left, right in sorted(_candidates(records)):
        earlier, later = records[left], records[right]
        if right in first and first[right][0].index <= left:
            continue
        decision = decide(earlier, later, DEFAULT_THRESHOLD)
        if decision.status != "same" or names_other_work(earlier.entry, later.entry):
            continue
        if decision.reason in _REASONS:
            message = _REASONS[decision.reason].format(detail=decision.detail, line=earlier.entry.line)
        elif earlier.entry.kind == later.entry.kind == "paper" and decision.reason != "alias":
            # Titles alone join only paper entries: a method named twice in a results table is no repeat.
            message = _TITLE_REASON.format(line=earlier.entry.line, title=earlier.entry.title)
        else:
            continue
        first[right] = (earlier, message)
    for right in sorted(first):
        earlier, message = first[right]
        entry = records[right].entry
        span = context.source.line_index.line_span(entry.line)
        if earlier.entry.section == entry.section:
            yield context.diagnostic(RULE, span, message)
        else:
            # A paper under "Papers" and again under "Code" is a list's layout, not a slip.
            yield context.diagnostic((CODE, NAME, "info"), span,
                                     message + f" (in section {'/'.join(earlier.entry.section)})")


def _candidates(records: list[Record]) -> Iterable[tuple[int, int]]:
    """Pairs that may name one paper: a shared id, paper URL or title letters, or titles filed together."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for record in records:
        for key, value in (("arxiv", record.arxiv), ("doi", record.doi)):
            if value is not None:
                groups[(key, value)].append(record.index)
        for url in record.paper_urls:
            groups[("url", url)].append(record.index)
        if record.compact:
            groups[("title", record.compact)].append(record.index)  # ``TimeLens`` / ``Time Lens``
    pairs = {(members[0], other) for members in groups.values() for other in members[1:]}
    pairs.update(candidate_pairs(records, DEFAULT_THRESHOLD))
    return pairs
