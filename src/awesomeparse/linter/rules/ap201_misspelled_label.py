"""AP201 misspelled-label: a field label one or two letters away from a known one (``arixv``, ``gihtub``).

What it does: compares each bullet label with the label vocabulary, tolerating a transposition,
a missing, extra or wrong letter.

Why is this bad? Tools (and readers scanning for ``arxiv:``) miss the field.

Example: ``= arixv: [https://arxiv.org/abs/1808.00661](https://arxiv.org/abs/1808.00661)``

Use instead: ``- arxiv: [https://arxiv.org/abs/1808.00661](https://arxiv.org/abs/1808.00661)``

Fix safety: safe when the URL's host confirms the corrected label (``arixv`` on arxiv.org,
``gihtub`` on github.com); unsafe otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._labels import field_labels
from awesomeparse.normalize import labels

CODE = "AP201"
NAME = "misspelled-label"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a field label that is a typo of a known label"
VALID = ("- arxiv: <https://arxiv.org/abs/1808.00661>", "- keywords: CRF-RNN")
INVALID = (
    Invalid("- arixv: <https://arxiv.org/abs/1808.00661>", 1, "- arxiv: <https://arxiv.org/abs/1808.00661>"),
    Invalid("- gihtub(official, Caffe2): <https://github.com/a/b>", 1,
            "- github(official, Caffe2): <https://github.com/a/b>"),
    Invalid("- gitub: <https://example.org/code>", 1, None),
)
TOUCHES: frozenset[str] = frozenset({"labels"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    for found in field_labels(context):
        raw = found.name.slice(context.text)
        corrected = labels.correction(raw)
        if corrected is None:
            continue
        canonical = labels.LABELS[corrected]
        confirmed = found.url is not None and labels.host_label(found.url) == canonical
        replacement = corrected if raw.islower() else corrected.capitalize() if raw[:1].isupper() else corrected
        yield context.diagnostic(
            RULE, found.name, f"misspelled label {raw!r} (did you mean {corrected!r})",
            Fix((Edit(found.name, replacement),), safe=confirmed,
                message=f"replace with {corrected!r}" + ("" if confirmed else " (the URL does not confirm it)")),
        )
