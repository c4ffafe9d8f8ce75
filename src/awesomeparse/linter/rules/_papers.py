"""Whether two names or titles name different papers: shared by the duplicate and mismatch rules.

A method name is the ``Name`` of ``Name: Subtitle`` (``SegNet``), or a whole title that is only a
name (``Mask R-CNN``). Two names are one work when they are spelled alike (``UNet``/``U-Net``),
differ only by a version (``DeepLab``/``DeepLab V2``, ``YOLOv2``/``YOLO9000``), or one abbreviates
the other (``MS R-CNN``/``Mask Scoring R-CNN``). A ``+`` makes a new work (``YOLACT++``).
"""

from __future__ import annotations

import regex

from awesomeparse.model import Entry
from awesomeparse.normalize import titles

_METHOD_CHARS = regex.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*+(?: [A-Za-z0-9][A-Za-z0-9.+-]*+){0,2}")
# A word only a method name has: a capital inside (``SegNet``), a digit, or two capitals (``FCN``).
_NAME_WORD = regex.compile(r"\w\p{Lu}|\d|\p{Lu}{2}")
_VERSION_TAIL = regex.compile(r"(?:v\d+(?:\.\d+)*+|(?<![\dv])(?<!\d\.)\d+(?:\.\d+)*+|ii|iii|iv)$")
_WORD = regex.compile(r"[^\W_]+")


def looks_like_method(name: str) -> bool:
    """One method's name: at most three plain words, one of them shaped like a name."""
    return bool(_METHOD_CHARS.fullmatch(name)) and any(_NAME_WORD.search(word) for word in name.split())


def method_name(title: str) -> str | None:
    """The name a title gives its method (``SegNet`` of ``SegNet: A Deep …``), or the title itself
    when it is only a name."""
    short = titles.short_name(title)
    if short is not None and looks_like_method(short):
        return short
    return title if looks_like_method(title) else None


def same_work(left: str, right: str) -> bool:
    """Two method names that name one work (or versions of it)."""
    left_key, right_key = _compact(left), _compact(right)
    if left_key == right_key:
        return True
    if left_key.count("+") != right_key.count("+"):
        return False
    if _family(left_key) == _family(right_key):
        return True
    return _abbreviates(left, right) or _abbreviates(right, left)


def name_fits_title(name: str, title: str) -> bool:
    """Whether a bare method name can be the name of a full title that does not state its own
    name: they share a word's first three letters (``DeepLab``/``… deep convolutional …``), or
    the name's capitals are initials of the title's words, in order (``PSPNet``/``Pyramid Scene
    Parsing Network``). ``Mask R-CNN`` does not fit ``Rich feature hierarchies …``."""
    title_words = [word.casefold() for word in _WORD.findall(title)]
    prefixes = {word[:3] for word in title_words if len(word) >= 3}
    name_words = [word.casefold() for word in _WORD.findall(name)]
    if any(word[:3] in prefixes for word in name_words if len(word) >= 3):
        return True
    capitals = [char.casefold() for char in name if char.isupper()]
    initials = iter(word[0] for word in title_words)
    return bool(capitals) and all(any(char == initial for initial in initials) for char in capitals)


def names_other_work(first: Entry, other: Entry) -> bool:
    """Whether two entries' titles name different papers (so one shared id must be wrong)."""
    if not first.title or not other.title:
        return False
    first_name, other_name = method_name(first.title), method_name(other.title)
    if first_name is not None and other_name is not None:
        return not same_work(first_name, other_name)
    # A bare name beside a full title that states no name: the name must fit the title.
    for name, title, bare in ((first_name, other.title, first.title), (other_name, first.title, other.title)):
        if name is not None and name == bare and len(title.split()) >= 4 and method_name(title) is None:
            return not name_fits_title(name, title)
    return False


def _compact(name: str) -> str:
    return titles.match_key(name).replace(" ", "")


def _family(key: str) -> str:
    return _VERSION_TAIL.sub("", key.rstrip("+")) or key


def _abbreviates(short: str, long: str) -> bool:
    """``MS R-CNN`` abbreviates ``Mask Scoring R-CNN``: each word is the next word, or the
    initials of the next words."""
    words = [word.casefold() for word in long.split()]
    position = 0
    for word in (item.casefold() for item in short.split()):
        if position < len(words) and words[position] == word:
            position += 1
        elif word.isalpha() and "".join(item[:1] for item in words[position : position + len(word)]) == word:
            position += len(word)
        else:
            return False
    return position == len(words) and len(short.split()) <= len(words)
