"""Lint settings from ``.awesomeparse.toml`` (``[lint]``) or ``pyproject.toml`` (``[tool.awesomeparse.lint]``).

The nearest file found walking up from the starting directory wins; ``.awesomeparse.toml`` is
preferred to ``pyproject.toml`` in the same directory. Keys: ``select`` and ``ignore`` (lists of
codes or prefixes), and ``rules``, a table of per-rule options by code or name::

    [lint.rules.AP105]
    arxiv-style = "abs"

A key, rule or option that does not exist, or a value an option does not take, is a
``SourceError`` naming the file (and the line, when it can be found).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from attrs import field, frozen

from awesomeparse.errors import SourceError
from awesomeparse.linter.context import OptionValue
from awesomeparse.linter.registry import OptionError, validate_options

_KEYS = frozenset({"select", "ignore", "rules"})


def _options(value: dict[str, dict[str, OptionValue]]) -> dict[str, dict[str, OptionValue]]:
    return {code: dict(settings) for code, settings in value.items()}


@frozen
class LintConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    path: str | None = None
    options: dict[str, dict[str, OptionValue]] = field(factory=dict, converter=_options, eq=True, hash=False)
    """Checked per-rule options by code: ``{"AP105": {"arxiv-style": "abs"}}``."""


def load(start: Path) -> LintConfig:
    for folder in [start.resolve(), *start.resolve().parents]:
        for name, keys in ((".awesomeparse.toml", ("lint",)), ("pyproject.toml", ("tool", "awesomeparse", "lint"))):
            candidate = folder / name
            if not candidate.is_file():
                continue
            try:
                text = candidate.read_text(encoding="utf-8")
                data: Any = tomllib.loads(text)
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SourceError(str(candidate), f"invalid TOML: {exc}") from None
            for key in keys:
                data = data.get(key, {}) if isinstance(data, dict) else {}
            if name == "pyproject.toml" and not data:
                continue
            return _read(candidate, text, data)
    return LintConfig()


def _read(path: Path, text: str, data: Any) -> LintConfig:
    if not isinstance(data, dict):
        raise SourceError(str(path), "[lint] must be a table")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise SourceError(str(path), f"unknown [lint] key {unknown[0]!r} (known: ignore, rules, select)",
                          _line_of(text, unknown[0]))
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise SourceError(str(path), "[lint] rules must be a table of rule options", _line_of(text, "rules"))
    try:
        options = validate_options(rules)
    except OptionError as exc:
        raise SourceError(str(path), f"[lint.rules] {exc}", _line_of(text, *_quoted(str(exc)))) from None
    return LintConfig(select=_codes(path, data, "select"), ignore=_codes(path, data, "ignore"), path=str(path),
                      options=options)


def _codes(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SourceError(str(path), f"[lint] {key} must be a list of rule codes")
    return tuple(item.strip().upper() for item in value)


def _quoted(message: str) -> list[str]:
    """The names an option error quotes (``'arxiv_style'``), to find the line they stand on."""
    parts = message.split("'")
    return [part for part in parts[1::2] if part]


def _line_of(text: str, *names: str) -> int | None:
    """The first line where one of ``names`` is a key (``name =`` or a table header), if any."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        for name in names:
            if stripped.startswith((f"{name} ", f"{name}=", f'"{name}"')) or (
                    stripped.startswith("[") and stripped.rstrip("]").endswith(f".{name}")):
                return number
    return None
