"""Title cleanup: emphasis removed, compatibility characters folded, ``_ `` read as ``: ``."""

from __future__ import annotations

from functools import lru_cache

import regex

from awesomeparse.normalize.text import fold_compat, squash

_EMPHASIS = regex.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`")
# ``SegNet_ A Deep …``: an underscore glued to a word and followed by a space
# stands for a colon (file names can't hold ``:``, so titles copied from PDFs lose it).
_UNDERSCORE_COLON = regex.compile(r"(?<=[\w)+])_(?=\s)")
_GLUED_COLON = regex.compile(r"(?<=[A-Za-z0-9+)\]])[:：](?=[A-Za-z])")
# ``CenterMask : Real-Time …``: a space before the colon.
_SPACED_COLON = regex.compile(r"(?<=\w)\s++:(?=\s)")
_WRAPPING = regex.compile(r"^[\s\"“'‘]++|[\s\"”'’]++$")
_QUOTES = frozenset("\"“”'‘’")
_MATCH_JUNK = regex.compile(r"[^\p{L}\p{N}+]++")


def clean(raw: str) -> str | None:
    """The title a reader sees; ``None`` when nothing is left."""
    text = _EMPHASIS.sub("", raw) if any(char in raw for char in "*_`") else raw
    text = fold_compat(text)
    if "_" in text:
        text = _UNDERSCORE_COLON.sub(":", text)
    if ":" in text or "：" in text:
        text = _SPACED_COLON.sub(":", _GLUED_COLON.sub(": ", text))
    text = squash(text)
    balanced = text.count('"') % 2 == 0 and text.count("“") == text.count("”")
    if (text[:1] in _QUOTES or text[-1:] in _QUOTES) and balanced:
        text = _WRAPPING.sub("", text)
    text = text.strip(" -–—|,;")
    return text or None


@lru_cache(maxsize=16384)
def match_key(title: str) -> str:
    """Lower-case words and digits only, for comparing titles across lists."""
    return squash(_MATCH_JUNK.sub(" ", fold_compat(title).casefold()))


def short_name(title: str) -> str | None:
    """The method name before ``Name: Subtitle`` when it is a short name (``BlendMask``)."""
    head, colon, _rest = title.partition(":")
    if not colon:
        return None
    head = head.strip()
    words = head.split()
    if not words or len(words) > 3 or len(head) > 30:
        return None
    if not any(char.isupper() or char.isdigit() for char in head):
        return None
    return head
