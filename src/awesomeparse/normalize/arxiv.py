"""Find and canonicalize arXiv identifiers (new ``1502.03240v2`` and old ``cs/0601001`` style)."""

from __future__ import annotations

from functools import lru_cache

import regex

_HOST = r"(?:(?:www|export|lanl|xxx|[a-z]{2})\.)?arxiv\.org"
_NEW_ID = r"(?P<new>\d{4}\.\d{4,5})(?P<version>v\d+)?"
_OLD_ID = r"(?P<old>[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?P<oldversion>v\d+)?"
_IN_URL = regex.compile(
    rf"(?:https?://)?{_HOST}/+(?:abs|pdf|format|html|ps)/+(?:{_NEW_ID}|{_OLD_ID})(?:\.pdf)?", regex.I
)
_IN_TEXT = regex.compile(rf"\barxiv\s*+[:：]?\s*+(?:{_NEW_ID}|{_OLD_ID})", regex.I)


def _canonical(found: regex.Match[str]) -> str | None:
    new = found.group("new")
    if new is not None:
        month = int(new[2:4])
        if not 1 <= month <= 12:
            return None
        return new
    return found.group("old").lower() if found.group("old") else None


@lru_cache(maxsize=16384)
def from_url(url: str) -> str | None:
    """Canonical id (no version) of an arXiv abs/pdf URL on any mirror, or ``None``."""
    if "arxiv" not in url.lower():
        return None
    found = _IN_URL.search(url)
    return _canonical(found) if found else None


def from_text(text: str) -> list[str]:
    """Ids written as ``arXiv:1502.03240`` in prose (citations), canonical, in order."""
    if "arxiv" not in text.lower():
        return []
    ids: dict[str, None] = {}  # ordered and deduplicated without a list scan per id
    for found in _IN_TEXT.finditer(text):
        canonical = _canonical(found)
        if canonical:
            ids[canonical] = None
    return list(ids)


def without_ids(text: str) -> str:
    """``text`` with every ``arXiv:1703.06870`` mention blanked out (what is left is the prose)."""
    return _IN_TEXT.sub(" ", text) if "arxiv" in text.lower() else text


def year_of(arxiv_id: str) -> int | None:
    """Submission year encoded in an id (``1502.03240`` -> 2015, ``cs/0601001`` -> 2006)."""
    digits = arxiv_id.rsplit("/", maxsplit=1)[-1][:2]
    if not digits.isdigit():
        return None
    value = int(digits)
    return 2000 + value if value < 91 else 1900 + value
