"""Diagnostics as text, concise lines, JSON, GitHub annotations and SARIF 2.1.0."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Any

from awesomeparse._version import __version__
from awesomeparse.diagnostics import Diagnostic

FORMATS = ("text", "concise", "json", "github", "sarif")
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(results: list[tuple[str, list[Diagnostic]]], form: str, *, statistics: bool = False,
           rules: dict[str, Any] | None = None, texts: dict[str, str] | None = None) -> str:
    """All findings of all files in one output format."""
    if form == "json":
        return json.dumps([_as_json(path, item) for path, found in results for item in found],
                          ensure_ascii=False, indent=2) + "\n"
    if form == "sarif":
        return json.dumps(_sarif(results, rules or {}, texts or {}), ensure_ascii=False, indent=2) + "\n"
    lines = []
    for path, found in results:
        for item in found:
            if form == "github":
                level = {"error": "error", "warning": "warning", "info": "notice"}[item.severity]
                lines.append(f"::{level} file={_property(path)},line={item.line},col={item.column},"
                             f"endLine={item.end_line},endColumn={item.end_column},"
                             f"title={_property(item.code + ' ' + item.name)}::{_escape(item.message)}")
            elif form == "concise":
                lines.append(f"{path}:{item.line}:{item.column}: {item.code} {item.message}")
            else:
                fixable = " [*]" if item.fix is not None and item.fix.safe else ""
                lines.append(f"{path}:{item.line}:{item.column}: {item.code}{fixable} [{item.severity}] "
                             f"{item.message} ({item.name})")
    if statistics:
        counts = Counter((item.code, item.name) for _path, found in results for item in found)
        lines.extend(f"{count:6d}  {code}  {name}" for (code, name), count in sorted(counts.items()))
    if form == "text":
        total = sum(len(found) for _path, found in results)
        safe = sum(1 for _path, found in results for item in found if item.fix is not None and item.fix.safe)
        if total:
            lines.append(f"Found {total} problem{'s' if total != 1 else ''} ({safe} fixable with --fix).")
    return "".join(line + "\n" for line in lines)


def _escape(message: str) -> str:
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    """Workflow-command property values also escape ``:`` and ``,``."""
    return _escape(value).replace(":", "%3A").replace(",", "%2C")


def _as_json(path: str, item: Diagnostic) -> dict[str, Any]:
    fix = None
    if item.fix is not None:
        fix = {
            "safe": item.fix.safe,
            "message": item.fix.message,
            "edits": [{"start": edit.span.start, "end": edit.span.end, "text": edit.text} for edit in item.fix.edits],
        }
    return {
        "path": path, "line": item.line, "column": item.column, "end_line": item.end_line,
        "end_column": item.end_column, "code": item.code, "name": item.name, "severity": item.severity,
        "message": item.message, "fix": fix,
    }


def _fingerprint(code: str, path: str, item: Diagnostic, text: str) -> str:
    """Rule, file and the flagged text itself, not the line number, so alerts survive edits above."""
    flagged = item.span.slice(text) if text else item.message
    return hashlib.sha256(f"{code}|{path}|{flagged}|{item.message.split(' at line ')[0]}".encode()).hexdigest()


def _relative(path: str) -> str:
    try:
        return os.path.relpath(path).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return path.replace(os.sep, "/")


def _sarif(results: list[tuple[str, list[Diagnostic]]], rules: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    used = sorted({item.code for _path, found in results for item in found} | set(rules))
    descriptors = []
    for code in used:
        rule = rules.get(code)
        summary = getattr(rule, "SUMMARY", code)
        doc = (getattr(rule, "__doc__", None) or summary).strip()
        descriptors.append({
            "id": code, "name": getattr(rule, "NAME", code),
            "shortDescription": {"text": summary}, "fullDescription": {"text": doc.splitlines()[0]},
            "help": {"text": doc, "markdown": doc},
            "helpUri": f"https://github.com/awesomeparse/awesomeparse/blob/main/docs/rules/{code}.md",
            "defaultConfiguration": {"level": _SARIF_LEVELS.get(getattr(rule, "SEVERITY", "warning"), "warning")},
        })
    index = {code: position for position, code in enumerate(used)}
    findings = []
    for path, found in results:
        for item in found:
            findings.append({
                "ruleId": item.code, "ruleIndex": index[item.code], "level": _SARIF_LEVELS[item.severity],
                "message": {"text": item.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _relative(path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": item.line, "startColumn": item.column,
                               "endLine": item.end_line, "endColumn": item.end_column},
                }}],
                "partialFingerprints": {
                    "awesomeparse/v1": _fingerprint(item.code, _relative(path), item, texts.get(path, ""))},
            })
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "awesomeparse", "version": __version__,
                                      "informationUri": "https://pypi.org/project/awesomeparse/",
                                      "rules": descriptors}},
                  "columnKind": "unicodeCodePoints",
                  "results": findings}],
    }
