"""Text and JSON for ``awesomeparse diff`` and ``awesomeparse stats``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from awesomeparse.graph import Paper
from awesomeparse.match.compare import Comparison
from awesomeparse.match.summary import Summary

REPORT_FORMATS = ("text", "json")
_BAR_WIDTH = 30


def _first_mention(paper: Paper, sources: set[str]) -> str:
    mention = next((item for item in paper.mentions if item.source in sources), paper.mentions[0])
    return f"{mention.source}:{mention.line}"


def _paper_line(paper: Paper, sources: set[str]) -> str:
    extras = [f"arXiv {paper.arxiv[0]}"] if paper.arxiv else []
    if paper.year is not None:
        extras.append(str(paper.year))
    suffix = f"  [{', '.join(extras)}]" if extras else ""
    return f"  {_first_mention(paper, sources)}  {paper.title}{suffix}"


def _paper_dict(paper: Paper) -> dict[str, Any]:
    return {
        "id": paper.id,
        "title": paper.title,
        "year": paper.year,
        "arxiv": list(paper.arxiv),
        "mentions": [mention.to_dict() for mention in paper.mentions],
    }


def comparison(result: Comparison, left: Sequence[str], right: Sequence[str], fmt: str = "text") -> str:
    """The papers only one side has; ``left``/``right`` name the sides as the user gave them."""
    if fmt == "json":
        data = {
            "left": list(left),
            "right": list(right),
            "missing_from_right": [_paper_dict(paper) for paper in result.only_left],
            "missing_from_left": [_paper_dict(paper) for paper in result.only_right],
            "shared": len(result.shared),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    left_name, right_name = " ".join(left), " ".join(right)
    sources = {mention.source for paper in result.graph.papers for mention in paper.mentions}
    lines = [f"{len(result.only_left)} paper{_s(len(result.only_left))} in {left_name} missing from {right_name}"]
    lines.extend(_paper_line(paper, sources) for paper in result.only_left)
    lines.append(f"{len(result.only_right)} paper{_s(len(result.only_right))} in {right_name} missing from {left_name}")
    lines.extend(_paper_line(paper, sources) for paper in result.only_right)
    lines.append(f"{len(result.shared)} paper{_s(len(result.shared))} in both")
    return "\n".join(lines) + "\n"


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0.0%"


def summary(result: Summary, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    kinds = ", ".join(f"{kind} {count}" for kind, count in result.entries_by_kind)
    conflicts = sum(count for _kind, count in result.conflicts)
    conflict_kinds = ", ".join(f"{kind} {count}" for kind, count in result.conflicts)
    without = result.papers - result.papers_with_code
    lines = [
        f"lists             {result.lists:>7}",
        f"entries           {result.entries:>7}" + (f"  ({kinds})" if kinds else ""),
        f"papers            {result.papers:>7}  after merging duplicates",
        f"  with code       {result.papers_with_code:>7}  ({_percent(result.papers_with_code, result.papers)})",
        f"  without code    {without:>7}  ({_percent(without, result.papers)})",
        f"  with arXiv id   {result.papers_with_arxiv:>7}  ({_percent(result.papers_with_arxiv, result.papers)})",
        f"duplicates        {len(result.duplicates):>7}  papers listed more than once in one list",
        f"conflicts         {conflicts:>7}" + (f"  ({conflict_kinds})" if conflict_kinds else ""),
    ]
    if result.papers_by_year:
        lines += ["", "papers per year (stated, else from the arXiv id)"]
        largest = max(count for _year, count in result.papers_by_year)
        for year, count in result.papers_by_year:
            bar = "#" * max(1, round(_BAR_WIDTH * count / largest))
            lines.append(f"  {'unknown' if year is None else year:>7} {count:>6}  {bar}")
    if result.sections:
        lines += ["", "entries per section (papers, with code)"]
        many_lists = len({item.source for item in result.sections}) > 1
        for item in result.sections:
            name = " > ".join(item.section) or "(before any heading)"
            if many_lists:
                name = f"{item.source}: {name}"
            lines.append(f"  {item.entries:>6}  ({item.papers}, {item.with_code})  {name}")
    if result.duplicates:
        lines += ["", "duplicates"]
        for duplicate in result.duplicates:
            where = ", ".join(str(line) for line in duplicate.lines)
            lines.append(f"  {duplicate.source}: lines {where}  {duplicate.title}")
    return "\n".join(lines) + "\n"
