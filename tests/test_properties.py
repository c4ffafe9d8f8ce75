"""Property tests: the parser is total, line-exact, deterministic and round-trips its JSON."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.strategies import any_text, join_lines, lf_line_lists, markdown_documents

import awesomeparse
from awesomeparse.model import Document
from awesomeparse.source import from_text
from awesomeparse.tokens import tokenize
from awesomeparse.tokens.token import Token

# Modest and without deadlines: CI runs on a shared 2-core machine.
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _line_of(text: str, offset: int) -> int:
    """1-based line holding ``offset``, counting only ``\\n`` as a line break."""
    return text.count("\n", 0, offset) + 1


def _line_count(text: str) -> int:
    """Lines in ``text``: a last line without ``\\n`` counts, an empty tail after the last ``\\n`` does not."""
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def _all_tokens(tokens: tuple[Token, ...]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.extend(token.walk())
    return found


def _entry_keys(document: Document) -> list[tuple[int, str | None, tuple[str, ...]]]:
    return [(entry.line, entry.title, tuple(link.url for link in entry.links)) for entry in document.entries]


# A list that fills every field of the model (aliases, notes, framework, official, note, ids, front matter),
# so the round trip is checked on non-default values whatever hypothesis draws.
RICH_LIST = (
    "---\r\ntitle: Detection\r\n---\r\n"
    "# Object Detection\r\n\r\n"
    "**Ω-Net: Orientation Estimation**\r\n\r\n"
    "**Ω-Net (Omega-Net): Orientation Estimation**\r\n\r\n"
    "- intro: ICCV 2017 best paper. Facebook AI Research\r\n"
    "- arxiv: <https://arxiv.org/abs/1703.06870>\r\n"
    "- github(official, Caffe2): <https://github.com/facebookresearch/Detectron>\r\n"
    "- github(Keras/TensorFlow, unofficial): [https://github.com/matterport/Mask_RCNN](https://github.com/matterport/Mask_RCNN)\r\n"
    "- paper: <https://doi.org/10.1109/ICCV.2017.322>\r\n"
    "- code(期待作者开源): https://github.com/x/y\r\n"
    "\r\n"
    "- [2017 CVPR] Feature Pyramid Networks [[pdf]](https://arxiv.org/abs/1612.03144) [[code]](https://github.com/a/b)\r\n"
)


def test_rich_list_fills_the_fields_the_round_trip_checks() -> None:
    document = awesomeparse.parse(RICH_LIST)
    links = [link for entry in document.entries for link in entry.links]
    assert document.front_matter == (("title", "Detection"),)
    assert any(entry.aliases for entry in document.entries)
    assert any(entry.notes for entry in document.entries)
    assert any(entry.ids.arxiv and entry.ids.github and entry.ids.doi for entry in document.entries)
    assert {link.official for link in links} == {None, True, False}
    assert {link.framework for link in links} >= {"Caffe2", "Keras/TensorFlow"}
    assert "期待作者开源" in {link.note for link in links}
    assert any(link.text == "[pdf]" for link in links)


# (a) totality ---------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(st.text())
def test_any_unicode_text_parses(text: str) -> None:
    document = awesomeparse.parse(text)
    assert isinstance(document, Document)
    assert document.source is None


@PROPERTY_SETTINGS
@given(markdown_documents())
def test_markdown_like_text_parses(text: str) -> None:
    document = awesomeparse.parse(text, source="list.md")
    assert isinstance(document, Document)
    assert document.source == "list.md"


# (b) token spans and lines --------------------------------------------------------------


@PROPERTY_SETTINGS
@given(any_text)
@example(RICH_LIST)
def test_token_spans_lie_inside_text_and_lines_match(text: str) -> None:
    source = from_text(text)
    body = source.text
    assert body == text.removeprefix("\ufeff")
    for token in _all_tokens(tokenize(source)):
        span = token.span
        assert 0 <= span.start <= span.end <= len(body), (token.type, span, len(body))
        assert token.line == _line_of(body, span.start), (token.type, span, token.line)
        for inner in (token.content, token.target):
            if inner is not None:
                assert 0 <= inner.start <= inner.end <= len(body), (token.type, inner, len(body))


@PROPERTY_SETTINGS
@given(any_text)
@example(RICH_LIST)
def test_child_tokens_lie_inside_their_parent(text: str) -> None:
    source = from_text(text)
    for block in tokenize(source):
        for child in block.walk()[1:]:
            assert block.span.contains(child.span), (block.type, block.span, child.type, child.span)
            # A list item with lazy continuation lines spans several lines; its children
            # carry the line they start on, which lies within the item.
            assert block.line <= child.line <= block.last_line, (block.line, block.last_line, child.line)


# (c) JSON round trip --------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(any_text, st.sampled_from([None, "list.md", "dir/目标检测 list.md"]))
@example(RICH_LIST, "rich.md")
def test_json_round_trip_is_exact(text: str, name: str | None) -> None:
    document = awesomeparse.parse(text, source=name)
    for indent in (2, None):
        encoded = document.to_json(indent=indent)
        decoded = Document.from_json(encoded)
        assert decoded == document
        assert decoded.to_json(indent=indent) == encoded


# (d) determinism ------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(any_text)
@example(RICH_LIST)
def test_parsing_twice_gives_identical_json(text: str) -> None:
    assert awesomeparse.parse(text).to_json() == awesomeparse.parse(text).to_json()


# (e) CRLF and LF agree ------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(lf_line_lists().map(lambda lines: [line.replace("\r", "") for line in lines]), st.booleans())
def test_crlf_and_lf_give_the_same_entries(lines: list[str], final_newline: bool) -> None:
    lf_endings = ["\n"] * len(lines)
    crlf_endings = ["\r\n"] * len(lines)
    if lines and not final_newline:
        lf_endings[-1] = crlf_endings[-1] = ""
    lf = awesomeparse.parse(join_lines(lines, lf_endings))
    crlf = awesomeparse.parse(join_lines(lines, crlf_endings))
    assert _entry_keys(crlf) == _entry_keys(lf)
    assert [(s.title, s.level, s.line) for s in crlf.sections] == [(s.title, s.level, s.line) for s in lf.sections]


# (f) entry lines ------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(any_text)
@example(RICH_LIST)
def test_entry_lines_are_ordered_and_in_range(text: str) -> None:
    body = text.removeprefix("\ufeff")
    count = _line_count(body)
    document = awesomeparse.parse(text)
    for entry in document.entries:
        assert 1 <= entry.line <= entry.end_line <= count, (entry.line, entry.end_line, count)
        assert 0 <= entry.span.start <= entry.span.end <= len(body)
        for link in entry.links:
            assert 1 <= link.line <= count
            assert link.span.slice(body) == link.url_raw, (link.span, link.url_raw)
