"""URL repair (stray ``<``/``>``, whitespace) and identifiers read off URLs: GitHub repo, DOI.

Repairs never percent-encode and never change the scheme: ``url`` stays the text a
reader clicks, minus the damage.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from awesomeparse.normalize import arxiv

_SCHEME = regex.compile(r"(?:https?|ftp)://", regex.I)
_HOST = regex.compile(r"(?:https?|ftp)://([^/?#:\s]++)", regex.I)
_DOI = regex.compile(r"\b(10\.\d{4,9}/[^\s\"<>]++)", regex.I)
_DOI_HOST = regex.compile(r"(?:dx\.)?doi\.org$", regex.I)
_GITHUB_RESERVED = frozenset({
    "about", "apps", "collections", "enterprise", "explore", "features", "login", "marketplace", "notifications",
    "orgs", "pricing", "search", "settings", "site", "sponsors", "topics", "trending", "users",
})
_PATH_SPLIT = regex.compile(r"[/?#]")
CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "gitee.com", "huggingface.co"})


_BRACKETED = regex.compile(r"\[\s*+([^\[\]\s]++)\s*+\](.*+)", regex.S)


def repair(raw: str) -> str:
    """The URL a reader meant: whitespace, stray ``<``/``>``/quotes and ``[url]`` brackets removed."""
    url = raw.strip()
    bracketed = _BRACKETED.fullmatch(url)
    if bracketed is not None:
        url = bracketed.group(1) if _SCHEME.match(bracketed.group(1)) else bracketed.group(2).strip()
    while url[:1] in {"<", '"', "'"} and len(url) > 1:
        url = url[1:]
    while url[-1:] in {">", '"', "'"} and len(url) > 1:
        url = url[:-1]
    return url.strip()


def is_absolute(url: str) -> bool:
    return _SCHEME.match(url) is not None


@lru_cache(maxsize=16384)
def host(url: str) -> str:
    """Lower-case host without ``www.``; empty for relative URLs."""
    found = _HOST.match(url)
    if found is None:
        return ""
    name = found.group(1).lower()
    return name[4:] if name.startswith("www.") else name


@lru_cache(maxsize=16384)
def github_repo(url: str) -> str | None:
    """``owner/repo`` of a github.com URL (any path below the repo), else ``None``."""
    name = host(url)
    if name not in {"github.com", "raw.githubusercontent.com"}:
        return None
    path = _SCHEME.sub("", url, count=1).split("/", 1)
    if len(path) < 2:
        return None
    parts = [part for part in _PATH_SPLIT.split(path[1]) if part]
    if len(parts) < 2 or parts[0].lower() in _GITHUB_RESERVED:
        return None
    repo = parts[1][:-4] if parts[1].lower().endswith(".git") else parts[1]
    if not repo or repo.startswith("."):
        return None
    return f"{parts[0]}/{repo}"


@lru_cache(maxsize=16384)
def doi(url_or_text: str) -> str | None:
    """Lower-case DOI from a doi.org URL, a ``/doi/10.…`` path or ``doi:10.…`` text."""
    if "10." not in url_or_text:
        return None
    name = host(url_or_text)
    lowered = url_or_text.lower()
    if name and not (_DOI_HOST.match(name) or "/doi/" in lowered):
        return None
    if not name and "doi" not in lowered:
        return None
    found = _DOI.search(url_or_text)
    if found is None:
        return None
    value = found.group(1).rstrip(".,;)")
    for suffix in (".pdf", "/pdf", "/abstract", "/full"):
        if value.lower().endswith(suffix):
            value = value[: -len(suffix)]
    return value.lower()


def key(url: str) -> str:
    """Comparison key: arXiv id, or scheme-less lower-case host + path without trailing ``/``."""
    arxiv_id = arxiv.from_url(url)
    if arxiv_id:
        return f"arxiv:{arxiv_id}"
    stripped = _SCHEME.sub("", url.strip(), count=1)
    head, _, tail = stripped.partition("/")
    head = head.lower()
    if head.startswith("www."):
        head = head[4:]
    tail = tail.split("#", 1)[0].rstrip("/")
    return f"{head}/{tail}" if tail else head
