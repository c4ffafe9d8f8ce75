"""Inline tokens -> Link records: URL repair, labels from bullets or link words, frameworks."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import regex

from awesomeparse.model import Link
from awesomeparse.normalize import arxiv, labels, urls
from awesomeparse.spans import Span
from awesomeparse.tokens.token import Token

URL_TYPES = frozenset({"link", "autolink", "url", "bracket_url"})
PAPER_LABELS = frozenset({"paper", "arxiv", "openreview"})
"""Labels under which a link is the paper itself, not its code, slides or notes."""
MAX_FIELD_ITEMS = 8
"""Untitled field items one paper may have (``- Paper:``, ``- Code:``…) before they read as a topic's list."""
_WORD_BREAK = regex.compile(r"[\s\-_:]+")
_QUALIFIERS = frozenset({"official", "unofficial", "version", "code", "page", "link", "full", "online", "the"})
_TAG_WORD = regex.compile(r"[A-Z]{2,}\d*|\d+|[vV]\d+|[A-Za-z]{2,}\d{2,4}")


def link_word(text: str) -> str:
    """``[`[pdf]`]`` -> ``pdf``: the words of a link text without brackets, backticks and stars."""
    stripped = text.strip(" \t[]`*:")
    if any(char in stripped for char in "[]`*"):
        return text.strip()
    return stripped


def word_label(text: str) -> labels.Label | None:
    """A label when a link text is a label word (``[pdf]``, ``[Paper-CVPR14]``, ``[Tensorflow Code]``).

    Every word must be a label, a framework, a qualifier (``official``, ``version``) or a
    venue/number tag; ``[Model-Contrastive Federated Learning]`` is a title, not a label.
    """
    word = link_word(text)
    if not word or len(word) > 40:
        return None
    parsed = labels.parse(word)
    if parsed.canonical is not None:
        return parsed
    parts = [part for part in _WORD_BREAK.split(word) if part]
    if not parts or len(parts) > 5:
        return None
    canonical: str | None = None
    for part in parts:
        lowered = part.lower()
        named = labels.LABELS.get(lowered)
        if named is not None:
            canonical = canonical or named
        elif not (lowered in _QUALIFIERS or labels.frameworks_in(part, strict=True) or _TAG_WORD.fullmatch(part)):
            return None
    if canonical is None:
        if not labels.frameworks_in(word):
            return None
        canonical = "code"  # ``[Tensorflow]`` names an implementation
    return labels.Label(
        raw=word, name=word.lower(), canonical=canonical, framework="/".join(labels.frameworks_in(word)) or None,
        official=labels.official_in(word), note=None,
    )


def blank_out(text: str, start: int, end: int, spans: Iterable[Span]) -> str:
    """``text[start:end]`` with each span replaced by as many spaces (offsets stay aligned)."""
    pieces = []
    cursor = start
    for span in spans:
        left, right = max(span.start, cursor), min(span.end, end)
        if right <= left:
            continue
        pieces.append(text[cursor:left])
        pieces.append(" " * (right - left))
        cursor = right
    pieces.append(text[cursor:end])
    return "".join(pieces)


def build(
    children: Iterable[Token],
    text: str,
    *,
    label: labels.Label | None = None,
    skip: Token | None = None,
) -> list[Link]:
    """Links of the URL-bearing tokens in ``children``; ``label`` (a bullet's) applies to all."""
    found: list[Link] = []
    seen: set[tuple[str, int]] = set()
    for token in children:
        if token.type not in URL_TYPES or token is skip or token.target is None:
            continue
        url_raw = token.target.slice(text)
        url = urls.repair(url_raw)
        if not url or (seen and (url, token.line) in seen):
            continue
        seen.add((url, token.line))
        link_text = token.text.strip() if token.type == "link" and token.text.strip() != url_raw.strip() else None
        if link_text is not None and urls.repair(link_word(link_text)) == url:
            link_text = None
        found.append(make(url, url_raw, token, link_text, label, text))
    return found


def make(
    url: str, url_raw: str, token: Token, link_text: str | None, label: labels.Label | None, text: str = ""
) -> Link:
    """One link record; ``text`` (the source) lets a link wrapped over lines report its URL's line."""
    assert token.target is not None
    inside = token.span.start <= token.target.start < token.span.end
    # A reference link's target is its definition, elsewhere in the list: the link stays on its line.
    line = token.line + text.count("\n", token.span.start, token.target.start) if text and inside else token.line
    framework = official = note = None
    label_name: str | None = None
    label_raw: str | None = None
    if label is not None:
        label_name = label.canonical or label.name or None
        label_raw = label.raw
        framework, official, note = label.framework, label.official, label.note
    elif link_text is not None:
        from_word = word_label(link_text)
        if from_word is not None:
            label_name, label_raw = from_word.canonical, link_text
            framework, official = from_word.framework, from_word.official
    if label_name is None:
        label_name = labels.host_label(url)
    return Link(
        url=url, url_raw=url_raw, label=label_name, label_raw=label_raw, framework=framework, official=official,
        line=line, span=token.target, text=link_text, note=note,
    )


_TRAILING_FRAMEWORK = regex.compile(r"\s*+[-–—:]?\s*+[(\[]\s*+(?P<name>[^()\[\]]{1,40}?)\s*+[)\]]")
# For a search: a start inside a run of blanks fails exactly as the run's first blank did, and
# trying every one of them is quadratic in the run (blanked-out URLs make long runs).
_FRAMEWORK_ANYWHERE = regex.compile(r"(?<!\s)" + _TRAILING_FRAMEWORK.pattern)


def without_frameworks(text: str) -> str:
    """``text`` with every ``(Keras)`` / ``[MxNet]`` that names frameworks removed."""
    return _FRAMEWORK_ANYWHERE.sub(
        lambda found: " " if labels.frameworks_in(found.group("name")) else found.group(), text
    )


def is_paper_link(label: str | None, url: str) -> bool:
    """The link is the paper: a paper-like label, or an arXiv page whatever its label."""
    return label in PAPER_LABELS or arxiv.from_url(url) is not None


def with_trailing_frameworks(found: list[Link], children: Iterable[Token], text: str, end: int) -> list[Link]:
    """``https://github.com/x/y (Keras)`` / ``… [MxNet]``: the framework written after each URL."""
    from attrs import evolve

    url_tokens = [token for token in children if token.type in URL_TYPES and token.target is not None]
    # Looked up, not searched per link: a line with thousands of links would be quadratic.
    by_target: dict[Span | None, Token] = {}
    for item in url_tokens:
        by_target.setdefault(item.target, item)
    starts = [item.span.start for item in url_tokens]  # in source order, as inline tokens are
    result = []
    for link in found:
        token = by_target.get(link.span)
        if token is not None and link.framework is None:
            after = bisect_left(starts, token.span.end)
            following = starts[after] if after < len(starts) else end
            tail = _TRAILING_FRAMEWORK.match(text, token.span.end, following)
            if tail is not None:
                names = labels.frameworks_in(tail.group("name"))
                if names:
                    official = labels.official_in(tail.group("name"))
                    result.append(evolve(link, framework="/".join(names), official=official))
                    continue
        result.append(link)
    return result
