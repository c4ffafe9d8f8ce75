"""Bold title line: ``**Title**`` alone on a line (the bold-title dialect's entry head),
optionally followed by a venue tag (``**Title** (CVPR 2019)``, ``**Title**, ICCV 2017``).

Also accepts the broken forms lists contain, flagged ``broken_emphasis``: a stray
character before the opener (``P**art-aware …**``) and spaces inside the delimiters
(``** Title**``), which CommonMark does not render as bold.
"""

from __future__ import annotations

import re

from awesomeparse.tokens.state import LineState
from awesomeparse.tokens.token import Token

_BOLD = re.compile(
    r"( {0,3})([^\s*]{0,2})(\*\*|__)(?!\*)([^*]*(?:\*(?!\*)[^*]*)*)(\*\*|__)"
    r"(?P<tail>[ \t]*+(?:[(\[][^()\[\]]{1,40}[)\]]|[,.][ \t]*+[A-Za-z][\w -]{0,20}[ \t]+(?:19|20)\d\d))?[ \t]*"
)


def bold_line(state: LineState) -> bool:
    line = state.line
    found = _BOLD.fullmatch(line)
    if found is None or found.group(3) != found.group(5):
        return False
    inner = found.group(4)
    if not inner.strip():
        return False
    flags: set[str] = set()
    prefix = found.group(2)
    if prefix:
        flags.add("broken_emphasis")
    if inner != inner.strip():
        flags.add("broken_emphasis")
    text_start, text_end = found.start(4), found.end(4)
    if found.group("tail"):
        flags.add("trailing_tag")  # ``**Title** (CVPR 2019)``: the tag is read by the extractor
    state.in_table = False
    state.push(
        Token("bold_line", state.span(0, len(line)), state.number, text=prefix + inner,
              content=state.span(found.start(2) if prefix else text_start, text_end), markup=found.group(3),
              indent=state.indent, flags=flags, children=state.inline(text_start, text_end))
    )
    return True
