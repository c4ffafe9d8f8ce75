"""Citation-shaped text: ``Authors, Title, Venue, Year`` and ``Title Author, Author 2017``."""

from __future__ import annotations

import regex
from attrs import frozen

from awesomeparse.normalize import arxiv, people, years_venues

_QUOTED = regex.compile(r"[\"“]([^\"”]{8,300})[\"”]")
_SEGMENTS = regex.compile(r",\s*+")
_AND = regex.compile(r"(?:^|\s++)and\s++")
# ``(?<!\s)``: a search restarting inside a run of blanks would rescan the run from every position.
_YEAR_AT_END = regex.compile(r"(?<!\s)\s*+((?:19|20)\d\d)\s*+\.?\s*+$")


_YEAR = regex.compile(r"(?:19|20)\d\d")
_ARXIV_VENUE = regex.compile(r"arXiv:\S+", regex.I)


@frozen
class Citation:
    title: str | None
    authors: tuple[str, ...]
    year: int | None
    venue: str | None
    venue_raw: str | None
    arxiv_ids: tuple[str, ...]


def parse(text: str) -> Citation | None:
    """Read a citation when ``text`` starts with at least one author name, else ``None``."""
    text = text.strip().rstrip(".")
    arxiv_ids = tuple(arxiv.from_text(text))
    quoted = _QUOTED.search(text)
    if quoted is not None:
        head = text[: quoted.start()].strip(" ,:")
        # A quoted title marks a citation even when names are lower-cased or initialled
        # (``camille couprie``, ``B.S. Manjunath``): everything before it is the author list.
        authors = _authors(head) or _loose_authors(head)
        if not authors:
            return None
        tail = text[quoted.end() :]
        found = years_venues.find(tail)
        return Citation(quoted.group(1).strip(" ,."), authors, found.year, found.venue, found.venue_raw, arxiv_ids)
    segments = [segment.strip() for segment in _SEGMENTS.split(text) if segment.strip()]
    authors_list: list[str] = []
    position = 0
    while position < len(segments):
        names = [name.strip() for name in _AND.split(segments[position]) if name.strip()]
        if names and all(people.is_name(name) for name in names):
            authors_list.extend(names)
            position += 1
        else:
            break
    if not authors_list or (position == len(segments) and len(authors_list) < 2):
        return None
    rest = segments[position:]
    year: int | None = None
    venue = venue_raw = None
    while rest:
        last = rest[-1]
        if _YEAR.fullmatch(last):
            year = year or int(last)
        elif arxiv.from_text(last) or _ARXIV_VENUE.fullmatch(last):
            venue, venue_raw = venue or "arXiv", venue_raw or "arXiv"
        elif years_venues.venue_only(last):
            venue, venue_raw = years_venues.venue_only(last), last
        else:
            found = years_venues.find(last, trailing_year=False)
            if found.venue is not None and len(last.split()) <= 4:
                venue, venue_raw = found.venue, found.venue_raw
                year = year or found.year
            elif people.is_org(last) and len(rest) > 1:
                pass
            else:
                break
        rest.pop()
    title = ", ".join(rest).strip(" .") or None
    if title is not None and people.is_org(title):
        title = None
    return Citation(title, tuple(authors_list), year, venue, venue_raw, arxiv_ids)


def _loose_authors(head: str) -> tuple[str, ...]:
    names = [name.strip() for part in _SEGMENTS.split(head) for name in _AND.split(part) if name.strip()]
    if not names or len(names) > 30 or any(len(name.split()) > 4 or not name[0].isalpha() for name in names):
        return ()
    return tuple(names)


def _authors(head: str) -> tuple[str, ...]:
    names = [name.strip() for part in _SEGMENTS.split(head) for name in _AND.split(part) if name.strip()]
    if names and all(people.is_name(name) for name in names):
        return tuple(names)
    return ()


def split_trailing_people(text: str) -> tuple[str, tuple[str, ...], int | None]:
    """``Title First Author, Second Author, … 2017`` -> (title, authors, year).

    The first author's name is glued to the title by a space; it is found by trying the
    last two or three words of the first comma segment. Returns the text unchanged
    (with no authors) when the tail is not plainly a name list.
    """
    year_found = _YEAR_AT_END.search(text)
    year = int(year_found.group(1)) if year_found else None
    body = text[: year_found.start()] if year_found else text
    segments = [segment.strip() for segment in _SEGMENTS.split(body)]
    if len(segments) >= 2 and all(people.is_name(segment) for segment in segments[1:]):
        words = segments[0].split()
        for size in (2, 3):
            if len(words) > size + 2 and people.is_name(" ".join(words[-size:])):
                title = " ".join(words[:-size])
                return title, (" ".join(words[-size:]), *segments[1:]), year
    return text, (), None


# A full stop ends a sentence unless it closes an initial (``Alexei A. Efros``) or a title word
# (``Prof. Nando de Freitas``).
_SENTENCE_BREAK = regex.compile(
    r"(?<!\b[A-Z]|\b(?:Prof|Dr|Mr|Mrs|Ms|St|vs|al|etc|Fig|No|Vol|Jr|Sr|Univ|Dept|Inc|Ltd))\.\s++(?=[A-Z\"“]|In\s|arXiv|\d)"
)
_LEADING_QUOTED = regex.compile(r"\s*+[\"“](?P<title>[^\"”]{8,300}+)[\"”][\s,.]*+")
_IN_VENUE = regex.compile(r"^(?:In\s++(?:Proc(?:eedings|\.)?\s++(?:of\s++)?)?)", regex.I)


def parse_title_first(text: str) -> Citation | None:
    """``Title. Authors. Venue Year. arXiv:ID`` or ``"Title", Authors, Venue Year``: the title first,
    then sentences (or comma parts after a quoted title) that are authors, venue and year, or ids.

    ``None`` unless something after the title is plainly a citation part, so a title with a full
    stop inside it stays whole.
    """
    text = text.strip()
    quoted = _LEADING_QUOTED.match(text)
    if quoted is not None:
        title, parts = quoted.group("title").strip(" ,."), _SEGMENTS.split(text[quoted.end() :])
    else:
        sentences = _SENTENCE_BREAK.split(text)
        if len(sentences) < 2:
            return None
        title, parts = sentences[0].strip(), sentences[1:]
    if len(title.split()) < 2:
        return None
    authors: list[str] = []
    year: int | None = None
    venue = venue_raw = None
    ids = arxiv.from_text(text)
    recognized = 0
    for part in (part.strip(" .,") for part in parts):
        if not part:
            continue
        names = _authors(part) if quoted is None else (_authors(part) if people.is_name(part) else ())
        found = years_venues.find(_IN_VENUE.sub("", part))
        if names and found.empty:
            authors.extend(names)
            recognized += 1
        elif not found.empty or arxiv.from_text(part) or _ARXIV_VENUE.fullmatch(part):
            year, venue, venue_raw = year or found.year, venue or found.venue, venue_raw or found.venue_raw
            recognized += 1
        elif quoted is None:
            return None  # a sentence that is none of these: the title has a full stop of its own
    if not recognized:
        return None
    return Citation(title, tuple(authors), year, venue, venue_raw, tuple(ids))
