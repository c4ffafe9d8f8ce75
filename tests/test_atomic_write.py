"""Atomic writes: a process killed mid-write leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from awesomeparse.cli import _io
from awesomeparse.errors import SourceError

# Run in a child interpreter: `awesomeparse parse LIST -o TARGET`, with one OS call wrapped so that
# the child tells the parent ("paused") and sleeps at that point of the write, to be killed there.
# At "write" half of the output has really been written; "named" takes away O_TMPFILE, as on
# systems or filesystems without it.
CHILD = """
import os, sys, time
from awesomeparse.cli import main
listing, target, pause_at, route = sys.argv[1:5]
if route == "named":
    del os.O_TMPFILE
real = getattr(os, pause_at)
def pause(*args):
    if pause_at == "write":
        real(args[0], args[1][: len(args[1]) // 2])
    sys.stdout.write("paused\\n")
    sys.stdout.flush()
    time.sleep(60)
setattr(os, pause_at, pause)
sys.exit(main(["parse", listing, "-o", target]))
"""

OLD = b'{"previous": "run", "kept": true}\n'


def _big_list(folder: Path) -> Path:
    lines = ["# Papers", ""]
    lines += [f"- [2017 CVPR] Paper number {number} on segmentation [[pdf]](https://arxiv.org/abs/1703.{number:05d})"
              for number in range(400)]
    path = folder / "list.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _kill_mid_write(tmp_path: Path, pause_at: str, route: str, signum: int) -> tuple[Path, subprocess.Popen[str]]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    outputs = tmp_path / "out"
    outputs.mkdir()
    target = outputs / "out.json"
    target.write_bytes(OLD)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(_big_list(inputs)), str(target), pause_at, route],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        signal_line = child.stdout.readline() if child.stdout else ""
        assert signal_line == "paused\n", child.communicate(timeout=60)
        child.send_signal(signum)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return outputs, child


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("pause_at", ["write", "fsync"])
def test_killed_mid_write_leaves_the_old_file_and_nothing_else(tmp_path: Path, pause_at: str, signum: int) -> None:
    outputs, child = _kill_mid_write(tmp_path, pause_at, "unnamed", signum)

    assert child.returncode == -signum
    assert (outputs / "out.json").read_bytes() == OLD
    assert os.listdir(outputs) == ["out.json"]


def test_sigterm_between_link_and_rename_removes_the_temporary_name(tmp_path: Path) -> None:
    outputs, child = _kill_mid_write(tmp_path, "replace", "unnamed", signal.SIGTERM)

    assert child.returncode == -signal.SIGTERM
    assert (outputs / "out.json").read_bytes() == OLD
    assert os.listdir(outputs) == ["out.json"]


@pytest.mark.parametrize(("signum", "status", "stderr"), [
    (signal.SIGTERM, -signal.SIGTERM, ""),
    (signal.SIGINT, 130, "awesomeparse: interrupted\n"),
], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("pause_at", ["write", "fsync", "replace"])
def test_named_route_cleans_up_on_sigterm_and_sigint(
    tmp_path: Path, pause_at: str, signum: int, status: int, stderr: str
) -> None:
    outputs, child = _kill_mid_write(tmp_path, pause_at, "named", signum)

    assert child.returncode == status
    assert child.stderr is not None and child.stderr.read() == stderr
    assert (outputs / "out.json").read_bytes() == OLD
    assert os.listdir(outputs) == ["out.json"]


def test_named_route_killed_outright_keeps_the_old_file_but_leaves_its_temporary(tmp_path: Path) -> None:
    # The limit of the fallback: nothing can run after SIGKILL, so the named temporary file stays
    # (hidden, .awesomeparse-*.tmp). The target itself is never half-written.
    outputs, child = _kill_mid_write(tmp_path, "write", "named", signal.SIGKILL)

    assert child.returncode == -signal.SIGKILL
    assert (outputs / "out.json").read_bytes() == OLD
    stray = sorted(set(os.listdir(outputs)) - {"out.json"})
    assert len(stray) == 1 and stray[0].startswith(".awesomeparse-") and stray[0].endswith(".tmp")


# guarantees kept ----------------------------------------------------------------------


@pytest.fixture(params=["unnamed", "named"])
def route(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test through O_TMPFILE and through the named temporary file."""
    if request.param == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    elif not hasattr(os, "O_TMPFILE"):
        pytest.skip("this platform has no O_TMPFILE")
    return str(request.param)


def test_new_file_gets_umask_permissions_and_exact_bytes(tmp_path: Path, route: str) -> None:
    target = tmp_path / "new.json"
    umask = os.umask(0o027)
    try:
        _io.write_atomic(str(target), "语义分割\r\n")
    finally:
        os.umask(umask)
    assert target.read_bytes() == "语义分割\r\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["new.json"]


def test_existing_file_keeps_its_mode_and_is_a_new_inode(tmp_path: Path, route: str) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(OLD)
    target.chmod(0o604)
    before = target.stat().st_ino

    _io.write_atomic(str(target), "new\n")

    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    # Replaced, not rewritten in place: a reader holding the old file kept reading the old one.
    assert target.stat().st_ino != before
    assert os.listdir(tmp_path) == ["out.json"]


def test_symlink_target_is_replaced_and_the_link_stays(tmp_path: Path, route: str) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(OLD)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")

    _io.write_atomic(str(link), "new\n")

    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert real.read_bytes() == b"new\n"
    assert sorted(os.listdir(tmp_path)) == ["link.json", "real.json"]


def test_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen([sys.executable, "-c", f"import sys; sys.stdout.write(open({str(fifo)!r}).read())"],
                              stdout=subprocess.PIPE, text=True)
    try:
        _io.write_atomic(str(fifo), "through the pipe\n")
        output, _ = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert output == "through the pipe\n"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


@pytest.mark.parametrize(("encoding", "data"), [
    ("gb18030", "# 语义分割\n".encode("gb18030")),
    ("utf-16-le", "\ufeff# 语义分割\n".encode("utf-16-le")),
])
def test_target_encoding(tmp_path: Path, encoding: str, data: bytes) -> None:
    target = tmp_path / "list.md"
    _io.write_atomic(str(target), data.decode(encoding), encoding)
    assert target.read_bytes() == data


def test_text_the_encoding_cannot_hold_is_an_error_before_anything_is_written(tmp_path: Path, route: str) -> None:
    target = tmp_path / "list.md"
    target.write_bytes(OLD)
    with pytest.raises(SourceError) as caught:
        _io.write_atomic(str(target), "# Papers\n- 语义分割\n", "latin-1")
    assert str(caught.value) == f"{target}:2: cannot write: latin-1 has no U+8BED"
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["list.md"]


def test_large_output_is_written_whole(tmp_path: Path, route: str) -> None:
    target = tmp_path / "big.json"
    text = "".join(f"line {number} 语义分割\n" for number in range(200_000))
    _io.write_atomic(str(target), text)
    assert target.read_bytes() == text.encode()
    assert os.listdir(tmp_path) == ["big.json"]
