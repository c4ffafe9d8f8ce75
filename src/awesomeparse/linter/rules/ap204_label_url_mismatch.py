"""AP204 label-url-mismatch: a label that contradicts its URL (``arXiv:`` on a sciencedirect URL).

What it does: flags ``arxiv`` labels whose URL is not on arxiv.org, and ``github`` labels whose
URL is not on github.com or github.io.

Why is this bad? Readers and tools trust the label: the arXiv id they expect is not there, and
often the real arXiv link is missing.

Example: ``- arXiv: <https://www.sciencedirect.com/science/article/abs/pii/S1568494618302813>``

Use instead: ``- paper: <https://www.sciencedirect.com/science/article/abs/pii/S1568494618302813>``

Fix safety: none. Relabelling could hide a missing arXiv link; a person decides.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._labels import field_labels
from awesomeparse.normalize import labels, urls

CODE = "AP204"
NAME = "label-url-mismatch"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "an arxiv or github label on a URL of another site"
VALID = ("- arxiv: <https://arxiv.org/abs/1704.06857>", "- github: <https://github.com/a/b>",
         "- paper: <https://example.org/a.pdf>")
INVALID = (Invalid("- arXiv: <https://www.sciencedirect.com/science/article/abs/pii/S1568494618302813>", 1),)

_EXPECTED = {"arxiv": ("arxiv.org",), "github": ("github.com", "github.io", "githubusercontent.com")}


def check(context: LintContext) -> Iterator[Diagnostic]:
    for found in field_labels(context):
        if found.url is None or not urls.is_absolute(urls.repair(found.url)):
            continue
        canonical = labels.canonical(found.name.slice(context.text))
        hosts = _EXPECTED.get(canonical or "")
        if not hosts:
            continue
        host = urls.host(urls.repair(found.url))
        if not any(host == expected or host.endswith("." + expected) for expected in hosts):
            yield context.diagnostic(RULE, found.name, f"'{canonical}' label on a {host} URL")
