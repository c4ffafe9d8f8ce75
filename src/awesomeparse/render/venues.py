"""What kind of publication a canonical venue is: a conference (or workshop), a journal, or arXiv.

The names are those ``normalize.years_venues`` produces. Venues outside that vocabulary are
judged by their words (``Workshop``, ``Conference``, ``Transactions``, ``Journal``…); a name
that says nothing is ``other`` and is cited as published somewhere, without a claim about what.
"""

from __future__ import annotations

from typing import Literal

import regex

VenueKind = Literal["conference", "journal", "preprint", "other"]

JOURNALS = frozenset({"TPAMI", "IJCV", "TIP", "TMM", "TCSVT", "TOG", "TGRS", "TMI", "JMLR", "CSUR"})
CONFERENCES = frozenset({
    "CVPR", "ICCV", "ECCV", "NeurIPS", "ICLR", "ICML", "AAAI", "IJCAI", "BMVC", "WACV", "ACCV", "MICCAI", "ISBI",
    "SIGGRAPH Asia", "SIGGRAPH", "ICRA", "IROS", "RSS", "CoRL", "KDD", "ICASSP", "ICIP", "ACM MM", "3DV", "ICME",
    "ACL", "EMNLP", "NAACL", "MIDL", "IPMI", "CVPRW", "ICCVW", "ECCVW", "ICLR Workshop", "CRV", "DLMIA", "ITSC", "IV",
})
PREPRINT = "arXiv"

_JOURNAL_WORDS = regex.compile(r"\b(?:Journal|Transactions|Letters|Magazine|Surveys)\b|^(?:IEEE\s+)?T[A-Z]{2,5}$")
_CONFERENCE_WORDS = regex.compile(
    r"\b(?:Conference|Conf|Proceedings|Proc|Symposium|Workshops?|Meeting|Congress)\b|[A-Z]{2}W$"
)


def venue_kind(venue: str | None) -> VenueKind:
    if venue is None:
        return "other"
    if venue == PREPRINT:
        return "preprint"
    if venue in JOURNALS:
        return "journal"
    if venue in CONFERENCES:
        return "conference"
    if _JOURNAL_WORDS.search(venue):
        return "journal"
    if _CONFERENCE_WORDS.search(venue):
        return "conference"
    return "other"
