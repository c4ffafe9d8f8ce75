"""CLI file output: atomic writes (temporary file in the target directory, then rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile

from awesomeparse.errors import SourceError


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that readers see the old file or the new one, never half."""
    directory = os.path.dirname(os.path.abspath(path)) or "."
    if os.path.isdir(path):
        raise SourceError(path, "is a directory, cannot write output there")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".awesomeparse-", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise SourceError(path, "output directory does not exist") from None
    except PermissionError:
        raise SourceError(path, "permission denied") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
