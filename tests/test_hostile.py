"""Hostile input (issue 6): every shape parses and lints without raising, with the structure it should have.

Time is measured in ``benchmarks/hostile_input.py``; these tests pin behaviour on inputs large
enough (about 200 KB) that a recursion limit or a per-character rescan would show, and check
that the linear-time scans give what the obvious slow ones gave (for instance a link's text
and target inside deeply nested brackets).
"""

from __future__ import annotations

import random

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import awesomeparse
from awesomeparse.errors import SourceError
from awesomeparse.model import Document
from awesomeparse.normalize import labels, people
from awesomeparse.source import decode, from_text
from awesomeparse.tokens import inline, tokenize
from awesomeparse.tokens.token import Token

SIZE = 200_000


def tokens_of(text: str) -> tuple[Token, ...]:
    return tokenize(from_text(text))


def only_block(text: str) -> Token:
    (block,) = tokens_of(text)
    return block


# One long line of one character ---------------------------------------------------------


@pytest.mark.parametrize("unit", ["[", "<", "a_", "(", "]", "!["])
def test_a_line_of_one_repeated_unit_is_one_text_line_with_nothing_inline(unit: str) -> None:
    text = unit * (SIZE // len(unit))
    block = only_block(text)
    assert (block.type, block.text, block.children) == ("text", text, ())
    document = awesomeparse.parse(text)
    assert (document.entries, document.sections) == ((), ())
    assert awesomeparse.lint(text) == []


def test_stars_pair_left_to_right_into_empty_strong_tokens() -> None:
    text = "a " + "**" * (SIZE // 2)  # not a rule: a letter first
    block = only_block(text)
    assert block.type == "text"
    assert len(block.children) == SIZE // 4
    assert {child.type for child in block.children} == {"strong"}
    assert [child.span.start for child in block.children[:3]] == [2, 6, 10]
    assert all(child.text == "" for child in block.children)
    awesomeparse.lint(text)


def test_a_line_of_stars_alone_is_a_thematic_break() -> None:
    text = "**" * (SIZE // 2)
    assert only_block(text).type == "thematic_break"
    assert awesomeparse.parse(text).entries == ()
    assert awesomeparse.lint(text) == []


# Parentheses in and after URLs -------------------------------------------------------------


def test_open_parentheses_inside_a_url_stay_in_the_url() -> None:
    text = "https://example.com/" + "(" * SIZE
    (url,) = only_block(text).children
    assert (url.type, url.span.start, url.span.end) == ("url", 0, len(text))
    (entry,) = awesomeparse.parse(text).entries
    assert entry.links[0].url == text
    awesomeparse.lint(text)


def test_unbalanced_closing_parentheses_after_a_url_are_trimmed() -> None:
    text = "https://example.com/a(b)" + ")" * SIZE
    (url,) = only_block(text).children
    assert url.text == "https://example.com/a(b)"
    (entry,) = awesomeparse.parse(text).entries
    assert [link.url for link in entry.links] == ["https://example.com/a(b)"]
    awesomeparse.lint(text)


def test_a_link_nested_in_deep_brackets_keeps_its_text_and_target() -> None:
    depth = SIZE // 4
    text = "[" * depth + "[Net](https://arxiv.org/abs/1703.06870)" + "]" * depth
    children = only_block(text).children
    assert [(child.type, child.text) for child in children] == [("link", "Net")]
    assert children[0].target is not None
    assert children[0].target.slice(text) == "https://arxiv.org/abs/1703.06870"
    assert children[0].span.start == depth


def test_brackets_nested_without_a_link_make_no_token() -> None:
    text = "[" * (SIZE // 2) + "]" * (SIZE // 2)
    assert only_block(text).children == ()
    awesomeparse.lint(text)


def test_prose_in_nested_parentheses_is_no_link_target() -> None:
    # Each ``[a](`` opens a target holding words with spaces and no quoted title: not a link,
    # until the innermost, whose target is one word.
    depth = SIZE // 5
    text = "[a]( " * depth + "x" + ")" * depth
    children = only_block(text).children
    assert [(child.type, child.text, child.span.start) for child in children] == [("link", "a", 5 * (depth - 1))]
    assert children[0].target is not None and children[0].target.slice(text) == "x"
    awesomeparse.lint(text)


def test_a_quoted_title_far_inside_nested_parentheses_still_makes_the_outer_link() -> None:
    depth = SIZE // 10
    text = '[a](u ' + "( " * depth + '"t"' + ")" * (depth + 1)
    (link,) = only_block(text).children
    assert (link.type, link.text, link.span.end) == ("link", "a", len(text))
    assert link.target is not None and link.target.slice(text) == "u"


# Nesting ------------------------------------------------------------------------------------


def test_bullets_nested_on_one_line_are_one_item() -> None:
    text = "- " * (SIZE // 2) + "x"
    block = only_block(text)
    assert (block.type, block.markup, block.text) == ("bullet", "-", text[2:])
    assert awesomeparse.parse(text).entries == ()
    assert awesomeparse.lint(text) == []


def test_a_staircase_of_bullets_nests_one_section_per_level() -> None:
    depth = 440  # two more spaces a level: ~200 KB
    text = "".join("  " * level + f"- level {level}\n" for level in range(depth))
    tokens = tokens_of(text)
    assert [token.indent for token in tokens] == [2 * level for level in range(depth)]
    document = awesomeparse.parse(text)
    # Every item with a deeper item below is a topic over it; the last is a plain item.
    assert len(document.sections) == depth - 1
    assert document.sections[-1].path == tuple(f"level {level}" for level in range(depth - 1))
    awesomeparse.lint(text)


# Many lines ---------------------------------------------------------------------------------


def test_a_hundred_thousand_headings_are_as_many_sections() -> None:
    text = "# h\n" * 100_000
    document = awesomeparse.parse(text)
    assert len(document.sections) == 100_000
    assert document.sections[-1].line == 100_000
    assert {section.path for section in document.sections} == {("h",)}
    assert document.entries == ()


def test_each_of_many_empty_headings_is_reported_once() -> None:
    count = 100_000
    findings = awesomeparse.lint("# h\n" * count)
    assert [finding.code for finding in findings] == ["AP404"] * count
    assert [finding.line for finding in findings] == list(range(1, count + 1))


def test_a_single_line_table_row_is_one_entry_with_every_link() -> None:
    cells = SIZE // 50
    arxiv_ids = [f"17{number % 12 + 1:02d}.{number:05d}" for number in range(cells)]
    row = "".join(f"| [Net{number}](https://arxiv.org/abs/{arxiv_id}) " for number, arxiv_id in enumerate(arxiv_ids))
    text = "| Method | Paper |\n|---|---|\n" + row + "|\n"
    tokens = tokens_of(text)
    assert [token.type for token in tokens] == ["table_row", "table_delimiter", "table_row"]
    assert len(tokens[2].children) == cells
    (entry,) = awesomeparse.parse(text).entries
    assert entry.title == "Net0"
    assert len(entry.links) == cells
    assert entry.ids.arxiv == tuple(arxiv_ids)
    awesomeparse.lint(text)


def test_a_list_item_wrapped_over_many_url_lines_keeps_every_link_on_its_line() -> None:
    count = SIZE // 20
    text = "- Net\n" + "".join(f"https://a.io/{number}\n" for number in range(count))
    block = only_block(text)
    assert (block.type, block.line, block.end_line) == ("bullet", 1, count + 1)
    assert [child.line for child in block.children] == list(range(2, count + 2))
    (entry,) = awesomeparse.parse(text).entries
    assert entry.title == "Net"
    assert [(link.url, link.line) for link in entry.links] == [
        (f"https://a.io/{number}", number + 2) for number in range(count)
    ]
    awesomeparse.lint(text)


def test_a_heading_naming_many_papers_gives_each_its_alias() -> None:
    count = 2_000
    names = "/".join(f"Net{number}" for number in range(count))
    titles = "".join(f"**Net{number} for Segmentation**\n\n" for number in range(count))
    document = awesomeparse.parse(f"## {names}\n\n{titles}")
    assert [entry.aliases for entry in document.entries] == [(f"Net{number}",) for number in range(count)]


def test_a_long_run_of_blanks_inside_a_heading_stays_in_its_text() -> None:
    text = "# a" + " " * SIZE + "b ##"
    (heading,) = tokens_of(text)
    assert (heading.type, heading.text) == ("heading", "a" + " " * SIZE + "b")
    awesomeparse.lint(text)


def test_a_long_run_of_blanks_between_names_and_in_a_label_is_read_in_one_pass() -> None:
    found = people.parse("Ab" + " " * SIZE + "Cd, Ef Gh")
    assert found is not None
    assert found.authors == ("Ab" + " " * SIZE + "Cd", "Ef Gh")
    label = labels.parse("github" + " " * SIZE + "(official, PyTorch)")
    assert (label.name, label.canonical, label.framework, label.official) == ("github", "github", "PyTorch", True)


def test_a_long_front_matter_line_is_read_as_a_pair() -> None:
    text = "---\ntitle:" + " " * SIZE + "Detection  \n---\n# h\n"
    assert from_text(text).front_matter == (("title", "Detection"),)


# Bytes ----------------------------------------------------------------------------------------


def test_random_bytes_with_a_nul_are_rejected_naming_the_line() -> None:
    data = random.Random(1).randbytes(SIZE)
    first_nul = data.index(b"\x00")
    with pytest.raises(SourceError) as caught:
        decode(data, "random.bin")
    assert caught.value.message == "binary file (NUL byte), not a text list"
    assert caught.value.line == data.count(b"\n", 0, first_nul) + 1


def test_random_bytes_without_a_nul_are_rejected_at_the_first_bad_byte() -> None:
    data = bytes(byte or 1 for byte in random.Random(2).randbytes(SIZE))
    with pytest.raises(SourceError) as caught:
        decode(data, "random.bin")
    with pytest.raises(UnicodeDecodeError) as utf8:
        data.decode("utf-8")
    bad = utf8.value.start
    line = data.count(b"\n", 0, bad) + 1
    column = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
    assert caught.value.line == line
    assert caught.value.message == f"not valid UTF-8 (byte 0x{data[bad:bad + 1].hex()} at column {column})"


# Property: hostile lines ------------------------------------------------------------------------

UNITS = [
    "[", "]", "(", ")", "<", ">", "{", "}", "**", "__", "*", "_", "a_", "!", "![", "#", "# ", "|", "`", "~", " ",
    "\t", "-", "- ", ":", "：", '"', "“", "\\", ",", "x", "Net", "中", "2019", "CVPR ", "arXiv:1703.06870 ",
    "https://", "https://a.io/", "www.", "[a](", "](", ")(", "[a]", "<https://a.io/", "{https://a.io}(",
]

hostile_lines = st.lists(
    st.tuples(st.sampled_from(UNITS), st.integers(min_value=1, max_value=400)), min_size=1, max_size=4
).map(lambda runs: "".join(unit * times for unit, times in runs))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_lines, min_size=1, max_size=4))
def test_hostile_lines_parse_lint_and_round_trip(lines: list[str]) -> None:
    text = "\n".join(lines)
    document = awesomeparse.parse(text)
    assert Document.from_json(document.to_json()) == document
    line_count = text.count("\n") + 1
    for finding in awesomeparse.lint(text):
        assert 1 <= finding.line <= line_count


# The linear scans against the obvious slow ones they replaced.


def rescanning_bare_url_end(text: str, start: int) -> int:
    found = inline._BARE_URL.match(text, start)
    if found is None:
        return start
    end = found.end()
    while end > start:
        last = text[end - 1]
        if last not in ".,;:!?*'\"~" and (last != ")" or text.count("(", start, end) >= text.count(")", start, end)):
            break
        end -= 1
    return end


def split_destination(segment: str, start: int, end: int) -> tuple[int, int] | None:
    found = inline._URLISH.match(segment, start, end)
    if found is not None:
        return None  # only the fallback is compared
    raw = segment[start:end].strip()
    if not raw:
        return start, start
    if any(char.isspace() for char in raw) and '"' not in raw:
        return None
    lead = len(segment[start:end]) - len(segment[start:end].lstrip())
    return start + lead, start + lead + len(raw.split()[0])


CLOSING = regex.compile(r"(?:[ \t]++#++)?+[ \t]*+$")

url_tails = st.one_of(hostile_lines, st.text(alphabet="()a.,;!'~ ", max_size=40), st.text(alphabet="()a.", max_size=12))
url_lines = st.tuples(st.sampled_from(["https://a.io/", "http://x.y/z", "ftp://f"]), url_tails).map("".join)
prose = st.text(alphabet=' \t\u3000\x1c"ab()[]', max_size=30)
blanks_and_marks = st.lists(st.sampled_from([" ", "\t", "#", "##", "a", "C#", "é"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(url_lines)
def test_bare_url_end_trims_what_the_rescanning_loop_trimmed(line: str) -> None:
    for start in [0] + [found.start() for found in regex.finditer(r"(?:https?|ftp)://", line)]:
        assert inline.bare_url_end(line, start) == rescanning_bare_url_end(line, start)


@settings(max_examples=300, deadline=None)
@given(prose, st.sampled_from(["", "(", "( (", "(x y"]))
def test_a_target_falls_back_to_its_first_word_as_split_found_it(raw: str, wrapper: str) -> None:
    segment = wrapper + raw + ")" * wrapper.count("(")
    start, end = len(wrapper), len(wrapper) + len(raw)
    if inline._URLISH.match(segment, start, end) is None:
        got = inline._destination(segment, start, end, inline._Positions(segment))
        assert got == split_destination(segment, start, end)


@settings(max_examples=300, deadline=None)
@given(blanks_and_marks)
def test_heading_text_ends_where_the_closing_sequence_search_found(rest: str) -> None:
    line = "# " + rest
    (heading,) = tokens_of(line)  # no CJK before a #: never two headings on the line
    start = len(line) - len(line[2:].lstrip(" \t"))
    found = CLOSING.search(line, start)
    assert found is not None
    assert heading.text == line[start : found.start()].rstrip(" \t")
