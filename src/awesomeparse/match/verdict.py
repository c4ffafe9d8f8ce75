"""Pairwise verdicts by an evidence ladder, strongest evidence first; every decision says why."""

from __future__ import annotations

from collections import Counter

from awesomeparse.graph import Decision, Status
from awesomeparse.match.records import Record
from awesomeparse.match.scoring import title_score

DEFAULT_THRESHOLD = 90.0
RELATED_MARGIN = 15.0
_TYPO_SCORE = 80.0


def decide(left: Record, right: Record, threshold: float = DEFAULT_THRESHOLD) -> Decision:
    """Same paper, different papers, or related works (versions of one method, never merged)."""
    if left.arxiv and right.arxiv:
        if left.arxiv == right.arxiv:
            return Decision("same", "same-arxiv", 100.0, left.arxiv)
        score = _score(left, right)
        status: Status = (
            "related" if score >= threshold - RELATED_MARGIN or (left.key and left.key == right.key) else "different"
        )
        return Decision(status, "different-arxiv", score, f"{left.arxiv} vs {right.arxiv}")
    if left.doi and right.doi:
        if left.doi == right.doi:
            return Decision("same", "same-doi", 100.0, left.doi)
        return Decision("different", "different-doi", _score(left, right), f"{left.doi} vs {right.doi}")
    shared_urls = left.paper_urls & right.paper_urls
    if shared_urls:
        return Decision("same", "same-url", 100.0, min(shared_urls))
    if not left.key or not right.key:
        return Decision("different", "no-title", 0.0)
    if left.key != right.key and left.compact == right.compact:
        # ``Real-time`` / ``Realtime``, ``RAFT-3D`` / ``RAFT3D``: the same words, glued or split.
        return _with_years(left, right, Decision("same", "title", 100.0, "same letters, spaced differently"))
    if left.key in right.aliases or right.key in left.aliases:
        # A list named the other title as this paper's alias (``## DeepLab V1`` over its full title):
        # the alias carries its own version, so the version guard compares nothing here.
        return _with_years(left, right, Decision("same", "alias", 100.0, left.key if left.key in right.aliases
                                                 else right.key))
    if left.versions != right.versions:
        score = _score(left, right)
        version_status: Status = "related" if score >= threshold - RELATED_MARGIN else "different"
        detail = f"{sorted(left.versions)} vs {sorted(right.versions)}"
        return Decision(version_status, "version-mismatch", score, detail)
    if left.short or right.short:
        if left.key == right.key:
            return _with_years(left, right, Decision("same", "title-exact", 100.0))
        return Decision("different", "short-title-differs", _score(left, right))
    score = _score(left, right)
    if score < threshold:
        return Decision("different", "title-below-threshold", score)
    left_extra, right_extra = _extra_words(left.key, right.key)
    if (_own_name(left, left_extra) and not right_extra) or (_own_name(right, right_extra) and not left_extra):
        # ``VisTR: End-to-End …`` beside ``End-to-End …``: one list wrote the method name too.
        return _with_years(left, right, Decision("same", "title", score, "one title adds its own name"))
    if left_extra and right_extra and not _typos(left_extra, right_extra):
        # ``Recurrent Fully Convolutional …`` vs ``Convolutional Gated Recurrent …``: each title
        # has a word the other lacks, and not a misspelling of it: two works.
        detail = f"{' '.join(left_extra)} vs {' '.join(right_extra)}"
        return Decision("different", "different-words", score, detail)
    extension = _extension(left.key, right.key)
    added = left_extra or right_extra
    if not extension and not (left_extra and right_extra) and (len(added) >= 3 or len(set(added)) < len(added)):
        # ``Video Mask Transfiner … Video Instance …``: words added, one of them twice.
        extension = "added words: " + " ".join(added)
    if extension:
        return Decision("related", "extended-title", score, extension)
    return _with_years(left, right, Decision("same", "title", score))


_EXTENDING_WORDS = frozenset({"and", "with", "via", "using", "for", "in", "on", "under", "from", "beyond", "towards"})
_ARTICLES = frozenset({"a", "an", "the"})


_STOPWORDS = frozenset({"a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "by", "via", "from", "at"})


def _extra_words(left: str, right: str) -> tuple[list[str], list[str]]:
    """Content words each title has beyond the other (counted, so ``video … video`` is two)."""
    left_counts = Counter(word for word in left.split() if word not in _STOPWORDS)
    right_counts = Counter(word for word in right.split() if word not in _STOPWORDS)
    return sorted((left_counts - right_counts).elements()), sorted((right_counts - left_counts).elements())


def _own_name(record: Record, extra: list[str]) -> bool:
    return bool(extra) and " ".join(extra) in record.aliases


def _typos(left: list[str], right: list[str]) -> bool:
    """Every differing word has a close spelling on the other side (``segmention``/``segmentation``),
    or the differing words are the same letters split differently (``multisource``/``multi source``)."""
    if "".join(left) == "".join(right):
        return True
    return all(any(title_score(word, other) >= _TYPO_SCORE for other in right) for word in left) and all(
        any(title_score(word, other) >= _TYPO_SCORE for other in left) for word in right
    )


def _extension(left: str, right: str) -> str:
    """A title that is another plus a leading modifier (``Dynamic`` Feature Pyramid Networks …)
    or a trailing clause (… Shadow Detection ``and Removal``) names a different, related work."""
    shorter, longer = sorted((left.split(), right.split()), key=len)
    extra = len(longer) - len(shorter)
    if extra == 0:
        return ""
    if longer[extra:] == shorter and any(word not in _ARTICLES for word in longer[:extra]):
        return "leading words: " + " ".join(longer[:extra])
    if longer[: len(shorter)] == shorter and longer[len(shorter)] in _EXTENDING_WORDS:
        return "trailing words: " + " ".join(longer[len(shorter) :])
    return ""


def _with_years(left: Record, right: Record, decision: Decision) -> Decision:
    """A title match across stated years more than one apart is a different edition, at most related."""
    if left.year is not None and right.year is not None and abs(left.year - right.year) > 1:
        return Decision("related", "year-mismatch", decision.score, f"{left.year} vs {right.year}")
    return decision


def _score(left: Record, right: Record) -> float:
    if not left.key or not right.key:
        return 0.0
    return title_score(left.sorted_key, right.sorted_key)
