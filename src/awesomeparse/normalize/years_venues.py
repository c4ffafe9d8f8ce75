"""Years and venues from tags and prose: ``[2017 CVPR]``, ``CVPR 2017``, ``CVPR' 14``, ``…, 2019``."""

from __future__ import annotations

import regex
from attrs import frozen

# Canonical venue -> spellings seen in lists. Matching is case-sensitive for the
# all-caps acronyms (``ICLR``), because lower-case words like ``mm`` or ``tip`` are prose.
_VENUES: dict[str, tuple[str, ...]] = {
    "CVPR": ("CVPR",), "ICCV": ("ICCV",), "ECCV": ("ECCV",), "NeurIPS": ("NeurIPS", "NIPS", "Neurips"),
    "ICLR": ("ICLR",), "ICML": ("ICML",), "AAAI": ("AAAI",), "IJCAI": ("IJCAI",), "BMVC": ("BMVC",),
    "WACV": ("WACV",), "ACCV": ("ACCV",), "MICCAI": ("MICCAI",), "ISBI": ("ISBI",),
    "TPAMI": ("TPAMI", "T-PAMI", "PAMI", "IEEE TPAMI", "IEEE T-PAMI"), "IJCV": ("IJCV",),
    "TIP": ("TIP", "T-IP", "IEEE TIP"), "TMM": ("TMM",), "TCSVT": ("TCSVT",), "TOG": ("TOG",),
    "SIGGRAPH Asia": ("SIGGRAPH Asia",), "SIGGRAPH": ("SIGGRAPH",), "ICRA": ("ICRA",), "IROS": ("IROS",),
    "RSS": ("RSS",), "CoRL": ("CoRL",), "KDD": ("KDD",), "ICASSP": ("ICASSP",), "ICIP": ("ICIP",),
    "ACM MM": ("ACM MM", "ACMMM", "ACM Multimedia"), "3DV": ("3DV",), "ICME": ("ICME",), "ACL": ("ACL",),
    "EMNLP": ("EMNLP",), "NAACL": ("NAACL",), "MIDL": ("MIDL",), "IPMI": ("IPMI",), "TGRS": ("TGRS",),
    "CVPRW": ("CVPRW", "CVPR Workshop", "CVPR workshop"), "ICCVW": ("ICCVW", "ICCV Workshop", "ICCV workshop"),
    "ECCVW": ("ECCVW", "ECCV Workshop", "ECCV workshop"), "TMI": ("TMI", "IEEE TMI"), "JMLR": ("JMLR",),
    "CSUR": ("ACM Computing Surveys (CSUR)", "ACM Computing Surveys", "CSUR"), "arXiv": ("arXiv", "ArXiv", "arxiv"),
    "ICLR Workshop": ("ICLR Workshop",), "CRV": ("CRV",), "DLMIA": ("DLMIA",), "ITSC": ("ITSC",), "IV": ("IV",),
}
_ALIASES = {spelling: canonical for canonical, spellings in _VENUES.items() for spelling in spellings}
_VENUE_ALT = "|".join(regex.escape(spelling) for spelling in sorted(_ALIASES, key=len, reverse=True))
_YEAR4 = r"(?:19[5-9]\d|20[0-4]\d)"
_VENUE_YEAR = regex.compile(
    rf"(?<![\w-])(?P<venue>{_VENUE_ALT})(?:[\s,]*+(?P<year>{_YEAR4})(?!\d)|\s*+['’‘]\s*+(?P<short>\d{{2}})(?!\d))"
)
_YEAR_VENUE = regex.compile(rf"(?<![\w-])(?P<year>{_YEAR4})\s++(?P<venue>{_VENUE_ALT})(?![\w-])")
_VENUE_ONLY = regex.compile(rf"(?<![\w-])(?P<venue>{_VENUE_ALT})(?![\w-])")
_TAG = regex.compile(r"\[\s*+(?P<body>[^\[\]]{1,80}?)\s*+\]")
_TAG_YEAR = regex.compile(rf"(?<!\d)(?P<year>{_YEAR4})(?!\d)|['’]\s*+(?P<short>\d{{2}})(?!\d)")
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_TRAILING_YEAR = regex.compile(rf"(?:^|[,;]\s*+|\s{_MONTHS}\s++|\s)(?P<year>{_YEAR4})\s*+[.)]?\s*+$")


_LATIN_NAME = regex.compile(r"[\p{Latin}\d\s()&.'’-]+")
_YEAR_ONLY = regex.compile(_YEAR4)


@frozen
class YearVenue:
    year: int | None
    venue: str | None
    venue_raw: str | None

    @property
    def empty(self) -> bool:
        return self.year is None and self.venue is None


NOTHING = YearVenue(None, None, None)


def canonical_venue(raw: str) -> str:
    return _ALIASES.get(raw.strip(), raw.strip())


def _short_year(digits: str) -> int:
    value = int(digits)
    return 2000 + value if value < 70 else 1900 + value


def from_tag(body: str) -> YearVenue:
    """Read ``2015 CVPR``, ``2015``, ``CVPR' 14``, ``arXiv 2019`` (a bracket tag's inside)."""
    year_found = _TAG_YEAR.search(body)
    year: int | None = None
    rest = body
    if year_found is not None:
        year = int(year_found.group("year")) if year_found.group("year") else _short_year(year_found.group("short"))
        rest = (body[: year_found.start()] + " " + body[year_found.end() :]).strip(" ,.'’-")
    venue_raw = rest.strip() or None
    if venue_raw is not None and not _looks_like_venue(venue_raw):
        return YearVenue(year, None, None) if year is not None else NOTHING
    venue = canonical_venue(venue_raw) if venue_raw else None
    return YearVenue(year, venue, venue_raw)


def _looks_like_venue(text: str) -> bool:
    """A known venue, or a short Latin-script name (``ACM Computing Surveys (CSUR)``, ``DLMIA``)."""
    if text in _ALIASES:
        return True
    words = text.split()
    return (
        0 < len(words) <= 5
        and (text[0].isupper() or text[0].isdigit())
        and _LATIN_NAME.fullmatch(text) is not None
    )


def leading_tag(text: str) -> tuple[YearVenue, int]:
    """A ``[2015 CVPR]`` tag at the start of ``text`` and where the rest begins (0 when absent)."""
    stripped = len(text) - len(text.lstrip())
    if not text.startswith("[", stripped):
        return NOTHING, 0
    found = _TAG.match(text, stripped)
    if found is None or text.startswith("(", found.end()) or not _TAG_YEAR.search(found.group("body")):
        return NOTHING, 0
    parsed = from_tag(found.group("body"))
    if parsed.empty:
        return NOTHING, 0
    return parsed, found.end()


def find(text: str, *, trailing_year: bool = True) -> YearVenue:
    """The first venue-with-year in prose, else a lone venue in a short text, else a final year."""
    if not any(char.isdigit() for char in text):
        # No year anywhere: only a short text naming a venue alone can say anything.
        if len(text.split()) <= 4:
            alone = _VENUE_ONLY.search(text)
            if alone is not None:
                return YearVenue(None, canonical_venue(alone.group("venue")), alone.group("venue"))
        return NOTHING
    found = _VENUE_YEAR.search(text)
    if found is not None:
        year: int | None = int(found.group("year")) if found.group("year") else _short_year(found.group("short"))
        return YearVenue(year, canonical_venue(found.group("venue")), found.group("venue"))
    found = _YEAR_VENUE.search(text)
    if found is not None:
        return YearVenue(int(found.group("year")), canonical_venue(found.group("venue")), found.group("venue"))
    year = None
    if trailing_year:
        final = _TRAILING_YEAR.search(text)
        if final is not None and not text[: final.start("year")].rstrip().endswith(("-", "–", "~")):
            year = int(final.group("year"))
    if len(text.split()) <= 4:
        alone = _VENUE_ONLY.search(text)
        if alone is not None:
            return YearVenue(year, canonical_venue(alone.group("venue")), alone.group("venue"))
    return YearVenue(year, None, None) if year is not None else NOTHING


def venue_only(text: str) -> str | None:
    """Canonical venue when ``text`` is nothing but a venue name (``+ ICCV``), else ``None``."""
    stripped = text.strip(" :*_`")
    return canonical_venue(stripped) if stripped in _ALIASES else None


def venue_year_only(text: str) -> YearVenue:
    """``CVPR 2021``, ``2021 CVPR``, ``NeurIPS'19`` as a whole heading; NOTHING otherwise."""
    stripped = text.strip(" :*_`")
    if len(stripped.split()) > 3:
        return NOTHING
    found = _VENUE_YEAR.fullmatch(stripped) or _YEAR_VENUE.fullmatch(stripped)
    if found is None:
        return NOTHING
    year = int(found.group("year")) if found.group("year") else _short_year(found.group("short"))
    return YearVenue(year, canonical_venue(found.group("venue")), found.group("venue"))


def year_only(text: str) -> int | None:
    """The year when ``text`` is nothing but a year (``## 2019``), else ``None``."""
    stripped = text.strip(" :*_`")
    if _YEAR_ONLY.fullmatch(stripped):
        return int(stripped)
    return None


_CLOSERS = {")": "(", "]": "[", "）": "（"}
_TAG_MAX = 40


def trailing_tag(title: str) -> tuple[YearVenue, int]:
    """The venue and year closing a title (``Objects as Points (arXiv 2019)``, ``TensorMask: …, ICCV
    2019``) and the offset where the tag starts; ``(NOTHING, len(title))`` when there is none.

    Found by looking back from the end for the bracket or comma, never by a regex search,
    so a long title costs one pass.
    """
    stripped = title.rstrip(" \t,")
    if len(stripped) < 2:
        return NOTHING, len(title)
    opener = _CLOSERS.get(stripped[-1])
    if opener is not None:
        start = stripped.rfind(opener, max(0, len(stripped) - _TAG_MAX - 2))
        body = stripped[start + 1 : -1] if start > 0 else ""
    else:
        start = stripped.rfind(",", max(0, len(stripped) - _TAG_MAX - 1))
        body = stripped[start + 1 :] if start > 0 else ""
    if not body.strip() or any(char in body for char in "()[]（）,"):
        return NOTHING, len(title)
    found = venue_year_only(body)
    if found.year is None or found.venue is None:
        return NOTHING, len(title)
    return found, start
