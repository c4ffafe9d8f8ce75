"""Unicode and whitespace cleanup that is safe for titles and labels."""

from __future__ import annotations

import unicodedata

import regex

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Compatibility characters that NFKC should fold in Latin text: ligatures (ﬁ, ﬂ),
# fullwidth ASCII letters and digits, and odd spaces. CJK punctuation is kept as
# written, because Chinese titles and headings use it on purpose.
_FOLDABLE = regex.compile(r"[\ufb00-\ufb4f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u00a0\u2000-\u200a\u2024-\u2026]")
_FULLWIDTH_PUNCT = str.maketrans({"：": ":", "（": "(", "）": ")", "，": ",", "；": ";", "［": "[", "］": "]"})


def fold_compat(text: str) -> str:
    """NFKC for ligatures, fullwidth ASCII and odd spaces only."""
    if not _FOLDABLE.search(text):
        return text
    return _FOLDABLE.sub(lambda found: unicodedata.normalize("NFKC", found.group()), text)


def fold_punctuation(text: str) -> str:
    """Fullwidth colon, parentheses, comma, semicolon and brackets to ASCII (for labels)."""
    return text.translate(_FULLWIDTH_PUNCT)


def squash(text: str) -> str:
    """Collapse runs of whitespace (Unicode spaces included) to one space and strip the ends."""
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    return " ".join(text.split())


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None
