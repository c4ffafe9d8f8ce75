"""AP102 bracket-then-url: ``[url]url``, a link whose ``(`` and ``)`` were forgotten.

What it does: finds a bracketed URL immediately followed by the same (or another) URL.

Why is this bad? It renders as literal brackets followed by a bare URL, not as a link.

Example: ``- github(MXNet): [https://github.com/a/b]https://github.com/a/b``

Use instead: ``- github(MXNet): [https://github.com/a/b](https://github.com/a/b)``

Fix safety: safe. The parentheses are added around the URL the author wrote second.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span

CODE = "AP102"
NAME = "bracket-then-url"
SEVERITY: Severity = "error"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "[url]url: a link missing its parentheses"
VALID = ("- github: [https://github.com/a/b](https://github.com/a/b)",)
INVALID = (
    Invalid("- github: [https://github.com/a/b]https://github.com/a/b", 1,
            "- github: [https://github.com/a/b](https://github.com/a/b)"),
)
TOUCHES: frozenset[str] = frozenset()


def check(context: LintContext) -> Iterator[Diagnostic]:
    for token in context.inline_tokens:
        if token.type != "bracket_url" or "bracket_then_url" not in token.flags or token.content is None:
            continue
        close = context.text.index("]", token.content.end)
        edits = (Edit(Span(close + 1, close + 1), "("), Edit(Span(token.span.end, token.span.end), ")"))
        yield context.diagnostic(RULE, token.span, "link text and target without '(' ')' between them",
                                 Fix(edits, safe=True, message="add the parentheses"))
