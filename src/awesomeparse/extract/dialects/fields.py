"""Labelled field bullets (``- arxiv: <url>``, ``- intro: …``) shared by the dialects that use them."""

from __future__ import annotations

import regex
from attrs import evolve, frozen

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Draft, Extractor
from awesomeparse.normalize import arxiv, labels, people, years_venues
from awesomeparse.tokens.token import Token

# ``label(args)("title"):`` at the start of a bullet; the colon may be fullwidth or a
# typo'd ``;``. A URL scheme is not a label.
_LABEL = regex.compile(
    r"(?P<label>(?!https?:|ftp:)[^\s:：;\[\]<>()（）\"][^:：;\[\]<>()\"]{0,40}?"
    r"(?:\(\s*+\"[^\"]*+\"\s*+\)|\([^()]*+\))*+)\s*+(?P<colon>[:：;])\s*+"
)
# A method name: an inner capital, a digit or a hyphen (``DeconvNet``, ``CRF-RNN``, ``SPP-Net``).
_METHOD_NAME = regex.compile(r"[a-z][A-Z]|[A-Z]{2}|\d|\w-\w")
_BARE_LABEL = regex.compile(r"(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s++(?=\S)")


@frozen
class Field:
    label: labels.Label
    rest_offset: int
    """Offset into the bullet text where the value begins."""
    name_end: int
    """Offset where the label word ends (before its ``(arguments)``); it starts at 0."""
    colon: int | None
    """Offset of the colon, or ``None`` when it is missing (``- intro CVPR 2022``)."""


def read_label(text: str, url_start: int | None) -> Field | None:
    """The bullet's label, when it has one before its first URL."""
    found = _LABEL.match(text)
    if found is not None and (url_start is None or found.end("colon") <= url_start):
        raw = found.group("label").strip()
        name = raw.split("(", 1)[0].rstrip()
        if len(name.split()) <= 5:
            return Field(labels.parse(raw), found.end(), len(name), found.start("colon"))
    bare = _BARE_LABEL.match(text)
    if bare is not None and (url_start is None or bare.end() <= url_start):
        parsed = labels.parse(bare.group("label"))
        if parsed.canonical is not None and parsed.name.lower() in labels.LABELS:
            return Field(parsed, bare.end(), bare.end("label"), None)
    return None


def first_url(token: Token) -> Token | None:
    for child in token.children:
        if child.type in link_builder.URL_TYPES:
            return child
    return None


def apply(extractor: Extractor, token: Token, targets: list[Draft]) -> None:
    """Attach one field bullet to ``targets`` (several for stacked titles)."""
    assert token.content is not None
    url = first_url(token)
    url_start = url.span.start - token.content.start if url is not None else None
    field = read_label(token.text, url_start)
    for draft in targets:
        draft.touch(token.line)
    if field is None:
        found = link_builder.build(token.children, extractor.text)
        if found:
            for draft in targets:
                draft.add_links(found)
        elif token.text.strip():
            for draft in targets:
                draft.notes.append(token.text.strip())
        return
    label = field.label
    value = token.text[field.rest_offset :].strip()
    canonical = label.canonical
    if url is None:
        if value:
            _text_field(targets, canonical or label.name, value)
            if canonical == "arxiv":
                # ``- arXiv: 1704.06857`` / ``- arxiv: arXiv:1704.06857``: an id without a link.
                # Repeats are dropped when the entry is frozen (a check here would be quadratic).
                found_ids = arxiv.from_text(f"arXiv:{value}") + arxiv.from_text(value)
                for draft in targets:
                    draft.text_arxiv.extend(found_ids)
        return
    named = _named_target(targets, label)
    if named is not None:
        found = [evolve(link, label_raw=label.raw) for link in link_builder.build(token.children, extractor.text)]
        named.add_links(found)
        named.add_alias(label.raw)
        return
    found = link_builder.build(token.children, extractor.text, label=label)
    for draft in targets:
        draft.add_links(found)
        if canonical == "arxiv" and label.note:
            draft.take_year_venue(years_venues.find(label.note))


def _named_target(targets: list[Draft], label: labels.Label) -> Draft | None:
    """``- YOLACT++: <url>`` under stacked titles names the entry the link belongs to."""
    if label.canonical is not None or len(targets) < 2:
        return None
    name = label.raw.strip().lower()
    for draft in targets:
        names = [alias.lower() for alias in draft.aliases]
        if name in names:
            return draft
    return None


def _text_field(targets: list[Draft], name: str, value: str) -> None:
    for draft in targets:
        draft.notes.append(value)
        if name in {"intro", "venue"}:
            draft.take_year_venue(years_venues.find(value))
            if not draft.take_people(value) and not draft.affiliations:
                draft.affiliations.extend(people.affiliations_only(value))
        elif name == "author":
            draft.take_people(value)
        elif name == "keywords" and "," not in value and len(value.split()) <= 2 and _METHOD_NAME.search(value):
            draft.add_alias(value)  # ``- keywords: DeconvNet``: the method's short name
