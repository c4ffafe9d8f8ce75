"""Many lists at once: PATH expansion, --jobs, input order, one bad file among good ones, the progress bar."""

from __future__ import annotations

import gc
import io
import json
import os
import pty
import select
import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import shared_file

import awesomeparse
from awesomeparse.cli import _batch, main
from awesomeparse.cli._progress import Progress, progress_for, render_bar
from awesomeparse.errors import SourceError
from awesomeparse.source import Source

REPO = Path(__file__).resolve().parents[1]
FIXABLE = "# Papers\n\n**Title One**\n\n- gihtub: <https://github.com/a/b>\n"
UNFORMATTED = "# Papers\n\n**Title One**\n- arixv: http://arxiv.org/abs/1411.4038\n"
LATIN1 = "# Title\n- Café paper\n".encode("latin-1")
LATIN1_ERROR = "2: not valid UTF-8 (byte 0xe9 at column 6)"


def _list(number: int) -> str:
    return (f"# List {number}\n\n**Paper number {number} about segmentation**\n\n"
            f"- arxiv: <https://arxiv.org/abs/1612.{number:05d}>\n")


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _tree(root: Path) -> list[Path]:
    """Lists in a directory tree, with a hidden folder and a non-list file that expansion skips."""
    paths = [_write(root / name, _list(number)) for number, name in
             enumerate(["b.md", "a.markdown", "sub/c.txt", "sub/deeper/d.md", "z.md"], start=1)]
    _write(root / ".git" / "e.md", _list(9))
    _write(root / "notes.rst", _list(10))
    return paths


def _sources(jsonl: str) -> list[str]:
    return [json.loads(line)["source"] for line in jsonl.splitlines()]


# expansion ----------------------------------------------------------------------------


def test_directories_are_searched_recursively_sorted_within_each_folder(tmp_path: Path) -> None:
    _tree(tmp_path)
    root = str(tmp_path)
    assert _batch.expand_paths([root]) == [f"{root}/a.markdown", f"{root}/b.md", f"{root}/z.md",
                                           f"{root}/sub/c.txt", f"{root}/sub/deeper/d.md"]


def test_glob_patterns_are_expanded_recursively(tmp_path: Path) -> None:
    _tree(tmp_path)
    root = str(tmp_path)
    assert _batch.expand_paths([f"{root}/**/*.md"]) == [f"{root}/b.md", f"{root}/sub/deeper/d.md", f"{root}/z.md"]
    # A match that is a directory is searched like a directory argument.
    assert _batch.expand_paths([f"{root}/s*"]) == [f"{root}/sub/c.txt", f"{root}/sub/deeper/d.md"]


def test_arguments_keep_their_order_and_each_file_comes_once(tmp_path: Path) -> None:
    _tree(tmp_path)
    root = str(tmp_path)
    assert _batch.expand_paths([f"{root}/z.md", f"{root}/sub", f"{root}/*.md"]) == [
        f"{root}/z.md", f"{root}/sub/c.txt", f"{root}/sub/deeper/d.md", f"{root}/b.md"]


def test_a_file_whose_name_looks_like_a_pattern_is_taken_literally(tmp_path: Path) -> None:
    literal = _write(tmp_path / "[draft].md", _list(1))
    _write(tmp_path / "d.md", _list(2))
    assert _batch.expand_paths([str(literal)]) == [str(literal)]


def test_a_missing_path_is_kept_for_its_job_to_report(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.md")
    assert _batch.expand_paths([missing]) == [missing]
    outcome = _batch.attempt(_batch.parse_document, None, missing, None)
    assert (outcome.result, outcome.error) == (None, f"{missing}: no such file or directory")


@pytest.mark.parametrize(("argument", "reason"), [
    ("*.md", "no file matches this pattern"),
    ("empty", "no list files (*.md, *.markdown, *.txt) in this directory"),
    ("empty/*", "no list files (*.md, *.markdown, *.txt) among the matches of this pattern"),
])
def test_an_argument_that_names_no_list_is_a_usage_error(argument: str, reason: str, tmp_path: Path) -> None:
    _write(tmp_path / "empty" / "folder" / "readme.rst", "text\n")
    with pytest.raises(SourceError) as caught:
        _batch.expand_paths([str(tmp_path / "a.md"), str(tmp_path / argument)])
    assert str(caught.value) == f"{tmp_path / argument}: {reason}"


@pytest.mark.parametrize("command", ["parse", "merge", "lint", "format"])
def test_a_pattern_matching_nothing_exits_2_with_one_line(command: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path / "a.md", _list(1))
    pattern = str(tmp_path / "lists" / "**" / "*.md")
    assert main([command, str(good), pattern]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"awesomeparse: error: {pattern}: no file matches this pattern\n")


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_number(value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge", "--jobs", value, str(tmp_path)]) == 2
    assert capsys.readouterr().err == \
        f"awesomeparse: error: argument -j/--jobs: expected a positive whole number, got '{value}'\n"


# order and parallelism ----------------------------------------------------------------


def test_parse_of_several_files_is_json_lines_in_input_order(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(_write(tmp_path / f"{name}.md", _list(number))) for number, name in enumerate("cab")]
    assert main(["parse", "--jobs", "2", *paths]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert _sources(captured.out) == paths
    first = json.loads(captured.out.splitlines()[0])
    assert first["entries"][0]["title"] == "Paper number 0 about segmentation"
    assert captured.out.count("\n") == 3


def test_parse_of_one_file_keeps_its_indented_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "a.md", _list(1))
    assert main(["parse", str(path)]) == 0
    assert capsys.readouterr().out.startswith('{\n  "schema": "awesomeparse.document/1",\n')
    # A directory holding one list still gives JSON Lines: the form follows the arguments, not the count.
    assert main(["parse", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and _sources(out) == [str(path)]


def test_parse_export_of_several_files_covers_all_documents(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(_write(tmp_path / f"{number}.md", _list(number))) for number in (1, 2)]
    assert main(["parse", "--to", "csv", "--jobs", "2", *paths]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 3
    assert "Paper number 1 about segmentation" in rows[1] and "Paper number 2 about segmentation" in rows[2]


@pytest.mark.parametrize("command", [["parse"], ["merge", "--compact"], ["lint", "--format", "json"]])
def test_jobs_1_and_jobs_2_give_the_same_output(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    corpus = shared_file("corpus")
    outputs = []
    for jobs in ("1", "2"):
        code = main([*command, str(corpus), "--jobs", jobs])
        outputs.append((code, capsys.readouterr()))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][1].out) > 10_000


def test_merge_output_is_the_graph_json_of_the_documents_in_order(tmp_path: Path) -> None:
    paths = [_write(tmp_path / "lists" / f"{number}.md", _list(number % 3)) for number in range(5)]
    out = tmp_path / "graph.json"
    assert main(["merge", "--jobs", "2", str(tmp_path / "lists"), "-o", str(out)]) == 0
    graph = awesomeparse.merge([awesomeparse.parse_file(path) for path in paths])
    assert out.read_text(encoding="utf-8") == graph.to_json() + "\n"
    assert len(graph.papers) == 3
    assert gc.get_freeze_count() == 0  # results were set aside from the collector only while they came


def test_at_most_two_files_per_worker_are_in_flight(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    submitted: list[str] = []

    class RecordingPool:
        def __init__(self, max_workers: int, initializer: Any) -> None:
            assert max_workers == 3

        def submit(self, function: Any, *args: Any) -> Future[Any]:
            submitted.append(args[2])
            future: Future[Any] = Future()
            future.set_result(function(*args))
            return future

        def shutdown(self, wait: bool, cancel_futures: bool) -> None:
            pass

    monkeypatch.setattr(_batch, "ProcessPoolExecutor", RecordingPool)
    files = [str(_write(tmp_path / f"{number:02d}.md", _list(number))) for number in range(20)]
    seen = []
    for outcome in _batch.outcomes(files, _batch.parse_document, None, jobs=3):
        seen.append(outcome.path)
        # Two per worker wait behind the one just handed over, which made room for one more.
        assert len(submitted) - len(seen) == min(6, len(files) - len(seen))
    assert seen == submitted == files


def _die(_source: Source, _payload: object) -> None:
    os._exit(3)


def test_a_worker_that_dies_is_one_line_error(tmp_path: Path) -> None:
    files = [str(_write(tmp_path / f"{number}.md", _list(number))) for number in range(3)]
    with pytest.raises(SourceError) as caught:
        list(_batch.outcomes(files, _die, None, jobs=2))
    assert str(caught.value) == (f"{files[0]}: a worker process died while reading this list (out of memory?); "
                                 "try --jobs 1")


def _boom(_source: Source, _payload: object) -> None:
    raise ValueError("boom\nsecond line")


def test_an_unexpected_error_in_a_job_is_a_value_not_a_traceback(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "a.md", _list(1)))
    outcome = _batch.attempt(_boom, None, path, None)
    assert outcome.error == f"{path}: internal error, please report it (ValueError: boom second line)"


# one bad file among good ones ---------------------------------------------------------


def _good_and_bad(root: Path, text: str = FIXABLE) -> tuple[Path, Path, Path]:
    first = _write(root / "1.md", text)
    bad = _write(root / "2.md", LATIN1)
    last = _write(root / "3.md", text.replace("One", "Two"))
    return first, bad, last


def test_parse_reports_the_bad_file_and_writes_the_others(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    first, bad, last = _good_and_bad(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--jobs", "2", str(tmp_path / "in"), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"awesomeparse: error: {bad}:{LATIN1_ERROR}\n")
    assert _sources(out.read_text(encoding="utf-8")) == [str(first), str(last)]


def test_merge_reports_the_bad_file_and_merges_the_others(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    first, bad, last = _good_and_bad(tmp_path)
    missing = tmp_path / "missing.md"
    assert main(["merge", "--jobs", "2", str(first), str(missing), str(bad), str(last), "--compact"]) == 2
    captured = capsys.readouterr()
    assert captured.err == (f"awesomeparse: error: {missing}: no such file or directory\n"
                            f"awesomeparse: error: {bad}:{LATIN1_ERROR}\n")
    graph = json.loads(captured.out)
    assert [item["source"] for item in graph["lists"]] == [str(first), str(last)]


def test_lint_fix_reports_the_bad_file_fixes_the_others_and_2_beats_1(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    first, bad, last = _good_and_bad(tmp_path)
    assert main(["lint", "--jobs", "2", "--format", "concise", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"awesomeparse: error: {bad}:{LATIN1_ERROR}\n"
    assert [line.split()[:2] for line in captured.out.splitlines()] == [[f"{first}:5:3:", "AP201"],
                                                                      [f"{last}:5:3:", "AP201"]]
    assert main(["lint", "--jobs", "2", "--fix", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"awesomeparse: error: {bad}:{LATIN1_ERROR}\n"
    assert first.read_text(encoding="utf-8") == FIXABLE.replace("gihtub", "github")
    assert last.read_text(encoding="utf-8") == FIXABLE.replace("One", "Two").replace("gihtub", "github")
    assert bad.read_bytes() == LATIN1


def test_format_reports_the_bad_file_and_formats_the_others(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    first, bad, last = _good_and_bad(tmp_path, UNFORMATTED)
    assert main(["format", "--jobs", "2", "--check", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (f"awesomeparse: error: {bad}:{LATIN1_ERROR}\n"
                                       f"would reformat {first}\nwould reformat {last}\n")
    assert main(["format", "--jobs", "2", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"awesomeparse: error: {bad}:{LATIN1_ERROR}\nreformatted 2 files\n"
    assert first.read_text(encoding="utf-8") == "# Papers\n\n**Title One**\n\n- arxiv: https://arxiv.org/abs/1411.4038\n"
    assert main(["format", "--jobs", "2", "--check", str(first), str(last)]) == 0


def test_warnings_from_workers_are_printed_in_input_order(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    chinese = "# 论文列表\n\n## 语义分割\n\n- [全卷积网络用于语义分割](https://arxiv.org/abs/1411.4038)\n"
    first = _write(tmp_path / "1.md", chinese.encode("gb18030"))
    _write(tmp_path / "2.md", _list(2))
    third = _write(tmp_path / "3.md", chinese.encode("gb18030"))
    assert main(["merge", "--jobs", "2", str(tmp_path), "-o", str(tmp_path / "graph.json")]) == 0
    assert capsys.readouterr().err == (f"awesomeparse: warning: {first}: decoded as GB18030 (not valid UTF-8)\n"
                                       f"awesomeparse: warning: {third}: decoded as GB18030 (not valid UTF-8)\n")


# progress -----------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_render_bar() -> None:
    assert render_bar(412, 1000, 3.14) == "[============>                 ] 412/1000 lists  3.1 s"
    assert render_bar(0, 3, 0.0, width=10) == "[>         ] 0/3 lists  0.0 s"
    assert render_bar(3, 3, 12.0, width=10) == "[==========] 3/3 lists  12.0 s"


def test_progress_redraws_at_most_ten_times_a_second_and_erases_itself() -> None:
    stream = _Terminal()
    now = [0.0]
    progress = Progress(3, stream, enabled=True, clock=lambda: now[0])
    now[0] = 64.0
    progress.begin()
    now[0] += 0.0625
    progress.advance()  # too soon after the first drawing: not redrawn
    now[0] += 0.4375
    progress.advance()
    progress.note("awesomeparse: error: x.md: no such file or directory")
    now[0] += 0.5
    progress.advance()
    progress.close()
    empty = "[>                             ] 0/3 lists  0.0 s"
    two = "[====================>         ] 2/3 lists  0.5 s"
    three = "[==============================] 3/3 lists  1.0 s"
    assert stream.getvalue() == (
        f"\r{empty}\r{two}\r{' ' * len(two)}\r"
        "awesomeparse: error: x.md: no such file or directory\n"
        f"\r{three}\r{' ' * len(three)}\r"
    )


@pytest.mark.parametrize(("stream", "quiet", "total"), [
    (io.StringIO(), False, 5), (_Terminal(), True, 5), (_Terminal(), False, 1),
], ids=["not-a-tty", "quiet", "one-file"])
def test_no_bar_off_a_terminal_with_quiet_or_for_one_file(stream: io.StringIO, quiet: bool, total: int) -> None:
    progress = progress_for(total, quiet=quiet, stream=stream)
    progress.begin()
    for _ in range(total):
        progress.advance()
    progress.note("awesomeparse: warning: a.md: decoded as GB18030 (not valid UTF-8)")
    progress.close()
    assert stream.getvalue() == "awesomeparse: warning: a.md: decoded as GB18030 (not valid UTF-8)\n"


def _run_on_a_terminal(arguments: list[str]) -> tuple[int, str]:
    """Run the CLI with standard error on a pseudo-terminal; return its exit code and what the terminal got."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "awesomeparse", *arguments], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=terminal, cwd=REPO)
    os.close(terminal)
    received = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    return process.wait(timeout=60), received.decode("utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_bar_is_drawn_on_a_terminal_and_erased(jobs: str, tmp_path: Path) -> None:
    for number in range(3):
        _write(tmp_path / f"{number}.md", _list(number))
    code, shown = _run_on_a_terminal(["merge", "--jobs", jobs, str(tmp_path), "-o", str(tmp_path / "graph.json")])
    assert code == 0
    empty = render_bar(0, 3, 0.0)
    assert shown.startswith(f"\r{empty}")
    assert shown.endswith(f"\r{' ' * len(empty)}\r")
    assert json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["schema"] == "awesomeparse.graph/1"


def test_quiet_keeps_the_terminal_silent(tmp_path: Path) -> None:
    for number in range(3):
        _write(tmp_path / f"{number}.md", _list(number))
    assert _run_on_a_terminal(["merge", "--quiet", str(tmp_path), "-o", str(tmp_path / "graph.json")]) == (0, "")


def test_no_bar_when_standard_error_is_a_pipe(tmp_path: Path) -> None:
    for number in range(3):
        _write(tmp_path / f"{number}.md", _list(number))
    result = subprocess.run([sys.executable, "-m", "awesomeparse", "parse", str(tmp_path)], capture_output=True,
                            text=True, encoding="utf-8", timeout=120, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    assert len(result.stdout.splitlines()) == 3
