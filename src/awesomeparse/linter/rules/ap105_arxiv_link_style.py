"""AP105 arxiv-link-style: an arXiv link to the PDF in a list that links abstract pages, or the reverse.

What it does: reads every arXiv link as ``abs`` (``arxiv.org/abs/ID``) or ``pdf``
(``arxiv.org/pdf/ID``, with or without ``.pdf``) and reports those not in the list's style: by
default the style most of its arXiv links use (``consistent``), or the one configured.

Why is this bad? Readers cannot tell what a click opens, and one list mixes two URLs for one kind
of link. A link whose text says ``pdf`` in an abs list, or an entry that links both pages of one
paper, is deliberate and not reported.

Example: ``- arxiv: <https://arxiv.org/pdf/1907.06119>`` among ``<https://arxiv.org/abs/…>`` links.

Use instead: ``- arxiv: <https://arxiv.org/abs/1907.06119>``

Fix safety: safe. The id and its version are kept; only the page type changes (a PDF link gets
``.pdf`` when most of the list's PDF links have it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex
from attrs import frozen

from awesomeparse.diagnostics import Diagnostic, Fix, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid, Option
from awesomeparse.linter.rules._urls import url_edits
from awesomeparse.spans import Span
from awesomeparse.tokens.token import Token

CODE = "AP105"
NAME = "arxiv-link-style"
SEVERITY: Severity = "info"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "an arXiv link to the PDF where the list links abstract pages, or the reverse"
STYLE = Option("arxiv-style", "consistent",
               "which arXiv page links open: the list's majority (a tie reports nothing), abs or pdf",
               choices=("consistent", "abs", "pdf"))
OPTIONS = (STYLE,)
VALID = (
    "- a <https://arxiv.org/abs/1907.06119>\n- b <https://arxiv.org/abs/1911.06667>",
    "- a <https://arxiv.org/abs/1907.06119> [pdf](https://arxiv.org/pdf/1907.06119)\n"
    "- b <https://arxiv.org/abs/1911.06667>",
    "- a [[pdf]](https://arxiv.org/pdf/1907.06119.pdf)\n- b <https://arxiv.org/abs/1911.06667>\n"
    "- c <https://arxiv.org/abs/2001.05566>",
)
INVALID = (
    Invalid("- a <https://arxiv.org/abs/1907.06119>\n- b <https://arxiv.org/pdf/1911.06667v2>\n"
            "- c <https://arxiv.org/abs/2001.05566>", 2,
            "- a <https://arxiv.org/abs/1907.06119>\n- b <https://arxiv.org/abs/1911.06667v2>\n"
            "- c <https://arxiv.org/abs/2001.05566>"),
    Invalid("- a [paper](https://arxiv.org/pdf/1907.06119.pdf)\n- b [paper](https://arxiv.org/abs/1911.06667)\n"
            "- c [paper](https://arxiv.org/pdf/2001.05566.pdf)", 2,
            "- a [paper](https://arxiv.org/pdf/1907.06119.pdf)\n- b [paper](https://arxiv.org/pdf/1911.06667.pdf)\n"
            "- c [paper](https://arxiv.org/pdf/2001.05566.pdf)"),
    Invalid("- [https://arxiv.org/pdf/1907.06119](https://arxiv.org/pdf/1907.06119)", 1,
            "- [https://arxiv.org/abs/1907.06119](https://arxiv.org/abs/1907.06119)", (("arxiv-style", "abs"),)),
)
TOUCHES: frozenset[str] = frozenset({"links"})

_ARXIV = regex.compile(
    r"arxiv\.org/+(?P<page>abs|pdf)/+(?P<id>(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)(?P<ext>\.pdf)?",
    regex.I,
)
_VERSION = regex.compile(r"v\d+$")
_PDF_WORDS = frozenset({"pdf", "full text"})


@frozen
class _Link:
    token: Token
    target: Span
    found: regex.Match[str]
    line: int

    @property
    def page(self) -> str:
        return self.found.group("page").lower()

    @property
    def paper(self) -> str:
        """The id without its version."""
        return _VERSION.sub("", self.found.group("id").lower())


def check(context: LintContext) -> Iterator[Diagnostic]:
    links = _arxiv_links(context)
    pages = Counter(link.page for link in links)
    wanted = str(STYLE.read(context, CODE))
    if wanted == "consistent":
        if pages["abs"] == pages["pdf"]:
            return
        wanted = "abs" if pages["abs"] > pages["pdf"] else "pdf"
    with_ext = sum(1 for link in links if link.page == "pdf" and link.found.group("ext"))
    suffix = ".pdf" if with_ext * 2 > pages["pdf"] else ""
    both = {(link.line, link.paper) for link in links if link.page == "abs"} & {
        (link.line, link.paper) for link in links if link.page == "pdf"}
    for link in links:
        if link.page == wanted or (link.line, link.paper) in both:
            continue
        if wanted == "abs" and _says_pdf(context, link.token):
            continue
        found = link.found
        part = Span(found.start("page"), found.end())
        replacement = f"{wanted}/{found.group('id')}" + (suffix if wanted == "pdf" else "")
        message = (f"arXiv {'PDF' if link.page == 'pdf' else 'abstract'} link where this list links "
                   f"{'abstract pages' if wanted == 'abs' else 'PDFs'} ({wanted})")
        yield context.diagnostic(RULE, part, message,
                                 Fix(url_edits(context, link.token, link.target, part, replacement), safe=True,
                                     message=f"link the {wanted} page"))


def _arxiv_links(context: LintContext) -> list[_Link]:
    found = []
    for token, target in context.url_targets():
        match = _ARXIV.search(context.text, target.start, target.end)
        if match is not None:
            found.append(_Link(token, target, match, token.line))
    return found


def _says_pdf(context: LintContext, token: Token) -> bool:
    """A link whose text asks for the PDF (``[pdf](…)``, ``[[pdf]](…)``)."""
    if token.type != "link" or token.content is None:
        return False
    return token.content.slice(context.text).strip().lower().strip("[]` ") in _PDF_WORDS
