"""The ``awesomeparse parse`` command: exit codes, one-line errors, atomic output, line endings."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import awesomeparse
from awesomeparse.cli import _io, main
from awesomeparse.errors import SourceError
from awesomeparse.model import DOCUMENT_SCHEMA, Document

LIST_LINES = [
    "# Object Detection",
    "",
    "## 2017",
    "",
    "- [2017 CVPR] Feature Pyramid Networks for Object Detection [[pdf]](https://arxiv.org/abs/1612.03144)",
    "- [2016 ECCV] SSD: Single Shot MultiBox Detector [[code]](https://github.com/weiliu89/caffe)",
    "- [2015 NIPS] Faster R-CNN [[pdf]](https://arxiv.org/abs/1506.01497)",
    "",
    "## Classification",
    "",
    "**Deep Residual Learning for Image Recognition**",
    "",
    "- arxiv: <https://arxiv.org/abs/1512.03385>",
    "- github: [https://github.com/KaimingHe/resnet](https://github.com/KaimingHe/resnet)",
]
LIST_TEXT = "\n".join(LIST_LINES) + "\n"
EXPECTED = [
    (5, "Feature Pyramid Networks for Object Detection", ["https://arxiv.org/abs/1612.03144"]),
    (6, "SSD: Single Shot MultiBox Detector", ["https://github.com/weiliu89/caffe"]),
    (7, "Faster R-CNN", ["https://arxiv.org/abs/1506.01497"]),
    (
        11,
        "Deep Residual Learning for Image Recognition",
        ["https://arxiv.org/abs/1512.03385", "https://github.com/KaimingHe/resnet"],
    ),
]
EXPECTED_END_LINES = [5, 6, 7, 14]
EXPECTED_SECTIONS = [("Object Detection", 1), ("2017", 3), ("Classification", 9)]


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def _entry_lines(document: dict[str, Any]) -> list[tuple[int, str | None, list[str]]]:
    return [(entry["line"], entry["title"], [link["url"] for link in entry["links"]]) for entry in document["entries"]]


def _error_line(stderr: str) -> str:
    """The stderr of a failed run: exactly one line, with the CLI's error prefix."""
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {stderr!r}"
    assert stderr.endswith("\n")
    assert lines[0].startswith("awesomeparse: error: "), lines[0]
    return lines[0]


# success ------------------------------------------------------------------------------


def test_parse_writes_valid_json_to_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)
    out = tmp_path / "out.json"

    assert main(["parse", str(listing), "-o", str(out)]) == 0

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""
    text = out.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["schema"] == DOCUMENT_SCHEMA == "awesomeparse.document/1"
    assert data["source"] == str(listing)
    assert _entry_lines(data) == EXPECTED
    assert Document.from_json(text) == awesomeparse.parse_file(listing)
    # The temporary file was renamed over the target: nothing else is left beside it.
    assert sorted(os.listdir(tmp_path)) == ["list.md", "out.json"]


def test_parse_replaces_an_existing_output_file(tmp_path: Path) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)
    out = _write(tmp_path / "out.json", "old contents\n")

    assert main(["parse", str(listing), "--output", str(out)]) == 0

    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == DOCUMENT_SCHEMA
    assert sorted(os.listdir(tmp_path)) == ["list.md", "out.json"]


def test_parse_without_output_prints_indented_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)

    assert main(["parse", str(listing)]) == 0

    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith('{\n  "schema": "awesomeparse.document/1",\n')
    assert _entry_lines(json.loads(captured.out)) == EXPECTED


def test_compact_output_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)

    assert main(["parse", "--compact", str(listing)]) == 0

    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.endswith("}\n")
    assert _entry_lines(json.loads(out)) == EXPECTED


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"awesomeparse {awesomeparse.__version__}\n"


# unreadable input ---------------------------------------------------------------------


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-list.md"


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "a-directory.md"
    path.mkdir()
    return path


def _binary(tmp_path: Path) -> Path:
    return _write(tmp_path / "binary.md", b"# Title\n\n- [2017 CVPR] A\x00B\n")


def _invalid_utf8(tmp_path: Path) -> Path:
    return _write(tmp_path / "latin1.md", "# Title\n- Caf\u00e9 paper\n".encode("latin-1"))


@pytest.mark.parametrize(
    ("make_input", "line", "reason"),
    [
        pytest.param(_missing, None, "no such file", id="missing"),
        pytest.param(_directory, None, "directory", id="directory"),
        pytest.param(_binary, 3, "binary", id="binary"),
        pytest.param(_invalid_utf8, 2, "UTF-8", id="invalid-utf8"),
    ],
)
def test_unreadable_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make_input: Any,
    line: int | None,
    reason: str,
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    listing = make_input(inputs)
    outputs = tmp_path / "out"
    outputs.mkdir()
    out = outputs / "result.json"

    assert main(["parse", str(listing), "-o", str(out)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    message = _error_line(captured.err)
    assert str(listing) in message
    if line is not None:
        assert f"awesomeparse: error: {listing}:{line}: " in message
    else:
        assert message.startswith(f"awesomeparse: error: {listing}: ")
    assert reason in message
    assert not out.exists()
    assert os.listdir(outputs) == []


def test_unreadable_input_leaves_an_existing_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _invalid_utf8(tmp_path)
    out = _write(tmp_path / "out.json", "previous run\n")

    assert main(["parse", str(listing), "-o", str(out)]) == 2

    assert str(listing) in _error_line(capsys.readouterr().err)
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(os.listdir(tmp_path)) == ["latin1.md", "out.json"]


def test_invalid_utf8_message_names_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "bad.md", b"# ok\n\nab\xffcd\n")

    assert main(["parse", str(listing)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert _error_line(captured.err) == f"awesomeparse: error: {listing}:3: not valid UTF-8 (byte 0xff at column 3)"


# usage errors -------------------------------------------------------------------------


def test_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "usage: awesomeparse" in captured.err


def test_parse_without_a_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert _error_line(captured.err) == "awesomeparse: error: the following arguments are required: PATH"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--bogus"], id="top-level"),
        pytest.param(["parse", "list.md", "--bogus"], id="parse"),
    ],
)
def test_unknown_option_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--bogus" in _error_line(captured.err)


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "frobnicate" in _error_line(captured.err)


# output errors ------------------------------------------------------------------------


def test_output_into_missing_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)
    out = tmp_path / "missing-dir" / "out.json"

    assert main(["parse", str(listing), "-o", str(out)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(out) in _error_line(captured.err)
    assert not out.parent.exists()
    assert sorted(os.listdir(tmp_path)) == ["list.md"]


def test_output_onto_a_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)
    target = tmp_path / "target"
    target.mkdir()

    assert main(["parse", str(listing), "-o", str(target)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(target) in _error_line(captured.err)
    assert os.listdir(target) == []
    assert sorted(os.listdir(tmp_path)) == ["list.md", "target"]


def test_output_under_a_regular_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)
    out = listing / "out.json"  # a path "inside" a regular file: its directory cannot exist

    assert main(["parse", str(listing), "-o", str(out)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(out) in _error_line(captured.err)
    assert listing.read_text(encoding="utf-8") == LIST_TEXT
    assert sorted(os.listdir(tmp_path)) == ["list.md"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failed_write_keeps_the_old_output_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    out = _write(tmp_path / "out.json", "old\n")

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_io.os, failing, disk_full)
    with pytest.raises(SourceError) as caught:
        _io.write_atomic(str(out), "new\n")
    monkeypatch.undo()

    assert str(caught.value) == f"{out}: cannot write: No space left on device"

    assert out.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["out.json"]


def test_write_atomic_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    out = _write(tmp_path / "out.json", "old\n")
    out.chmod(0o600)
    _io.write_atomic(str(out), "new\n")
    assert out.read_text(encoding="utf-8") == "new\n"
    assert out.stat().st_mode & 0o777 == 0o600


def test_write_atomic_streams_pieces_in_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _write(tmp_path / "out.json", "old\n")
    monkeypatch.setattr(_io, "_BLOCK", 8)
    written: list[bytes] = []
    real_write = os.write

    def recording_write(handle: int, data: bytes) -> int:
        written.append(bytes(data))
        return real_write(handle, data)

    monkeypatch.setattr(_io.os, "write", recording_write)
    _io.write_atomic(str(out), (f"line {number}\n" for number in range(4)))
    monkeypatch.undo()

    assert out.read_text(encoding="utf-8") == "line 0\nline 1\nline 2\nline 3\n"
    assert written == [b"line 0\nline 1\n", b"line 2\nline 3\n"]
    assert os.listdir(tmp_path) == ["out.json"]


def test_streamed_text_that_cannot_be_encoded_keeps_the_old_file(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = _write(tmp_path / "out.txt", "old\n")
    monkeypatch.setattr(_io, "_BLOCK", 8)
    pieces = ["first\n", "second\n", "third \u4e2d\n"]
    with pytest.raises(SourceError) as caught:
        _io.write_atomic(str(out), iter(pieces), "latin-1")
    assert str(caught.value) == f"{out}:3: cannot write: latin-1 has no U+4E2D"
    assert out.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


# encodings and line endings -----------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(LIST_TEXT.encode("utf-8"), id="lf"),
        pytest.param(LIST_TEXT.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(b"\xef\xbb\xbf" + LIST_TEXT.encode("utf-8"), id="bom-lf"),
        pytest.param(b"\xef\xbb\xbf" + LIST_TEXT.replace("\n", "\r\n").encode("utf-8"), id="bom-crlf"),
        pytest.param(LIST_TEXT.rstrip("\n").encode("utf-8"), id="lf-no-final-newline"),
    ],
)
def test_bom_and_line_endings_give_the_same_entry_lines(
    data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _write(tmp_path / "list.md", data)
    out = tmp_path / "out.json"

    assert main(["parse", str(listing), "-o", str(out)]) == 0

    assert capsys.readouterr().err == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert _entry_lines(document) == EXPECTED
    assert [(section["title"], section["line"]) for section in document["sections"]] == EXPECTED_SECTIONS
    assert [entry["end_line"] for entry in document["entries"]] == EXPECTED_END_LINES


# module entry point -------------------------------------------------------------------


def _run_module(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m awesomeparse ARGS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "awesomeparse", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=cwd,
    )


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    listing = _write(tmp_path / "list.md", LIST_TEXT)

    result = _run_module(tmp_path, "parse", str(listing))

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["schema"] == DOCUMENT_SCHEMA
    assert _entry_lines(data) == EXPECTED


def test_python_dash_m_reports_errors_with_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.md"

    result = _run_module(tmp_path, "parse", str(missing))

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"awesomeparse: error: {missing}: no such file or directory\n"
