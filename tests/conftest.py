"""Shared test helpers: where the real lists live, skipping cleanly when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
FIXTURES = REPO / "fixtures"


def shared_file(*parts: str) -> Path:
    """Path to a file under ../shared, skipping the test when the checkout has no shared/."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present: the real seed and corpus lists live beside the repo in ../shared")
    return path


def real_lists() -> list[Path]:
    """All seed and corpus lists (empty when ../shared is absent)."""
    if not SHARED.exists():
        return []
    return sorted(SEEDS.glob("*.txt")) + sorted(path for path in CORPUS.glob("*.md") if path.name != "SOURCES.md")
