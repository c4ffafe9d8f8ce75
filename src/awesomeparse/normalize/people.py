"""Authors and affiliations from intro lines and citations, when they are plainly a name list."""

from __future__ import annotations

import regex
from attrs import frozen

# No split starts inside a run of blanks: a start there fails like the blank before it did, after
# rescanning the rest of the run (quadratic). ``(?:(?<!\s)|(?!\s))`` skips just those starts.
_SPLIT = regex.compile(r"(?:(?<!\s)|(?!\s))\s*+(?:,|;|\band\b|&)\s*+")
_NAME_WORD = r"(?:[A-Z][\p{Ll}'’-]*+\.?|[A-Z]\.|[A-Z][\p{L}'’-]++)"
_PARTICLE = r"(?:van|von|der|de|da|del|di|le|la|bin|dos)"
_LATIN_NAME = regex.compile(rf"{_NAME_WORD}(?:\s++(?:{_PARTICLE}\s++)*+{_NAME_WORD}){{1,3}}")
_CJK_NAME = regex.compile(r"\p{Han}{2,4}")
_ORG_WORDS = regex.compile(
    r"\b(?:Univ|University|Institute|Inst|Lab|Labs|Laboratory|Research|Inc|Corp|College|School|Academy|"
    r"Center|Centre|Group|Technologies|Technology|Ltd|Company|AI|Google|Facebook|Microsoft|Baidu|Alibaba|Tencent|"
    r"SenseTime|Megvii|Huawei|Amazon|Apple|NVIDIA|Adobe|Intel|Samsung|Uber|DeepMind|OpenAI|Meta)\b"
)
_ACRONYM = regex.compile(r"[A-Z][A-Z0-9&-]{1,9}")
# ``CVPR 2019. Example University``: the venue sentence before the organizations.
_VENUE_PREFIX = regex.compile(r"^[A-Z][\w-]*+\s++(?:19|20)\d\d[.,;]?\s*+")
_SHORT_PROPER = regex.compile(r"[A-Z][\w-]*+(?:\s++[A-Z][\w-]*+){0,2}")
_ORG_SPLIT = regex.compile(r"(?:(?<!\s)|(?!\s))\s*+(?:&|;|,|/)\s*+")
# ``CVPR 2021`` / ``ICCV'19`` closing an author list is the venue, not a person.
_VENUE_YEAR_ITEM = regex.compile(r"[A-Z][\w-]*+\s*+['’]?\s*+(?:19|20)?\d\d\.?")
_YEAR = regex.compile(r"(?:19|20)\d\d\.?")


@frozen
class People:
    authors: tuple[str, ...]
    affiliations: tuple[str, ...]


# Words that capitalized titles use and personal names do not: ``Very Deep Convolutional Networks``.
_TITLE_WORDS = frozenset(
    "deep learning network networks convolutional neural image images segmentation detection object objects "
    "semantic visual recognition model models real-time fast efficient towards unsupervised supervised dataset "
    "attention transformer transformers generative adversarial scene video vision residual dense feature "
    "features fully instance panoptic survey review single shot multi scale pyramid".split()
)


def is_name(text: str) -> bool:
    text = text.strip()
    if _ORG_WORDS.search(text) or any(word.lower() in _TITLE_WORDS for word in text.split()):
        return False
    return _LATIN_NAME.fullmatch(text) is not None or _CJK_NAME.fullmatch(text) is not None


def is_org(text: str) -> bool:
    text = text.strip()
    return bool(_ORG_WORDS.search(text)) or _ACRONYM.fullmatch(text) is not None


def parse(text: str) -> People | None:
    """Authors (and trailing affiliations) when ``text`` is a comma list of names, else ``None``.

    ``Kaiming He, Georgia Gkioxari, Piotr Dollar, Ross Girshick, FAIR, 2018`` gives four
    authors and ``FAIR``; an intro that is a sentence gives ``None``.
    """
    items = [item.strip(" .") for item in _SPLIT.split(text.strip()) if item.strip(" .")]
    items = [
        item for item in items
        if not _YEAR.fullmatch(item) and not _VENUE_YEAR_ITEM.fullmatch(item) and item.lower() != "et al"
    ]
    if len(items) < 2:
        return None
    authors: list[str] = []
    affiliations: list[str] = []
    for item in items:
        if not affiliations and is_name(item):
            authors.append(item)
        elif is_org(item):
            affiliations.append(item)
        else:
            return None
    if len(authors) < 2:
        return None
    return People(tuple(authors), tuple(affiliations))


def affiliations_only(text: str) -> tuple[str, ...]:
    """``Nankai University & University of Oxford & NUS`` -> the three organizations, else ()."""
    text = _VENUE_PREFIX.sub("", text.strip())
    items = [item.strip(" .") for item in _ORG_SPLIT.split(text) if item.strip(" .")]
    orgs = [item for item in items if is_org(item)]
    # ``Preferred Networks & Indiana University``: one known organization vouches for a
    # short capitalized companion.
    if not orgs or not all(item in orgs or _SHORT_PROPER.fullmatch(item) for item in items):
        return ()
    return tuple(items)
