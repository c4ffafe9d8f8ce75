"""Citation keys: ``family`` + ``year`` + ``word``, lower-case ASCII, unique within one export.

``kowalski2017mask`` for *Mask R-CNN* by Ann Kowalski (2017); without authors the title's first
significant word stands in front (``mask2017rcnn``). Keys depend only on the work and on the
works before it in the export, so the same input always gives the same keys.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

import regex

from awesomeparse.render.works import Work

# Words a title-word key skips: they start many titles and name nothing.
_STOPWORDS = frozenset(
    "a an the of on in for to with and or via by from at as is are be do does can how what when why "
    "towards toward using into over under beyond between through without within its their our we you "
    "not no new".split()
)
# Letters NFKD does not decompose into an ASCII base letter.
_TRANSLITERATION = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
})
_NOT_KEY = regex.compile(r"[^a-z0-9]++")
_FALLBACK = "paper"
"""The front of a key when neither an author nor the title has an ASCII-writable word."""


def ascii_word(text: str) -> str:
    """``Núñez`` -> ``nunez``, ``R-CNN`` -> ``rcnn``; ``""`` when nothing is left (``何恺明``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    return _NOT_KEY.sub("", decomposed.encode("ascii", "ignore").decode("ascii").lower())


def title_words(title: str | None) -> list[str]:
    """The title's significant words in ASCII, in order."""
    if not title:
        return []
    words = (ascii_word(word) for word in title.split())
    return [word for word in words if word and word not in _STOPWORDS]


def family_name(author: str) -> str:
    """The last word of a written name, in ASCII: ``Laurens van der Maaten`` -> ``maaten``."""
    words = author.split()
    return ascii_word(words[-1]) if words else ""


def base_key(work: Work) -> str:
    words = title_words(work.title)
    family = family_name(work.authors[0]) if work.authors else ""
    if family:
        front, rest = family, words
    elif words:
        front, rest = words[0], words[1:]
    else:
        front, rest = _FALLBACK, []
    year = str(work.year) if work.year is not None else ""
    return front + year + (rest[0] if rest else "")


def _suffix(number: int) -> str:
    """0 -> ``a``, 25 -> ``z``, 26 -> ``aa``: letters as in ``kowalski2019maska``."""
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def citation_keys(works: Sequence[Work]) -> list[str]:
    """One key per work, in order. Works sharing a base key all get a letter, ``a``, ``b``, … in
    export order, skipping any letter that would recreate another work's key."""
    bases = [base_key(work) for work in works]
    counts = Counter(bases)
    taken = {base for base, count in counts.items() if count == 1}
    next_letter: Counter[str] = Counter()
    keys = []
    for base in bases:
        if counts[base] == 1:
            keys.append(base)
            continue
        while True:
            candidate = base + _suffix(next_letter[base])
            next_letter[base] += 1
            if candidate not in taken:
                break
        taken.add(candidate)
        keys.append(candidate)
    return keys
