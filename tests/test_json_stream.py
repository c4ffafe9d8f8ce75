"""Streamed JSON is byte for byte ``json.dumps(value, ensure_ascii=False, indent=indent)``."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awesomeparse
from awesomeparse.cli._json_stream import iter_json

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example.md"
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner)
    | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.sampled_from([None, 0, 1, 2, 4]))
def test_pieces_join_to_json_dumps(value: Any, indent: int | None) -> None:
    assert "".join(iter_json(value, indent)) == json.dumps(value, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize("indent", [None, 2])
def test_a_graph_is_streamed_one_paper_at_a_time(indent: int | None) -> None:
    graph = awesomeparse.merge([awesomeparse.parse_file(EXAMPLE)])
    data = graph.to_dict()
    pieces = list(iter_json(data, indent))
    assert "".join(pieces) == graph.to_json(indent=indent)
    papers = [piece for piece in pieces if '"mentions"' in piece and '"repos"' in piece]
    assert len(papers) == len(data["papers"]) == 4


def test_special_floats_and_subclasses_follow_the_standard_library() -> None:
    class Tagged(str):
        pass

    value = {"nan": math.nan, "inf": -math.inf, "tagged": [Tagged("x")], 1.5: {"nested": (1, [])}}
    assert "".join(iter_json(value, 2)) == json.dumps(value, ensure_ascii=False, indent=2)


def test_unsupported_keys_fail_as_in_json() -> None:
    with pytest.raises(TypeError, match="keys must be str, int, float, bool or None, not tuple"):
        "".join(iter_json({(1, 2): 3}, 2))
