"""AP504 insecure-http: ``http://`` on a host known to serve HTTPS (arxiv.org, github.com, …).

What it does: finds plain-HTTP links to well-known HTTPS hosts.

Why is this bad? An extra redirect for every reader, and mixed styles in one list.

Example: ``- arxiv: <http://arxiv.org/abs/1505.04597>``

Use instead: ``- arxiv: <https://arxiv.org/abs/1505.04597>``

Fix safety: safe for the listed hosts, which redirect every HTTP URL to the same HTTPS URL.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._urls import url_edits
from awesomeparse.spans import Span

CODE = "AP504"
NAME = "insecure-http"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "http:// where the host serves https"
VALID = ("- arxiv: <https://arxiv.org/abs/1505.04597>", "- page: <http://example.org/>")
INVALID = (
    Invalid("- arxiv: <http://arxiv.org/abs/1505.04597>", 1, "- arxiv: <https://arxiv.org/abs/1505.04597>"),
    Invalid("- arxiv: [http://arxiv.org/abs/1505.04597](http://arxiv.org/abs/1505.04597)", 1,
            "- arxiv: [https://arxiv.org/abs/1505.04597](https://arxiv.org/abs/1505.04597)"),
)
TOUCHES: frozenset[str] = frozenset({"links"})

_HTTP = regex.compile(
    r"(http)://(?:www\.)?(?:arxiv\.org|github\.com|gitlab\.com|openreview\.net|openaccess\.thecvf\.com|"
    r"proceedings\.neurips\.cc|papers\.nips\.cc|youtube\.com|zhuanlan\.zhihu\.com)(?=[/?#]|$)",
    regex.I,
)


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for token, target in context.url_targets():
        found = _HTTP.match(text, target.start, target.end)
        if found is None:
            continue
        span = Span(found.start(1), found.end(1))
        yield context.diagnostic(RULE, span, "http:// link to a host that serves https",
                                 Fix(url_edits(context, token, target, span, "https"), safe=True,
                                     message="use https://"))
