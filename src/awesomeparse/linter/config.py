"""Lint settings from ``.awesomeparse.toml`` (``[lint]``) or ``pyproject.toml`` (``[tool.awesomeparse.lint]``).

The nearest file found walking up from the starting directory wins; ``.awesomeparse.toml`` is
preferred to ``pyproject.toml`` in the same directory. Keys: ``select`` and ``ignore`` (lists of
codes or prefixes).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from attrs import frozen

from awesomeparse.errors import SourceError


@frozen
class LintConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    path: str | None = None


def load(start: Path) -> LintConfig:
    for folder in [start.resolve(), *start.resolve().parents]:
        for name, keys in ((".awesomeparse.toml", ("lint",)), ("pyproject.toml", ("tool", "awesomeparse", "lint"))):
            candidate = folder / name
            if not candidate.is_file():
                continue
            try:
                data: Any = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SourceError(str(candidate), f"invalid TOML: {exc}") from None
            for key in keys:
                data = data.get(key, {}) if isinstance(data, dict) else {}
            if name == "pyproject.toml" and not data:
                continue
            return LintConfig(select=_codes(candidate, data, "select"), ignore=_codes(candidate, data, "ignore"),
                              path=str(candidate))
    return LintConfig()


def _codes(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SourceError(str(path), f"[lint] {key} must be a list of rule codes")
    return tuple(item.strip().upper() for item in value)
