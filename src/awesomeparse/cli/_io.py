"""CLI file input and output: reading lists with their encoding, atomic writes, standard output in UTF-8."""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import signal
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from awesomeparse import source as source_module
from awesomeparse.errors import SourceError
from awesomeparse.source import Source

# Linking an unnamed file needs its /proc/self/fd entry; without /proc a named temporary file is used.
_PROC_FD = "/proc/self/fd"
# Streamed output is joined into blocks of about this many characters before encoding and writing.
_BLOCK = 1 << 20


def add_encoding_option(parser: Any) -> None:
    """``--encoding NAME`` on a command that reads lists; unknown names fail as usage errors."""
    parser.add_argument("--encoding", metavar="NAME", type=_encoding_name, default=None,
                        help="decode every list with this codec (default: detect UTF-8, UTF-16 BOM, GB18030)")


def _encoding_name(value: str) -> str:
    try:
        return source_module.text_codec(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def read_list(path: str, encoding: str | None = None) -> Source:
    """Read a list, telling standard error when its bytes needed a fallback encoding."""
    read = source_module.read_file(path, encoding)
    for warning in read.warnings:
        print(f"awesomeparse: warning: {path}: {warning}", file=sys.stderr)
    return read


def write_atomic(path: str, text: str | Iterable[str], encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    ``text`` is a string, or pieces of one (a large output streamed without being held whole).
    A symlink is followed (its target is replaced, the link stays); a device or pipe
    (``/dev/stdout``, a FIFO) is written in place, since renaming over it would destroy it.
    A file that cannot be written to is not replaced behind its owner's back. Every failure
    is a ``SourceError`` naming ``path``; a process killed meanwhile leaves the old file whole.
    """
    # A whole string is encoded before anything is opened, so that it fails without a trace.
    data = iter([_encode(path, text, encoding)]) if isinstance(text, str) else _encode_blocks(path, text, encoding)
    if os.path.isdir(path):
        raise SourceError(path, "is a directory, cannot write output there")
    target = os.path.realpath(path)
    exists = os.path.exists(target)
    if exists and not os.path.isfile(target):
        try:
            with open(target, "wb") as stream:
                for block in data:
                    stream.write(block)
        except OSError as exc:
            raise _write_error(path, exc) from None
        return
    if exists and not os.access(target, os.W_OK):
        raise SourceError(path, "permission denied (read-only file)")
    mode = os.stat(target).st_mode & 0o7777 if exists else _new_file_mode()
    with _sigterm_unwinds():
        handle, temporary = _open_temporary(path, os.path.dirname(target) or ".")
        try:
            for block in data:
                _write_all(handle, block)
            os.fsync(handle)
            os.fchmod(handle, mode)
            if temporary is None:
                temporary = _link_unnamed(handle, target)
            if temporary is not None:
                os.replace(temporary, target)
        except BaseException as exc:
            if temporary is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
            if isinstance(exc, OSError):
                raise _write_error(path, exc) from None
            raise
        finally:
            os.close(handle)


def _encode(path: str, text: str, encoding: str, lines_before: int = 0) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        line = lines_before + text.count("\n", 0, exc.start) + 1
        raise SourceError(path, f"cannot write: {encoding} has no U+{ord(text[exc.start]):04X}", line) from None


def _encode_blocks(path: str, pieces: Iterable[str], encoding: str) -> Iterator[bytes]:
    lines = 0
    for block in _blocks(pieces):
        yield _encode(path, block, encoding, lines)
        lines += block.count("\n")


def _blocks(pieces: Iterable[str]) -> Iterator[str]:
    """Pieces joined into blocks of about ``_BLOCK`` characters: few writes, little held at once."""
    pending: list[str] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= _BLOCK:
            yield "".join(pending)
            pending.clear()
            size = 0
    if pending:
        yield "".join(pending)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _open_temporary(path: str, directory: str) -> tuple[int, str | None]:
    """A file descriptor to write the new contents to, and its name (``None`` while it has none).

    On Linux the file is created unnamed (``O_TMPFILE``): if the process dies before the end,
    the kernel drops it and nothing is left behind. Elsewhere, or on a filesystem without
    ``O_TMPFILE``, it is a named ``.awesomeparse-*.tmp`` beside the target.
    """
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and os.path.isdir(_PROC_FD):
        with contextlib.suppress(OSError):  # unsupported here; the named route reports real errors
            return os.open(directory, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600), None
    try:
        return tempfile.mkstemp(prefix=".awesomeparse-", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise SourceError(path, "output directory does not exist") from None
    except NotADirectoryError:
        raise SourceError(path, "output directory is not a directory") from None
    except OSError as exc:
        raise _write_error(path, exc) from None


def _link_unnamed(handle: int, target: str) -> str | None:
    """Give the unnamed file a name: ``target`` itself when free, else a temporary name to rename.

    ``linkat`` never replaces an existing file, so replacing one goes through a name that exists
    only between the link and the rename.
    """
    directory, name = os.path.split(target)
    unnamed = f"{_PROC_FD}/{handle}"
    # With a directory descriptor os.link calls linkat(AT_SYMLINK_FOLLOW), which links the file
    # behind the /proc entry; plain link() would try to link the /proc symlink itself (EXDEV).
    folder = os.open(directory or ".", getattr(os, "O_PATH", os.O_RDONLY) | getattr(os, "O_DIRECTORY", 0))
    try:
        with contextlib.suppress(FileExistsError):
            os.link(unnamed, name, dst_dir_fd=folder, follow_symlinks=True)
            return None
        while True:
            temporary = f".awesomeparse-{secrets.token_hex(6)}.tmp"
            with contextlib.suppress(FileExistsError):
                os.link(unnamed, temporary, dst_dir_fd=folder, follow_symlinks=True)
                return os.path.join(directory, temporary)
    finally:
        os.close(folder)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


class _Terminated(BaseException):
    """SIGTERM arrived during a write: unwind (removing the temporary file), then die of it."""


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    # Only the main thread can set handlers, and a handler someone else installed is theirs to keep.
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def unwind(_signal: int, _frame: object) -> None:
        raise _Terminated

    signal.signal(signal.SIGTERM, unwind)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.raise_signal(signal.SIGTERM)
        raise
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _write_error(path: str, exc: OSError) -> SourceError:
    if isinstance(exc, PermissionError):
        return SourceError(path, "permission denied")
    return SourceError(path, f"cannot write: {exc.strerror or exc}")


def write_stdout(text: str) -> None:
    """Write to standard output in UTF-8, whatever encoding the terminal or PYTHONIOENCODING chose."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None or (stream.encoding or "").lower().replace("_", "-") in {"utf-8", "utf8"}:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def emit(text: str | Iterable[str], output: str | None) -> None:
    """Write a result (a string, or its pieces) to ``output`` atomically, or to standard output when none is given."""
    if output:
        write_atomic(output, text)
    elif isinstance(text, str):
        write_stdout(text)
    else:
        for block in _blocks(text):
            write_stdout(block)


LIST_SUFFIXES = (".md", ".markdown", ".txt")


def list_files(paths: list[str]) -> list[str]:
    """The files named, and the list files under the directories named, sorted within each directory."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
                found.extend(os.path.join(folder, name) for name in sorted(files)
                             if name.lower().endswith(LIST_SUFFIXES))
        elif os.path.exists(path):
            found.append(path)
        else:
            raise SourceError(path, "no such file or directory")
    return found
