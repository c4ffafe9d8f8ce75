"""Merging lists into a paper graph: labelled pairs, graph structure, properties, CLI, real lists, schema.

(a) ``fixtures/match/pairs.csv`` holds hand-labelled pairs of mentions. Each side becomes a one-entry
    bold-title list (``**title**`` + ``- intro: year`` + an identifier bullet); ``explain`` must give the
    labelled status and ladder reason, and the merged graph must join the two mentions iff the status
    is ``same``. The ``*_arxiv`` columns hold an arXiv id, or ``doi:<doi>`` / ``url:<paper url>`` for
    the rows that exercise the DOI and paper-URL rungs of the ladder.
(b) Graph structure on a hand-written two-list example.
(c) Properties over small generated lists (hypothesis).
(d) The ``awesomeparse merge`` command.
(e) The real seed and corpus lists (skipped when ../shared is absent).
(f) Merge output against docs/graph.schema.json, with the validator of tests/test_schema.py.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.conftest import REPO, SEEDS, real_lists
from tests.strategies import markdown_documents
from tests.test_schema import jsonschema_checker, undescribed, unsupported_keywords, validate

import awesomeparse
from awesomeparse import Document, MergeOptions, PaperGraph
from awesomeparse.cli import main

PAIRS = REPO / "fixtures" / "match" / "pairs.csv"
GRAPH_SCHEMA = REPO / "docs" / "graph.schema.json"
COLUMNS = ["left_title", "left_arxiv", "left_year", "right_title", "right_arxiv", "right_year", "status", "reason",
           "note"]
LADDER_REASONS = {
    "same-arxiv", "different-arxiv", "same-doi", "different-doi", "same-url", "title", "title-exact", "alias",
    "version-mismatch", "extended-title", "year-mismatch", "title-below-threshold", "short-title-differs",
}
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def graph_json(graph: PaperGraph) -> dict[str, Any]:
    """What a consumer of ``to_json``/the CLI reads (and a check that it equals ``to_dict``)."""
    data = json.loads(graph.to_json(indent=None))
    assert data == graph.to_dict()
    return data  # type: ignore[no-any-return]


def paper_of_mentions(data: dict[str, Any]) -> dict[tuple[str, int], str]:
    """``(source, line) -> paper id`` for every mention in a graph."""
    found: dict[tuple[str, int], str] = {}
    for paper in data["papers"]:
        for mention in paper["mentions"]:
            key = (mention["source"], mention["line"])
            assert key not in found, f"{key} is a mention of two papers"
            found[key] = paper["id"]
    return found


# --------------------------------------------------------------------------- (a) labelled pairs


def _pair_rows() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def one_entry_list(title: str, identifier: str, year: str, source: str) -> Document:
    """A list holding exactly one bold-title entry with the given title, year and identifier."""
    lines = [f"**{title}**", ""]
    if year:
        lines.append(f"- intro: {year}")
    if identifier.startswith("doi:"):
        lines.append(f"- paper: <https://doi.org/{identifier.removeprefix('doi:')}>")
    elif identifier.startswith("url:"):
        lines.append(f"- paper: <{identifier.removeprefix('url:')}>")
    elif identifier:
        lines.append(f"- arxiv: <https://arxiv.org/abs/{identifier}>")
    document = awesomeparse.parse("\n".join(lines) + "\n", source=source)
    (entry,) = document.entries
    assert entry.line == 1 and entry.kind == "paper", entry
    assert entry.year == (int(year) if year else None), (title, entry.year)
    if identifier and ":" not in identifier:
        assert entry.ids.arxiv == (identifier.split("v", maxsplit=1)[0],), entry.ids
    if identifier.startswith("doi:"):
        assert entry.ids.doi == (identifier.removeprefix("doi:").lower(),), entry.ids
    return document


def _pair_params() -> list[Any]:
    return [
        pytest.param(row, id=f"{number:02d}-{row['reason']}-{row['left_title'][:24]}")
        for number, row in enumerate(_pair_rows(), start=2)
    ]


def test_pairs_fixture_is_well_formed() -> None:
    rows = _pair_rows()
    assert 35 <= len(rows) <= 60
    for row in rows:
        assert row["status"] in {"same", "different", "related"}, row
        assert row["reason"] in LADDER_REASONS, row
        assert row["left_title"] and row["right_title"] and row["note"], row
    # Every rung and guard of the ladder is exercised, in the status each one allows.
    covered = {(row["status"], row["reason"]) for row in rows}
    assert covered >= {
        ("same", "same-arxiv"), ("related", "different-arxiv"), ("different", "different-arxiv"),
        ("same", "same-doi"), ("same", "same-url"), ("related", "version-mismatch"),
        ("different", "version-mismatch"), ("same", "title-exact"), ("same", "alias"),
        ("different", "short-title-differs"), ("same", "title"), ("related", "year-mismatch"),
        ("different", "title-below-threshold"),
    }


@pytest.mark.parametrize("row", _pair_params())
def test_labelled_pair(row: dict[str, str]) -> None:
    left = one_entry_list(row["left_title"], row["left_arxiv"], row["left_year"], "a.md")
    right = one_entry_list(row["right_title"], row["right_arxiv"], row["right_year"], "b.md")
    decision, joined = awesomeparse.explain([left, right], "a.md:1", "b.md:1")
    expected_join = row["status"] == "same"
    assert (decision.status, decision.reason) == (row["status"], row["reason"]), f"{row['note']}: {decision}"
    # The verdict does not depend on which side is named first.
    swapped, swapped_joined = awesomeparse.explain([right, left], "b.md:1", "a.md:1")
    assert (swapped.status, swapped.reason) == (decision.status, decision.reason)
    assert joined == swapped_joined
    data = graph_json(awesomeparse.merge([left, right]))
    owner = paper_of_mentions(data)
    assert set(owner) == {("a.md", 1), ("b.md", 1)}
    graph_joined = owner["a.md", 1] == owner["b.md", 1]
    assert (joined, graph_joined) == (expected_join, expected_join), (
        f"{row['note']}: explain says {decision.status} ({decision.reason}); expected the graph to "
        f"{'join' if expected_join else 'keep apart'} the two mentions, explain's merged flag is {joined}, "
        f"the graph {'joins' if graph_joined else 'keeps them apart'}"
    )
    assert len(data["papers"]) == (1 if expected_join else 2)


# --------------------------------------------------------------------------- (b) graph structure

LIST_A = """\
# Semantic Segmentation

**Fully Convolutional Networks for Semantic Segmentation**

- intro: CVPR 2015
- arxiv: <https://arxiv.org/abs/1411.4038>
- github(Caffe, official): <https://github.com/shelhamer/fcn.berkeleyvision.org>

**Pyramid Scene Parsing Network**

- intro: CVPR 2017
- github(PyTorch): <https://github.com/hszhao/semseg>

# Instance Segmentation

**Rich feature hierarchies for accurate object detection and semantic segmentation**

- intro: 2014
- arxiv: <https://arxiv.org/abs/1703.06870>

# Image Classification

**Deep Residual Learning for Image Recognition**

- intro: CVPR 2016
- paper: <https://doi.org/10.1109/CVPR.2016.90>
"""

LIST_B = """\
# 语义分割

- Fully convolutional networks for semantic segmentation [[pdf]](https://arxiv.org/abs/1411.4038) [[PyTorch]](https://github.com/shelhamer/fcn.berkeleyvision.org)
- [Fully Convolutional Networks for Semantic Segmentation](https://arxiv.org/abs/1605.06211) - TPAMI 2017.
- [Pyramid scene parsing network](https://hszhao.github.io/projects/pspnet/) - CVPR 2017.
- [FCN](https://arxiv.org/abs/1411.4038)

# 实例分割

- [Mask R-CNN](https://arxiv.org/abs/1703.06870) - ICCV 2017.

# 图像分类

- [ResNet](https://doi.org/10.1109/CVPR.2016.90) - CVPR 2016.
"""

SOURCE_A = "lists/a.md"
SOURCE_B = "lists/b.md"
FCN = "arxiv:1411.4038"
FCN_JOURNAL = "arxiv:1605.06211"
MASK_RCNN = "arxiv:1703.06870"
RESNET = "doi:10.1109/cvpr.2016.90"
PSPNET = "title:" + hashlib.sha1(b"pyramid scene parsing network").hexdigest()[:12]
FCN_REPO = "github:shelhamer/fcn.berkeleyvision.org"
PSP_REPO = "github:hszhao/semseg"


def two_lists() -> list[Document]:
    return [awesomeparse.parse(LIST_A, source=SOURCE_A), awesomeparse.parse(LIST_B, source=SOURCE_B)]


def two_list_graph() -> dict[str, Any]:
    return graph_json(awesomeparse.merge(two_lists()))


def entry_id(document: Document, line: int) -> str:
    (entry,) = [entry for entry in document.entries if entry.line == line]
    return entry.id


def mention(document: Document, line: int) -> dict[str, Any]:
    return {"source": document.source, "line": line, "entry_id": entry_id(document, line)}


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_the_example_lists_parse_as_intended() -> None:
    a, b = two_lists()
    assert [(entry.line, entry.title) for entry in a.entries] == [
        (3, "Fully Convolutional Networks for Semantic Segmentation"),
        (9, "Pyramid Scene Parsing Network"),
        (16, "Rich feature hierarchies for accurate object detection and semantic segmentation"),
        (23, "Deep Residual Learning for Image Recognition"),
    ]
    assert [(entry.line, entry.title) for entry in b.entries] == [
        (3, "Fully convolutional networks for semantic segmentation"),
        (4, "Fully Convolutional Networks for Semantic Segmentation"),
        (5, "Pyramid scene parsing network"),
        (6, "FCN"),
        (10, "Mask R-CNN"),
        (14, "ResNet"),
    ]


def test_paper_ids_follow_the_id_rule() -> None:
    data = two_list_graph()
    assert [paper["id"] for paper in data["papers"]] == sorted([FCN, FCN_JOURNAL, MASK_RCNN, RESNET, PSPNET])
    papers = by_id(data["papers"])
    assert papers[FCN]["ids"] == {"arxiv": ["1411.4038"], "doi": []}
    assert papers[RESNET]["ids"] == {"arxiv": [], "doi": ["10.1109/cvpr.2016.90"]}
    assert papers[PSPNET]["ids"] == {"arxiv": [], "doi": []}
    # title:<first 12 hex digits of sha1 of the canonical title's match key>
    assert PSPNET == "title:c4412af5b4e8"


def test_papers_titles_aliases_years_and_mentions() -> None:
    a, b = two_lists()
    papers = by_id(two_list_graph()["papers"])
    fcn = papers[FCN]
    # Two full titles once each, same length: the alphabetically first spelling wins; the short name is an alias.
    assert fcn["title"] == "Fully Convolutional Networks for Semantic Segmentation"
    assert fcn["titles"] == [
        "FCN", "Fully Convolutional Networks for Semantic Segmentation",
        "Fully convolutional networks for semantic segmentation",
    ]
    assert fcn["aliases"] == ["FCN"]
    assert fcn["year"] == 2015
    assert fcn["mentions"] == [mention(a, 3), mention(b, 3), mention(b, 6)]
    assert fcn["repos"] == [FCN_REPO]
    assert papers[FCN_JOURNAL]["mentions"] == [mention(b, 4)]
    assert papers[FCN_JOURNAL]["year"] == 2017
    psp = papers[PSPNET]
    assert psp["title"] == "Pyramid Scene Parsing Network"
    assert psp["titles"] == ["Pyramid Scene Parsing Network", "Pyramid scene parsing network"]
    assert psp["mentions"] == [mention(a, 9), mention(b, 5)]
    resnet = papers[RESNET]
    assert resnet["title"] == "Deep Residual Learning for Image Recognition"
    assert resnet["aliases"] == ["ResNet"]
    assert resnet["mentions"] == [mention(a, 23), mention(b, 14)]
    mask = papers[MASK_RCNN]
    assert mask["mentions"] == [mention(a, 16), mention(b, 10)]
    assert mask["titles"] == [
        "Mask R-CNN", "Rich feature hierarchies for accurate object detection and semantic segmentation"]
    # Sources are kept exactly as given.
    assert {item["source"] for paper in papers.values() for item in paper["mentions"]} == {SOURCE_A, SOURCE_B}


def test_repos_carry_frameworks_and_official_flags() -> None:
    a, b = two_lists()
    repos = by_id(two_list_graph()["repos"])
    assert sorted(repos) == [PSP_REPO, FCN_REPO]
    assert repos[FCN_REPO] == {
        "id": FCN_REPO, "name": "shelhamer/fcn.berkeleyvision.org", "frameworks": ["Caffe", "PyTorch"],
        "official": True, "papers": [FCN], "mentions": [mention(a, 3), mention(b, 3)],
    }
    assert repos[PSP_REPO] == {
        "id": PSP_REPO, "name": "hszhao/semseg", "frameworks": ["PyTorch"], "official": None,
        "papers": [PSPNET], "mentions": [mention(a, 9)],
    }


def test_chinese_and_english_headings_are_one_topic() -> None:
    topics = by_id(two_list_graph()["topics"])
    assert sorted(topics) == ["topic:image classification", "topic:instance segmentation",
                              "topic:semantic segmentation"]
    semantic = topics["topic:semantic segmentation"]
    assert semantic["names"] == ["Semantic Segmentation", "语义分割"]
    assert semantic["papers"] == sorted([FCN, FCN_JOURNAL, PSPNET])
    assert topics["topic:instance segmentation"]["names"] == ["Instance Segmentation", "实例分割"]
    assert topics["topic:instance segmentation"]["papers"] == [MASK_RCNN]
    assert topics["topic:image classification"]["names"] == ["Image Classification", "图像分类"]


def test_lists_nodes() -> None:
    assert two_list_graph()["lists"] == [
        {"id": f"list:{SOURCE_A}", "source": SOURCE_A, "entries": 4,
         "papers": sorted([FCN, PSPNET, MASK_RCNN, RESNET])},
        {"id": f"list:{SOURCE_B}", "source": SOURCE_B, "entries": 6,
         "papers": sorted([FCN, FCN_JOURNAL, PSPNET, MASK_RCNN, RESNET])},
    ]


def test_edges() -> None:
    data = two_list_graph()
    edges = data["edges"]
    keys = [(edge["type"], edge["from"], edge["to"], edge.get("reason")) for edge in edges]
    assert keys == sorted(keys), "edges are sorted by type, from, to"
    assert len(set(keys)) == len(keys), "one edge per (type, from, to, reason)"
    list_a, list_b = f"list:{SOURCE_A}", f"list:{SOURCE_B}"
    assert set(keys) == {
        ("implements", FCN_REPO, FCN, None),
        ("implements", PSP_REPO, PSPNET, None),
        ("in-topic", FCN, "topic:semantic segmentation", None),
        ("in-topic", FCN_JOURNAL, "topic:semantic segmentation", None),
        ("in-topic", PSPNET, "topic:semantic segmentation", None),
        ("in-topic", MASK_RCNN, "topic:instance segmentation", None),
        ("in-topic", RESNET, "topic:image classification", None),
        *{("mentions", list_a, paper, None) for paper in (FCN, PSPNET, MASK_RCNN, RESNET)},
        *{("mentions", list_b, paper, None) for paper in (FCN, FCN_JOURNAL, PSPNET, MASK_RCNN, RESNET)},
        ("related", FCN, FCN_JOURNAL, "different-arxiv"),
    }
    edge = {(item["type"], item["from"], item["to"]): item for item in edges}
    assert edge["mentions", list_b, FCN]["provenance"] == [
        {"source": SOURCE_B, "line": 3}, {"source": SOURCE_B, "line": 6}]
    assert edge["implements", FCN_REPO, FCN]["provenance"] == [
        {"source": SOURCE_A, "line": 3}, {"source": SOURCE_B, "line": 3}]
    assert {"source": SOURCE_B, "line": 4} in edge["related", FCN, FCN_JOURNAL]["provenance"]
    # Every edge endpoint is a node of the graph.
    nodes = {item["id"] for group in ("papers", "repos", "topics", "lists") for item in data[group]}
    assert {end for item in edges for end in (item["from"], item["to"])} <= nodes


def test_conflicts_repo_framework_and_year_id() -> None:
    a, b = two_lists()
    conflicts = {(item["type"], item["subject"]): item for item in two_list_graph()["conflicts"]}
    framework = conflicts["repo-framework", FCN_REPO]
    assert framework["provenance"] == [mention(a, 3), mention(b, 3)]
    assert "Caffe" in framework["message"] and "PyTorch" in framework["message"]
    year = conflicts["year-id", MASK_RCNN]
    assert year["provenance"] == [mention(a, 16)]
    assert "2014" in year["message"] and "2017" in year["message"]
    assert ("year-id", FCN) not in conflicts and ("year-id", FCN_JOURNAL) not in conflicts


def test_conflict_id_title_rcnn_title_on_mask_rcnn_id() -> None:
    """R-CNN's title on Mask R-CNN's arXiv id: one paper by id, and an id-title conflict naming both."""
    a, b = two_lists()
    conflicts = [item for item in two_list_graph()["conflicts"] if item["type"] == "id-title"]
    assert [item["provenance"] for item in conflicts if item["subject"] == MASK_RCNN] == [
        [mention(a, 16), mention(b, 10)]
    ]


def test_conference_and_journal_versions_are_not_an_id_title_conflict() -> None:
    """FCN's CVPR and TPAMI versions share one title under two arXiv ids: related papers, nothing to report."""
    conflicts = [item for item in two_list_graph()["conflicts"] if item["type"] == "id-title"]
    assert [item["subject"] for item in conflicts if item["subject"] in {FCN, FCN_JOURNAL}] == []


def test_conflict_id_title_between_two_full_titles() -> None:
    left = one_entry_list("Rich feature hierarchies for accurate object detection and semantic segmentation",
                          "1703.06870", "", "a.md")
    right = one_entry_list("Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks",
                           "1703.06870", "", "b.md")
    data = graph_json(awesomeparse.merge([left, right]))
    assert len(data["papers"]) == 1
    assert [(item["type"], item["subject"]) for item in data["conflicts"]] == [("id-title", MASK_RCNN)]


def test_no_id_title_conflict_for_spelling_variants() -> None:
    left = one_entry_list("Fully Convolutional Networks for Semantic Segmentation", "1411.4038", "", "a.md")
    right = one_entry_list("Fully convolutional networks for semantic segmentation.", "1411.4038", "", "b.md")
    assert graph_json(awesomeparse.merge([left, right]))["conflicts"] == []


CANONICAL_CASES = {
    # name: (titles of mentions sharing one arXiv id, expected canonical title)
    "most-frequent-beats-longer": (
        ["Pyramid Scene Parsing Network", "Pyramid Scene Parsing Network", "Pyramid Scene Parsing Networks"],
        "Pyramid Scene Parsing Network",
    ),
    "tie-goes-to-longest": (
        ["Pyramid Scene Parsing Network", "Pyramid Scene Parsing Networks"],
        "Pyramid Scene Parsing Networks",
    ),
    "then-alphabetical": (
        ["Pyramid scene parsing network", "Pyramid Scene Parsing Network"],
        "Pyramid Scene Parsing Network",
    ),
    "spellings-of-one-title-count-together": (
        ["PYRAMID SCENE PARSING NETWORK", "Pyramid Scene Parsing Network", "Pyramid Scene Parsing Networks"],
        "PYRAMID SCENE PARSING NETWORK",
    ),
    "short-name-opening-the-full-title-counts-half": (
        ["SegNet", "SegNet", "SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation"],
        "SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation",
    ),
    "short-names-only": (["PSPNet", "PSPNet", "PSP-Net"], "PSPNet"),
}


@pytest.mark.parametrize("name", sorted(CANONICAL_CASES))
def test_canonical_title_rule(name: str) -> None:
    titles, expected = CANONICAL_CASES[name]
    documents = [one_entry_list(title, "1612.01105", "", f"l{number}.md") for number, title in enumerate(titles)]
    (paper,) = graph_json(awesomeparse.merge(documents))["papers"]
    assert paper["id"] == "arxiv:1612.01105"
    assert paper["title"] == expected
    assert paper["titles"] == sorted(set(titles))


def test_title_ids_of_equal_titles_kept_apart_are_numbered() -> None:
    documents = [one_entry_list("Pyramid Scene Parsing Network", "", year, f"l{year}.md") for year in ("2014", "2019")]
    data = graph_json(awesomeparse.merge(documents))
    assert [paper["id"] for paper in data["papers"]] == [PSPNET, f"{PSPNET}~2"]
    assert data["papers"][0]["mentions"][0]["source"] == "l2014.md"
    assert [(edge["type"], edge["from"], edge["to"], edge.get("reason")) for edge in data["edges"]
            if edge["type"] == "related"] == [("related", PSPNET, f"{PSPNET}~2", "year-mismatch")]


def test_shared_doi_never_joins_two_arxiv_ids() -> None:
    """Clusters never hold two arXiv ids, whatever else the mentions share (here: one DOI)."""
    lines = "**Fully Convolutional Networks for Semantic Segmentation**\n\n- arxiv: <https://arxiv.org/abs/{}>\n" \
            "- paper: <https://doi.org/10.1109/CVPR.2015.7298965>\n"
    left = awesomeparse.parse(lines.format("1411.4038"), source="a.md")
    right = awesomeparse.parse(lines.format("1605.06211"), source="b.md")
    decision, joined = awesomeparse.explain([left, right], "a.md:1", "b.md:1")
    assert (decision.status, decision.reason) == ("related", "different-arxiv")
    papers = graph_json(awesomeparse.merge([left, right]))["papers"]
    assert [paper["ids"]["arxiv"] for paper in papers] == [["1411.4038"], ["1605.06211"]]
    assert not joined


@pytest.mark.parametrize("title", ["Mask R-CNN", "Pyramid Scene Parsing Network"])
def test_equal_titles_of_one_edition_join_beside_another_edition(title: str) -> None:
    """a.md states 2017, b.md and c.md 2019: b and c are one paper (explain says same), a stays apart."""
    documents = [one_entry_list(title, "", year, source)
                 for source, year in (("a.md", "2017"), ("b.md", "2019"), ("c.md", "2019"))]
    decision, joined = awesomeparse.explain(documents, "b.md:1", "c.md:1")
    assert decision.status == "same"
    owner = paper_of_mentions(graph_json(awesomeparse.merge(documents)))
    assert (joined, owner["b.md", 1] == owner["c.md", 1], owner["a.md", 1] == owner["b.md", 1]) == (True, True, False)


def test_a_dated_title_mention_joins_an_id_cluster_whose_years_already_disagree() -> None:
    """a.md and b.md share an arXiv id but state 2016 and 2018 (a year-id conflict); c.md gives the same
    title and a.md's year without an id. explain calls a and c the same paper: the graph must join them."""
    title = "Deep Residual Learning for Image Recognition"
    documents = [one_entry_list(title, identifier, year, source) for identifier, year, source in (
        ("1512.03385", "2016", "a.md"), ("1512.03385", "2018", "b.md"), ("", "2016", "c.md"))]
    decision, joined = awesomeparse.explain(documents, "a.md:1", "c.md:1")
    assert (decision.status, decision.reason) == ("same", "title")
    papers = graph_json(awesomeparse.merge(documents))["papers"]
    assert ([paper["id"] for paper in papers], joined) == (["arxiv:1512.03385"], True)


def test_explain_accepts_entry_ids_and_rejects_unknown_references() -> None:
    a, b = two_lists()
    by_line, joined = awesomeparse.explain([a, b], f"{SOURCE_A}:3", f"{SOURCE_B}:3")
    by_entry, joined_again = awesomeparse.explain([a, b], entry_id(a, 3), entry_id(b, 4))
    assert (by_line.status, by_line.reason, joined) == ("same", "same-arxiv", True)
    assert (by_entry.status, by_entry.reason, joined_again) == ("related", "different-arxiv", False)
    with pytest.raises(LookupError):
        awesomeparse.explain([a, b], f"{SOURCE_A}:2", f"{SOURCE_B}:3")


def test_threshold_option_moves_title_matches() -> None:
    left = one_entry_list("Rich feature hierarchies for accurate object detection and semantic segmentation",
                          "", "", "a.md")
    right = one_entry_list("Rich feature hierarchies for object detection and semantic segmentation", "", "", "b.md")
    strict = MergeOptions(threshold=99.0)
    assert len(awesomeparse.merge([left, right]).papers) == 1
    assert len(awesomeparse.merge([left, right], options=strict).papers) == 2
    decision, joined = awesomeparse.explain([left, right], "a.md:1", "b.md:1", options=strict)
    assert (decision.status, decision.reason, joined) == ("different", "title-below-threshold", False)


# --------------------------------------------------------------------------- (c) properties

_WORDS = ("Deep", "Residual", "Learning", "for", "Semantic", "Segmentation", "Mask", "R-CNN", "Network",
          "Networks", "Pyramid", "Scene", "YOLO", "v2", "++", "3D", "Attention", "Fast", "U-Net", "语义分割")
_ARXIV = ("1411.4038", "1605.06211", "1703.06870", "1506.01497")
_DOIS = ("10.1109/cvpr.2016.90", "10.1109/iccv.2017.322")
_YEARS = (2015, 2016, 2017, 2019)
_HEADINGS = ("Semantic Segmentation", "语义分割", "Object Detection", "目标检测")


@st.composite
def generated_titles(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7))
    if len(words) > 1 and draw(st.booleans()):
        words[0] += draw(st.sampled_from([":", "_", " :"]))
    title = " ".join(words)
    return title.lower() if draw(st.integers(0, 4)) == 0 else title


@st.composite
def generated_entries(draw: st.DrawFn) -> list[str]:
    title = draw(generated_titles())
    arxiv = draw(st.none() | st.sampled_from(_ARXIV))
    doi = draw(st.none() | st.sampled_from(_DOIS))
    year = draw(st.none() | st.sampled_from(_YEARS))
    if draw(st.booleans()):
        lines = [f"**{title}**", ""]
        if year:
            lines.append(f"- intro: CVPR {year}")
        if arxiv:
            lines.append(f"- arxiv: <https://arxiv.org/abs/{arxiv}>")
        if doi:
            lines.append(f"- paper: <https://doi.org/{doi}>")
        return [*lines, ""]
    links = "".join(f" [[{label}]]({url})" for label, url in (
        ("pdf", f"https://arxiv.org/abs/{arxiv}" if arxiv else None),
        ("paper", f"https://doi.org/{doi}" if doi else None),
        ("code", "https://github.com/x/" + draw(st.sampled_from(["a", "b"])) if draw(st.booleans()) else None),
    ) if url)
    return [f"- {title}{links}" + (f" - CVPR {year}." if year else "")]


@st.composite
def generated_lists(draw: st.DrawFn) -> str:
    lines: list[str] = []
    heading = draw(st.none() | st.sampled_from(_HEADINGS))
    if heading:
        lines += [f"# {heading}", ""]
    for entry in draw(st.lists(generated_entries(), max_size=6)):
        lines += entry
    return "\n".join(lines) + "\n"


generated_documents = st.lists(generated_lists(), min_size=1, max_size=4).map(
    lambda texts: [awesomeparse.parse(text, source=f"list{number}.md") for number, text in enumerate(texts)]
)


@PROPERTY_SETTINGS
@given(generated_documents, st.data())
def test_merge_is_order_independent(documents: list[Document], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(documents))
    assert awesomeparse.merge(shuffled).to_json() == awesomeparse.merge(documents).to_json()


@PROPERTY_SETTINGS
@given(generated_documents)
def test_merge_is_idempotent(documents: list[Document]) -> None:
    first = awesomeparse.merge(documents)
    second = awesomeparse.merge(documents)
    assert first == second
    assert first.to_json() == second.to_json()
    assert graph_json(first) == graph_json(awesomeparse.merge(tuple(documents)))


@PROPERTY_SETTINGS
@given(generated_lists())
@example("**Mask R-CNN**\n\n- intro: CVPR 2017\n\n**Mask R-CNN**\n\n- intro: CVPR 2019\n")
def test_a_list_merged_with_itself_has_the_same_papers(text: str) -> None:
    alone = awesomeparse.merge([awesomeparse.parse(text, source="x.md")])
    twice = awesomeparse.merge([awesomeparse.parse(text, source="x.md"), awesomeparse.parse(text, source="y.md")])
    assert len(twice.papers) == len(alone.papers)
    for paper in twice.papers:
        sources = Counter(item.source for item in paper.mentions)
        assert sources["x.md"] == sources["y.md"], f"{paper.id} holds {dict(sources)}"


@PROPERTY_SETTINGS
@given(generated_documents)
@example([awesomeparse.parse(f"**Fully Convolutional Networks**\n\n- arxiv: <https://arxiv.org/abs/{arxiv}>\n"
                             "- paper: <https://doi.org/10.1109/cvpr.2016.90>\n", source=f"{arxiv}.md")
          for arxiv in _ARXIV[:2]])
def test_clusters_never_hold_two_arxiv_ids(documents: list[Document]) -> None:
    graph = awesomeparse.merge(documents)
    for paper in graph.papers:
        assert len(paper.arxiv) <= 1, f"{paper.id} holds {paper.arxiv}"
        assert paper.id.startswith("arxiv:") == bool(paper.arxiv)


@PROPERTY_SETTINGS
@given(st.lists(markdown_documents(max_blocks=8), min_size=1, max_size=3))
def test_merge_never_raises(texts: list[str]) -> None:
    documents = [awesomeparse.parse(text, source=f"doc{number}.md") for number, text in enumerate(texts)]
    graph = awesomeparse.merge(documents)
    data = graph_json(graph)
    mentions = [item for paper in data["papers"] for item in paper["mentions"]]
    assert len(mentions) == len({(item["source"], item["line"], item["entry_id"]) for item in mentions})
    if len(mentions) >= 2:
        first, last = mentions[0], mentions[-1]
        decision, _joined = awesomeparse.explain(
            documents, f"{first['source']}:{first['line']}", f"{last['source']}:{last['line']}")
        assert decision.status in {"same", "different", "related"}


# --------------------------------------------------------------------------- (d) CLI


def _write_lists(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.md").write_text(LIST_A, encoding="utf-8")
    (folder / "b.md").write_text(LIST_B, encoding="utf-8")
    (folder / "graph.json").write_text('{"not": "a list"}\n', encoding="utf-8")
    (folder / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return folder


def _one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and stderr.endswith("\n"), stderr
    assert lines[0].startswith("awesomeparse: error: "), lines[0]
    return lines[0]


def test_cli_merge_directory_to_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write_lists(tmp_path / "lists")
    out = tmp_path / "graph.json"
    assert main(["merge", str(folder), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    a, b = os.path.join(str(folder), "a.md"), os.path.join(str(folder), "b.md")
    assert [item["source"] for item in data["lists"]] == [a, b]
    expected = awesomeparse.merge([awesomeparse.parse_file(a), awesomeparse.parse_file(b)])
    assert out.read_text(encoding="utf-8") == expected.to_json() + "\n"
    assert len(data["papers"]) == 5


def test_cli_merge_to_stdout_and_compact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write_lists(tmp_path / "lists")
    assert main(["merge", str(folder / "b.md"), str(folder / "a.md"), "--compact"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out)["schema"] == awesomeparse.GRAPH_SCHEMA


def test_cli_explain_prints_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write_lists(tmp_path / "lists")
    a, b = os.path.join(str(folder), "a.md"), os.path.join(str(folder), "b.md")
    assert main(["merge", str(folder), "--explain", f"{a}:3", f"{b}:3"]) == 0
    assert capsys.readouterr().out == "same (same-arxiv, score 100.0): 1411.4038; merged in the graph\n"
    assert main(["merge", str(folder), "--explain", f"{a}:3", f"{b}:4"]) == 0
    assert capsys.readouterr().out == (
        "related (different-arxiv, score 100.0): 1411.4038 vs 1605.06211; not merged in the graph\n")
    assert main(["merge", str(folder), "--explain", f"{a}:9", f"{b}:5"]) == 0
    assert capsys.readouterr().out == "same (title, score 100.0); merged in the graph\n"


def test_cli_explain_unknown_reference_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write_lists(tmp_path / "lists")
    assert main(["merge", str(folder), "--explain", "nowhere.md:1", "L3-00000000"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nowhere.md:1" in _one_error_line(captured.err)


def test_cli_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write_lists(tmp_path / "lists")
    out = tmp_path / "graph.json"
    missing = tmp_path / "missing.md"
    assert main(["merge", str(folder), str(missing), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert _one_error_line(captured.err) == f"awesomeparse: error: {missing}: no such file or directory"
    # One bad path does not stop the others (issue 6): the lists that could be read are merged.
    graph = json.loads(out.read_text(encoding="utf-8"))
    assert [item["source"] for item in graph["lists"]] == [str(folder / "a.md"), str(folder / "b.md")]


@pytest.mark.parametrize("threshold", ["150", "-1", "abc", "nan"])
def test_cli_bad_threshold_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], threshold: str) -> None:
    folder = _write_lists(tmp_path / "lists")
    assert main(["merge", str(folder), "--threshold", threshold]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    _one_error_line(captured.err)


def test_cli_threshold_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "a.md").write_text(one_entry_text("Rich feature hierarchies for accurate object detection and "
                                                "semantic segmentation"), encoding="utf-8")
    (folder / "b.md").write_text(one_entry_text("Rich feature hierarchies for object detection and semantic "
                                                "segmentation"), encoding="utf-8")
    assert main(["merge", str(folder), "--compact"]) == 0
    assert len(json.loads(capsys.readouterr().out)["papers"]) == 1
    assert main(["merge", str(folder), "--compact", "--threshold", "99"]) == 0
    assert len(json.loads(capsys.readouterr().out)["papers"]) == 2


def one_entry_text(title: str) -> str:
    return f"**{title}**\n\n- intro: 2014\n"


# --------------------------------------------------------------------------- (e) the real lists


def _real_documents() -> list[Document]:
    paths = real_lists()
    if not paths:
        pytest.skip("../shared is not present: the real seed and corpus lists live beside the repo")
    assert len(paths) == 10
    return [awesomeparse.parse_file(path) for path in paths]


def test_real_lists_merge_is_order_independent() -> None:
    documents = _real_documents()
    forward = awesomeparse.merge(documents).to_json()
    assert awesomeparse.merge(documents[::-1]).to_json() == forward
    rotated = documents[3:] + documents[:3]
    assert awesomeparse.merge(rotated).to_json() == forward


def test_real_lists_never_split_an_arxiv_id() -> None:
    documents = _real_documents()
    data = graph_json(awesomeparse.merge(documents))
    owner = paper_of_mentions(data)
    papers_of_id: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        for entry in document.entries:
            if entry.ids.arxiv and (document.source, entry.line) in owner:
                papers_of_id[entry.ids.arxiv[0]].add(owner[document.source, entry.line])
    assert papers_of_id, "no arXiv ids at all"
    split = {arxiv: sorted(papers) for arxiv, papers in papers_of_id.items() if len(papers) > 1}
    assert split == {}
    holders = Counter(arxiv for paper in data["papers"] for arxiv in paper["ids"]["arxiv"])
    assert [arxiv for arxiv, count in holders.items() if count > 1] == []
    assert [paper["id"] for paper in data["papers"] if len(paper["ids"]["arxiv"]) > 1] == []
    # Every paper mention of every list is in the graph exactly once.
    paper_entries = {(document.source, entry.line) for document in documents for entry in document.entries
                     if entry.kind in {"paper", "mention"} and (entry.title or entry.ids.arxiv or entry.ids.doi)}
    assert set(owner) == paper_entries


# --------------------------------------------------------------------------- (f) docs/graph.schema.json


def load_graph_schema() -> dict[str, Any]:
    return json.loads(GRAPH_SCHEMA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def assert_valid_graph(data: Any, label: str) -> None:
    errors = validate(data, load_graph_schema())
    assert not errors, f"{label}: {len(errors)} schema violation(s):\n" + "\n".join(errors[:25])


def test_graph_schema_uses_only_supported_keywords() -> None:
    schema = load_graph_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert unsupported_keywords(schema) == []
    assert schema["properties"]["schema"]["const"] == awesomeparse.GRAPH_SCHEMA


def test_graph_schema_describes_every_property_and_marks_the_contract() -> None:
    schema = load_graph_schema()
    assert undescribed(schema) == []
    defs = schema["$defs"]

    def contract(node: dict[str, Any]) -> bool:
        return str(node["description"]).startswith("SCORING CONTRACT.")

    top = schema["properties"]
    assert {name for name in top if contract(top[name])} == {
        "schema", "papers", "repos", "topics", "lists", "edges", "conflicts"}
    paper = defs["paper"]["properties"]
    assert {name for name in paper if contract(paper[name])} == {
        "id", "title", "titles", "ids", "year", "aliases", "mentions"}
    assert all(contract(sub) for sub in defs["mention"]["properties"].values())
    for name in ("repo", "topic", "list", "edge", "conflict"):
        assert all(contract(sub) for sub in defs[name]["properties"].values()), name
        assert defs[name]["additionalProperties"] is False
        assert set(defs[name]["required"]) <= set(defs[name]["properties"])
    assert schema["additionalProperties"] is False


def test_graph_schema_keys_match_the_graph_output() -> None:
    data = two_list_graph()
    schema = load_graph_schema()
    defs = schema["$defs"]
    assert set(data) == set(schema["properties"])
    for group, name in (("papers", "paper"), ("repos", "repo"), ("topics", "topic"), ("lists", "list"),
                        ("conflicts", "conflict")):
        assert data[group], group
        for item in data[group]:
            assert set(item) == set(defs[name]["properties"]), name
    edge_keys = {frozenset(item) for item in data["edges"]}
    assert set().union(*edge_keys) == set(defs["edge"]["properties"])


def test_two_list_graph_matches_schema() -> None:
    assert_valid_graph(two_list_graph(), "two-list example")


def _breakage(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        if value is _DELETE:
            del node[path[-1]]
        else:
            node[path[-1]] = value

    return mutate


_DELETE = object()
BROKEN_GRAPHS: dict[str, Callable[[dict[str, Any]], None]] = {
    "wrong-schema": _breakage(["schema"], "awesomeparse.graph/2"),
    "missing-edges": _breakage(["edges"], _DELETE),
    "two-arxiv-ids": _breakage(["papers", 0, "ids", "arxiv"], ["1411.4038", "1605.06211"]),
    "paper-id-bare": _breakage(["papers", 0, "id"], "1411.4038"),
    "no-mentions": _breakage(["papers", 0, "mentions"], []),
    "mention-without-entry-id": _breakage(["papers", 0, "mentions", 0, "entry_id"], _DELETE),
    "mention-line-zero": _breakage(["papers", 0, "mentions", 0, "line"], 0),
    "year-as-string": _breakage(["papers", 0, "year"], "2015"),
    "repo-id-upper-case": _breakage(["repos", 0, "id"], "github:HSZhao/semseg"),
    "official-as-string": _breakage(["repos", 0, "official"], "yes"),
    "edge-type-unknown": _breakage(["edges", 0, "type"], "cites"),
    "edge-without-provenance": _breakage(["edges", 0, "provenance"], []),
    "conflict-type-unknown": _breakage(["conflicts", 0, "type"], "title-year"),
    "topic-id-bare": _breakage(["topics", 0, "id"], "semantic segmentation"),
    "reasons-zero": _breakage(["reasons", "title"], 0),
    "extra-top-level-key": _breakage(["version"], 1),
}


@pytest.mark.parametrize("name", sorted(BROKEN_GRAPHS))
def test_graph_schema_rejects_broken_graphs(name: str) -> None:
    data = copy.deepcopy(two_list_graph())
    BROKEN_GRAPHS[name](data)
    assert validate(data, load_graph_schema()), f"{name}: the broken graph passed validation"


def test_graph_schema_agrees_with_jsonschema_when_installed() -> None:
    jsonschema_checker(load_graph_schema(), two_list_graph(), BROKEN_GRAPHS)


def test_seed_merge_matches_schema() -> None:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip("../shared/seeds is not present")
    data = graph_json(awesomeparse.merge(awesomeparse.parse_file(path) for path in paths))
    assert data["papers"] and data["edges"]
    assert_valid_graph(data, "merged seeds")


def test_real_lists_merge_matches_schema() -> None:
    data = graph_json(awesomeparse.merge(_real_documents()))
    assert_valid_graph(data, "merged seeds and corpus")


def test_an_alias_with_its_version_joins_the_full_title() -> None:
    """``## DeepLab V1`` over the full title teaches the name; a list that writes only the name joins it,
    and the version in the name is compared with the alias, not with the full title (which has none)."""
    headings = awesomeparse.parse(
        "# Seg\n\n## DeepLab V1\n---\n"
        "- [2015 ICLR] Semantic image segmentation with deep convolutional nets and fully connected CRFs\n\n"
        "## DeepLab V2\n---\n- [2017 PAMI] DeepLab: Semantic Image Segmentation with Deep Convolutional Nets, "
        "Atrous Convolution, and Fully Connected CRFs\n", "a.md")
    names = awesomeparse.parse("# Models\n\n- [2015] DeepLab V1\n- [2017] DeepLab V2\n", "b.md")
    graph = awesomeparse.merge([headings, names])
    assert sorted(sorted((m.source, m.line) for m in paper.mentions) for paper in graph.papers) == [
        [("a.md", 5), ("b.md", 3)], [("a.md", 9), ("b.md", 4)],
    ]


def test_a_stacked_conference_title_is_an_alias_that_joins_it() -> None:
    """A list that stacks the arXiv title over the conference title makes the latter an alias; another
    list giving only the conference title (a longer title than any short name) joins the paper."""
    stacked = awesomeparse.parse(
        "# P\n\n**RefineNet: Multi-Path Refinement Networks with Identity Mappings for High-Resolution Semantic "
        "Segmentation**\n\n**RefineNet: Multi-Path Refinement Networks for High-Resolution Semantic "
        "Segmentation**\n\n- intro: CVPR 2017\n", "c.md")
    conference = awesomeparse.parse(
        "# Q\n\n- [RefineNet: Multi-Path Refinement Networks for High-Resolution Semantic Segmentation]"
        "(http://openaccess.thecvf.com/refinenet.pdf) - CVPR 2017.\n", "d.md")
    graph = awesomeparse.merge([stacked, conference])
    assert [sorted((m.source, m.line) for m in paper.mentions) for paper in graph.papers] == [
        [("c.md", 3), ("d.md", 3)],
    ]
