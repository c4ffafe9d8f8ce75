"""``awesomeparse format``: rewrite a list in one house style without changing what it says.

Lines that belong to no rewritable entry (headings, prose, HTML, tables, code, front matter)
are copied byte for byte. Each paper entry is rewritten by ``canonical`` and kept only
when re-reading it alone gives the same entry (title, ids, link set) and every word of
the original survives; the whole result is then re-read once more, and any entry whose
neighbours changed its reading goes back to its original lines. When in doubt, the text
stays as it was: a formatter that loses a paper is worse than one that leaves it alone.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence

import regex

from awesomeparse import source as source_module
from awesomeparse.extract import extract
from awesomeparse.model import Document, Entry
from awesomeparse.normalize import labels, urls
from awesomeparse.render.canonical import STYLES, Style, entry_lines
from awesomeparse.source import Source
from awesomeparse.tokens import tokenize

__all__ = ["STYLES", "Style", "format_source", "format_text", "signature"]

_REWRITTEN_DIALECTS = frozenset({"bold_title", "link_item", "bracket_year", "plain_line"})
_WORD = regex.compile(r"\w++")
_DOMAIN = regex.compile(r"\.(?:com|org|net|io|edu|cn)\b", regex.I)
_LINE_LABEL = regex.compile(r"\s*+[-*+=]?\s*+(?P<label>[^:：\[\]()]{1,40}?)\s*+[:：]")
_DECORATION = regex.compile(r"<br\s*+/?>|:[a-z_]++:", regex.I)
_MAX_ROUNDS = 16
_MAX_PASSES = 3

Signature = tuple[object, ...]


def _parse(source: Source) -> Document:
    return extract(tokenize(source), source)


def signature(entry: Entry) -> Signature:
    """What a rewrite must keep: kind, title, ids, sections and the set of link targets."""
    return (
        entry.kind,
        entry.title,
        entry.ids.arxiv,
        tuple(sorted(entry.ids.doi)),
        tuple(sorted(entry.ids.github)),
        tuple(sorted({urls.key(link.url) for link in entry.links})),
        entry.section,
    )


def _words(text: str) -> Counter[str]:
    """The words of ``text`` a rewrite must keep: URLs (compared as link keys) and decoration left out.

    URL-like pieces are found per whitespace-separated piece, not by a regex search that would
    rescan a long piece from every position."""
    pieces = (piece for piece in text.replace("**", "").split() if not _is_urlish(piece))
    return Counter(word.lower() for word in _WORD.findall(_DECORATION.sub(" ", " ".join(pieces))))


def _is_urlish(piece: str) -> bool:
    return "://" in piece or _DOMAIN.search(piece) is not None


def _exempt_words(entry: Entry, lines: Iterable[str]) -> Counter[str]:
    """Words a rewrite may spell differently: labels it canonicalizes and the title it cleans."""
    exempt = _words(entry.title_raw or "")
    for link in entry.links:
        if link.label_raw:
            exempt += _words(link.label_raw)
    for line in lines:
        found = _LINE_LABEL.match(line)
        if found and labels.canonical(found.group("label")) is not None:
            exempt += _words(found.group("label"))
    return exempt


def _candidates(document: Document, source: Source) -> list[Entry]:
    """Entries the formatter may rewrite: papers of line-based dialects and every bold-title entry,
    not overlapping another entry."""
    heading_lines = {section.line for section in document.sections}
    claimed: Counter[int] = Counter()
    for entry in document.entries:
        claimed.update(range(entry.line, entry.end_line + 1))
    chosen = []
    for entry in document.entries:
        # Repositories, datasets and resources written as bold titles are rewritten like papers;
        # in other dialects only papers are (a one-line repo item is already canonical).
        if entry.dialect not in _REWRITTEN_DIALECTS or not entry.title \
                or (entry.kind != "paper" and entry.dialect != "bold_title"):
            continue
        lines = range(entry.line, entry.end_line + 1)
        if any(claimed[number] > 1 or number in heading_lines for number in lines):
            continue
        if entry.line <= source.front_matter_lines:
            continue
        if any(not entry.span.contains(link.span) for link in entry.links):
            continue  # ``[Title][ref]``: the URL lives in a definition elsewhere; the entry stays as written
        chosen.append(entry)
    return chosen


def _rewrite(source: Source, entry: Entry, style: Style) -> list[str] | None:
    """The entry's new lines, or ``None`` when the rewrite would change or lose anything."""
    lines = entry_lines(source, entry, style)
    block = "\n".join(lines) + "\n"
    original_lines = [source.line_index.line_text(number) for number in range(entry.line, entry.end_line + 1)]
    original = "\n".join(original_lines)
    if original + "\n" == block:
        return lines
    needed = _words(original) - _exempt_words(entry, original_lines)
    if needed - _words(block):
        return None
    reread = _parse(source_module.from_text(block, source.path)).entries
    if len(reread) != 1 or signature(reread[0])[:-1] != signature(entry)[:-1]:
        return None
    return lines


def _assemble(source: Source, blocks: dict[int, tuple[Entry, list[str]]], *, spaced: bool = True) -> str:
    """Copy the text, replacing each rewritten entry's lines.

    A rewritten entry gets one blank line before and after it; with ``spaced=False``
    (one-line items) consecutive rewritten entries sit on consecutive lines.
    """
    index = source.line_index
    newline = source.newline
    out: list[str] = []
    last_blank = True
    after_block = False
    number = 1
    total = index.line_count
    while number <= total:
        if number in blocks:
            entry, lines = blocks[number]
            if not last_blank and not (after_block and not spaced):
                out.append(newline)
            out.extend(line + newline for line in lines)
            number = entry.end_line + 1
            while number <= total and number not in blocks and not index.line_text(number).strip():
                number += 1
            if number <= total and (spaced or number not in blocks):
                out.append(newline)
            last_blank = spaced or number not in blocks
            after_block = True
            continue
        line = index.line_text(number)
        out.append(line + newline)
        last_blank = not line.strip()
        after_block = False
        number += 1
    text = "".join(out)
    if source.text and not source.text.endswith("\n") and text.endswith(newline):
        text = text[: -len(newline)]
    return text


def _mismatched(before: Sequence[Entry], after: Sequence[Entry]) -> set[int]:
    """Positions of original entries that the rewritten text no longer reads the same.

    The two entry sequences are aligned, so an entry split in two or swallowed by a
    neighbour marks only the entries around it, not everything after it.
    """
    old = [signature(entry) for entry in before]
    new = [signature(entry) for entry in after]
    wrong: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, start, end, _, _ in matcher.get_opcodes():
        if tag != "equal":
            wrong.update(range(max(start - 1, 0), min(end + 1, len(old))))
    return wrong


def _by_section(document: Document) -> dict[int, int]:
    """Each entry's line mapped to the line of the heading it sits under (0 before any heading).

    A section is rewritten whole or not at all: a bold title beside untouched list items
    would take those items as its own bullets, and a half-converted section reads badly.
    """
    heading_lines = sorted(section.line for section in document.sections)
    return {entry.line: heading_lines[bisect.bisect_right(heading_lines, entry.line) - 1]
            if heading_lines and heading_lines[0] <= entry.line else 0 for entry in document.entries}


def format_source(source: Source, style: Style = "bold") -> str:
    """The list rewritten in ``style``; the original text when no safe rewrite exists.

    A rewrite can make a following line read as part of the rewritten entry (an item
    after a bold title becomes its bullet); passes repeat until the text stops changing,
    so formatting formatted text changes nothing.
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; expected one of {', '.join(STYLES)}")
    text = source.text
    for _ in range(_MAX_PASSES):
        formatted = _format_once(source_module.from_text(text, source.path), style)
        if formatted == text:
            break
        text = formatted
    return _with_bom(text, source)


def _format_once(source: Source, style: Style) -> str:
    document = _parse(source)
    section_of = _by_section(document)
    blocks: dict[int, tuple[Entry, list[str]]] = {}
    candidates = {entry.line for entry in _candidates(document, source)}
    refused: set[int] = set()
    for entry in document.entries:
        lines = _rewrite(source, entry, style) if entry.line in candidates else None
        if lines is None:
            refused.add(section_of[entry.line])
        else:
            blocks[entry.line] = (entry, lines)
    _drop_sections(blocks, section_of, refused)
    for _ in range(_MAX_ROUNDS):
        text = _assemble(source, blocks, spaced=style == "bold")
        reread = _parse(source_module.from_text(text, source.path))
        wrong = _mismatched(document.entries, reread.entries)
        if not wrong:
            return text
        # A rewritten section can change how a neighbour reads; put the sections at fault back.
        faulty = {section_of[document.entries[position].line] for position in wrong}
        if not _drop_sections(blocks, section_of, faulty):
            break
    return source.text


def _drop_sections(blocks: dict[int, tuple[Entry, list[str]]], section_of: dict[int, int], sections: set[int]) -> bool:
    """Forget the rewrites of every entry in ``sections``; says whether any was forgotten."""
    dropped = [line for line in blocks if section_of[line] in sections]
    for line in dropped:
        del blocks[line]
    return bool(dropped)


def _with_bom(text: str, source: Source) -> str:
    return "\ufeff" + text if source.bom else text


def format_text(text: str, style: Style = "bold", path: str | None = None) -> str:
    """Format a list given as text (a leading BOM is kept)."""
    return format_source(source_module.from_text(text, path), style)
