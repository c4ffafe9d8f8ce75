"""The parsed fields of an entry that a fix is checked against, by the names rules declare in ``TOUCHES``.

Positions (``line``, ``span``, the entry ``id`` built from its line) are left out: a fix that adds
or removes a line moves every entry below it without changing any of them. Raw spellings
(``title_raw``, ``url_raw``, ``label_raw``) are left out too: they are what fixes repair.
"""

from __future__ import annotations

from collections.abc import Callable

from awesomeparse.model import Entry

FIELDS: dict[str, Callable[[Entry], object]] = {
    "kind": lambda entry: entry.kind,
    "title": lambda entry: entry.title,
    "aliases": lambda entry: entry.aliases,
    "section": lambda entry: entry.section,
    "year": lambda entry: entry.year,
    "venue": lambda entry: entry.venue,
    "authors": lambda entry: (entry.authors, entry.affiliations),
    "ids": lambda entry: entry.ids,
    "links": lambda entry: sorted(link.url for link in entry.links),
    "labels": lambda entry: sorted((link.label or "", link.framework or "", str(link.official))
                                   for link in entry.links),
    "link-text": lambda entry: sorted((link.text or "", link.note or "") for link in entry.links),
    "notes": lambda entry: entry.notes,
    "dialect": lambda entry: entry.dialect,
}
"""``links`` is the multiset of repaired URLs; ``labels`` what the links are labelled (canonical
label, framework, official); ``link-text`` their texts and notes."""

NON_LOCAL = frozenset({"section"})
"""Fields a fix changes in entries after the edit, not only in the entry it edits (a heading
split in two re-files every entry below it)."""


def changed_fields(old: Entry, new: Entry) -> set[str]:
    """Names of the fields that differ between two parses of one entry."""
    return {name for name, read in FIELDS.items() if read(old) != read(new)}
