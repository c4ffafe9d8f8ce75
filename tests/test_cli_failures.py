"""Every failure path of parse, merge and lint: exit code 2, one exact line on stderr, nothing written."""

from __future__ import annotations

import codecs
import errno
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from awesomeparse.cli import main

LIST = "# Papers\n\n- [2017 CVPR] Feature Pyramid Networks [[pdf]](https://arxiv.org/abs/1612.03144)\n"
FIXABLE = "# Papers\n\n**Title**\n\n- gihtub: <https://github.com/a/b>\n"
OLD = b"previous output\n"
COMMANDS = ["parse", "merge", "lint"]


def _write_bits_bind() -> bool:
    """Whether a missing write bit stops this process; it does not stop root (CAP_DAC_OVERRIDE)."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_bytes(b"")
        probe.chmod(0o444)
        try:
            probe.open("ab").close()
        except PermissionError:
            return True
        return False


AS_ROOT = pytest.mark.skipif(not _write_bits_bind(), reason="running as root: permission bits do not stop this "
                             "process, so only the monkeypatched tests of this path run")


def _failure(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI, expect exit 2 with nothing on stdout, and return the single stderr line."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.endswith("\n") and captured.err.count("\n") == 1, captured.err
    return captured.err.rstrip("\n")


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# unreadable input ---------------------------------------------------------------------

BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "nul-byte": (b"# Title\n\n- [2017 CVPR] A\x00B\n", "3: binary file (NUL byte), not a text list"),
    "nul-in-utf16": (codecs.BOM_UTF16_LE + "# Title\n\nA\x00B\n".encode("utf-16-le"),
                     "3: binary file (NUL byte), not a text list"),
    "latin1": ("# Title\n- Café paper\n".encode("latin-1"), "2: not valid UTF-8 (byte 0xe9 at column 6)"),
    "bad-utf16": (codecs.BOM_UTF16_BE + "# T\n".encode("utf-16-be") + b"\xdc\x00",
                  "2: not valid UTF-16-BE (byte 0xdc at column 1)"),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_undecodable_input_names_file_and_line(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, reason = BAD_INPUTS[kind]
    listing = _write(tmp_path / "list.md", data)
    assert _failure([command, str(listing)], capsys) == f"awesomeparse: error: {listing}:{reason}"


@pytest.mark.parametrize("command", ["merge", "lint"])
def test_bad_file_found_in_a_directory_is_named_and_the_others_are_processed(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path / "a.md", FIXABLE)
    bad = _write(tmp_path / "b.md", BAD_INPUTS["latin1"][0])

    options = ["--format", "concise"] if command == "lint" else ["--compact"]
    assert main([command, *options, str(tmp_path)]) == 2

    captured = capsys.readouterr()
    assert captured.err == f"awesomeparse: error: {bad}:2: not valid UTF-8 (byte 0xe9 at column 6)\n"
    if command == "merge":
        assert [item["source"] for item in json.loads(captured.out)["lists"]] == [str(good)]
    else:
        assert [line.split()[:2] for line in captured.out.splitlines()] == [[f"{good}:5:3:", "AP201"]]


@pytest.mark.parametrize("command", [*COMMANDS, "format"])
def test_missing_input(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.md"
    assert _failure([command, str(missing)], capsys) == f"awesomeparse: error: {missing}: no such file or directory"


@pytest.mark.parametrize("command", [*COMMANDS, "format"])
def test_directory_without_lists(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "notes.rst", LIST)
    assert _failure([command, str(tmp_path)], capsys) == \
        f"awesomeparse: error: {tmp_path}: no list files (*.md, *.markdown, *.txt) in this directory"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", ["bogus", "base64"])
def test_unknown_encoding_is_a_usage_error_before_any_file_is_read(
    command: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.md"
    assert _failure([command, "--encoding", name, str(missing)], capsys) == \
        f"awesomeparse: error: argument --encoding: unknown encoding '{name}'"


@pytest.mark.parametrize("command", COMMANDS)
def test_forced_encoding_that_does_not_fit(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", "# Papers\n\n## 语义分割\n")
    assert _failure([command, "--encoding", "ascii", str(listing)], capsys) == \
        f"awesomeparse: error: {listing}:3: not valid ASCII (byte 0xe8 at column 4)"


# unwritable output --------------------------------------------------------------------


def _deny_directory(monkeypatch: pytest.MonkeyPatch, folder: Path, error: OSError) -> None:
    """Make every file creation in ``folder`` fail as the kernel would (EACCES, EROFS...)."""
    real_open = os.open
    denied = os.path.realpath(folder)

    def guarded_open(path: str, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        full = os.path.realpath(path)
        if full == denied or os.path.dirname(full) == denied:
            raise error
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", guarded_open)


def _output_argv(command: str, listing: Path, out: Path) -> list[str]:
    return [command, str(listing), "-o", str(out)]


@pytest.mark.parametrize("command", ["parse", "merge"])
@pytest.mark.parametrize(("error", "reason"), [
    (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
    (OSError(errno.EROFS, "Read-only file system"), "cannot write: Read-only file system"),
])
def test_output_directory_that_refuses_new_files(
    command: str, error: OSError, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    listing = _write(tmp_path / "list.md", LIST)
    outputs = tmp_path / "out"
    outputs.mkdir()
    out = _write(outputs / "out.json", OLD)
    _deny_directory(monkeypatch, outputs, error)

    message = _failure(_output_argv(command, listing, out), capsys)

    monkeypatch.undo()
    assert message == f"awesomeparse: error: {out}: {reason}"
    assert out.read_bytes() == OLD
    assert os.listdir(outputs) == ["out.json"]


@pytest.mark.parametrize("command", ["parse", "merge"])
def test_read_only_output_file(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST)
    out = _write(tmp_path / "out.json", OLD)
    out.chmod(0o444)
    real_access = os.access
    # Root passes every access check; ask as an ordinary user would be answered.
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode == os.W_OK and
                        os.path.realpath(path) == str(out.resolve()) else real_access(path, mode, **kw))

    message = _failure(_output_argv(command, listing, out), capsys)

    assert message == f"awesomeparse: error: {out}: permission denied (read-only file)"
    assert out.read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["list.md", "out.json"]


@AS_ROOT
def test_read_only_output_file_for_a_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST)
    out = _write(tmp_path / "out.json", OLD)
    out.chmod(0o444)
    assert _failure(["parse", str(listing), "-o", str(out)], capsys) == \
        f"awesomeparse: error: {out}: permission denied (read-only file)"
    assert out.read_bytes() == OLD


@AS_ROOT
def test_read_only_output_directory_for_a_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST)
    outputs = tmp_path / "out"
    outputs.mkdir()
    out = _write(outputs / "out.json", OLD)
    outputs.chmod(0o555)
    try:
        assert _failure(["parse", str(listing), "-o", str(out)], capsys) == \
            f"awesomeparse: error: {out}: permission denied"
        assert os.listdir(outputs) == ["out.json"]
    finally:
        outputs.chmod(0o755)
    assert out.read_bytes() == OLD


@pytest.mark.parametrize("command", ["parse", "merge"])
@pytest.mark.parametrize(("make_out", "reason"), [
    (lambda root: root / "missing-dir" / "out.json", "output directory does not exist"),
    (lambda root: root / "list.md" / "out.json", "output directory is not a directory"),
    (lambda root: root, "is a directory, cannot write output there"),
], ids=["missing-dir", "under-a-file", "a-directory"])
def test_output_path_that_cannot_be(command: str, make_out: Callable[[Path], Path], reason: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST)
    out = make_out(tmp_path)
    assert _failure(_output_argv(command, listing, out), capsys) == f"awesomeparse: error: {out}: {reason}"
    assert sorted(os.listdir(tmp_path)) == ["list.md"]
    assert listing.read_text(encoding="utf-8") == LIST


@pytest.mark.parametrize("command", ["parse", "merge"])
@pytest.mark.parametrize("route", ["unnamed", "named"])
def test_disk_full_mid_write(command: str, route: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", LIST)
    outputs = tmp_path / "out"
    outputs.mkdir()
    out = _write(outputs / "out.json", OLD)
    if route == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)

    def disk_full(_handle: int, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    message = _failure(_output_argv(command, listing, out), capsys)
    monkeypatch.undo()

    assert message == f"awesomeparse: error: {out}: cannot write: No space left on device"
    assert out.read_bytes() == OLD
    assert os.listdir(outputs) == ["out.json"]


# lint --fix ---------------------------------------------------------------------------


def test_fix_in_a_directory_that_refuses_new_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", FIXABLE)
    _deny_directory(monkeypatch, tmp_path, PermissionError(errno.EACCES, "Permission denied"))

    message = _failure(["lint", "--fix", str(listing)], capsys)

    monkeypatch.undo()
    assert message == f"awesomeparse: error: {listing}: permission denied"
    assert listing.read_text(encoding="utf-8") == FIXABLE
    assert os.listdir(tmp_path) == ["list.md"]


def test_fix_of_a_read_only_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", FIXABLE)
    listing.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode == os.W_OK and
                        os.path.realpath(path) == str(listing.resolve()) else real_access(path, mode, **kw))

    message = _failure(["lint", "--fix", str(listing)], capsys)

    assert message == f"awesomeparse: error: {listing}: permission denied (read-only file)"
    assert listing.read_text(encoding="utf-8") == FIXABLE


@AS_ROOT
def test_fix_of_a_read_only_list_for_a_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = _write(tmp_path / "list.md", FIXABLE)
    listing.chmod(0o444)
    assert _failure(["lint", "--fix", str(listing)], capsys) == \
        f"awesomeparse: error: {listing}: permission denied (read-only file)"
    assert listing.read_text(encoding="utf-8") == FIXABLE

