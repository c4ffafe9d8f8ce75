"""Link-item dialects: ``- [Title](url) - description.``, ``* [Title](url)<br>:star:[code](url)``,
``- **[R-CNN]** Title | **[CVPR' 14]** |[`[pdf]`](url)``, ``* GoogLeNet [[Paper]](url)`` with a
citation sub-bullet, ``+ [Title](url) [Venue 2019]``; sub-items without a title are the parent's links."""

from __future__ import annotations

import itertools

import regex

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Draft, Extractor
from awesomeparse.extract.dialects import fields
from awesomeparse.model import Link
from awesomeparse.normalize import arxiv, citations, labels, titles, years_venues
from awesomeparse.tokens.token import Token

DIALECT = "link_item"
_ALIAS = regex.compile(r"^\s*+\*{0,2}\[(?P<name>[^\[\]]{1,60})\]\*{0,2}\s*+")
_TAGS = regex.compile(r"\*{0,2}\[(?P<body>[^\[\]]{1,80})\]\*{0,2}")
# Emoji shortcodes (``:star:``), ``<br>``, spacing entities and pictographs decorate items; they
# are never titles or notes.
_DECORATION = regex.compile(
    r":[a-z0-9_+-]++:|<br\s*+/?>|&(?:nbsp|ensp|emsp|thinsp);?+"
    r"|[\u2190-\u21ff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]",
    regex.I,
)
# ``pdf:``, ``解读：``, ``Code (PyTorch):`` just before a link.
_LABEL_BEFORE = regex.compile(r"(?P<label>[^\s:：<>|\]()]{1,12}+(?:\s*+\([^()]{1,30}+\))?+)\s*+[:：]\s*+$")
# ``[paper - Panoptic Segmentation](…)``: a label word, a dash, then the title.
_LABELLED_TITLE = regex.compile(r"\s*+(?P<label>[A-Za-z]{3,12})\s++[-–—:]\s++(?P<title>\S.*)")
_DATE = regex.compile(r"(?P<year>(?:19|20)\d\d)(?:[/.-]\d{1,2}){0,2}+")
_EMPHASIS = regex.compile(r"\*++|(?<!\w)_++|_++(?!\w)")
_ARXIV_TAG = regex.compile(r"\[\s*+arxiv\s*+[:：]?\s*+[^\]\s]{4,30}+\s*+\]\s*+", regex.I)
_ITEM_TYPES = frozenset({"bullet", "ordered"})
_BOLD_NAME = regex.compile(r"\s*+\*\*(?P<name>[^*]{1,40}+)\*\*")
_COMMA = regex.compile(r"\s*+[,，]\s*+")
_SEPARATORS = " \t|-–—:：,;*.·"


def is_anchor(url: str) -> bool:
    return url.startswith("#")


def item(extractor: Extractor, token: Token) -> None:
    assert token.content is not None
    text = extractor.text
    url_tokens = [child for child in token.children if child.type in link_builder.URL_TYPES]
    targets = [child.target.slice(text).strip() for child in url_tokens if child.target is not None]
    if extractor.sections.in_toc() or all(is_anchor(target) for target in targets):
        return
    extractor.sections.pop_pseudo(token.indent)
    parent = _parent(extractor, token)
    first = url_tokens[0]
    images = [child.span for child in token.children if child.type == "image"]
    lead = link_builder.blank_out(text, token.content.start, first.span.start, images)
    alias = None
    lead_start = token.content.start
    alias_found = _ALIAS.match(lead)
    venue_tag: str | None = None
    if alias_found is not None and years_venues.leading_tag(alias_found.group())[1] == 0:
        # ``**[CVPR]** Title``: a bracketed venue is the venue; any other name is an alias.
        venue_tag = years_venues.venue_only(alias_found.group("name"))
        alias = None if venue_tag else alias_found.group("name").strip()
        lead = lead[alias_found.end() :]
        lead_start += alias_found.end()
    bold_title, bold_rest = _bold_lead(token, text, lead_start, first.span.start)
    if bold_title is not None:
        lead = bold_title
    outside = _outside_links(token, text)
    if alias is not None and alias_found is not None:
        outside = outside.replace(alias_found.group(), " ", 1)
    found_tags = [years_venues.from_tag(tag.group("body")) for tag in _TAGS.finditer(outside)]
    lead_clean = _TAGS.sub(" ", lead)
    lead_clean = _DECORATION.sub(" ", lead_clean).strip(_SEPARATORS).rstrip(" [(（").strip(_SEPARATORS)
    dated = _DATE.fullmatch(lead_clean)
    if dated is not None:
        # ``- 2020/05 [Title](url)``: a date column, not a title; the link text is the title.
        found_tags.append(years_venues.YearVenue(int(dated.group("year")), None, None))
        lead_clean = ""
    title_raw: str | None = None
    main: Token | None = None
    lead_stripped = lead.strip()
    if lead_clean and not (lead_stripped.endswith((":", "：")) and _LABEL_BEFORE.search(lead_stripped)):
        title_raw = lead_clean
    elif first.type == "link" and first.text.strip() and link_builder.word_label(first.text) is None \
            and "://" not in first.text and (not _is_field(lead_stripped) or _titles_paper(lead_stripped, first.text)):
        title_raw, main = first.text, first
    if title_raw is None:
        found = _links(extractor, token, url_tokens, None, None)
        if parent is not None:
            parent.add_links(found)
            return
        current = extractor.current
        if _is_field(lead_stripped) and current is not None and not current.orphan \
                and current.section == extractor.sections.path() and current.indent == token.indent:
            # ``- 论文：[Title](url)`` then ``- 代码：<url>``: a labelled link item is a field of the entry above.
            current.add_links(found)
            return
        orphan = extractor.new_orphan(token.line, DIALECT, indent=token.indent)
        orphan.add_links(found)
        return
    main_label = None
    if main is not None:
        labelled = _LABELLED_TITLE.match(title_raw)
        if labelled is not None and labels.canonical(labelled.group("label")) is not None:
            main_label = labels.parse(labelled.group("label"))
            title_raw = labelled.group("title")
    draft = extractor.new_draft(token.line, DIALECT, indent=token.indent)
    _set_title(draft, title_raw)
    if alias:
        for name in _COMMA.split(alias):
            draft.add_alias(name)
    for tag in found_tags:
        draft.take_year_venue(tag)
    if venue_tag is not None and alias_found is not None:
        draft.take_year_venue(years_venues.YearVenue(None, venue_tag, alias_found.group("name").strip()))
    if bold_rest:
        # ``**Title**, A. Author, B. Author, CVPR 2019.``: the rest of the lead describes the paper.
        draft.take_year_venue(years_venues.find(bold_rest))
        draft.take_people(bold_rest)
        draft.notes.append(bold_rest)
    draft.add_links(_links(extractor, token, url_tokens, main, main_label))
    note = _description(text, url_tokens, token.content.end)
    if note:
        draft.notes.append(note)
        if main is not None:
            draft.take_year_venue(years_venues.find(note, trailing_year=False))
            draft.take_people(_EMPHASIS.sub("", note))
    extractor.current = draft
    extractor.group = [draft]
    extractor.mode = DIALECT


def _description(text: str, url_tokens: list[Token], end: int) -> str:
    """The text after the first link, between and after the others: ``- [T](u) - CVPR 2016. [code](v)``.

    A piece that is only a label for the link after it (``pdf:``) is not description.
    """
    pieces = [text[left.span.end : right.span.start] for left, right in itertools.pairwise(url_tokens)]
    pieces.append(text[url_tokens[-1].span.end : end])
    kept = []
    for piece in pieces:
        if not piece.strip(_SEPARATORS + "[]()\n"):
            continue  # most gaps between links are a separator or a line break: skip the regexes
        cleaned = _balanced(_DECORATION.sub(" ", _TAGS.sub(" ", piece)).strip(_SEPARATORS + "[]"))
        if not cleaned:
            continue
        bare = _DECORATION.sub(" ", piece).strip(" \t|-–—,;*·()[]（")
        if bare.endswith((":", "：")) and labels.canonical(bare[:-1]) is not None:
            continue
        kept.append(cleaned)
    return " ".join(kept)


def _balanced(text: str) -> str:
    """Drop parentheses left over from link markup or wrapping the whole note; keep ones inside it
    (``CVPR 2018 (spotlight)``)."""
    while text:
        opens, closes = text.count("("), text.count(")")
        if text[0] == ")" or (text[0] == "(" and opens > closes):
            text = text[1:]
        elif text[-1] == "(" or (text[-1] == ")" and closes > opens):
            text = text[:-1]
        elif text[0] == "(" and text[-1] == ")" and opens == closes == 1:
            text = text[1:-1]
        else:
            return text
        text = text.strip(_SEPARATORS + "[]")
    return text


def text_citation(extractor: Extractor, token: Token) -> bool:
    """An item without links that cites a paper by its arXiv id (``Mask R-CNN. K. He, … ICCV 2017.
    arXiv:1703.06870``, ``[arXiv:1904.07850] Objects as Points``) is that paper."""
    text = token.text.strip()
    ids = arxiv.from_text(text)
    if not ids:
        return False
    tag = _ARXIV_TAG.match(text)
    body = text[tag.end() :] if tag is not None else arxiv.without_ids(text).strip(" .,;")
    if len(body.split()) < 2:
        return False
    draft = extractor.new_draft(token.line, DIALECT, indent=token.indent)
    _set_title(draft, body)
    draft.text_arxiv.extend(ids)
    extractor.current = draft
    extractor.group = [draft]
    extractor.mode = DIALECT
    return True


def fields_follow(extractor: Extractor, token: Token) -> bool:
    """``1. **PSPNet**`` over ``- 论文：<url>`` / ``- 代码：<url>``: the nested items are labelled links
    to exactly one paper, so the item without links above them is that paper, not a sub-topic."""
    papers: set[str] = set()
    offset = 1
    while (child := extractor.next_content(offset)) is not None and child.type in _ITEM_TYPES \
            and child.indent > token.indent:
        offset += 1
        if offset > link_builder.MAX_FIELD_ITEMS + 1:
            return False
        url = fields.first_url(child)
        assert child.content is not None
        field = fields.read_label(child.text, url.span.start - child.content.start if url is not None else None)
        if url is None or field is None or field.colon is None or field.label.canonical is None:
            return False
        target = url.target.slice(extractor.text) if url.target is not None else ""
        if link_builder.is_paper_link(field.label.canonical, target):
            papers.add(target)
    return len(papers) == 1


def titled_item(extractor: Extractor, token: Token) -> None:
    """An item that is a paper's title, its links in the items nested under it."""
    draft = extractor.new_draft(token.line, DIALECT, indent=token.indent)
    bold = _BOLD_NAME.match(token.text)
    _set_title(draft, token.text)
    if bold is not None and bold.end() < len(token.text.rstrip()):
        draft.add_alias(bold.group("name"))
    extractor.current = draft
    extractor.group = [draft]
    extractor.mode = DIALECT


def _bold_lead(token: Token, text: str, start: int, end: int) -> tuple[str | None, str]:
    """A bold span opening the item (``- **Title** …``) is its title; also returns what follows it."""
    for child in token.children:
        if child.type != "strong" or child.span.start < start or child.span.end > end:
            continue
        before = _DECORATION.sub(" ", text[start : child.span.start]).strip(_SEPARATORS)
        if before or child.text.strip().startswith("["):
            return None, ""
        rest = _DECORATION.sub(" ", text[child.span.end : end]).strip(_SEPARATORS + "[(")
        return child.text, rest
    return None, ""


def _titles_paper(lead: str, link_text: str) -> bool:
    """``- 论文：[Title](url)`` / ``- Paper: [Title](url)``: under a paper label, a link text that reads
    like a title (four words, or a name and a colon) is the paper's title, not a link name."""
    found = _LABEL_BEFORE.search(lead)
    if found is None or labels.canonical(found.group("label")) not in link_builder.PAPER_LABELS:
        return False
    words = link_text.split()
    return len(words) >= 4 or (len(words) >= 2 and ":" in link_text)


def _is_field(lead: str) -> bool:
    """``- code: [detectron](…)``: the item is a labelled field, its link text no title."""
    found = _LABEL_BEFORE.search(lead) if lead.endswith((":", "：")) else None
    return found is not None and labels.canonical(found.group("label")) is not None


def sub_text(extractor: Extractor, draft: Draft, text: str) -> None:
    """A text-only line under an item: a citation, an author list, or a note."""
    cleaned = text.strip()
    citation = citations.parse(cleaned) if cleaned.count(",") >= 1 else None
    if citation is not None and (citation.title or citation.authors):
        if citation.title and (draft.title is None or len(draft.title.split()) <= 4):
            previous = draft.title
            draft.title_raw = citation.title
            draft.title = titles.clean(citation.title)
            if previous:
                # ``R-CNN, UC Berkeley``: the name, then who made it.
                name, _comma, maker = previous.partition(", ")
                draft.add_alias(name)
                if maker and maker not in draft.affiliations:
                    draft.affiliations.append(maker)
        for author in citation.authors:
            if author not in draft.authors:
                draft.authors.append(author)
        draft.take_year_venue(years_venues.YearVenue(citation.year, citation.venue, citation.venue_raw))
        draft.text_arxiv.extend(citation.arxiv_ids)
        return
    if not draft.take_people(cleaned):
        draft.notes.append(cleaned)
        # ``ICCV 2017 Best Student Paper`` under the item: where it appeared.
        draft.take_year_venue(years_venues.find(cleaned, trailing_year=False))


def _set_title(draft: Draft, raw: str) -> None:
    # ``Authors, Title, Venue`` first; then ``Title. Authors. ICCV 2017.`` / ``"Title", Authors, CVPR 2018``.
    citation = citations.parse(raw) if raw.count(",") >= 1 else None
    if citation is None or not citation.title:
        citation = citations.parse_title_first(raw) if ". " in raw or raw.lstrip()[:1] in "\"“" else None
    if citation is not None and citation.title:
        draft.title_raw = raw.strip()
        draft.title = titles.clean(citation.title)
        draft.authors.extend(citation.authors)
        draft.take_year_venue(years_venues.YearVenue(citation.year, citation.venue, citation.venue_raw))
        draft.text_arxiv.extend(citation.arxiv_ids)
        return
    stated, start = years_venues.trailing_tag(raw)
    if not stated.empty:
        # ``Objects as Points (arXiv 2019)``: the venue tag is not part of the title.
        draft.take_year_venue(stated)
        raw = raw[:start]
    draft.set_title(raw)


def _parent(extractor: Extractor, token: Token) -> Draft | None:
    current = extractor.current
    if current is not None and current.dialect == DIALECT and current.indent < token.indent:
        return current
    return None


def _links(
    extractor: Extractor, token: Token, url_tokens: list[Token], main: Token | None, main_label: labels.Label | None
) -> list[Link]:
    """Links of an item; a word before a link (``解读：``, ``:star:``) labels it."""
    assert token.content is not None
    text = extractor.text
    found: list[Link] = []
    previous_end = token.content.start
    for child in url_tokens:
        gap = text[previous_end : child.span.start]
        before = _DECORATION.sub(" ", gap).strip() if gap.strip() else ""
        label_found = _LABEL_BEFORE.search(before) if child is not main and before.endswith((":", "：")) else None
        label = main_label if child is main else None
        if label_found is not None:
            parsed = labels.parse(label_found.group("label"))
            if parsed.canonical is not None:
                label = parsed
        found.extend(link_builder.build([child], text, label=label))
        previous_end = child.span.end
    return link_builder.with_trailing_frameworks(found, url_tokens, text, token.content.end)


def _outside_links(token: Token, text: str) -> str:
    """The item's text with link tokens blanked out, so ``[pdf]`` inside a link is no tag."""
    assert token.content is not None
    hidden = [child.span for child in token.children if child.type in link_builder.URL_TYPES or child.type == "image"]
    return link_builder.blank_out(text, token.content.start, token.content.end, hidden)
