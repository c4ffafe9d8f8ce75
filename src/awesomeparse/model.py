"""Public data types: frozen, slotted attrs classes and their JSON form.

Immutable; build new values with ``attrs.evolve``. Every normalized value keeps the
raw text it came from beside it (``url``/``url_raw``, ``title``/``title_raw``, …) so
lint, fixes and provenance can point back at the source.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal, cast

from attrs import field, frozen
from attrs.validators import in_, instance_of, optional

from awesomeparse.errors import SchemaError
from awesomeparse.spans import Span

DOCUMENT_SCHEMA = "awesomeparse.document/1"

Kind = Literal["paper", "repo", "dataset", "resource", "person", "mention"]
KINDS: tuple[Kind, ...] = ("paper", "repo", "dataset", "resource", "person", "mention")


def _strings(value: Iterable[Any]) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return value  # already what the model holds: the common case, on every entry
    return tuple(str(item) for item in value)


def _links(value: Iterable[Link]) -> tuple[Link, ...]:
    return tuple(value)


def _entries(value: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(value)


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(value)


def _pairs(value: Iterable[tuple[Any, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(key), str(item)) for key, item in value)


def _positive(_instance: object, _attribute: object, value: int) -> None:
    if value < 1:
        raise ValueError(f"line numbers are 1-based, got {value}")


@frozen
class Link:
    """One URL attached to an entry, with its label as written and as normalized."""

    url: str
    """The repaired URL (stray ``<``/``>`` and bracket damage removed; never percent-encoded)."""
    url_raw: str
    """The URL text exactly as it stands in the source."""
    label: str | None
    """Canonical label (``arxiv``, ``github``, ``paper``…), inferred from the host when none was written."""
    label_raw: str | None
    """The label as written (``arixv``, ``github(Pytorch)``, ``[pdf]``), or ``None``."""
    framework: str | None
    """Canonical framework(s) of a code link (``PyTorch``, ``Keras/TensorFlow``)."""
    official: bool | None
    """``True`` for ``official``, ``False`` for ``unofficial``, ``None`` when not stated."""
    line: int = field(validator=_positive)
    span: Span = field(validator=instance_of(Span))
    """Span of ``url_raw`` in the source text."""
    text: str | None = None
    """The link text when it differs from the URL (``[pdf]``, a title)."""
    note: str | None = None
    """Extra words in the label: an author, a quoted link title, ``期待作者开源``."""


@frozen
class Ids:
    """Identifiers found in an entry's links and text, canonical and de-duplicated."""

    arxiv: tuple[str, ...] = field(default=(), converter=_strings)
    github: tuple[str, ...] = field(default=(), converter=_strings)
    doi: tuple[str, ...] = field(default=(), converter=_strings)


@frozen
class Entry:
    """One item of a list: a paper, repository, dataset, resource, person or bare mention."""

    id: str
    """Stable id: the same input gives the same id on every run."""
    line: int = field(validator=_positive)
    """1-based line of the entry's title (for an untitled link item, its own line)."""
    end_line: int = field(validator=_positive)
    kind: Kind = field(validator=in_(KINDS))
    title: str | None
    title_raw: str | None
    section: tuple[str, ...] = field(converter=_strings)
    """Heading texts as written (emphasis removed), outermost first."""
    span: Span = field(validator=instance_of(Span))
    """From the start of the entry's first line to the end of its last line."""
    aliases: tuple[str, ...] = field(default=(), converter=_strings)
    year: int | None = field(default=None, validator=optional(instance_of(int)))
    venue: str | None = None
    venue_raw: str | None = None
    authors: tuple[str, ...] = field(default=(), converter=_strings)
    affiliations: tuple[str, ...] = field(default=(), converter=_strings)
    ids: Ids = field(factory=Ids)
    links: tuple[Link, ...] = field(default=(), converter=_links)
    notes: tuple[str, ...] = field(default=(), converter=_strings)
    """Free text attached to the entry: intros, keywords, descriptions."""
    dialect: str = "unknown"
    """The list dialect that produced the entry (``bold_title``, ``bracket_year``, …)."""


@frozen
class Section:
    """A heading (or a plain-text sub-heading line) and where it stands."""

    title: str
    level: int
    line: int = field(validator=_positive)
    path: tuple[str, ...] = field(converter=_strings)


@frozen
class Document:
    """A parsed list. Immutable; ``to_json``/``from_json`` round-trip exactly."""

    source: str | None
    entries: tuple[Entry, ...] = field(default=(), converter=_entries)
    sections: tuple[Section, ...] = field(default=(), converter=_sections)
    front_matter: tuple[tuple[str, str], ...] = field(default=(), converter=_pairs)
    schema: str = DOCUMENT_SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "source": self.source,
            "front_matter": dict(self.front_matter),
            "sections": [_section_to_dict(section) for section in self.sections],
            "entries": [_entry_to_dict(entry) for entry in self.entries],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        try:
            if data.get("schema") != DOCUMENT_SCHEMA:
                raise SchemaError(f"expected schema {DOCUMENT_SCHEMA!r}, got {data.get('schema')!r}")
            return cls(
                source=data["source"],
                entries=[_entry_from_dict(item) for item in data["entries"]],
                sections=[_section_from_dict(item) for item in data.get("sections", [])],
                front_matter=list(data.get("front_matter", {}).items()),
            )
        except SchemaError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SchemaError(f"not an awesomeparse document: {type(exc).__name__}: {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> Document:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
        if not isinstance(data, dict):
            raise SchemaError("not an awesomeparse document: top level is not an object")
        return cls.from_dict(data)


def _span_to_list(span: Span) -> list[int]:
    return [span.start, span.end]


def _span_from_list(value: Any) -> Span:
    start, end = value
    return Span(int(start), int(end))


def _link_to_dict(link: Link) -> dict[str, Any]:
    return {
        "url": link.url,
        "url_raw": link.url_raw,
        "label": link.label,
        "label_raw": link.label_raw,
        "framework": link.framework,
        "official": link.official,
        "line": link.line,
        "span": _span_to_list(link.span),
        "text": link.text,
        "note": link.note,
    }


def _link_from_dict(data: dict[str, Any]) -> Link:
    return Link(
        url=data["url"],
        url_raw=data["url_raw"],
        label=data["label"],
        label_raw=data["label_raw"],
        framework=data["framework"],
        official=data["official"],
        line=data["line"],
        span=_span_from_list(data["span"]),
        text=data.get("text"),
        note=data.get("note"),
    )


def _entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "line": entry.line,
        "end_line": entry.end_line,
        "kind": entry.kind,
        "title": entry.title,
        "title_raw": entry.title_raw,
        "aliases": list(entry.aliases),
        "year": entry.year,
        "venue": entry.venue,
        "venue_raw": entry.venue_raw,
        "authors": list(entry.authors),
        "affiliations": list(entry.affiliations),
        "ids": {"arxiv": list(entry.ids.arxiv), "github": list(entry.ids.github), "doi": list(entry.ids.doi)},
        "links": [_link_to_dict(link) for link in entry.links],
        "section": list(entry.section),
        "notes": list(entry.notes),
        "dialect": entry.dialect,
        "span": _span_to_list(entry.span),
    }


def _entry_from_dict(data: dict[str, Any]) -> Entry:
    ids = data.get("ids", {})
    return Entry(
        id=data["id"],
        line=data["line"],
        end_line=data["end_line"],
        kind=cast(Kind, data["kind"]),
        title=data["title"],
        title_raw=data["title_raw"],
        section=data["section"],
        span=_span_from_list(data["span"]),
        aliases=data.get("aliases", ()),
        year=data.get("year"),
        venue=data.get("venue"),
        venue_raw=data.get("venue_raw"),
        authors=data.get("authors", ()),
        affiliations=data.get("affiliations", ()),
        ids=Ids(arxiv=ids.get("arxiv", ()), github=ids.get("github", ()), doi=ids.get("doi", ())),
        links=[_link_from_dict(link) for link in data.get("links", ())],
        notes=data.get("notes", ()),
        dialect=data.get("dialect", "unknown"),
    )


def _section_to_dict(section: Section) -> dict[str, Any]:
    return {"title": section.title, "level": section.level, "line": section.line, "path": list(section.path)}


def _section_from_dict(data: dict[str, Any]) -> Section:
    return Section(title=data["title"], level=data["level"], line=data["line"], path=data["path"])
