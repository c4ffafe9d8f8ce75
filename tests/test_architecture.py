"""Imports flow one way: lower layers never import higher ones."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "awesomeparse"

# Layer of each top-level module or subpackage (see docs and ARCHITECTURE guidance).
LAYERS = {
    "spans": 0, "errors": 0, "_version": 0,
    "model": 1, "diagnostics": 1,
    "source": 2,
    "normalize": 3, "tokens": 3,
    "extract": 4,
    "graph": 5, "match": 5,
    "linter": 6,
    "render": 7,
    "api": 8, "__init__": 9, "cli": 10, "__main__": 11,
}
# Same-layer imports that are allowed because one is built from the other.
ALLOWED_SAME_LAYER = {("tokens", "source"), ("normalize", "normalize"), ("tokens", "tokens"), ("match", "graph")}


def _module_key(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("awesomeparse"):
            parts = node.module.split(".")
            if len(parts) == 1:
                names.extend(alias.name for alias in node.names)
            else:
                names.append(parts[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "awesomeparse":
                    names.append(parts[1] if len(parts) > 1 else "__init__")
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_upward_imports(path: Path) -> None:
    """A module imports only its own layer's allowed neighbours and layers below."""
    own = _module_key(path)
    for imported in _imports(path):
        if imported not in LAYERS or imported == own:
            continue
        if (own, imported) in ALLOWED_SAME_LAYER:
            continue
        assert LAYERS[imported] < LAYERS[own], f"{path.name} ({own}) imports {imported} from the same or a higher layer"


def test_mistune_and_rapidfuzz_are_not_imported_by_the_parser() -> None:
    """Spans and raw URLs come from our tokenizer, never from mistune."""
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import mistune" not in text, path
