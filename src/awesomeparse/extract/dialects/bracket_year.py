"""Bracket-year dialect: ``- [2017 CVPR] Title`` items, usually one heading per paper, with
bare ``- https://…`` items that belong to the nearest preceding paper of the section."""

from __future__ import annotations

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Extractor
from awesomeparse.normalize import years_venues
from awesomeparse.tokens.token import Token

DIALECT = "bracket_year"


def tagged_item(extractor: Extractor, token: Token) -> bool:
    """``[2015 CVPR] Title`` (also ``[2015]Title``); returns ``False`` when there is no year tag."""
    assert token.content is not None
    found, rest = years_venues.leading_tag(token.text)
    if not rest:
        return False
    title_text = token.text[rest:]
    first_url = next((child for child in token.children if child.type in link_builder.URL_TYPES), None)
    if first_url is not None:
        title_text = extractor.text[token.content.start + rest : first_url.span.start]
    title_text = title_text.strip(" -|:[(")
    if not title_text and first_url is not None and first_url.type == "link" and "://" not in first_url.text:
        title_text = first_url.text  # ``[CVPR 2014] [Tutorial on …](url)``
    draft = extractor.new_draft(token.line, DIALECT, indent=token.indent)
    draft.set_title(title_text)
    draft.take_year_venue(found)
    draft.add_links(link_builder.build(token.children, extractor.text))
    extractor.current = draft
    extractor.group = [draft]
    extractor.mode = DIALECT
    return True


def url_item(extractor: Extractor, token: Token) -> None:
    """A bullet that is nothing but a URL (and its framework): a link of the section's paper, else an
    untitled item."""
    assert token.content is not None
    found = link_builder.with_trailing_frameworks(
        link_builder.build(token.children, extractor.text), token.children, extractor.text, token.content.end
    )
    current = extractor.current
    if current is not None and current.section == extractor.sections.path() and current.dialect != "link_item":
        current.add_links(found)
        return
    draft = extractor.new_orphan(token.line, "link_item", indent=token.indent)
    draft.add_links(found)
