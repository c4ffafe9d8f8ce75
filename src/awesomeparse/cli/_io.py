"""CLI file output: atomic writes (temporary file in the target directory, then rename)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile

from awesomeparse.errors import SourceError


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that readers see the old file or the new one, never half.

    A symlink is followed (its target is replaced, the link stays); a device or pipe
    (``/dev/stdout``, a FIFO) is written in place, since renaming over it would destroy it.
    """
    if os.path.isdir(path):
        raise SourceError(path, "is a directory, cannot write output there")
    target = os.path.realpath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        try:
            with open(target, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        except OSError as exc:
            raise SourceError(path, f"cannot write: {exc.strerror or exc}") from None
        return
    path_to_replace = target
    directory = os.path.dirname(target) or "."
    try:
        handle, temporary = tempfile.mkstemp(prefix=".awesomeparse-", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise SourceError(path, "output directory does not exist") from None
    except NotADirectoryError:
        raise SourceError(path, "output directory is not a directory") from None
    except PermissionError:
        raise SourceError(path, "permission denied") from None
    except OSError as exc:
        raise SourceError(path, f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if os.path.exists(path_to_replace):
            os.chmod(temporary, os.stat(path_to_replace).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path_to_replace)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def emit(text: str, output: str | None) -> None:
    """Write a result to ``output`` atomically, or to standard output when none is given."""
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)


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
