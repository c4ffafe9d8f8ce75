"""Headings that are entries: ``## [2019 CVPR] Panoptic Segmentation``, and in lists that put a
``---`` rule under every heading, a leaf heading with no paper item below (``## ISBI Challenge``
over its reference URLs). Also gives heading names to the papers under them as aliases."""

from __future__ import annotations

from bisect import bisect_left

import regex

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Draft, Extractor, HeadingCandidate
from awesomeparse.extract.sections import heading_text, is_generic
from awesomeparse.normalize import titles, urls, years_venues
from awesomeparse.tokens.token import Token

DIALECT = "heading"
# Dialects that put one paper under a heading named after it; in link lists a heading is a topic.
_NAMED_BY_HEADING = frozenset({"bold_title", "bracket_year"})
# ``Mask R-CNN``, ``HR-Net``, ``FCIS``, ``PointRend`` name a method; ``Challenge`` is a topic.
_NAME_LIKE = regex.compile(r"[a-z][A-Z]|[A-Z]{2}|\d|[-+]")
_ENUMERATION = regex.compile(r"^\s*+\(?\d{1,3}[.)]\s++(?=\S)")
_NAME_SPLIT = regex.compile(r"\s*+[/,，、]\s*+")


def close(extractor: Extractor, candidate: HeadingCandidate) -> None:
    """Resolve a heading once its section has ended."""
    token = candidate.token
    text = heading_text(token.text)
    found, rest = years_venues.leading_tag(text)
    tagged = bool(rest)
    _alias_titled(candidate, text)
    leaf = not candidate.titled and not candidate.has_child_heading
    linked = _paper_links(extractor, token)
    # ``### [Mask R-CNN](https://arxiv.org/abs/1703.06870)`` over a description: the heading is the entry.
    qualifies = tagged or (leaf and bool(linked)) or (candidate.has_rule and leaf and not is_generic(text))
    orphans = candidate.orphans
    if not qualifies and candidate.orphans and not candidate.has_child_heading and _names_a_paper(text):
        # ``### R-FCN: …`` over ``- arxiv: <url>`` / ``- github: <url>`` (then maybe other, titled
        # papers): the untitled items before the first titled one are the heading's paper.
        first_titled = min((draft.line for draft in candidate.titled), default=None)
        orphans = [orphan for orphan in orphans if first_titled is None or orphan.line < first_titled]
        qualifies = _one_paper(orphans)
    if not qualifies:
        return
    draft = Draft(line=token.line, dialect=DIALECT, section=candidate.parent, heading_line=token.line)
    titled_link = next((link for link in linked if link.type == "link" and "://" not in link.text), None)
    if titled_link is not None and not tagged:
        # ``### [Title](url) (ICCV 2019)``: the link text is the title, the rest describes it.
        draft.set_title(titled_link.text)
        found = years_venues.find(heading_text(extractor.text[titled_link.span.end : token.span.end]))
    else:
        title = text[rest:] if tagged else text
        stated, start = years_venues.trailing_tag(title)
        if found.empty and not stated.empty:
            # ``### PANet: … (CVPR 2018)``: the venue tag is not part of the title.
            found, title = stated, title[:start]
        draft.set_title(_ENUMERATION.sub("", title, count=1))  # ``### 1. SOLO: …``: the number is no title
    draft.take_year_venue(found)
    if not tagged:
        head = _NAME_SPLIT.split(text, maxsplit=1)[0]
        if head != text and len(head.split()) <= 2:
            draft.add_alias(head)
    draft.add_links(link_builder.build(linked, extractor.text))
    for orphan in orphans:
        draft.add_links(orphan.links)
        draft.notes.extend(orphan.notes)
        orphan.absorbed = True  # a flag, not list.remove: removal scans every draft
    draft.notes.extend(candidate.notes)
    for note in candidate.notes:
        draft.take_year_venue(years_venues.find(note))  # ``- intro: NIPS 2016`` under the heading
    extractor.drafts.append(draft)


def _names_a_paper(text: str) -> bool:
    """A method name (``Mask R-CNN``) or a title-length heading, not a topic (``实例分割``, ``Papers``)."""
    return not is_generic(text) and (_NAME_LIKE.search(text) is not None or len(text.split()) >= 4)


def _one_paper(orphans: list[Draft]) -> bool:
    """``### Mask R-CNN`` over ``- Paper: <url>`` / ``- Code: <url>``: the untitled items under the
    heading link exactly one paper, so the heading is its title. A topic heading over many
    untitled paper links is not."""
    if not orphans or len(orphans) > link_builder.MAX_FIELD_ITEMS:
        return False
    papers = {urls.key(link.url) for orphan in orphans for link in orphan.links
              if link_builder.is_paper_link(link.label, link.url)}
    return len(papers) == 1


def _paper_links(extractor: Extractor, token: Token) -> list[Token]:
    """Links in a heading that lead somewhere (not ``#anchors``, not badge images)."""
    return [
        child for child in token.children
        if child.type in link_builder.URL_TYPES and child.target is not None
        and not child.target.slice(extractor.text).startswith("#") and not child.text.lstrip().startswith("![")
    ]


def _alias_titled(candidate: HeadingCandidate, text: str) -> None:
    """``## BlendMask`` over ``**BlendMask: …**``: the heading names the paper below it."""
    titled = [draft for draft in candidate.titled if draft.title and draft.heading_line == candidate.token.line]
    if not titled or is_generic(text) or years_venues.leading_tag(text)[1]:
        return
    # Repeated names add nothing (aliases are a set); dropping them keeps ``## A/A/A/…`` linear.
    names = list(dict.fromkeys(name for name in _NAME_SPLIT.split(text) if name and not is_generic(name)))
    matches: dict[int, list[str]] = {}
    # Drafts indexed by title and alias keys, and title keys sorted for prefix ranges: testing
    # every name against every draft is quadratic under a heading that names many things.
    exact: dict[str, set[int]] = {}
    for number, draft in enumerate(titled):
        for key in {titles.match_key(draft.title or ""), *(titles.match_key(alias) for alias in draft.aliases)}:
            exact.setdefault(key, set()).add(number)
    by_title = sorted((titles.match_key(draft.title or ""), number) for number, draft in enumerate(titled))
    title_keys = [title_key for title_key, _number in by_title]
    naming = any(_NAME_LIKE.search(name) for name in names)
    for name in names:
        key = titles.match_key(name)
        found = set(exact.get(key, ()))
        if naming:
            # A title opening with the heading names the paper only when the heading holds a
            # method-like name (``U-Net``, ``FLID, Fundus …``), not when it is a topic
            # (``Panoptic Segmentation`` over ``Panoptic Segmentation Forecasting``).
            # Titles starting with ``key + " "`` sort between it and ``key + "!"`` (" " < "!").
            low, high = bisect_left(title_keys, key + " "), bisect_left(title_keys, key + "!")
            found.update(number for _title_key, number in by_title[low:high])
        for number in sorted(found):
            matches.setdefault(number, []).append(name)
    if len(matches) > 1:
        for number, matched in matches.items():
            for name in matched:
                titled[number].add_alias(name)
        return
    # One paper named by the heading (``## IDRiD, Indian Diabetic …`` or ``## Mask R-CNN``
    # over a single item): every name in the heading is its alias.
    owner = titled[next(iter(matches))] if matches else None
    if owner is None and len(titled) == 1 and titled[0].dialect in _NAMED_BY_HEADING:
        names = [name for name in names if _NAME_LIKE.search(name)]
        owner = titled[0]
    if owner is not None:
        for name in names:
            owner.add_alias(name)
