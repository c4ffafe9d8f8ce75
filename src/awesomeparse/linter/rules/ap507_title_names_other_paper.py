"""AP507 title-names-other-paper: a title that names a different paper than its arXiv id or its heading.

What it does: within one list, reports an entry whose arXiv id an earlier entry also carries when
the two titles name different methods (``SegNet: …`` and ``Bayesian SegNet: …``; a bare
``Mask R-CNN`` beside R-CNN's ``Rich feature hierarchies …``, which shares no word and no
initials with it). In a list whose headings name its papers (``## SegNet`` over ``SegNet: …``,
at least three of them and most), it also reports an entry under a heading that names one method
(``## Mask R-CNN``) whose title names another (``R-CNN: Rich feature …``). Titles that differ
without naming different methods (a paper renamed between arXiv versions) are AP501's repeat,
not this; versions (``DeepLab`` under ``## DeepLab V2``), abbreviations (``Mask Scoring R-CNN``
under ``## MS R-CNN``) and works built on the heading's method (``A-Fast-RCNN`` under ``## Fast
R-CNN``) are not reported.

Why is this bad? One of the two is wrong: usually a link pasted from the neighbouring entry, or
an entry filed under the wrong heading. Readers follow the link to the wrong paper, and tools
merge two papers into one.

Example: ``* Bayesian SegNet: Model Uncertainty … [[Paper]](http://arxiv.org/abs/1511.00561)`` after
``* SegNet: A Deep Convolutional … [[Paper]](http://arxiv.org/abs/1511.00561)``

Use instead: the id of the paper the title names (``1511.02680``).

Fix safety: none. Which of the two is wrong needs a person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from awesomeparse.diagnostics import Diagnostic, Severity
from awesomeparse.linter.context import LintContext
from awesomeparse.linter.rule import Invalid
from awesomeparse.linter.rules._papers import looks_like_method, method_name, names_other_work, same_work
from awesomeparse.model import Entry

CODE = "AP507"
NAME = "title-names-other-paper"
SEVERITY: Severity = "warning"
RULE = (CODE, NAME, SEVERITY)
SUMMARY = "a title naming a different paper than its arXiv id or its heading"
VALID = (
    "## DeepLab V2\n---\n- [2016] DeepLab_ Semantic Image Segmentation <https://arxiv.org/abs/1606.00915>",
    "## MS R-CNN\n---\n- [2019] Mask Scoring R-CNN\n- https://github.com/zjhuang22/maskscoring_rcnn",
    "## YOLACT/YOLACT++\n\n**YOLACT: Real-time Instance Segmentation**\n\n"
    "**YOLACT++: Better Real-time Instance Segmentation**",
    "**Softer-NMS: Rethinking Bounding Box Regression**\n\n- arxiv: <https://arxiv.org/abs/1809.08545>\n\n"
    "**Bounding Box Regression with Uncertainty for Accurate Object Detection**\n\n"
    "- arxiv: <https://arxiv.org/abs/1809.08545>",
    "* FCN [[Paper]](https://arxiv.org/abs/1411.4038)\n"
    "* Fully Convolutional Networks for Semantic Segmentation [[Paper]](https://arxiv.org/abs/1411.4038)",
)
INVALID = (
    Invalid("* SegNet: A Deep Convolutional Encoder-Decoder Architecture [[Paper]](http://arxiv.org/abs/1511.00561)\n"
            "* Bayesian SegNet: Model Uncertainty in Deep Convolutional Encoder-Decoder Architectures "
            "[[Paper]](http://arxiv.org/abs/1511.00561)", 2),
    Invalid("**Mask R-CNN**\n\n- arxiv: <https://arxiv.org/abs/1703.06870>\n\n"
            "**Rich feature hierarchies for accurate object detection and semantic segmentation**\n\n"
            "- arxiv: <https://arxiv.org/abs/1703.06870>", 5),
    Invalid("# Detection\n## SSD\n---\n- [2016 ECCV] SSD_ Single Shot MultiBox Detector\n"
            "## YOLOv2\n---\n- [2017 CVPR] YOLO9000_ Better, Faster, Stronger\n"
            "## FPN\n---\n- [2017 CVPR] FPN: Feature Pyramid Networks for Object Detection\n"
            "## Mask R-CNN\n---\n- [2014 CVPR] R-CNN_ Rich feature hierarchies for accurate object detection", 13),
)

_HEADING_PARTS = regex.compile(r"\s*+(?:[,/、;|]|\(|\)|\band\b)\s*+")
_NUMBERING = regex.compile(r"^\s*+\d+(?:\.\d+)*+[.)、]?\s*+")
_NAMED_HEADINGS_AT_LEAST = 3
_PAPERS_UNDER_A_NAMED_HEADING = 2
"""A heading names one paper when it holds one or two (a paper and its journal version); a
heading over more papers is a topic (``## YOLO`` over ``YOLO-LITE: …``, ``Poly-YOLO: …``)."""


def check(context: LintContext) -> Iterator[Diagnostic]:
    yield from _shared_ids(context)
    yield from _headings(context)


def _shared_ids(context: LintContext) -> Iterator[Diagnostic]:
    first: dict[str, Entry] = {}
    for entry in context.document.entries:
        for identity in entry.ids.arxiv[:1]:
            earlier = first.setdefault(identity, entry)
            # Stacked titles over one block of links share the links themselves: AP506's finding.
            if earlier is entry or _same_links(earlier, entry) or not names_other_work(earlier, entry):
                continue
            span = context.source.line_index.line_span(entry.line)
            yield context.diagnostic(
                RULE, span, f"arXiv {identity} is also the id of {earlier.title!r} at line {earlier.line}, "
                f"a different paper than {entry.title!r}")


def _headings(context: LintContext) -> Iterator[Diagnostic]:
    entries = context.document.entries
    papers = Counter(entry.section for entry in entries if entry.kind == "paper")
    judged: list[tuple[Entry, str, bool]] = []
    for entry in entries:
        if entry.kind != "paper" or not entry.section or not entry.title:
            continue
        if papers[entry.section] > _PAPERS_UNDER_A_NAMED_HEADING:
            continue
        name = method_name(entry.title)
        names = [part for part in _HEADING_PARTS.split(_NUMBERING.sub("", entry.section[-1]))
                 if part and looks_like_method(part)]
        if name is not None and names:
            judged.append((entry, name, any(same_work(name, part) or _within(part, name) for part in names)))
    # Only where the list's own headings name its papers (``## SegNet`` over ``SegNet: …``) does a
    # heading that names another paper mean a slip; elsewhere headings are topics (``## 3D Faces``).
    matching = sum(1 for _entry, _name, fits in judged if fits)
    if matching < _NAMED_HEADINGS_AT_LEAST or matching < 2 * (len(judged) - matching):
        return
    for entry, name, fits in judged:
        if not fits:
            span = context.source.line_index.line_span(entry.line)
            yield context.diagnostic(RULE, span, f"the title names {name!r}, but its heading is {entry.section[-1]!r}")


def _within(heading_name: str, title_name: str) -> bool:
    """``YOLO-LITE`` under ``## YOLO``: a work built on the heading's method may be filed under it."""
    heading_key = heading_name.casefold().replace("-", "").replace(" ", "")
    title_key = title_name.casefold().replace("-", "").replace(" ", "")
    return heading_key in title_key and heading_key != title_key


def _same_links(first: Entry, other: Entry) -> bool:
    return bool(first.links) and {link.span for link in first.links} == {link.span for link in other.links}
