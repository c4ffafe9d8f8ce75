"""AP103 bracket-without-target: ``[url]``, a URL in brackets with no link target.

What it does: finds ``[https://…]`` that is not followed by ``(…)``.

Why is this bad? GitHub renders the brackets and a bare URL; some renderers show no link.

Example: ``[https://arxiv.org/abs/1904.02363]``

Use instead: ``<https://arxiv.org/abs/1904.02363>``

Fix safety: safe. The URL is unchanged; only the brackets become an autolink's angle brackets.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid

CODE = "AP103"
NAME = "bracket-without-target"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "[url] with no link target"
VALID = ("<https://arxiv.org/abs/1904.02363>", "[paper](https://arxiv.org/abs/1904.02363)")
INVALID = (Invalid("[https://arxiv.org/abs/1904.02363]", 1, "<https://arxiv.org/abs/1904.02363>"),)
TOUCHES: frozenset[str] = frozenset()


def check(context: LintContext) -> Iterator[Diagnostic]:
    tokens = context.inline_tokens
    bare = [token for token in tokens if token.type == "bracket_url" and "missing_target" in token.flags]
    links = sum(1 for token in tokens if token.type in {"link", "autolink"})
    # In a list written as ``Title[url]`` throughout, the brackets are its style (GitHub still
    # links the URL): say so once per line as info, not as a warning on every line.
    rule = RULE if len(bare) * 4 < links else (CODE, NAME, "info")
    for token in bare:
        if token.content is None:
            continue
        url = token.content.slice(context.text)
        yield context.diagnostic(rule, token.span, "a bracketed URL with no (target) is not a link",
                                 Fix((Edit(token.span, f"<{url}>"),), safe=True, message="make it <url>"))
