"""Extraction state: mutable entry drafts and the cursor the dialects share."""

from __future__ import annotations

from attrs import define, field

from awesomeparse.extract.sections import SectionTracker
from awesomeparse.model import Link
from awesomeparse.normalize import people, titles, years_venues
from awesomeparse.source import Source
from awesomeparse.tokens.token import Token


@define(eq=False)
class Draft:
    """An entry under construction; ``finalize`` freezes it into a model ``Entry``."""

    line: int
    dialect: str
    section: tuple[str, ...]
    end_line: int = 0
    title_raw: str | None = None
    title: str | None = None
    aliases: list[str] = field(factory=list)
    year: int | None = None
    venue: str | None = None
    venue_raw: str | None = None
    authors: list[str] = field(factory=list)
    affiliations: list[str] = field(factory=list)
    links: list[Link] = field(factory=list)
    notes: list[str] = field(factory=list)
    text_arxiv: list[str] = field(factory=list)
    kind_hint: str | None = None
    indent: int = 0
    heading_line: int = 0
    orphan: bool = False
    absorbed: bool = False
    """Set when a heading entry took this untitled item's links; finalize skips it."""
    _alias_set: set[str] = field(factory=set, init=False, repr=False)
    """``aliases`` as a set: a heading naming thousands of things would make membership quadratic."""

    def __attrs_post_init__(self) -> None:
        self.end_line = max(self.end_line, self.line)

    def set_title(self, raw: str | None) -> None:
        self.title_raw = raw.strip() if raw is not None else None
        self.title = titles.clean(raw) if raw is not None else None
        if self.title:
            short = titles.short_name(self.title)
            if short:
                self.add_alias(short)

    def add_alias(self, alias: str) -> None:
        alias = alias.strip(" :：")
        if alias and alias not in self._alias_set and alias != self.title:
            self.aliases.append(alias)
            self._alias_set.add(alias)

    def add_links(self, links: list[Link]) -> None:
        for link in links:
            self.links.append(link)
            self.touch(link.line)

    def touch(self, line: int) -> None:
        self.end_line = max(self.end_line, line)

    def take_year_venue(self, found: years_venues.YearVenue) -> None:
        """Keep the first year and venue stated; later statements do not override."""
        if self.year is None and found.year is not None:
            self.year = found.year
        if self.venue is None and found.venue is not None:
            self.venue, self.venue_raw = found.venue, found.venue_raw

    def take_people(self, text: str) -> bool:
        found = people.parse(text)
        if found is None:
            return False
        # Repeats are kept here and dropped, first one winning, when the entry is frozen:
        # checking each name against the list would be quadratic in a long author list.
        self.authors.extend(found.authors)
        self.affiliations.extend(found.affiliations)
        return True


@define
class HeadingCandidate:
    """A heading that may itself be an entry (one heading per paper or dataset)."""

    token: Token
    parent: tuple[str, ...]
    has_rule: bool = False
    has_child_heading: bool = False
    titled: list[Draft] = field(factory=list)
    orphans: list[Draft] = field(factory=list)
    notes: list[str] = field(factory=list)


@define
class Extractor:
    """The cursor over block tokens; dialect modules read and update it."""

    source: Source
    tokens: tuple[Token, ...]
    sections: SectionTracker = field(factory=SectionTracker)
    drafts: list[Draft] = field(factory=list)
    current: Draft | None = None
    """The entry that field bullets and implementation lines attach to."""
    group: list[Draft] = field(factory=list)
    """Stacked bold titles sharing one bullet block (``YOLACT`` / ``YOLACT++``)."""
    mode: str | None = None
    candidates: list[HeadingCandidate] = field(factory=list)
    last_bullet_line: int = 0
    last_line_type: str = ""
    position: int = 0

    @property
    def text(self) -> str:
        return self.source.text

    def new_draft(self, line: int, dialect: str, *, indent: int = 0) -> Draft:
        draft = Draft(line=line, dialect=dialect, section=self.sections.path(), indent=indent,
                      heading_line=self.sections.current_heading_line())
        self.drafts.append(draft)
        candidate = self.candidates[-1] if self.candidates else None
        if candidate is not None:
            candidate.titled.append(draft)
        return draft

    def new_orphan(self, line: int, dialect: str, *, indent: int = 0) -> Draft:
        """An untitled link item; a heading entry may absorb it when its section closes."""
        draft = Draft(line=line, dialect=dialect, section=self.sections.path(), indent=indent,
                      heading_line=self.sections.current_heading_line(), orphan=True)
        self.drafts.append(draft)
        if self.candidates:
            self.candidates[-1].orphans.append(draft)
        return draft

    def next_content(self, offset: int = 1) -> Token | None:
        """The next non-blank block token after the current one."""
        index = self.position + offset
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.type != "blank":
                return token
            index += 1
        return None

    def reset(self) -> None:
        self.current = None
        self.group = []
        self.mode = None
