"""BibTeX: one entry per work, UTF-8, fields in braces, keys from ``citekeys``.

Entry types follow the venue: conferences and workshops give ``@inproceedings`` with a
``booktitle``, journals ``@article`` with a ``journal``; preprints (arXiv only) and works
with no known or no recognizable venue give ``@misc`` with ``howpublished``. Every work with an arXiv id
carries ``eprint`` and ``archivePrefix = {arXiv}``, whatever its type. See docs/exports.md.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from awesomeparse.render.citekeys import citation_keys
from awesomeparse.render.venues import venue_kind
from awesomeparse.render.works import Work

# BibTeX counts every brace, escaped or not, so literal braces are written as commands.
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_SPECIAL = regex.compile(r"[\\{}&%$#_~^]")
_WORD_PARTS = regex.compile(r"[-/–]")
_SPACES = regex.compile(r"(\s++)")
_URL_BRACES = {"{": "%7B", "}": "%7D"}


def _core(word: str) -> str:
    """``word`` without the punctuation around it; a scan, since an end-anchored pattern would retry
    at every character of a long run of punctuation."""
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


def escape(text: str) -> str:
    """LaTeX specials escaped, everything else (accents, CJK) kept as UTF-8."""
    return _SPECIAL.sub(lambda found: _LATEX_SPECIALS[found.group()], text)


def keeps_case(word: str) -> bool:
    """Whether lower-casing ``word`` would change its meaning: ``R-CNN``, ``SegNet``, ``3D``, ``U-Net``
    have a capital inside a part; ``Real-Time`` and ``Encoder-Decoder`` do not."""
    core = _core(word)
    parts = _WORD_PARTS.split(core)
    for part in parts:
        if any(char.isupper() for char in part[1:]):
            return True
        if len(parts) > 1 and len(part) == 1 and part.isupper():
            return True
    return False


def _protect_word(word: str) -> str:
    if not keeps_case(word):
        return escape(word)
    core = _core(word)
    start = word.index(core)
    end = start + len(core)
    return escape(word[:start]) + "{" + escape(core) + "}" + escape(word[end:])


def protect_title(title: str) -> str:
    """The title escaped, with each word whose capitals matter braced (punctuation around it left
    outside), so that styles which lower-case titles keep ``{R-CNN}`` and ``{SegNet}:`` as written."""
    return "".join(piece if not piece or piece.isspace() else _protect_word(piece) for piece in _SPACES.split(title))


def _verbatim(value: str) -> str:
    """URLs and DOIs are read verbatim by biblatex and the url package: only braces are encoded."""
    return "".join(_URL_BRACES.get(char, char) for char in value)


def entry_fields(work: Work) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and the ``(name, value)`` fields of one work, values already in BibTeX form."""
    fields: list[tuple[str, str]] = []
    if work.authors:
        fields.append(("author", " and ".join(escape(author) for author in work.authors)))
    if work.title:
        fields.append(("title", protect_title(work.title)))
    kind = venue_kind(work.venue)
    if kind == "conference":
        entry_type = "inproceedings"
        fields.append(("booktitle", escape(work.venue or "")))
    elif kind == "journal":
        entry_type = "article"
        fields.append(("journal", escape(work.venue or "")))
    else:
        entry_type = "misc"
        if kind == "preprint" or (work.venue is None and work.arxiv is not None):
            # What classic styles print for a preprint; biblatex reads eprint instead.
            fields.append(("howpublished", "arXiv preprint" + (f" arXiv:{escape(work.arxiv)}" if work.arxiv else "")))
        elif work.venue is not None:
            fields.append(("howpublished", escape(work.venue)))
    if work.year is not None:
        fields.append(("year", str(work.year)))
    if work.arxiv is not None:
        fields.append(("eprint", _verbatim(work.arxiv)))
        fields.append(("archivePrefix", "arXiv"))
    if work.doi is not None:
        fields.append(("doi", _verbatim(work.doi)))
    if work.url is not None:
        fields.append(("url", _verbatim(work.url)))
    return entry_type, fields


def render_entry(key: str, work: Work) -> str:
    entry_type, fields = entry_fields(work)
    width = max((len(name) for name, _value in fields), default=0)
    lines = [f"@{entry_type}{{{key},"]
    lines.extend(f"  {name.ljust(width)} = {{{value}}}," for name, value in fields)
    lines[-1] = lines[-1].removesuffix(",")
    return "\n".join(lines) + "\n}\n"


def render_bibtex(works: Sequence[Work]) -> str:
    """All works as one ``.bib`` text, entries separated by a blank line, in the order given."""
    keys = citation_keys(works)
    return "\n".join(render_entry(key, work) for key, work in zip(keys, works, strict=True))
