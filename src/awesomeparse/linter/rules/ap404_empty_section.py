"""AP404 empty-section: a heading with nothing under it before the next heading of its level.

What it does: finds headings followed only by blank lines and rules, then a heading at the same
or a higher level (or the end of the file). A heading that is itself an entry
(``## [2019 CVPR] Panoptic Segmentation``) is not empty.

Why is this bad? Readers open a section and find nothing; often entries were lost in an edit.

Example: ``# semantic_segmentation`` directly followed by ``# Survey``

Use instead: add the entries, or remove the heading.

Fix safety: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.tokens.token import Token

CODE = "AP404"
NAME = "empty-section"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a heading with nothing under it"
VALID = ("# A\n## B\n- [x](https://a.io)", "## [2019 CVPR] Panoptic Segmentation\n---\n\n## Next\ntext")
INVALID = (
    Invalid("# semantic_segmentation\n\n# Survey\n\n**A Survey**\n\n- arxiv: <https://arxiv.org/abs/2001.05566>", 1),
)

_FILLER = frozenset({"blank", "thematic_break", "setext_underline", "html"})


def check(context: LintContext) -> Iterator[Diagnostic]:
    entry_lines = {entry.line for entry in context.document.entries}
    tokens = context.tokens
    for position, token in enumerate(tokens):
        if token.type != "heading" or token.line in entry_lines:
            continue
        following = _next_content(tokens, position)
        if following is None or (following.type == "heading" and following.level <= token.level):
            yield context.diagnostic(RULE, token.span, f"section {token.text.strip()!r} is empty")


def _next_content(tokens: tuple[Token, ...], position: int) -> Token | None:
    # Indexes, not a slice: slicing the rest of the tokens at every heading is quadratic.
    for index in range(position + 1, len(tokens)):
        if tokens[index].type not in _FILLER:
            return tokens[index]
    return None
