"""AP207 label-case: one label written in two cases in one list (``arXiv:`` here, ``arxiv:`` there).

What it does: for each label, finds the spelling most of the list uses and reports the others.

Why is this bad? A list that mixes ``arXiv:`` and ``arxiv:`` looks unkempt and defeats simple
searches.

Example: ``- arXiv: <…>`` in one entry and ``- arxiv: <…>`` in all the others.

Use instead: the list's majority spelling everywhere.

Fix safety: safe. Only the label's letter case changes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._labels import FieldLabel, field_labels

CODE = "AP207"
NAME = "label-case"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "one label spelled in different letter cases in one list"
VALID = ("- arxiv: <https://arxiv.org/abs/1>\n- arxiv: <https://arxiv.org/abs/2>",
         "- Video: <https://youtu.be/a>\n- Video: <https://youtu.be/b>\n* video looping technique")
INVALID = (Invalid("- arxiv: <https://arxiv.org/abs/1>\n- arXiv: <https://arxiv.org/abs/2>\n"
                   "- arxiv: <https://arxiv.org/abs/3>", 2,
                   "- arxiv: <https://arxiv.org/abs/1>\n- arxiv: <https://arxiv.org/abs/2>\n"
                   "- arxiv: <https://arxiv.org/abs/3>"),)
TOUCHES: frozenset[str] = frozenset({"labels"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    spellings: dict[str, list[tuple[str, FieldLabel]]] = defaultdict(list)
    for found in field_labels(context):
        if found.colon is None:
            continue  # ``* video looping technique``: without a colon the first word may be no label
        written = found.name.slice(context.text)
        spellings[written.lower()].append((written, found))
    for uses in spellings.values():
        counts = Counter(written for written, _found in uses)
        if len(counts) < 2:
            continue
        majority = min(counts, key=lambda written: (-counts[written], written))
        for written, found in uses:
            if written != majority:
                yield context.diagnostic(RULE, found.name, f"label {written!r}; this list mostly writes {majority!r}",
                                         Fix((Edit(found.name, majority),), safe=True, message=f"write {majority!r}"))
