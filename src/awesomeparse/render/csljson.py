"""CSL-JSON (CSL 1.0.2 data schema): a JSON array of items, the input of citeproc and pandoc.

Item ids are the BibTeX citation keys, so ``[@kowalski2017mask]`` cites the same work whichever file
pandoc is given. Types: ``paper-conference`` (conferences, workshops), ``article-journal``
(journals), ``article`` (preprints and everything else). An arXiv id is ``number`` with
``archive: "arXiv"``, the way citeproc-js and Zotero store a preprint's archive and number.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import regex

from awesomeparse.render.citekeys import citation_keys
from awesomeparse.render.venues import VenueKind, venue_kind
from awesomeparse.render.works import Work

_TYPES: dict[VenueKind, str] = {
    "conference": "paper-conference", "journal": "article-journal", "preprint": "article", "other": "article",
}
_PARTICLE = regex.compile(r"\p{Ll}[\p{Ll}'’]*+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def csl_name(author: str) -> dict[str, str]:
    """``Ann Kowalski`` -> family ``Kowalski``, given ``Ann``; ``Laurens van der Maaten`` keeps
    ``van der`` as the non-dropping particle; a CJK name, written family-first without spaces,
    stays whole as a ``literal`` rather than be split wrongly."""
    words = author.split()
    if len(words) < 2 or _CJK.search(author):
        return {"literal": author}
    family = words[-1]
    position = len(words) - 1
    while position > 1 and _PARTICLE.fullmatch(words[position - 1]):
        position -= 1
    name = {"family": family, "given": " ".join(words[:position])}
    if position < len(words) - 1:
        name["non-dropping-particle"] = " ".join(words[position:-1])
    return name


def csl_item(key: str, work: Work) -> dict[str, Any]:
    kind = venue_kind(work.venue)
    item: dict[str, Any] = {"id": key, "type": _TYPES[kind]}
    if work.title:
        item["title"] = work.title
    if work.authors:
        item["author"] = [csl_name(author) for author in work.authors]
    if work.year is not None:
        item["issued"] = {"date-parts": [[work.year]]}
    if work.venue is not None and kind != "preprint":
        item["container-title"] = work.venue
    if work.arxiv is not None:
        item["archive"] = "arXiv"
        item["number"] = work.arxiv
    if work.doi is not None:
        item["DOI"] = work.doi
    if work.url is not None:
        item["URL"] = work.url
    return item


def render_csljson(works: Sequence[Work]) -> str:
    keys = citation_keys(works)
    items = [csl_item(key, work) for key, work in zip(keys, works, strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
