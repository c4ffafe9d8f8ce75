"""Read and decode a list: bytes -> Source (text, BOM, line index, front matter)."""

from __future__ import annotations

import codecs
import os
import re

from attrs import field, frozen

from awesomeparse.errors import SourceError
from awesomeparse.spans import LineIndex

# Longest first: a UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Codecs that strip their BOM themselves, with the byte order they assume when there is none.
_BOM_CONSUMING = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_FENCE_LINE = re.compile(r"(?:---|\.\.\.)[ \t]*\r?$")
# Possessive key and greedy value (both stripped by the caller): a lazy group before ``[ \t]*``
# retries every split of a run of blanks, quadratic on a long line.
_YAML_PAIR = re.compile(r"([A-Za-z_][\w .-]*+)[ \t]*+:(?:[ \t]+(.*))?[ \t]*\r?$")
_TABLE_DELIMITER = re.compile(r"[\s|:-]+\r?$")
_FRONT_MATTER_MAX_LINES = 200


@frozen
class Source:
    """A decoded list and the facts about its bytes that a rewrite must preserve.

    ``text`` is the decoded text without the BOM, line endings untouched; every span
    in awesomeparse indexes into it. ``encoding`` is the codec that decoded it (a Python codec
    name such as ``utf-8``, ``utf-16-le``, ``gb18030``) and ``bom`` whether a BOM preceded it:
    encoding ``"\ufeff" + text`` (without, when ``bom`` is false) with it gives the bytes back.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    front_matter: tuple[tuple[str, str], ...] = ()
    front_matter_lines: int = 0
    """How many leading lines the front matter block (with its fences) occupies."""
    warnings: tuple[str, ...] = ()
    """What a reader should know about how the bytes were read (a fallback encoding)."""
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


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode a list's bytes; ``encoding`` forces a codec instead of detecting one.

    Detection: a UTF-8, UTF-16 or UTF-32 BOM names the codec; otherwise UTF-8, then GB18030
    when the bytes are not UTF-8 but read as Chinese (see ``_looks_chinese``), with a note in
    ``Source.warnings``. NUL bytes, undecodable bytes and unknown codecs raise ``SourceError``.
    """
    notes: tuple[str, ...] = ()
    if encoding is not None:
        codec = _forced_codec(data, encoding, path)
        text = _decode_strictly(data, codec, path)
    else:
        codec = next((name for mark, name in _BOMS if data.startswith(mark)), "")
        if codec:
            text = _decode_strictly(data, codec, path)
        else:
            # Without a BOM the text is ASCII-compatible, so a NUL byte means binary data, and
            # saying so is more useful than the decoding error such data would also cause.
            nul = data.find(b"\x00")
            if nul != -1:
                raise _binary(path, data.count(b"\n", 0, nul) + 1)
            codec, text, notes = _decode_utf8_or_chinese(data, path)
    # Every BOM decodes to U+FEFF; the body is what the spans index, the flag restores it on a rewrite.
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    nul = text.find("\x00")
    if nul != -1:  # UTF-16 and UTF-32 bytes hold NULs; a NUL character is still binary data
        raise _binary(path, text.count("\n", 0, nul) + 1)
    pairs, lines = read_front_matter(text)
    return Source(path=path, text=text, encoding=codec, bom=bom, front_matter=pairs, front_matter_lines=lines,
                  warnings=notes)


def read_file(path: str | os.PathLike[str], encoding: str | None = None) -> Source:
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
    return decode(data, name, encoding)


def text_codec(encoding: str) -> str:
    """The canonical name of a text codec (``UTF8`` -> ``utf-8``); ``LookupError`` when there is none."""
    try:
        name = codecs.lookup(encoding).name
        # Bytes-to-bytes codecs (base64) fail here with LookupError, the "undefined" codec with UnicodeError.
        "x".encode(name)
    except (LookupError, ValueError):
        raise LookupError(encoding) from None
    return name


def _forced_codec(data: bytes, encoding: str, path: str) -> str:
    try:
        name = text_codec(encoding)
    except LookupError:
        raise SourceError(path, f"unknown encoding {encoding!r}") from None
    # Codecs that consume their own BOM are replaced by the byte-order-explicit codec, so the
    # BOM reaches the text as U+FEFF like any other, and writing back reproduces it exactly once.
    if name in _BOM_CONSUMING:
        return next((codec for mark, codec in _BOMS if data.startswith(mark) and codec.startswith(name)),
                    _BOM_CONSUMING[name])
    return name


def _decode_strictly(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc, codec, path) from None


def _decode_utf8_or_chinese(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    try:
        return "utf-8", data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise _undecodable(data, utf8_error, "utf-8", path) from None
    if not _looks_chinese(text):
        raise _undecodable(data, utf8_error, "utf-8", path)
    return "gb18030", text, ("decoded as GB18030 (not valid UTF-8)",)


def _looks_chinese(text: str) -> bool:
    """Whether GB18030-decoded text reads as Chinese rather than as bytes of another encoding.

    Nearly any byte string decodes as GB18030. Latin-1 or CP1252 text that does (``ñ``, ``ü``
    before an ASCII letter) turns into rare characters outside GB2312, the 7445-character
    repertoire of everyday simplified Chinese that real GBK/GB18030 lists are written in almost
    entirely. So: some Han characters, and at least half of the non-ASCII characters in GB2312.
    """
    if not _HAN.search(text):
        return False
    non_ascii = _ASCII_RUN.sub("", text)
    outside_gb2312 = non_ascii.encode("gb2312", errors="replace").count(b"?")
    return outside_gb2312 * 2 <= len(non_ascii)


def _undecodable(data: bytes, exc: UnicodeDecodeError, codec: str, path: str) -> SourceError:
    # Line and column count characters, as an editor does; the decoded prefix is valid by definition.
    before = data[: exc.start].decode(codec, errors="replace").removeprefix("\ufeff")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    bad = data[exc.start : exc.start + 1].hex()
    return SourceError(path, f"not valid {codec.upper()} (byte 0x{bad} at column {column})", line)


def _binary(path: str, line: int) -> SourceError:
    return SourceError(path, "binary file (NUL byte), not a text list", line)


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
