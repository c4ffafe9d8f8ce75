"""Encodings: BOMs, UTF-16, the GB18030 fallback, ``--encoding``, mixed line endings, UTF-8 output."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import shared_file

import awesomeparse
from awesomeparse.cli import main
from awesomeparse.errors import SourceError
from awesomeparse.source import decode, read_file, text_codec

CHINESE_LINES = [
    "# 语义分割",
    "",
    "## 2015 年",
    "",
    "- [2015 CVPR] 全卷积网络：Fully Convolutional Networks for Semantic Segmentation "
    "[[pdf]](https://arxiv.org/abs/1411.4038)",
    "- [2015 MICCAI] U-Net: Convolutional Networks for Biomedical Image Segmentation "
    "[[code]](https://github.com/zhixuhao/unet)",
    "",
    "## 实例分割",
    "",
    "**Mask R-CNN**",
    "",
    "- intro: 何恺明 ICCV 2017",
    "- arxiv: <https://arxiv.org/abs/1703.06870>",
    "- github: [https://github.com/facebookresearch/Detectron](https://github.com/facebookresearch/Detectron)",
]
CHINESE = "\n".join(CHINESE_LINES) + "\n"
# Misspelled label and fullwidth label colon: the two safe fixes turn it back into CHINESE.
CHINESE_BROKEN = CHINESE.replace("- github:", "- gihtub:").replace("- intro: ", "- intro：")
EXPECTED_ENTRIES = [
    (5, 5, "全卷积网络：Fully Convolutional Networks for Semantic Segmentation", ["https://arxiv.org/abs/1411.4038"]),
    (6, 6, "U-Net: Convolutional Networks for Biomedical Image Segmentation", ["https://github.com/zhixuhao/unet"]),
    (10, 14, "Mask R-CNN", ["https://arxiv.org/abs/1703.06870", "https://github.com/facebookresearch/Detectron"]),
]
EXPECTED_SECTIONS = [("语义分割", 1), ("2015 年", 3), ("实例分割", 8)]
GB18030_NOTE = "decoded as GB18030 (not valid UTF-8)"


def _mixed_line_endings(text: str) -> str:
    """Every other line ending CRLF, as files edited on two systems end up."""
    lines = text.split("\n")
    return "".join(line + ("\r\n" if number % 2 else "\n") for number, line in enumerate(lines[:-1])) + lines[-1]


VARIANTS = {
    "utf-8": CHINESE.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + CHINESE.encode("utf-8"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + CHINESE.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + CHINESE.encode("utf-16-be"),
    "utf-16-le-bom-crlf": codecs.BOM_UTF16_LE + CHINESE.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-32-le-bom": codecs.BOM_UTF32_LE + CHINESE.encode("utf-32-le"),
    "gb18030": CHINESE.encode("gb18030"),
    "gb18030-crlf": CHINESE.replace("\n", "\r\n").encode("gb18030"),
    "mixed-crlf-lf": _mixed_line_endings(CHINESE).encode("utf-8"),
}


def _entries(document: dict[str, Any]) -> list[tuple[int, int, str, list[str]]]:
    return [(entry["line"], entry["end_line"], entry["title"], [link["url"] for link in entry["links"]])
            for entry in document["entries"]]


def _sections(document: dict[str, Any]) -> list[tuple[str, int]]:
    return [(section["title"], section["line"]) for section in document["sections"]]


# decoding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "encoding", "bom"),
    [
        ("utf-8", "utf-8", False),
        ("utf-8-bom", "utf-8", True),
        ("utf-16-le-bom", "utf-16-le", True),
        ("utf-16-be-bom", "utf-16-be", True),
        ("utf-32-le-bom", "utf-32-le", True),
        ("gb18030", "gb18030", False),
    ],
)
def test_detected_encoding_and_bom_reproduce_the_bytes(variant: str, encoding: str, bom: bool) -> None:
    data = VARIANTS[variant]
    source = decode(data, "list.md")
    assert source.text == CHINESE
    assert (source.encoding, source.bom) == (encoding, bom)
    assert source.warnings == ((GB18030_NOTE,) if encoding == "gb18030" else ())
    assert (("\ufeff" if source.bom else "") + source.text).encode(source.encoding) == data


def test_mixed_line_endings_are_kept_and_lines_still_count() -> None:
    source = decode(VARIANTS["mixed-crlf-lf"], "list.md")
    assert source.text == _mixed_line_endings(CHINESE)
    assert source.text.count("\r\n") == 7
    assert source.line_index.line_count == 14
    assert source.line_index.line_text(8) == "## 实例分割"


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        # Latin-1 German decodes as GB18030 (ü+b -> 躡, ö+ß -> 鲞) but reads as nothing Chinese.
        pytest.param("# Papers\n- Über die Größe der Bäume\n".encode("latin-1"),
                     "not valid UTF-8 (byte 0xdc at column 3)", 2, id="latin1-that-gb18030-accepts"),
        pytest.param("- Café paper\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at column 6)", 1,
                     id="latin1-that-gb18030-rejects"),
        pytest.param("# 语义\n".encode() + b"\xff\n", "not valid UTF-8 (byte 0xff at column 1)", 2,
                     id="utf8-then-junk"),
        pytest.param("# 标题 x".encode() + b"\xff", "not valid UTF-8 (byte 0xff at column 7)", 1,
                     id="column-counts-characters"),
        pytest.param(codecs.BOM_UTF16_LE + "a\nb".encode("utf-16-le") + b"\x00\xd8",
                     "not valid UTF-16-LE (byte 0x00 at column 2)", 2, id="utf16-lone-surrogate"),
        pytest.param(codecs.BOM_UTF16_BE + "a\n".encode("utf-16-be") + b"\x00", "not valid UTF-16-BE (byte 0x00 at "
                     "column 1)", 2, id="utf16-odd-length"),
    ],
)
def test_undecodable_bytes_name_codec_line_and_column(data: bytes, message: str, line: int) -> None:
    with pytest.raises(SourceError) as caught:
        decode(data, "list.md")
    assert (caught.value.path, caught.value.line, caught.value.message) == ("list.md", line, message)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(codecs.BOM_UTF16_LE + "# a\n\nb\x00c\n".encode("utf-16-le"), id="utf16-le"),
        pytest.param(codecs.BOM_UTF16_BE + "# a\n\nb\x00c\n".encode("utf-16-be"), id="utf16-be"),
        pytest.param(codecs.BOM_UTF8 + b"# a\n\nb\x00c\n", id="utf8-bom"),
        pytest.param("# 语义分割\n\nb\x00c\n".encode("gb18030"), id="gb18030"),
    ],
)
def test_nul_character_is_binary_after_any_bom(data: bytes) -> None:
    with pytest.raises(SourceError) as caught:
        decode(data, "bin.md")
    assert (caught.value.line, caught.value.message) == (3, "binary file (NUL byte), not a text list")


def test_utf16_without_bom_is_not_guessed() -> None:
    with pytest.raises(SourceError) as caught:
        decode("# a\n".encode("utf-16-le"), "list.md")
    assert caught.value.message == "binary file (NUL byte), not a text list"


# forced encodings ---------------------------------------------------------------------


def test_forced_encoding_reads_what_detection_rejects() -> None:
    data = "- Café paper\n".encode("latin-1")
    source = decode(data, "list.md", encoding="latin-1")
    assert (source.text, source.encoding, source.bom, source.warnings) == ("- Café paper\n", "iso8859-1", False, ())


def test_forced_gb18030_gives_no_warning() -> None:
    source = decode(VARIANTS["gb18030"], "list.md", encoding="GBK")
    assert (source.text, source.encoding, source.warnings) == (CHINESE, "gbk", ())


@pytest.mark.parametrize(
    ("variant", "forced", "encoding", "bom"),
    [
        ("utf-16-le-bom", "utf-16", "utf-16-le", True),
        ("utf-16-be-bom", "UTF16", "utf-16-be", True),
        ("utf-8-bom", "utf-8-sig", "utf-8", True),
        ("utf-8", "utf-8-sig", "utf-8", False),
        ("utf-8-bom", "utf8", "utf-8", True),
        ("utf-32-le-bom", "utf-32", "utf-32-le", True),
    ],
)
def test_forced_bom_consuming_codecs_keep_the_bom_exactly_once(variant: str, forced: str, encoding: str,
                                                               bom: bool) -> None:
    data = VARIANTS[variant]
    source = decode(data, "list.md", encoding=forced)
    assert (source.text, source.encoding, source.bom) == (CHINESE, encoding, bom)
    assert (("\ufeff" if source.bom else "") + source.text).encode(source.encoding) == data


def test_forced_utf16_without_bom_is_little_endian() -> None:
    source = decode("# 标题\n".encode("utf-16-le"), "list.md", encoding="utf-16")
    assert (source.text, source.encoding, source.bom) == ("# 标题\n", "utf-16-le", False)


def test_forced_encoding_that_does_not_fit_names_the_codec() -> None:
    with pytest.raises(SourceError) as caught:
        decode("# ok\n# 标题\n".encode(), "list.md", encoding="ascii")
    assert str(caught.value) == "list.md:2: not valid ASCII (byte 0xe6 at column 3)"


@pytest.mark.parametrize("name", ["bogus", "base64", "rot13", "undefined", "", "utf\x008"])
def test_unknown_or_non_text_codec(name: str) -> None:
    with pytest.raises(LookupError):
        text_codec(name)
    with pytest.raises(SourceError) as caught:
        decode(b"# a\n", "list.md", encoding=name)
    assert (caught.value.line, caught.value.message) == (None, f"unknown encoding {name!r}")


def test_parse_file_forwards_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes("# Papers\n- [2017 CVPR] Über Titel\n".encode("cp1252"))
    with pytest.raises(SourceError):
        awesomeparse.parse_file(path)
    document = awesomeparse.parse_file(path, encoding="cp1252")
    assert [(entry.line, entry.title) for entry in document.entries] == [(2, "Über Titel")]
    assert read_file(path, "cp1252").encoding == "cp1252"


# command line -------------------------------------------------------------------------


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_encoding_gives_the_entries_of_the_utf8_original(
    variant: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "list.md"
    listing.write_bytes(VARIANTS[variant])
    out = tmp_path / "out.json"

    assert main(["parse", str(listing), "-o", str(out)]) == 0

    captured = capsys.readouterr()
    assert captured.out == ""
    warned = variant.startswith("gb18030")
    assert captured.err == (f"awesomeparse: warning: {listing}: {GB18030_NOTE}\n" if warned else "")
    # The JSON is UTF-8 whatever the list was written in.
    document = json.loads(out.read_bytes().decode("utf-8"))
    assert _entries(document) == EXPECTED_ENTRIES
    assert _sections(document) == EXPECTED_SECTIONS
    assert "语义分割".encode() in out.read_bytes()


def test_forced_encoding_option_silences_the_fallback_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "list.md"
    listing.write_bytes(VARIANTS["gb18030"])

    assert main(["parse", "--encoding", "gb18030", str(listing)]) == 0

    captured = capsys.readouterr()
    assert captured.err == ""
    assert _entries(json.loads(captured.out)) == EXPECTED_ENTRIES


def test_forced_encoding_option_reads_latin1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "list.md"
    listing.write_bytes("# Papers\n- [2016 ECCV] Über Segmentierung\n".encode("latin-1"))

    assert main(["parse", str(listing)]) == 2
    assert capsys.readouterr().err == f"awesomeparse: error: {listing}:2: not valid UTF-8 (byte 0xdc at column 15)\n"
    assert main(["parse", "--encoding", "latin-1", str(listing)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert [entry["title"] for entry in json.loads(captured.out)["entries"]] == ["Über Segmentierung"]


def test_merge_and_lint_take_the_encoding_option_and_warn_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "a.md").write_bytes(VARIANTS["gb18030"])
    (folder / "b.md").write_bytes(VARIANTS["utf-16-le-bom"])
    note = f"awesomeparse: warning: {folder / 'a.md'}: {GB18030_NOTE}\n"

    assert main(["merge", str(folder)]) == 0
    captured = capsys.readouterr()
    assert captured.err == note
    graph = json.loads(captured.out)
    assert len(graph["papers"]) == 3

    assert main(["lint", str(folder)]) == 0
    assert capsys.readouterr().err == note

    assert main(["merge", "--encoding", "gb18030", str(folder / "a.md")]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("gb18030", False, "\n"),
        ("gb18030", False, "\r\n"),
        ("utf-16-le", True, "\r\n"),
        ("utf-16-be", True, "\n"),
        ("utf-8", True, "\r\n"),
    ],
)
def test_fix_writes_back_in_the_files_own_encoding(
    encoding: str, bom: bool, newline: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def encoded(text: str) -> bytes:
        return (("\ufeff" if bom else "") + text.replace("\n", newline)).encode(encoding)

    listing = tmp_path / "list.md"
    listing.write_bytes(encoded(CHINESE_BROKEN))

    assert main(["lint", "--fix", str(listing)]) == 0

    warned = encoding == "gb18030"
    assert capsys.readouterr().err == (f"awesomeparse: warning: {listing}: {GB18030_NOTE}\n" if warned else "")
    # Exactly the two fixed lines changed; every other byte, BOM and line endings included, is as it was.
    assert listing.read_bytes() == encoded(CHINESE)
    assert os.listdir(tmp_path) == ["list.md"]


def test_fix_with_forced_encoding_writes_that_encoding(tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    text = "# Papers\n\n**Über Segmentierung**\n\n- gihtub: <https://github.com/a/b>\n"
    listing.write_bytes(text.encode("latin-1"))

    assert main(["lint", "--fix", "--encoding", "latin-1", str(listing)]) == 0

    assert listing.read_bytes() == text.replace("gihtub", "github").encode("latin-1")


def test_standard_output_is_utf8_whatever_the_terminal_encoding(tmp_path: Path) -> None:
    listing = tmp_path / "list.md"
    listing.write_bytes(VARIANTS["utf-16-be-bom"])
    environment = {**os.environ, "PYTHONIOENCODING": "latin-1"}

    result = subprocess.run([sys.executable, "-m", "awesomeparse", "parse", str(listing)], capture_output=True,
                            env=environment, timeout=120, check=False)

    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert _entries(json.loads(result.stdout.decode("utf-8"))) == EXPECTED_ENTRIES


# real lists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_real_chinese_list_reads_the_same_in_other_encodings(encoding: str, prefix: bytes, tmp_path: Path) -> None:
    original = shared_file("corpus", "52cv-cvpr2021-papers-zh.md")
    text = original.read_bytes().decode("utf-8")
    copy = tmp_path / original.name
    copy.write_bytes(prefix + text.encode(encoding))

    source = read_file(copy)

    assert (source.encoding, source.bom, source.text) == (encoding, bool(prefix), text)
    expected = awesomeparse.parse_file(original)
    assert len(expected.entries) > 100
    assert awesomeparse.parse_file(copy).entries == expected.entries
