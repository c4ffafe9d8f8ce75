"""Mentions prepared for matching: one record per paper-like entry, keys computed once."""

from __future__ import annotations

import regex
from attrs import frozen

from awesomeparse.graph import Mention
from awesomeparse.model import Document, Entry
from awesomeparse.normalize import titles, urls

PAPER_KINDS = frozenset({"paper", "mention"})
_VERSION_TOKEN = regex.compile(r"\+|\d|^(?:ii|iii|iv|vi|vii|viii)$")
_PAPER_LABELS = frozenset({"paper", "pdf", "openreview"})
_NON_PAPER_HOSTS = frozenset(urls.CODE_HOSTS | {"youtube.com", "youtu.be", "zhuanlan.zhihu.com", "blog.csdn.net",
                                                "medium.com", "twitter.com", "paperswithcode.com"})


@frozen
class Record:
    """One mention of a paper, with every matching key precomputed."""

    index: int
    mention: Mention
    entry: Entry
    key: str
    """Title match key (lower-case words and digits, ``+`` kept), ``""`` when untitled."""
    sorted_key: str
    """The key's words sorted: comparing these with ``ratio`` ignores word order."""
    compact: str
    """The key without spaces: ``real time`` and ``realtime`` agree here."""
    tokens: frozenset[str]
    versions: frozenset[str]
    """Words carrying a version: digits, ``+``, roman numerals (``v3+``, ``yolact++``, ``ii``)."""
    arxiv: str | None
    """The entry's first arXiv id: its identity. Further ids are other versions (related)."""
    other_arxiv: tuple[str, ...]
    doi: str | None
    paper_urls: frozenset[str]
    year: int | None
    aliases: frozenset[str]
    short: bool
    """Titles of three words or fewer (``Mask R-CNN``) only ever match exactly."""


def records_of(documents: list[Document]) -> list[Record]:
    """Records of every paper-like entry, in a deterministic order (source, then line)."""
    found: list[Record] = []
    for document in sorted(documents, key=lambda item: item.source or ""):
        source = document.source or "<text>"
        for entry in document.entries:
            if entry.kind not in PAPER_KINDS or not (entry.title or entry.ids.arxiv or entry.ids.doi):
                continue
            found.append(_record(len(found), source, entry))
    return found


def _record(index: int, source: str, entry: Entry) -> Record:
    key = titles.match_key(entry.title) if entry.title else ""
    tokens = key.split()
    alias_keys = {titles.match_key(alias) for alias in entry.aliases}
    short = titles.short_name(entry.title) if entry.title else None
    if short:
        alias_keys.add(titles.match_key(short))
    paper_urls = frozenset(
        urls.key(link.url)
        for link in entry.links
        if urls.is_absolute(link.url)
        and urls.host(link.url) not in _NON_PAPER_HOSTS
        and (link.label in _PAPER_LABELS or link.url.lower().endswith(".pdf"))
        and not link.url.lower().startswith(("https://arxiv.org", "http://arxiv.org"))
    )
    return Record(
        index=index,
        mention=Mention(source=source, line=entry.line, entry_id=entry.id),
        entry=entry,
        key=key,
        sorted_key=" ".join(sorted(tokens)),
        compact=key.replace(" ", ""),
        tokens=frozenset(tokens),
        versions=frozenset(token for token in tokens if _VERSION_TOKEN.search(token)),
        arxiv=entry.ids.arxiv[0] if entry.ids.arxiv else None,
        other_arxiv=entry.ids.arxiv[1:],
        doi=entry.ids.doi[0] if entry.ids.doi else None,
        paper_urls=paper_urls,
        year=entry.year,
        aliases=frozenset(alias for alias in alias_keys if alias and alias != key),
        short=len(tokens) <= 3,
    )
