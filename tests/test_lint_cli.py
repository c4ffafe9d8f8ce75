"""``awesomeparse lint``: exit codes, output formats, --fix and --diff on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesomeparse.cli import main

BROKEN = "# Papers\r\n\r\n**Title**\r\n\r\n- gihtub: <https://github.com/a/b>\r\n- arxiv: https://arxiv.org/abs/1505.04597>\r\n"
CLEAN = "# Papers\n\n**Title**\n\n- github: <https://github.com/a/b>\n"


def write(path: Path, text: str, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(write(tmp_path / "a.md", CLEAN))]) == 0
    assert capsys.readouterr().out == ""


def test_findings_exit_1_and_json_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.md", BROKEN)
    assert main(["lint", "--format", "json", str(path)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(item["code"], item["line"], item["column"]) for item in found] == [("AP201", 5, 3), ("AP101", 6, 10)]
    assert set(found[0]) == {"path", "line", "column", "end_line", "end_column", "code", "name", "severity",
                             "message", "fix"}
    assert found[0]["path"] == str(path) and found[0]["fix"]["safe"] is True


def test_exit_zero_and_select(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.md", BROKEN)
    assert main(["lint", "--exit-zero", str(path)]) == 0
    assert main(["lint", "--select", "AP3", str(path)]) == 0
    assert main(["lint", "--ignore", "AP2,AP1", str(path)]) == 0
    capsys.readouterr()
    assert main(["lint", "--select", "ZZ9", str(path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_fix_writes_in_place_keeping_crlf_and_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", BROKEN, bom=True)
    assert main(["lint", "--fix", str(path)]) == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8") == BROKEN.replace("gihtub", "github").replace(
        "https://arxiv.org/abs/1505.04597>", "<https://arxiv.org/abs/1505.04597>")
    assert sorted(item.name for item in tmp_path.iterdir()) == ["a.md"]


def test_diff_shows_without_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.md", BROKEN)
    assert main(["lint", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "-- gihtub:" in out.replace("\r", "") and "+- github:" in out.replace("\r", "")
    assert path.read_text(encoding="utf-8").count("gihtub") == 1


def test_github_and_sarif_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "a.md", BROKEN)
    main(["lint", "--format", "github", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"::warning file={path},line=5,col=3,") and "AP201" in lines[0]
    main(["lint", "--format", "sarif", str(path)])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    result = run["results"][0]
    assert result["ruleId"] == "AP201" and rules["AP201"]["help"]["text"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 3)
    assert result["partialFingerprints"]


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(tmp_path / "missing.md")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_config_file_selects_and_ignores(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.md", BROKEN)
    (tmp_path / "pyproject.toml").write_text('[tool.awesomeparse.lint]\nignore = ["AP201"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["lint", "--format", "concise", str(path)])
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["AP101"]
    (tmp_path / ".awesomeparse.toml").write_text('[lint]\nselect = ["AP2"]\n', encoding="utf-8")
    main(["lint", "--format", "concise", str(path)])
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["AP201"]
    (tmp_path / ".awesomeparse.toml").write_text('[lint]\nselect = "AP2"\n', encoding="utf-8")
    assert main(["lint", str(path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


MIXED = ("**A**\n\n- arxiv: <https://arxiv.org/abs/1907.06119>\n\n**B**\n\n- arxiv: <https://arxiv.org/pdf/1911.06667>\n\n"
         "**C**\n\n- arxiv: <https://arxiv.org/abs/2001.05566>\n")


def test_rule_options_from_either_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.md", MIXED)
    monkeypatch.chdir(tmp_path)
    main(["lint", "--select", "AP105", "--format", "concise", str(path)])
    assert capsys.readouterr().out == f"{path}:7:29: AP105 arXiv PDF link where this list links abstract pages (abs)\n"
    (tmp_path / "pyproject.toml").write_text('[tool.awesomeparse.lint.rules.AP105]\narxiv-style = "pdf"\n',
                                             encoding="utf-8")
    main(["lint", "--select", "AP105", "--format", "concise", str(path)])
    assert [line.split(":")[1] for line in capsys.readouterr().out.splitlines()] == ["3", "11"]
    (tmp_path / ".awesomeparse.toml").write_text('[lint.rules.arxiv-link-style]\narxiv-style = "abs"\n',
                                                 encoding="utf-8")
    assert main(["lint", "--fix", "--select", "AP105", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == MIXED.replace("/pdf/", "/abs/")


@pytest.mark.parametrize(("config", "message"), [
    ('[lint.rules.AP105]\narxiv_style = "abs"\n',
     ".awesomeparse.toml:2: [lint.rules] AP105 has no option 'arxiv_style' (its options: arxiv-style)"),
    ('[lint.rules.AP105]\narxiv-style = "html"\n',
     ".awesomeparse.toml:2: [lint.rules] AP105 'arxiv-style' must be one of 'consistent', 'abs', 'pdf', got 'html'"),
    ('[lint.rules.AP105]\narxiv-style = 1\n',
     ".awesomeparse.toml:2: [lint.rules] AP105 'arxiv-style' must be a string, got 1"),
    ('[lint]\nselect = ["AP1"]\n\n[lint.rules.AP999]\nx = 1\n',
     ".awesomeparse.toml:4: [lint.rules] rule 'AP999' does not exist"),
    ('[lint.rules.AP101]\nstrict = true\n',
     ".awesomeparse.toml:2: [lint.rules] AP101 has no option 'strict' (its options: none)"),
    ('[lint]\nselcet = ["AP1"]\n',
     ".awesomeparse.toml:2: unknown [lint] key 'selcet' (known: ignore, rules, select)"),
])
def test_bad_rule_options_are_one_line_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch, config: str,
                                                    message: str) -> None:
    path = write(tmp_path / "a.md", MIXED)
    (tmp_path / ".awesomeparse.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--fix", str(path)]) == 2
    assert capsys.readouterr().err == f"awesomeparse: error: {tmp_path / message}\n"
    assert path.read_text(encoding="utf-8") == MIXED


def test_sarif_and_json_carry_the_new_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MIXED + "\n- [Mask R-CNN(https://arxiv.org/abs/1703.06870)\n"
    path = write(tmp_path / "a.md", text)
    main(["lint", "--format", "json", str(path)])
    assert {(item["code"], item["name"], item["severity"]) for item in json.loads(capsys.readouterr().out)} == {
        ("AP105", "arxiv-link-style", "info"), ("AP106", "unbalanced-link-brackets", "error")}
    main(["lint", "--format", "sarif", str(path)])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    for code in ("AP105", "AP106", "AP507"):
        assert rules[code]["helpUri"].endswith(f"/docs/rules/{code}.md")
    assert rules["AP106"]["defaultConfiguration"]["level"] == "error"
    assert [(result["ruleId"], result["level"]) for result in run["results"]] == [("AP105", "note"), ("AP106", "error")]


def test_a_refused_fix_is_reported_as_not_applied(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from awesomeparse.linter.rules import ap304_title_colon_space

    monkeypatch.setattr(ap304_title_colon_space, "TOUCHES", frozenset({"title"}))
    text = "* [UPFlow:Upsampling Pyramid for Optical Flow](https://arxiv.org/abs/2012.00212)\n"
    path = write(tmp_path / "a.md", text)
    assert main(["lint", "--fix", "--select", "AP304", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"{path}:1:10: AP304 [info] no space after ':' in the title (fix not applied: re-parsing shows the entry "
        "at line 1 would change its link-text) (title-colon-space)\nFound 1 problem (0 fixable with --fix).\n")
    assert path.read_text(encoding="utf-8") == text
