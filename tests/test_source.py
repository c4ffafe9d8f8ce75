"""awesomeparse.source (decoding, BOM, front matter) and awesomeparse.spans.LineIndex."""

from __future__ import annotations

from pathlib import Path

import pytest

import awesomeparse
from awesomeparse.errors import SourceError
from awesomeparse.source import decode, from_text, read_file, read_front_matter
from awesomeparse.spans import LineIndex, Span
from awesomeparse.tokens import tokenize

BOM = b"\xef\xbb\xbf"

# BOM ----------------------------------------------------------------------------------


def test_from_text_strips_and_remembers_a_leading_bom() -> None:
    source = from_text("\ufeff# Title\n- item\n")
    assert source.bom is True
    assert source.text == "# Title\n- item\n"
    assert source.path == "<text>"


def test_from_text_without_bom() -> None:
    source = from_text("# Title\n", "list.md")
    assert source.bom is False
    assert source.text == "# Title\n"
    assert source.path == "list.md"


def test_only_the_leading_bom_is_stripped() -> None:
    source = from_text("\ufeff\ufeffa\ufeffb")
    assert source.bom is True
    assert source.text == "\ufeffa\ufeffb"
    inner = from_text("a\ufeffb")
    assert inner.bom is False
    assert inner.text == "a\ufeffb"


def test_decode_strips_and_remembers_a_utf8_bom() -> None:
    source = decode(BOM + "# 标题\r\n- item\r\n".encode(), "list.md")
    assert source.bom is True
    assert source.text == "# 标题\r\n- item\r\n"
    assert source.path == "list.md"
    assert source.encoding == "utf-8"
    assert source.newline == "\r\n"


def test_decode_without_bom_keeps_line_endings() -> None:
    source = decode(b"a\nb\r\nc\n", "list.md")
    assert source.bom is False
    assert source.text == "a\nb\r\nc\n"
    assert source.newline == "\n"


def test_bom_only_file_is_empty_text() -> None:
    source = decode(BOM, "empty.md")
    assert source.bom is True
    assert source.text == ""
    assert awesomeparse.parse_source(source).entries == ()


def test_bom_does_not_shift_spans() -> None:
    text = "# A\n- [2017 CVPR] Title\n"
    plain = awesomeparse.parse(text)
    with_bom = awesomeparse.parse("\ufeff" + text)
    assert with_bom == plain
    assert with_bom.entries[0].span == Span(4, 23)
    assert with_bom.entries[0].span.slice(text) == "- [2017 CVPR] Title"


# decoding errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "column", "byte"),
    [
        pytest.param(b"\xff", 1, 1, "ff", id="first-byte"),
        pytest.param(b"# ok\n\nab\xffcd\n", 3, 3, "ff", id="mid-line"),
        pytest.param(b"ok\r\n\xc3(\r\n", 2, 1, "c3", id="crlf-bad-continuation"),
        pytest.param(b"abc\ndef\xe2\x82", 2, 4, "e2", id="truncated-at-eof"),
        pytest.param(BOM + b"x\xfe", 1, 2, "fe", id="after-bom"),
    ],
)
def test_invalid_utf8_names_line_and_column(data: bytes, line: int, column: int, byte: str) -> None:
    with pytest.raises(SourceError) as caught:
        decode(data, "dir/list.md")
    error = caught.value
    assert error.path == "dir/list.md"
    assert error.line == line
    assert error.message == f"not valid UTF-8 (byte 0x{byte} at column {column})"
    assert str(error) == f"dir/list.md:{line}: not valid UTF-8 (byte 0x{byte} at column {column})"
    assert error.one_line() == str(error)


def test_nul_byte_is_a_binary_file_error_with_its_line() -> None:
    with pytest.raises(SourceError) as caught:
        decode(b"# a\n\nb\x00c\n", "bin.md")
    assert caught.value.path == "bin.md"
    assert caught.value.line == 3
    assert caught.value.message == "binary file (NUL byte), not a text list"


def test_nul_byte_is_reported_before_invalid_utf8() -> None:
    with pytest.raises(SourceError) as caught:
        decode(b"\xff\n\x00", "bin.md")
    assert caught.value.line == 2
    assert "binary" in caught.value.message


def test_read_file_missing(tmp_path: Path) -> None:
    path = tmp_path / "nope.md"
    with pytest.raises(SourceError) as caught:
        read_file(path)
    assert caught.value.path == str(path)
    assert caught.value.line is None
    assert caught.value.message == "no such file"
    assert str(caught.value) == f"{path}: no such file"


def test_read_file_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_file(tmp_path)
    assert caught.value.path == str(tmp_path)
    assert caught.value.line is None
    assert "directory" in caught.value.message


def test_read_file_decodes_and_keeps_the_path(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(BOM + b"---\r\ntitle: T\r\n---\r\n# A\r\n")
    source = read_file(path)
    assert source.path == str(path)
    assert source.bom is True
    assert source.text == "---\r\ntitle: T\r\n---\r\n# A\r\n"
    assert source.front_matter == (("title", "T"),)
    assert source.front_matter_lines == 3


# front matter -------------------------------------------------------------------------

YAML_FRONT_MATTER = "---\nlayout: post\ncategory: deep_learning\ntitle: Detection\ndate: 2015-10-09\n---\n\n# Papers\n"


def test_yaml_front_matter_pairs_and_line_count() -> None:
    source = from_text(YAML_FRONT_MATTER)
    assert source.front_matter == (
        ("layout", "post"),
        ("category", "deep_learning"),
        ("title", "Detection"),
        ("date", "2015-10-09"),
    )
    assert source.front_matter_lines == 6
    assert source.text == YAML_FRONT_MATTER


def test_yaml_front_matter_with_crlf() -> None:
    text = YAML_FRONT_MATTER.replace("\n", "\r\n")
    source = from_text(text)
    assert source.front_matter == from_text(YAML_FRONT_MATTER).front_matter
    assert source.front_matter_lines == 6


def test_yaml_front_matter_quotes_empty_values_continuations_and_dots_fence() -> None:
    text = "--- \ntitle: 'Quoted'\ndate: \"2020\"\ntags:\n  - cv\n  - nlp\nempty:\n...\n# Body\n"
    assert read_front_matter(text) == ((("title", "Quoted"), ("date", "2020"), ("tags", ""), ("empty", "")), 8)


def test_front_matter_is_skipped_by_the_tokenizer_and_parser() -> None:
    text = "---\ntitle: [2017 CVPR] Not An Entry\nlayout: post\n---\n# Papers\n- [2018 ECCV] Real Entry\n"
    source = from_text(text)
    assert source.front_matter == (("title", "[2017 CVPR] Not An Entry"), ("layout", "post"))
    tokens = tokenize(source)
    assert tokens[0].type == "front_matter"
    assert tokens[0].line == 1
    assert tokens[0].span == Span(0, text.index("\n---\n") + 4)
    assert [token.type for token in tokens[1:]] == ["heading", "bullet"]
    assert [token.line for token in tokens[1:]] == [5, 6]

    document = awesomeparse.parse(text)
    assert document.front_matter == (("title", "[2017 CVPR] Not An Entry"), ("layout", "post"))
    assert [(entry.line, entry.title, entry.year) for entry in document.entries] == [(6, "Real Entry", 2018)]
    assert [(section.title, section.line) for section in document.sections] == [("Papers", 5)]


WIKI_FRONT_MATTER = (
    "---\n"
    "Title | Image Segmentation\n"
    "-- | --\n"
    "Create Date | `2019-03-28T03:26:31Z`\n"
    "Edit link | [here](https://example.com/issues/1)\n"
    "\n"
    "---\n"
    "# Reference\n"
)


def test_wiki_table_front_matter() -> None:
    source = from_text(WIKI_FRONT_MATTER)
    assert source.front_matter == (
        ("Title", "Image Segmentation"),
        ("Create Date", "2019-03-28T03:26:31Z"),
        ("Edit link", "[here](https://example.com/issues/1)"),
    )
    assert source.front_matter_lines == 7
    document = awesomeparse.parse(WIKI_FRONT_MATTER)
    assert document.front_matter == source.front_matter
    assert document.entries == ()
    assert [(section.title, section.line) for section in document.sections] == [("Reference", 8)]


def test_piped_wiki_table_front_matter() -> None:
    text = "---\n| Key | Value |\n|---|---|\n| title | Awesome list |\n| tags | `cv` |\n---\n"
    assert read_front_matter(text) == ((("Key", "Value"), ("title", "Awesome list"), ("tags", "cv")), 6)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# Title\n---\ntitle: x\n---\n", id="not-at-top"),
        pytest.param("---\ntitle: x\n", id="unclosed"),
        pytest.param("---\ntitle: x\nno fence here", id="unclosed-no-newline"),
        pytest.param("---\n# Heading\n---\n", id="heading-inside"),
        pytest.param("---\nSome prose in a paragraph\n---\n", id="prose-inside"),
        pytest.param("----\ntitle: x\n---\n", id="four-dashes"),
        pytest.param("---\n---\nx\n", id="empty-block"),
        pytest.param(" ---\ntitle: x\n---\n", id="indented-fence"),
    ],
)
def test_not_front_matter(text: str) -> None:
    assert read_front_matter(text) == ((), 0)
    source = from_text(text)
    assert source.front_matter == ()
    assert source.front_matter_lines == 0
    assert all(token.type != "front_matter" for token in tokenize(source))


def test_front_matter_after_bom() -> None:
    source = decode(BOM + b"---\ntitle: x\n---\n", "x.md")
    assert source.bom is True
    assert source.front_matter == (("title", "x"),)
    assert source.front_matter_lines == 3


# LineIndex ----------------------------------------------------------------------------

CRLF_TEXT = "ab\r\ncd\r\n\r\nef"  # lines: "ab", "cd", "", "ef"


def test_line_index_line_spans_exclude_crlf() -> None:
    index = LineIndex(CRLF_TEXT)
    assert index.line_count == 4
    assert [index.line_span(line) for line in range(1, 5)] == [Span(0, 2), Span(4, 6), Span(8, 8), Span(10, 12)]
    assert [index.line_text(line) for line in range(1, 5)] == ["ab", "cd", "", "ef"]


def test_line_index_line_spans_lf_and_mixed() -> None:
    index = LineIndex("ab\ncd\r\n\nef\n")
    assert index.line_count == 4
    assert [index.line_span(line) for line in range(1, 5)] == [Span(0, 2), Span(3, 5), Span(7, 7), Span(8, 10)]


def test_line_index_lone_cr_is_not_a_line_break() -> None:
    index = LineIndex("a\rb\nc")
    assert index.line_count == 2
    assert index.line_text(1) == "a\rb"
    assert index.position(2) == (1, 3)
    assert index.position(4) == (2, 1)


def test_line_index_position_with_crlf() -> None:
    index = LineIndex(CRLF_TEXT)
    expected = [
        (1, 1), (1, 2), (1, 3), (1, 4),  # a b \r \n
        (2, 1), (2, 2), (2, 3), (2, 4),  # c d \r \n
        (3, 1), (3, 2),  # \r \n
        (4, 1), (4, 2), (4, 3),  # e f EOF
    ]  # fmt: skip
    assert [index.position(offset) for offset in range(len(CRLF_TEXT) + 1)] == expected


def test_line_index_offset_with_crlf() -> None:
    index = LineIndex(CRLF_TEXT)
    assert index.offset(1) == 0
    assert index.offset(2) == 4
    assert index.offset(3) == 8
    assert index.offset(4) == 10
    assert index.offset(4, 2) == 11
    assert CRLF_TEXT[index.offset(2, 2)] == "d"


def test_line_index_offset_and_position_are_inverse() -> None:
    text = "# 标题\r\n\r\n- [2017 CVPR] 𝔘nicode\r\nlast"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert index.offset(line, column) == offset
        assert line == text.count("\n", 0, offset) + 1


@pytest.mark.parametrize("line", [0, 3, -1])
def test_line_index_offset_out_of_range(line: int) -> None:
    with pytest.raises(IndexError):
        LineIndex("a\nb").offset(line)


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 1), ("a", 1), ("a\n", 1), ("a\r\n", 1), ("a\nb", 2), ("a\nb\n", 2), ("\n\n", 2), ("a\r\nb\r\n", 2)],
)
def test_line_index_line_count(text: str, count: int) -> None:
    assert LineIndex(text).line_count == count


def test_line_index_line_of() -> None:
    index = LineIndex("a\r\nb\r\n")
    assert [index.line_of(offset) for offset in range(6)] == [1, 1, 1, 2, 2, 2]


def test_source_line_index_matches_its_text() -> None:
    source = from_text("\ufeffx\r\ny")
    assert source.line_index.line_text(1) == "x"
    assert source.line_index.line_span(2) == Span(3, 4)


def test_span_slice_and_validation() -> None:
    span = Span(4, 6)
    assert span.slice(CRLF_TEXT) == "cd"
    assert len(span) == 2
    assert span.contains(Span(5, 6))
    assert not span.contains(Span(3, 5))
    assert span.shift(-4) == Span(0, 2)
    with pytest.raises(ValueError, match="precedes"):
        Span(3, 2)
    with pytest.raises(ValueError, match="non-negative"):
        Span(-1, 2)
