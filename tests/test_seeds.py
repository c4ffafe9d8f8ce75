"""The five seed lists and the corpus: counts and line-exact spot checks of every quirk."""

from __future__ import annotations

import pytest
from tests.conftest import real_lists, shared_file

import awesomeparse
from awesomeparse.model import Document, Entry

SEED_000 = ("seeds", "000_050cffb7c6b90da8.txt")
SEED_001 = ("seeds", "001_92560d4bb6d01db3.txt")
SEED_002 = ("seeds", "002_17c32c9dd5abf23f.txt")
SEED_003 = ("seeds", "003_277ffb8458f04e1e.txt")
SEED_004 = ("seeds", "004_2ed717289222ba82.txt")


def parse(parts: tuple[str, str]) -> Document:
    return awesomeparse.parse_file(shared_file(*parts))


def at(document: Document, line: int) -> Entry:
    found = [entry for entry in document.entries if entry.line == line]
    assert len(found) == 1, f"expected one entry at line {line}, found {[e.title for e in found]}"
    return found[0]


def urls(entry: Entry) -> list[str]:
    return [link.url for link in entry.links]


@pytest.mark.parametrize(
    ("parts", "entries", "with_arxiv", "links"),
    [
        (SEED_000, 13, 12, 34),
        (SEED_001, 42, 0, 23),
        (SEED_002, 594, 549, 939),
        (SEED_003, 36, 2, 24),
        (SEED_004, 116, 49, 209),
    ],
)
def test_seed_counts(parts: tuple[str, str], entries: int, with_arxiv: int, links: int) -> None:
    """Entry, arXiv-bearing entry and link counts stay what the seeds hold."""
    document = parse(parts)
    assert len(document.entries) == entries
    assert sum(1 for entry in document.entries if entry.ids.arxiv) == with_arxiv
    assert sum(len(entry.links) for entry in document.entries) == links


def test_seed_000_stacked_titles_split_their_links() -> None:
    """YOLACT and YOLACT++ share a bullet block; each gets its own labelled arXiv link."""
    document = parse(SEED_000)
    yolact, plus = at(document, 49), at(document, 51)
    assert yolact.ids.arxiv == ("1904.02689",)
    assert plus.ids.arxiv == ("1912.06218",)
    assert yolact.ids.github == plus.ids.github == ("dbolya/yolact",)
    assert "YOLACT++" in plus.aliases and "YOLACT" in yolact.aliases


def test_seed_000_repairs_and_fields() -> None:
    """Stray `>` is removed, fullwidth colons read, intro names and years parsed."""
    document = parse(SEED_000)
    review = at(document, 25)
    assert review.ids.arxiv == ("1704.06857",)
    mask = at(document, 69)
    assert "https://github.com/facebookresearch/Detectron2" in urls(mask)
    assert mask.links[1].url_raw == "https://github.com/facebookresearch/Detectron2>"
    assert mask.aliases == ("Mask R-CNN",)
    assert mask.year == 2018
    assert mask.authors == ("Kaiming He", "Georgia Gkioxari", "Piotr Dollar", "Ross Girshick")
    point = at(document, 41)
    assert point.ids.arxiv == ("1912.08193",)
    assert point.links[1].framework == "PyTorch"
    assert at(document, 60).title == "CenterMask: Real-Time Anchor-Free Instance Segmentation"


def test_seed_001_heading_per_paper() -> None:
    """`[2015 CVPR] Title` items, headings that are papers, bare URLs of the section's paper."""
    document = parse(SEED_001)
    fcn = at(document, 9)
    assert (fcn.title, fcn.year, fcn.venue, fcn.section) == (
        "Fully convolutional networks for semantic segmentation", 2015, "CVPR", ("语义分割", "FCN"))
    assert at(document, 13).title.startswith("SegNet: A Deep")
    assert at(document, 17).title == "ParseNet: Looking Wider to See Better"
    deeplab = at(document, 31)
    assert urls(deeplab) == ["https://github.com/DrSleep/tensorflow-deeplab-lfov",
                             "https://github.com/DrSleep/tensorflow-deeplab-resnet"]
    heading = at(document, 43)
    assert (heading.title, heading.year, heading.section) == (
        "Understanding Convolution for Semantic Segmentation", 2017, ("语义分割",))
    assert at(document, 108).venue == "CVPR"
    assert at(document, 120).title == "BRS, Backpropagating Refinement Scheme"
    assert urls(at(document, 131)) == ["https://github.com/guanfuchen/semseg"]
    assert at(document, 5).title is None
    assert urls(at(document, 153)) == ["http://brainiac2.mit.edu/isbi_challenge/",
                                       "https://github.com/zhixuhao/unet/tree/master/data/membrane"]


def test_seed_002_quirks() -> None:
    """Misspelled labels, `[url]url`, `[url]` without target, broken bold, wrapped intros."""
    document = parse(SEED_002)
    part = at(document, 2094)
    assert part.title == "Part-aware Panoptic Segmentation"
    duc = at(document, 653)
    assert "https://github.com/TuSimple/TuSimple-DUC" in urls(duc)
    assert at(document, 2850).ids.arxiv == ("1904.02363",)
    aten = at(document, 2502)
    assert aten.ids.arxiv == ("1808.00661",)
    assert aten.links[0].label == "arxiv" and aten.links[0].label_raw == "arixv"
    solo = at(document, 1637)
    assert solo.ids.github == ("WXinlong/SOLO",)
    omega = at(document, 94)
    assert omega.end_line == 98 and omega.ids.arxiv == ("1711.01094",)
    sparse = at(document, 1823)
    assert (sparse.year, sparse.venue) == (2022, "CVPR")
    unet = at(document, 151)
    assert (unet.year, unet.venue) == (2015, "MICCAI")
    assert "U-Net" in unet.aliases


def test_seed_003_wiki_page() -> None:
    """Table front matter is skipped; link lists, relative links and the method table are read."""
    document = parse(SEED_003)
    assert dict(document.front_matter)["Title"] == "Image Segmentation"
    paper = at(document, 11)
    assert (paper.title, paper.ids.arxiv, paper.links[0].label) == ("Panoptic Segmentation", ("1801.00868",), "paper")
    assert urls(at(document, 35)) == ["/FCN"]
    fcn = at(document, 56)
    assert (fcn.kind, fcn.title, fcn.year, fcn.venue) == ("mention", "FCN", 2015, "CVPR")
    assert at(document, 62).title == "Mask-RCNN"


def test_seed_004_plain_lines() -> None:
    """`Title[url]` lines, implementation lines with frameworks, sub-heading lines, experts."""
    document = parse(SEED_004)
    guide = at(document, 18)
    assert [link.label for link in guide.links] == [None, "translation"]
    unet = at(document, 68)
    assert unet.section == ("代码", "Semantic segmentation")
    assert unet.links[2].framework == "Keras" and unet.end_line == 79
    assert at(document, 174).links[1].framework == "MXNet"
    review = at(document, 53)
    assert review.title == "A Review on Deep Learning Techniques Applied to Semantic Segmentation"
    assert review.year == 2017 and len(review.authors) == 5
    assert at(document, 246).kind == "person"
    assert at(document, 193).title is None
    sections = [section.title for section in document.sections if section.line == 3]
    assert sections == ["进阶论文", "综述"]


@pytest.mark.parametrize("path", real_lists(), ids=lambda path: path.name)
def test_real_lists_round_trip_and_stay_in_bounds(path: object) -> None:
    """Every real list parses, round-trips through JSON, and keeps entries inside the file."""
    document = awesomeparse.parse_file(str(path))
    assert document.entries
    assert Document.from_json(document.to_json()) == document
    with open(str(path), encoding="utf-8-sig") as handle:
        lines = handle.read().count("\n") + 1
    ids = [entry.id for entry in document.entries]
    assert len(ids) == len(set(ids))
    for entry in document.entries:
        assert 1 <= entry.line <= entry.end_line <= lines
        for link in entry.links:
            assert entry.line <= link.line <= entry.end_line
            assert "%" not in link.url or "%" in link.url_raw
