"""Plain-line dialect: ``Title[url]``, ``Title [url]``, ``Title (url)`` lines; ``https://github.com/x/y
(Keras)`` implementation lines that belong to the paper line above; ``中文翻译：[url]`` label lines;
and short plain-text lines that act as sub-headings over the lines that follow them."""

from __future__ import annotations

import regex

from awesomeparse.extract import links as link_builder
from awesomeparse.extract.context import Extractor
from awesomeparse.normalize import citations, labels
from awesomeparse.normalize.text import has_cjk
from awesomeparse.tokens.token import Token

DIALECT = "plain_line"
_TAIL = regex.compile(r"^\s*+[)\]）】]*+\s*+(?:[(\[（【][^()\[\]]{0,40}[)\]）】])?\s*+[.;,。]?\s*+$")
_LEAD_DECORATION = regex.compile(r"^[\s\u2190-\u21ff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f*>-]*+$")
_PERSON_SECTION = regex.compile(r"(?i)专家|学者|大牛|研究者|expert|people|researcher|scholar|person|who to follow")
_CJK_TITLE_AUTHORS = regex.compile(r"^(?P<title>\S+)\s+(?:\p{Han}{1,3}\s*+){2,}(?P<year>(?:19|20)\d\d)$")
_SENTENCE_END = ".。!！?？,，;；"


def is_subheading(extractor: Extractor, token: Token) -> bool:
    """A short line with no URL whose very next line is a link line (``Semantic segmentation``)."""
    text = token.text.strip()
    if not text or len(text) > 60 or token.indent >= 4 or text[-1] in _SENTENCE_END:
        return False
    if len(text.split()) > 8 or any(child.type in link_builder.URL_TYPES for child in token.children):
        return False
    following = extractor.next_content()
    if following is None or following.line != token.line + 1 or following.type not in {"text", "bullet", "ordered"}:
        return False
    return any(child.type in link_builder.URL_TYPES for child in following.children)


def line(extractor: Extractor, token: Token) -> bool:
    """Read one plain line; ``False`` when it is prose, not a list line."""
    assert token.content is not None
    text = extractor.text
    url_tokens = [child for child in token.children if child.type in link_builder.URL_TYPES]
    if not url_tokens:
        return False
    before = text[token.content.start : url_tokens[0].span.start]
    after = text[url_tokens[-1].span.end : token.content.end]
    if not _TAIL.match(after) or len(url_tokens) > 2:
        return False
    found = link_builder.with_trailing_frameworks(
        link_builder.build(url_tokens, text), url_tokens, text, token.content.end
    )
    current = extractor.current
    same_place = current is not None and current.section == extractor.sections.path()
    if _LEAD_DECORATION.match(before) and _titled_link(url_tokens[0]):
        before = url_tokens[0].text
        found = found[:1] + found[1:]
    elif _LEAD_DECORATION.match(before):
        if current is not None and same_place and current.dialect == DIALECT and current.kind_hint != "person":
            current.add_links(found)
            return True
        orphan = extractor.new_orphan(token.line, DIALECT, indent=token.indent)
        orphan.add_links(found)
        return True
    head = before.rstrip()
    if head.endswith((":", "：")) and current is not None and same_place:
        name = head[:-1].strip()
        parsed = labels.parse(name)
        if parsed.canonical is not None or len(name.split()) <= 3:
            found = [link_builder.make(link.url, link.url_raw, _token_for(url_tokens, link.span), link.text, parsed)
                     for link in found]
            current.add_links(found)
            return True
    draft = extractor.new_draft(token.line, DIALECT, indent=token.indent)
    title_text = head.rstrip("([（【 -–—.").strip()
    title, authors, year = citations.split_trailing_people(title_text)
    cjk = _CJK_TITLE_AUTHORS.match(title_text) if has_cjk(title_text) else None
    if cjk is not None:
        title, year = cjk.group("title"), int(cjk.group("year"))
    draft.set_title(title)
    draft.authors.extend(authors)
    draft.year = year
    draft.add_links(found)
    if _PERSON_SECTION.search(" ".join(extractor.sections.path())):
        draft.kind_hint = "person"
    extractor.current = draft
    extractor.group = [draft]
    extractor.mode = DIALECT
    return True


def _titled_link(token: Token) -> bool:
    """``↘️[CVPR-2022-Papers](url)``: a markdown link whose text is a name, not a URL or label word."""
    return token.type == "link" and bool(token.text.strip()) and "://" not in token.text \
        and link_builder.word_label(token.text) is None


def _token_for(url_tokens: list[Token], span: object) -> Token:
    return next(token for token in url_tokens if token.target == span)
