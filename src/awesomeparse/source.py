"""Read and decode a list: bytes -> Source (text, BOM, line index, front matter)."""

from __future__ import annotations

import codecs
import os
import re

from attrs import field, frozen

from awesomeparse.errors import SourceError
from awesomeparse.spans import LineIndex

_UTF8_BOM = codecs.BOM_UTF8
_FENCE_LINE = re.compile(r"(?:---|\.\.\.)[ \t]*\r?$")
_YAML_PAIR = re.compile(r"([A-Za-z_][\w .-]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$")
_TABLE_DELIMITER = re.compile(r"[\s|:-]+\r?$")
_FRONT_MATTER_MAX_LINES = 200


@frozen
class Source:
    """A decoded list and the facts about its bytes that a rewrite must preserve.

    ``text`` is the decoded text without the BOM, line endings untouched; every span
    in awesomeparse indexes into it.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    front_matter: tuple[tuple[str, str], ...] = ()
    front_matter_lines: int = 0
    """How many leading lines the front matter block (with its fences) occupies."""
    line_index: LineIndex = field(eq=False, repr=False, init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "line_index", LineIndex(self.text))

    @property
    def newline(self) -> str:
        """The line ending the file uses most (``\\r\\n`` or ``\\n``)."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.text.count("\n") else "\n"


def from_text(text: str, path: str | None = None) -> Source:
    """Wrap already-decoded text; a leading BOM character is removed and remembered."""
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    pairs, lines = read_front_matter(text)
    return Source(path=path or "<text>", text=text, bom=bom, front_matter=pairs, front_matter_lines=lines)


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 bytes (with or without BOM); NUL bytes and bad bytes raise ``SourceError``."""
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise SourceError(path, "binary file (NUL byte), not a text list", line)
    bom = data.startswith(_UTF8_BOM)
    body = data[len(_UTF8_BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        column = exc.start - (body.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = body[exc.start : exc.start + 1].hex()
        raise SourceError(path, f"not valid UTF-8 (byte 0x{bad} at column {column})", line) from None
    pairs, lines = read_front_matter(text)
    return Source(path=path, text=text, bom=bom, front_matter=pairs, front_matter_lines=lines)


def read_file(path: str | os.PathLike[str]) -> Source:
    """Read and decode a list from disk; every failure is a one-line ``SourceError``."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise SourceError(name, "no such file") from None
    except IsADirectoryError:
        raise SourceError(name, "is a directory, not a file") from None
    except PermissionError:
        raise SourceError(name, "permission denied") from None
    except OSError as exc:
        raise SourceError(name, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, name)


def read_front_matter(text: str) -> tuple[tuple[tuple[str, str], ...], int]:
    """Jekyll-style ``---`` block at the very top: ``key: value`` pairs or a wiki table.

    Returns the pairs and the number of lines the block occupies (0 when absent).
    A block is accepted only when every line inside is blank, a YAML-ish pair or its
    continuation, or a table row; otherwise the leading ``---`` is an ordinary rule.
    """
    if not text.startswith("---"):
        return (), 0
    lines = text.split("\n", _FRONT_MATTER_MAX_LINES + 1)
    if lines[0].rstrip("\r").rstrip() != "---":
        return (), 0
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(lines[1:_FRONT_MATTER_MAX_LINES], start=2):
        stripped = line.rstrip("\r")
        if _FENCE_LINE.fullmatch(stripped):
            return tuple(pairs), number if pairs or number > 2 else 0
        if not stripped.strip():
            continue
        if stripped[0] in " \t-#" and pairs and not stripped.lstrip().startswith("# "):
            continue  # continuation of a YAML value or list
        pair = _YAML_PAIR.fullmatch(stripped)
        if pair and "|" not in stripped:
            pairs.append((pair.group(1).strip(), (pair.group(2) or "").strip().strip("\"'")))
            continue
        if "|" in stripped:
            if not _TABLE_DELIMITER.fullmatch(stripped):
                cells = [cell.strip() for cell in stripped.strip().strip("|").split("|")]
                pairs.append((cells[0], " | ".join(cells[1:]).strip("` ")))
            continue
        return (), 0
    return (), 0
