"""``format``: fixture files (input beside expected output), guarantees on real lists, properties, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from tests.conftest import real_lists, shared_file
from tests.strategies import markdown_documents

import awesomeparse
from awesomeparse.cli import main
from awesomeparse.render.formatter import signature

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "format"
INPUTS = sorted(path for path in FIXTURES.glob("*.md") if path.name.count(".") == 1)


def _signatures(text: str) -> list[tuple[object, ...]]:
    return [signature(entry) for entry in awesomeparse.parse(text).entries]


@pytest.mark.parametrize("style", ["bold", "awesome"])
@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.stem)
def test_fixture(path: Path, style: str) -> None:
    expected = path.with_name(f"{path.stem}.{style}.md").read_text(encoding="utf-8")
    assert awesomeparse.format_text(path.read_text(encoding="utf-8"), style) == expected  # type: ignore[arg-type]


def test_fixtures_cover_both_styles() -> None:
    assert INPUTS, "no format fixtures found"
    for path in INPUTS:
        for style in ("bold", "awesome"):
            assert path.with_name(f"{path.stem}.{style}.md").exists()


def test_bold_style_rewrites_labels_links_and_titles() -> None:
    text = (
        "## Papers\n\n**Fully Convolutional Networks**\n"
        "- intro：CVPR 2015\n"
        "- arixv: <http://arxiv.org/pdf/1411.4038v2.pdf>\n"
        "- gihtub(Caffe, official): [https://github.com/a/fcn](https://github.com/a/fcn)\n"
    )
    assert awesomeparse.format_text(text) == (
        "## Papers\n\n**Fully Convolutional Networks**\n\n"
        "- intro: CVPR 2015\n"
        "- arxiv: https://arxiv.org/abs/1411.4038v2\n"
        "- github(Caffe, official): https://github.com/a/fcn\n"
    )


def test_awesome_style_is_one_item_per_paper() -> None:
    text = "## Papers\n\n**SegNet_ An Encoder-Decoder**\n\n- intro: TPAMI 2017\n- arxiv: http://arxiv.org/abs/1511.00561\n"
    assert awesomeparse.format_text(text, "awesome") == (
        "## Papers\n\n- [SegNet: An Encoder-Decoder](https://arxiv.org/abs/1511.00561) - TPAMI 2017.\n"
    )


def test_unknown_constructs_are_kept_byte_for_byte() -> None:
    prose = "Some prose with a [link](https://example.org) and <b>HTML</b>.\n"
    table = "| a | b |\n| - | - |\n| [x](https://arxiv.org/abs/1411.4038) | y |\n"
    fence = "```\n- arxiv: http://arxiv.org/pdf/1411.4038.pdf\n```\n"
    text = f"# T\n\n{prose}\n{table}\n{fence}"
    assert awesomeparse.format_text(text) == text


def test_bom_and_crlf_survive() -> None:
    text = "\ufeff## P\r\n\r\n**A Title Here**\r\n- arixv: http://arxiv.org/abs/1411.4038\r\n"
    assert awesomeparse.format_text(text) == "\ufeff## P\r\n\r\n**A Title Here**\r\n\r\n- arxiv: https://arxiv.org/abs/1411.4038\r\n"


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown style"):
        awesomeparse.format_text("x", "fancy")  # type: ignore[arg-type]


@pytest.mark.parametrize("style", ["bold", "awesome"])
@pytest.mark.parametrize("path", real_lists(), ids=lambda path: path.name)
def test_real_lists_round_trip(path: Path, style: str) -> None:
    """Every seed and corpus list: idempotent, and the same entries (titles, ids, URL sets, sections)."""
    text = path.read_text(encoding="utf-8-sig")
    once = awesomeparse.format_text(text, style)  # type: ignore[arg-type]
    assert awesomeparse.format_text(once, style) == once  # type: ignore[arg-type]
    assert _signatures(once) == _signatures(text)


def test_seed_002_is_rewritten() -> None:
    """The bold-title seed actually changes (labels, links), so the round-trip test above is not vacuous."""
    path = shared_file("seeds", "002_17c32c9dd5abf23f.txt")
    text = path.read_text(encoding="utf-8")
    once = awesomeparse.format_text(text)
    assert once != text
    assert "- arxiv: https://arxiv.org/abs/1603.06180\n" in once
    assert "- github(Caffe): https://github.com/Seth-Park/text_objseg_caffe\n" in once
    assert "gtihub" not in once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_documents())
@example("**Deep**\n[Deep [ ]:](https://arxiv.org/abs/1512.03385\n")  # brackets in link text escaped once
def test_format_properties(text: str) -> None:
    once = awesomeparse.format_text(text)
    assert awesomeparse.format_text(once) == once
    assert _signatures(once) == _signatures(text)


def test_cli_check_diff_and_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = tmp_path / "list.md"
    messy.write_text("## P\n\n**A Title Here**\n- arixv: http://arxiv.org/abs/1411.4038\n", encoding="utf-8")
    clean = tmp_path / "clean.md"
    clean.write_text("## P\n\n**A Title Here**\n\n- arxiv: https://arxiv.org/abs/1411.4038\n", encoding="utf-8")
    before = messy.read_text(encoding="utf-8")

    assert main(["format", "--check", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"would reformat {messy}\n"
    assert main(["format", "--diff", str(messy)]) == 1
    diff = capsys.readouterr().out
    assert "-- arixv: http://arxiv.org/abs/1411.4038\n" in diff
    assert "+- arxiv: https://arxiv.org/abs/1411.4038\n" in diff
    assert messy.read_text(encoding="utf-8") == before

    assert main(["format", str(tmp_path)]) == 0
    assert capsys.readouterr().err == "reformatted 1 file\n"
    assert messy.read_text(encoding="utf-8") == clean.read_text(encoding="utf-8")
    assert main(["format", "--check", str(tmp_path)]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["clean.md", "list.md"]


def test_cli_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.md"
    assert main(["format", str(missing)]) == 2
    assert capsys.readouterr().err == f"awesomeparse: error: {missing}: no such file or directory\n"
