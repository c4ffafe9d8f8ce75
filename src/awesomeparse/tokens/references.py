"""Link reference definitions (``[maskrcnn]: https://arxiv.org/abs/1703.06870 "title"``).

Lists that write ``- [Mask R-CNN][maskrcnn]`` put the URLs at the bottom; the definitions are
collected before the lines are tokenized so a reference link anywhere can be resolved. Only
definitions whose target is an absolute URL count: ``[2019 CVPR]: …`` prose stays prose.
"""

from __future__ import annotations

import regex

from awesomeparse.spans import Span

DEFINITION = regex.compile(
    r" {0,3}+\[(?P<label>[^\[\]\n]{1,100}+)\]:[ \t]*+<?(?P<url>(?:https?|ftp)://[^\s<>]++)>?"
    r"(?:[ \t]++(?:\"[^\"\n]*+\"|'[^'\n]*+'|\([^()\n]*+\)))?+[ \t]*+\r?$",
    regex.I,
)
_BLANKS = regex.compile(r"\s++")


def normalize(label: str) -> str:
    """Labels match case-insensitively with runs of blanks collapsed, as in CommonMark."""
    return _BLANKS.sub(" ", label.strip()).casefold()


def collect(text: str) -> dict[str, Span]:
    """Every definition's label mapped to the span of its URL; the first definition of a label wins."""
    if "]:" not in text:
        return {}
    found: dict[str, Span] = {}
    position = 0
    while (colon := text.find("]:", position)) != -1:
        line_start = text.rfind("\n", 0, colon) + 1
        line_end = text.find("\n", colon)
        line_end = len(text) if line_end == -1 else line_end
        match = DEFINITION.match(text, line_start, line_end)
        if match is not None:
            found.setdefault(normalize(match.group("label")), Span(match.start("url"), match.end("url")))
        position = line_end + 1
    return found
