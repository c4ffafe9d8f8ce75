"""One entry in the house style: its source lines rewritten as ``**Title**`` + labelled bullets,
or as one ``- [Title](url) - note.`` item.

The rewrite works from the entry's own lines, not from the model alone: every link is
re-emitted in canonical form (label, frameworks, arXiv abs URL) and every other piece of
text on those lines is carried along as a bullet, so nothing a person wrote is dropped.
Whether the result still means the same thing is the formatter's check, not this module's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import regex

from awesomeparse.extract.links import without_frameworks
from awesomeparse.model import Entry, Link
from awesomeparse.normalize import arxiv, labels, years_venues
from awesomeparse.source import Source
from awesomeparse.spans import Span
from awesomeparse.tokens import inline

Style = Literal["bold", "awesome"]
STYLES: tuple[Style, ...] = ("bold", "awesome")

_LINK_TOKENS = frozenset({"link", "image", "autolink", "url"})
_BULLET = regex.compile(r"^\s*+(?:(?:[-*+=]|\d{1,3}[.)])\s++)?")
_LABEL_PREFIX = regex.compile(r"(?P<label>[^\s:：()\[\]][^:：\[\]]{0,39}?)\s*+[:：]\s*+")
_RESIDUE_NOISE = regex.compile(r"(?:<br\s*+/?>|:[a-z_]++:|[\s,;|/·•*_~`()\[\]<>:：-])++", regex.I)
_BLANKS = regex.compile(r"[ \t]{2,}+")
_SEPARATOR_RUN = regex.compile(r"[ \t]*+(?:[,;、][ \t]*+){2,}+")
_DANGLING = regex.compile(r"(?<=[.。!?])[ \t,;、]++$|[ \t]*+[,;、][ \t]*+$")
_UNESCAPED_BRACKET = regex.compile(r"(?<!\\)[\[\]]")
_NAME_WORD = regex.compile(r"\w++")
_LABELLED = regex.compile(r"- [a-z]++: ")
_TITLE_MARKUP = regex.compile(r"\*\*|__")
_ARXIV_VERSION = regex.compile(r"v(\d++)(?:\.pdf)?/?$", regex.I)


def arxiv_abs(url: str) -> str:
    """An arXiv link in the one style the formatter writes: ``https://arxiv.org/abs/ID[vN]``."""
    arxiv_id = arxiv.from_url(url)
    if arxiv_id is None:
        return url
    version = _ARXIV_VERSION.search(url)
    return f"https://arxiv.org/abs/{arxiv_id}{'v' + version.group(1) if version else ''}"


def link_label(link: Link) -> str:
    """The canonical label a link is written under; frameworks and the official flag in parentheses."""
    name = link.label or labels.host_label(link.url) or "link"
    if arxiv.from_url(link.url) is not None:
        name = "arxiv"
    elif name == "arxiv":
        name = "paper"
    arguments = [link.framework] if link.framework else []
    if link.official is True:
        arguments.append("official")
    elif link.official is False:
        arguments.append("unofficial")
    if link.note and "(" not in link.note and ")" not in link.note:
        arguments.append(link.note)
    return f"{name}({', '.join(arguments)})" if arguments else name


def _link_bullet(link: Link, entry: Entry) -> str:
    bullet = f"- {link_label(link)}: {link_target(link, entry.title, entry.title_raw)}"
    if link.note and ("(" in link.note or ")" in link.note):
        bullet += f" ({link.note})"
    return bullet


def link_target(link: Link, title: str | None = None, title_raw: str | None = None) -> str:
    """The URL, as a named link when the list gave it a name that is more than a label word.

    A URL without a scheme (``github.com/x/y``) is written as a link, since bare it would
    not be read as one.
    """
    url = arxiv_abs(link.url)
    name = (link.text or "").strip().strip("[]`").strip()
    said_by_label = set(_NAME_WORD.findall(name.lower())) <= set(_NAME_WORD.findall(link_label(link).lower()))
    repeats = name in (link.url, link.url_raw, title, title_raw) or labels.canonical(name) is not None
    if name and not repeats and not said_by_label:
        return f"[{_escape_brackets(name)}]({url})"
    if "://" not in url:
        return f"[{url}]({url})"
    return url


def _escape_brackets(text: str) -> str:
    """Brackets in link text escaped once: ones a list (or an earlier format) already escaped stay."""
    return _UNESCAPED_BRACKET.sub(r"\\\g<0>", text)


def _line_parts(source: Source, entry: Entry, number: int) -> tuple[list[Link], str]:
    """The entry's links on one line and the text left when their markup is cut out."""
    start, end = source.line_index.line_bounds(number)
    text = source.text
    links = [link for link in entry.links if link.line == number]
    cuts: list[Span] = []
    if links:
        tokens = [token for token in inline.scan(text, start, end, number) if token.type in _LINK_TOKENS]
        for link in links:
            holder = next((token.span for token in tokens if token.span.contains(link.span)), link.span)
            cuts.append(holder)
    pieces: list[str] = []
    cursor = start
    for cut in sorted(set(cuts), key=lambda span: span.start):
        if cut.start < cursor:
            continue
        pieces.append(text[cursor : cut.start])
        cursor = cut.end
    pieces.append(text[cursor:end])
    residue = " ".join(pieces).rstrip("\r\n")
    if cuts:
        # Separators that stood between cut links are left dangling: ``NIPS 2014. [a](u), [b](v)``.
        # Blank runs are collapsed first, so no pattern below rescans a long run of blanks.
        residue = _DANGLING.sub("", _SEPARATOR_RUN.sub(", ", _BLANKS.sub(" ", residue)))
    return links, residue


def _unwrap(text: str) -> str:
    """``[ICCV 2019]`` or ``(CVPR 2020)`` on a title line is a venue tag: written without its brackets,
    venue first (``[2015 CVPR]`` -> ``CVPR 2015``); a year written short (``CVPR' 14``) stays as written."""
    stripped = text.strip()
    if len(stripped) > 2 and stripped[0] + stripped[-1] in ("[]", "()") and stripped.count(stripped[0]) == 1:
        stripped = stripped[1:-1].strip()
    tag = years_venues.venue_year_only(stripped)
    if tag.year is not None and tag.venue_raw is not None and str(tag.year) in stripped:
        return f"{tag.venue_raw} {tag.year}"
    return stripped


def _meaningful(text: str) -> bool:
    return bool(_RESIDUE_NOISE.sub("", text))


def _note_bullets(residue: str, links: Sequence[Link]) -> list[str]:
    """Bullets for what a line says besides its links: ``- label: rest`` when it starts with a
    label, else the text itself; nothing when only a link's own label (``- arxiv:``) is left."""
    body = _BULLET.sub("", residue, count=1).strip().lstrip("-–—:：| \t")
    if links and any(link.label_raw for link in links):
        for link in links:
            if link.label_raw and body.lower().startswith(link.label_raw.lower()):
                body = body[len(link.label_raw) :].lstrip(" \t:：")
                break
    if any(link.framework for link in links):
        body = without_frameworks(body).strip()  # ``url (Caffe)``: the label carries the framework now
    if not _meaningful(body):
        return []
    prefix = _LABEL_PREFIX.match(body)
    if prefix:
        raw = prefix.group("label")
        canonical = labels.canonical(raw)
        rest = body[prefix.end() :].strip()
        if canonical is not None and _meaningful(rest):
            return [f"- {canonical}: {rest}"]
    return [f"- {body}"]


def _title_line_residue(residue: str, entry: Entry) -> str:
    """What the title line holds besides the title: its markup and the title itself removed."""
    text = _TITLE_MARKUP.sub("", residue)
    raw = entry.title_raw or ""
    plain_raw = _TITLE_MARKUP.sub("", raw)
    for candidate in (raw, plain_raw, entry.title or ""):
        if candidate and candidate in text:
            return text.replace(candidate, " ", 1)
    return text


def bold_lines(source: Source, entry: Entry) -> list[str]:
    """``**Title**``, a blank line, then one bullet per link and per remaining piece of text."""
    bullets: list[str] = []
    for number in range(entry.line, entry.end_line + 1):
        links, residue = _line_parts(source, entry, number)
        if number == entry.line:
            residue = _title_line_residue(residue, entry)
        notes = _note_bullets(residue, links)
        if number == entry.line and notes and not _LABELLED.match(notes[0]):
            pieces = (_unwrap(piece) for piece in notes[0][2:].split("|"))
            notes[0] = "- intro: " + ", ".join(piece for piece in pieces if _meaningful(piece)).rstrip(".")
        bullets.extend(notes)
        bullets.extend(_link_bullet(link, entry) for link in links)
    title = entry.title or ""
    return [f"**{title}**", "", *bullets] if bullets else [f"**{title}**"]


def awesome_lines(source: Source, entry: Entry) -> list[str]:
    """``- [Title](main link) - notes. [label](url), …``: the first paper-like link carries the title."""
    main = _main_link(entry.links)
    notes: list[str] = []
    for number in range(entry.line, entry.end_line + 1):
        links, residue = _line_parts(source, entry, number)
        if number == entry.line:
            residue = _title_line_residue(residue, entry)
        for bullet in _note_bullets(residue, links):
            note = bullet[2:].removeprefix("intro: ")
            if number == entry.line:
                note = ", ".join(piece for piece in map(_unwrap, note.split("|")) if _meaningful(piece))
            notes.append(note.rstrip())
    title = _escape_brackets(entry.title or "")
    text = f"- [{title}]({arxiv_abs(main.url)})" if main else f"- {title}"
    if notes:
        text += " - " + " ".join(note if note.endswith((".", "!", "?")) else note + "." for note in notes)
    rest = [f"[{link_label(link)}]({arxiv_abs(link.url)})" for link in entry.links if link is not main]
    if rest:
        text += (" " if notes else " - ") + ", ".join(rest)
    return [text]


_MAIN_ORDER = ("paper", "arxiv", "openreview", "project")


def _main_link(links: Sequence[Link]) -> Link | None:
    for label in _MAIN_ORDER:
        for link in links:
            if (link.label or labels.host_label(link.url)) == label:
                return link
    return links[0] if links else None


def entry_lines(source: Source, entry: Entry, style: Style) -> list[str]:
    return bold_lines(source, entry) if style == "bold" else awesome_lines(source, entry)
