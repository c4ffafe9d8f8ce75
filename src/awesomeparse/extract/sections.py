"""Section tracking: the heading stack plus pseudo-headings (plain sub-heading lines, topic bullets)."""

from __future__ import annotations

import regex

from awesomeparse.model import Section
from awesomeparse.normalize.text import squash

_EMPHASIS = regex.compile(r"\*\*|__|`")
# ``[![Awesome](badge.svg)](https://awesome.re)`` and bare ``![alt](img)`` decorate headings.
_BADGE = regex.compile(r"\[!\[[^\[\]]*+\]\([^()\s]*+\)\]\([^()\s]*+\)|!\[[^\[\]]*+\]\([^()\s]*+\)")
_GENERIC = regex.compile(
    r"(?i)^(?:\d+[.)]?\s*)?(?:综合|综述|其他|其它|参考|参考资料|资源|汇总|general|overview|overviews|misc|miscellaneous|"
    r"others?|references?|resources?|links?|contents|table of contents|toc|目录|introduction|intro|papers?|"
    r"surveys?|reviews?|tutorials?|blogs?|code|codes|datasets?|tools?|news|contributing|license|acknowledg\w*)$"
)
_LINK = regex.compile(r"\[([^\[\]]++)\]\([^()\s]*+\)")
_TOC = regex.compile(r"(?i)^(?:table of contents|contents|toc|目录|索引)$")


def heading_text(raw: str) -> str:
    """A heading as written, minus badges, emphasis markers and surrounding space."""
    # Substitutions only where their markup can be: most headings have none, and a list of
    # short headings spends much of its time here otherwise.
    text = _LINK.sub(r"\1", _BADGE.sub(" ", raw)) if "[" in raw else raw
    if "**" in text or "__" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    return squash(text).strip(" :：")


def is_generic(text: str) -> bool:
    """A topic word (``综合``, ``Overview``, ``References``) rather than the name of one thing."""
    return _GENERIC.match(text.strip()) is not None


def is_toc(text: str) -> bool:
    return _TOC.match(text.strip()) is not None


class SectionTracker:
    """Current section path: real headings, then pseudo-headings nested by indent."""

    def __init__(self) -> None:
        self.headings: list[tuple[int, str, int]] = []  # (level, text, line)
        self.pseudo: list[tuple[int, str, int]] = []  # (indent, text, line); plain lines use indent -1
        self.sections: list[Section] = []

    def heading(self, level: int, raw: str, line: int) -> tuple[str, ...]:
        """Enter a heading; returns the path of its parent (where a heading entry would live)."""
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        parent = self.path()
        self.pseudo.clear()
        text = heading_text(raw)
        self.headings.append((level, text, line))
        self.sections.append(Section(title=text, level=level, line=line, path=self.path()))
        return parent

    def push_pseudo(self, indent: int, raw: str, line: int) -> None:
        self.pop_pseudo(indent)
        text = heading_text(raw)
        self.pseudo.append((indent, text, line))
        level = (self.headings[-1][0] if self.headings else 0) + len(self.pseudo)
        self.sections.append(Section(title=text, level=level, line=line, path=self.path()))

    def pop_pseudo(self, indent: int) -> None:
        """Close pseudo-headings at ``indent`` or deeper (a new item at that depth ends them)."""
        while self.pseudo and self.pseudo[-1][0] >= indent:
            self.pseudo.pop()

    def path(self) -> tuple[str, ...]:
        return tuple(text for _level, text, _line in self.headings) + tuple(text for _i, text, _l in self.pseudo)

    def current_heading_line(self) -> int:
        return self.headings[-1][2] if self.headings else 0

    def in_toc(self) -> bool:
        """Inside a table of contents: the innermost heading is ``Contents``/``目录``."""
        return bool(self.headings) and is_toc(self.headings[-1][1])
