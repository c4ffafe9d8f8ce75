"""``awesomeparse diff`` and ``awesomeparse stats``: API results and CLI output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import awesomeparse
from awesomeparse.cli import main
from awesomeparse.match.compare import compare
from awesomeparse.match.summary import summarize

LEFT = """# Segmentation

**Fully Convolutional Networks for Semantic Segmentation**

- arxiv: https://arxiv.org/abs/1411.4038
- github(Caffe): https://github.com/shelhamer/fcn.berkeleyvision.org

**U-Net: Convolutional Networks for Biomedical Image Segmentation**

- intro: MICCAI 2015
- arxiv: https://arxiv.org/abs/1505.04597

**Fully Convolutional Networks for Semantic Segmentation**

- arxiv: http://arxiv.org/pdf/1411.4038v2.pdf
"""

RIGHT = (
    "## 语义分割\n\n"
    "- [Fully convolutional networks for semantic segmentation](https://arxiv.org/pdf/1411.4038.pdf) - CVPR 2015.\n"
    "- [SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation]"
    "(https://arxiv.org/abs/1511.00561) - TPAMI 2017.\n"
)


@pytest.fixture
def lists(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "left.md", tmp_path / "right.md"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    return left, right


def test_compare_matches_across_dialects() -> None:
    result = compare([awesomeparse.parse(LEFT)], [awesomeparse.parse(RIGHT)])
    assert [paper.title for paper in result.only_left] == [
        "U-Net: Convolutional Networks for Biomedical Image Segmentation"
    ]
    assert [paper.title for paper in result.only_right] == [
        "SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation"
    ]
    assert [paper.arxiv for paper in result.shared] == [("1411.4038",)]
    assert not result.identical


def test_a_list_compared_with_itself_lacks_nothing() -> None:
    document = awesomeparse.parse(LEFT)
    result = compare([document], [document])
    assert result.identical
    assert len(result.shared) == 2


def test_summarize_counts() -> None:
    summary = summarize([awesomeparse.parse(LEFT, "left.md"), awesomeparse.parse(RIGHT, "right.md")])
    assert summary.to_dict() == {
        "lists": 2,
        "entries": 5,
        "entries_by_kind": {"paper": 5},
        "papers": 3,
        "papers_with_code": 1,
        "papers_without_code": 2,
        "papers_with_arxiv": 3,
        "papers_by_year": {"2015": 2, "2017": 1},
        "sections": [
            {"source": "left.md", "section": ["Segmentation"], "entries": 3, "papers": 3, "with_code": 1},
            {"source": "right.md", "section": ["语义分割"], "entries": 2, "papers": 2, "with_code": 0},
        ],
        "duplicates": [
            {"paper": summary.duplicates[0].paper_id, "title": "Fully Convolutional Networks for Semantic Segmentation",
             "source": "left.md", "lines": [3, 13]},
        ],
        "conflicts": {"year-id": 1},  # SegNet: TPAMI 2017 on a 2015 arXiv id
    }


def test_cli_diff_text_and_exit_codes(lists: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    left, right = lists
    assert main(["diff", str(left), str(right)]) == 1
    assert capsys.readouterr().out == (
        f"1 paper in {left} missing from {right}\n"
        f"  {left}:8  U-Net: Convolutional Networks for Biomedical Image Segmentation  [arXiv 1505.04597, 2015]\n"
        f"1 paper in {right} missing from {left}\n"
        f"  {right}:4  SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation"
        "  [arXiv 1511.00561, 2017]\n"
        "1 paper in both\n"
    )
    assert main(["diff", str(left), str(left)]) == 0


def test_cli_diff_json(lists: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    left, right = lists
    assert main(["diff", "--format", "json", str(left), str(right)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["shared"] == 1
    assert [paper["arxiv"] for paper in data["missing_from_right"]] == [["1505.04597"]]
    assert [paper["mentions"][0]["line"] for paper in data["missing_from_left"]] == [4]


def test_cli_stats(lists: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    left, right = lists
    assert main(["stats", str(left), str(right)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:8] == [
        "lists                   2",
        "entries                 5  (paper 5)",
        "papers                  3  after merging duplicates",
        "  with code             1  (33.3%)",
        "  without code          2  (66.7%)",
        "  with arXiv id         3  (100.0%)",
        "duplicates              1  papers listed more than once in one list",
        "conflicts               1  (year-id 1)",
    ]
    assert f"  {left}: lines 3, 13  Fully Convolutional Networks for Semantic Segmentation" in out
    assert main(["stats", "--format", "json", str(left)]) == 0
    assert json.loads(capsys.readouterr().out)["papers"] == 2


def test_cli_diff_missing_side(tmp_path: Path, lists: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gone.md"
    assert main(["diff", str(lists[0]), str(missing)]) == 2
    assert capsys.readouterr().err == f"awesomeparse: error: {missing}: no such file or directory\n"


def test_cli_threshold_out_of_range(lists: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--threshold", "120", str(lists[0])]) == 2
    assert capsys.readouterr().err == "awesomeparse: error: --threshold: must be between 0 and 100, got 120.0\n"
