"""AP106 unbalanced-link-brackets: a link with a bracket or parenthesis missing or doubled.

What it does: finds ``[Title(url)`` and ``Title](url)`` (a missing ``[`` or ``]``), ``[[Title](url)``
and ``[Title]](url)`` (a doubled one), ``[Title](url`` (no closing ``)``) and ``[Title](url))``
(one ``)`` too many). Only brackets next to a URL are judged: ``[`` in prose is left alone, and a
link whose text runs over two lines is a link.

Why is this bad? CommonMark renders the brackets and the URL as text, so the link is lost; parsers
read the bracket as part of the title.

Example: ``- [Mask R-CNN(https://arxiv.org/abs/1703.06870)``

Use instead: ``- [Mask R-CNN](https://arxiv.org/abs/1703.06870)``

Fix safety: safe when the repair is one character at a place the link syntax fixes (a ``]`` right
before ``(url``, a doubled bracket removed, a ``)`` after a URL that ends the link); unsafe when
a space stands between the title and ``(url``; none for a missing ``[`` (where the text begins
is a guess).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Edit, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.spans import Span
from awesomeparse.tokens.inline import match_pairs

CODE = "AP106"
NAME = "unbalanced-link-brackets"
SEVERITY: Severity = "error"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a link with a bracket or parenthesis missing or doubled"
VALID = (
    "- [Mask R-CNN](https://arxiv.org/abs/1703.06870)",
    "- [[pdf]](https://arxiv.org/pdf/1703.06870.pdf) [`[code]`](https://github.com/a/b)",
    "- [Multi-Scale Context Intertwining\nfor Semantic Segmentation](https://example.org/a.pdf)",
    "- intro: [ECCV 2018 oral, see https://example.org/a",
    "- [A](https://en.wikipedia.org/wiki/A_(b)) (see [B](https://b.org))",
    "| [x](https://a.org) | [2018] y |",
)
INVALID = (
    Invalid("- [Mask R-CNN(https://arxiv.org/abs/1703.06870)", 1, "- [Mask R-CNN](https://arxiv.org/abs/1703.06870)"),
    Invalid("- [Mask R-CNN]](https://arxiv.org/abs/1703.06870)", 1, "- [Mask R-CNN](https://arxiv.org/abs/1703.06870)"),
    Invalid("- [[Mask R-CNN](https://arxiv.org/abs/1703.06870)", 1, "- [Mask R-CNN](https://arxiv.org/abs/1703.06870)"),
    Invalid("- [Mask R-CNN](https://arxiv.org/abs/1703.06870 and code", 1,
            "- [Mask R-CNN](https://arxiv.org/abs/1703.06870) and code"),
    Invalid("- [Mask R-CNN](https://arxiv.org/abs/1703.06870)) - ICCV", 1,
            "- [Mask R-CNN](https://arxiv.org/abs/1703.06870) - ICCV"),
    Invalid("- Mask R-CNN](https://arxiv.org/abs/1703.06870)", 1, None),
    Invalid("- [Mask R-CNN (https://arxiv.org/abs/1703.06870)", 1, None),
)
# The repaired link text is what the parser reads as the title (or the alias of a bold lead).
TOUCHES: frozenset[str] = frozenset({"title", "aliases", "link-text"})

_SCANNED = frozenset({"bullet", "ordered", "text", "heading", "bold_line", "blockquote"})
_BRACKET = regex.compile(r"\\.|[\[\]]", regex.S)
_OPEN_PAREN = regex.compile(r"\\.|\(", regex.S)
_CODE_SPAN = regex.compile(r"`[^`\n]*+`")
_TARGET = regex.compile(r"\(\s*+<?(?:https?|ftp)://", regex.I)
# From an unmatched ``[``: text with no bracket, then ``(url`` (the ``]`` the author forgot).
_UNCLOSED_TEXT = regex.compile(r"[^\[\]]*?(?=\((?:https?|ftp)://)", regex.I)


def check(context: LintContext) -> Iterator[Diagnostic]:
    text = context.text
    for start, end in _segments(context):
        if "://" not in text[start:end]:
            continue
        yield from _brackets(context, start, _CODE_SPAN.sub(lambda found: " " * len(found.group()), text[start:end]))
    for token in context.inline_tokens:
        if token.type not in {"link", "image"} or token.target is None:
            continue
        if "unclosed_target" in token.flags:
            at = token.target.end
            yield context.diagnostic(RULE, token.span, "the link target has no closing ')'",
                                     Fix((Edit(Span(at, at), ")"),), safe=True, message="add ')'"))
        elif _extra_paren(text, token.span.end):
            extra = Span(token.span.end, token.span.end + 1)
            yield context.diagnostic(RULE, extra, "a ')' after the link closes nothing",
                                     Fix((Edit(extra, ""),), safe=True, message="remove the extra ')'"))


def _segments(context: LintContext) -> Iterator[tuple[int, int]]:
    """Where inline text stands: whole items (over their continuation lines) and table cells."""
    for token in context.tokens:
        if token.type == "table_row":
            yield from ((cell.span.start, cell.span.end) for cell in token.children if cell.type == "cell")
        elif token.type in _SCANNED:
            yield token.span.start, token.span.end


def _brackets(context: LintContext, offset: int, segment: str) -> Iterator[Diagnostic]:
    pairs = match_pairs(segment, "[", "]")
    closers = set(pairs.values())
    for found in _BRACKET.finditer(segment):
        index = found.start()
        char = found.group()
        if char == "]" and index not in closers and _TARGET.match(segment, index + 1):
            span = Span(offset + index, offset + index + 1)
            if index > 0 and segment[index - 1] == "]" and index - 1 in closers:
                yield context.diagnostic(RULE, span, "a second ']' before the link target",
                                         Fix((Edit(span, ""),), safe=True, message="remove the extra ']'"))
            else:
                yield context.diagnostic(RULE, span, "link text closed by ']' that was never opened with '['")
        elif char == "[" and index not in pairs:
            yield from _unclosed(context, offset, segment, index, pairs)


def _unclosed(
    context: LintContext, offset: int, segment: str, index: int, pairs: dict[int, int]
) -> Iterator[Diagnostic]:
    span = Span(offset + index, offset + index + 1)
    inner = index + 1
    if segment.startswith("[", inner) and inner in pairs and _TARGET.match(segment, pairs[inner] + 1):
        yield context.diagnostic(RULE, span, "a second '[' before the link text",
                                 Fix((Edit(span, ""),), safe=True, message="remove the extra '['"))
        return
    found = _UNCLOSED_TEXT.match(segment, inner)
    if found is None or found.end() == inner:
        return
    title_end = found.end()
    spaced = segment[title_end - 1].isspace()
    trimmed = len(segment[inner:title_end].rstrip())
    gap = Span(offset + inner + trimmed, offset + title_end)
    yield context.diagnostic(RULE, span, "link text opened by '[' is never closed with ']'",
                             Fix((Edit(gap, "]"),), safe=not spaced, message="close the link text with ']'"))


def _extra_paren(text: str, at: int) -> bool:
    """A ``)`` right after a link that no ``(`` before it on the line opened."""
    if at >= len(text) or text[at] != ")":
        return False
    before = text[text.rfind("\n", 0, at) + 1 : at]
    opened = sum(1 for found in _OPEN_PAREN.finditer(before) if found.group() == "(")
    return len(match_pairs(before, "(", ")")) == opened
