"""Parser output against docs/document.schema.json, for every real list and a few inline texts.

The validator below implements exactly the subset of JSON Schema (draft 2020-12) the
schema file uses and refuses any other keyword, so the schema cannot silently rely on
something that goes unchecked here. No dependency is added: when the ``jsonschema``
package happens to be installed, one extra test cross-checks both validators.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import awesomeparse

REPO = Path(__file__).resolve().parents[1]
SCHEMA_PATH = REPO / "docs" / "document.schema.json"
SHARED = Path(__file__).resolve().parents[2] / "shared"
NO_SHARED = "../shared not present: seeds and corpus are not in this checkout"

# --------------------------------------------------------------------------- validator

_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description"})
_ASSERTIONS = frozenset({
    "type", "required", "properties", "additionalProperties", "items", "enum", "const", "minimum", "maximum",
    "minLength", "minItems", "maxItems", "uniqueItems", "pattern", "$ref",
})
_TYPES: dict[str, Callable[[Any], bool]] = {
    "null": lambda value: value is None,
    "boolean": lambda value: isinstance(value, bool),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "string": lambda value: isinstance(value, str),
    "array": lambda value: isinstance(value, list),
    "object": lambda value: isinstance(value, dict),
}


def _canonical(value: Any) -> str:
    """JSON equality key: ``1``, ``1.0`` and ``true`` stay distinct, key order does not matter."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr) + type(value).__name__


def unsupported_keywords(schema: Any, where: str = "#") -> list[str]:
    """Keywords anywhere in ``schema`` that this validator does not implement."""
    found: list[str] = []
    if not isinstance(schema, dict):
        return [f"{where}: a schema must be an object, got {type(schema).__name__}"]
    found += [f"{where}/{key}" for key in schema if key not in _ANNOTATIONS | _ASSERTIONS]
    if "items" in schema:
        found += unsupported_keywords(schema["items"], f"{where}/items")
    if isinstance(schema.get("additionalProperties"), dict):
        found += unsupported_keywords(schema["additionalProperties"], f"{where}/additionalProperties")
    elif "additionalProperties" in schema and schema["additionalProperties"] is not False:
        found.append(f"{where}/additionalProperties (only false or a schema)")
    for group in ("properties", "$defs"):
        for name, sub in schema.get(group, {}).items():
            found += unsupported_keywords(sub, f"{where}/{group}/{name}")
    if "$ref" in schema and not str(schema["$ref"]).startswith("#/"):
        found.append(f"{where}/$ref (only local '#/...' references)")
    return found


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node  # type: ignore[no-any-return]


def validate(instance: Any, schema: dict[str, Any], root: dict[str, Any] | None = None, path: str = "$") -> list[str]:
    """All violations of ``schema`` by ``instance``, as ``path: message`` strings (empty when valid)."""
    root = schema if root is None else root
    errors: list[str] = []
    if "$ref" in schema:
        errors += validate(instance, _resolve(root, schema["$ref"]), root, path)
    if "type" in schema:
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[name](instance) for name in allowed):
            return [*errors, f"{path}: expected {'|'.join(allowed)}, got {type(instance).__name__} {instance!r:.60}"]
    if "const" in schema and _canonical(instance) != _canonical(schema["const"]):
        errors.append(f"{path}: expected {schema['const']!r}, got {instance!r:.60}")
    if "enum" in schema and _canonical(instance) not in {_canonical(option) for option in schema["enum"]}:
        errors.append(f"{path}: {instance!r:.60} not one of {schema['enum']}")
    if _TYPES["number"](instance):
        if "minimum" in schema and instance < schema["minimum"]:
            errors.append(f"{path}: {instance} < minimum {schema['minimum']}")
        if "maximum" in schema and instance > schema["maximum"]:
            errors.append(f"{path}: {instance} > maximum {schema['maximum']}")
    if isinstance(instance, str):
        if "minLength" in schema and len(instance) < schema["minLength"]:
            errors.append(f"{path}: string shorter than {schema['minLength']}: {instance!r:.60}")
        if "pattern" in schema and re.search(schema["pattern"], instance) is None:
            errors.append(f"{path}: {instance!r:.60} does not match {schema['pattern']}")
    if isinstance(instance, list):
        if "minItems" in schema and len(instance) < schema["minItems"]:
            errors.append(f"{path}: {len(instance)} items, fewer than {schema['minItems']}")
        if "maxItems" in schema and len(instance) > schema["maxItems"]:
            errors.append(f"{path}: {len(instance)} items, more than {schema['maxItems']}")
        if schema.get("uniqueItems") and len({_canonical(item) for item in instance}) != len(instance):
            errors.append(f"{path}: items are not unique")
        if "items" in schema:
            for index, item in enumerate(instance):
                errors += validate(item, schema["items"], root, f"{path}[{index}]")
    if isinstance(instance, dict):
        for name in schema.get("required", ()):
            if name not in instance:
                errors.append(f"{path}: missing required property {name!r}")
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, value in instance.items():
            if name in properties:
                errors += validate(value, properties[name], root, f"{path}.{name}")
            elif extra is False:
                errors.append(f"{path}: unexpected property {name!r}")
            elif isinstance(extra, dict):
                errors += validate(value, extra, root, f"{path}.{name}")
    return errors


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def assert_valid(data: Any, label: str) -> None:
    errors = validate(data, load_schema())
    assert not errors, f"{label}: {len(errors)} schema violation(s):\n" + "\n".join(errors[:25])


def as_json(document: awesomeparse.Document) -> dict[str, Any]:
    """What a consumer of the CLI/``to_json`` output actually reads."""
    data = json.loads(document.to_json(indent=None))
    assert data == document.to_dict()
    return data  # type: ignore[no-any-return]


@functools.cache
def _parsed_file(path: Path) -> str:
    """JSON text of a parsed real list, parsed once per session (callers get a fresh copy)."""
    return awesomeparse.parse_file(path).to_json(indent=None)


def parsed_file(path: Path) -> dict[str, Any]:
    data = json.loads(_parsed_file(path))
    return data  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- inputs


def _real_lists() -> list[Path]:
    if not SHARED.is_dir():
        return []
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted(path for path in (SHARED / "corpus").glob("*.md") if path.name != "SOURCES.md")
    return seeds + corpus


def _list_params() -> list[Any]:
    lists = _real_lists()
    if not lists:
        return [pytest.param(None, id="no-shared")]
    return [pytest.param(path, id=f"{path.parent.name}/{path.name}") for path in lists]


INLINE = {
    "empty": "",
    "bold-title": (
        "# semantic_segmentation\n\n## BlendMask\n\n"
        "**BlendMask: Top-Down Meets Bottom-Up for Instance Segmentation**\n\n"
        "- intro: Hao Chen, Kunyang Sun, Zhi Tian, Chunhua Shen, Yongming Huang, Youliang Yan, 2020\n"
        "- arxiv: <https://arxiv.org/abs/2001.00309>\n"
        "- github(期待作者开源): <https://github.com/Adelaide-AI-Group>\n"
    ),
    "bom-crlf-front-matter-mixed": (
        "\ufeff---\r\nlayout: post\r\ntitle: \"Detection\"\r\n---\r\n\r\n# Papers\r\n\r\n## 2019\r\n\r\n"
        "- [2019 CVPR] **Libra R-CNN: Towards Balanced Learning for Object Detection** "
        "[[paper](https://arxiv.org/abs/1904.02701)] [[code](https://github.com/OceanPang/Libra_R-CNN)]\r\n"
        "- [Mask R-CNN](https://arxiv.org/abs/1703.06870v3) - He et al., ICCV 2017.\r\n\r\n"
        "**Mask R-CNN**\r\n\r\n- arixv: <https://arxiv.org/abs/1703.06870>\r\n"
        "- github(Pytorch, unofficial): https://github.com/foo/mask-rcnn.pytorch>\r\n"
        "- paper: [ICCV'17](https://doi.org/10.1109/ICCV.2017.322)\r\n\r\n"
        "## Datasets\r\n\r\n| Name | Link |\r\n|---|---|\r\n| COCO | [site](https://cocodataset.org) |\r\n\r\n"
        "## People\r\n\r\nKaiming He [http://kaiminghe.com]\r\n"
    ),
}


# --------------------------------------------------------------------------- schema + validator


def test_schema_file_is_valid_json_using_only_supported_keywords() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert unsupported_keywords(schema) == []
    assert schema["properties"]["schema"]["const"] == awesomeparse.DOCUMENT_SCHEMA


def undescribed(node: dict[str, Any], where: str = "#", named: bool = True) -> list[str]:
    """Paths of named schema nodes (properties, definitions) that have no description."""
    missing = [where] if named and not node.get("description") else []
    for group in ("properties", "$defs"):
        for name, child in node.get(group, {}).items():
            missing += undescribed(child, f"{where}/{group}/{name}", True)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            missing += undescribed(node[key], f"{where}/{key}", False)
    return missing


def test_every_property_is_described() -> None:
    assert undescribed(load_schema()) == []


def test_schema_closes_every_object_the_model_closes() -> None:
    defs = load_schema()["$defs"]
    for name in ("entry", "link", "section", "ids"):
        assert defs[name]["additionalProperties"] is False, name
        assert sorted(defs[name]["required"]) == sorted(defs[name]["properties"]), name
    assert load_schema()["additionalProperties"] is False


def test_schema_keys_match_the_model_output() -> None:
    """Every key the model writes is declared, and nothing is declared that the model never writes."""
    data = as_json(awesomeparse.parse(INLINE["bom-crlf-front-matter-mixed"], source="x.md"))
    schema = load_schema()
    defs = schema["$defs"]
    assert set(data) == set(schema["properties"])
    assert data["sections"] and data["entries"]
    assert set(data["sections"][0]) == set(defs["section"]["properties"])
    for entry in data["entries"]:
        assert set(entry) == set(defs["entry"]["properties"])
        assert set(entry["ids"]) == set(defs["ids"]["properties"])
        for link in entry["links"]:
            assert set(link) == set(defs["link"]["properties"])


def _valid_document() -> dict[str, Any]:
    data = as_json(awesomeparse.parse(INLINE["bom-crlf-front-matter-mixed"], source="x.md"))
    assert data["entries"] and data["entries"][0]["links"] and data["entries"][0]["ids"]["arxiv"]
    return data


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return mutate


BROKEN: dict[str, Callable[[dict[str, Any]], None]] = {
    "missing-entries": _delete("entries"),
    "missing-entry-id": _delete("entries.0.id"),
    "missing-link-url": _delete("entries.0.links.0.url"),
    "missing-ids-doi": _delete("entries.0.ids.doi"),
    "wrong-schema-const": _set("schema", "awesomeparse.document/2"),
    "source-not-string": _set("source", 7),
    "line-as-string": _set("entries.0.line", "5"),
    "line-as-bool": _set("entries.0.line", True),
    "line-zero": _set("entries.0.end_line", 0),
    "kind-not-in-enum": _set("entries.0.kind", "article"),
    "title-empty": _set("entries.0.title", ""),
    "year-as-string": _set("entries.0.year", "2019"),
    "year-out-of-range": _set("entries.0.year", 1850),
    "authors-not-list": _set("entries.0.authors", "Kaiming He"),
    "author-not-string": _set("entries.0.authors", [None]),
    "url-null": _set("entries.0.links.0.url", None),
    "official-as-string": _set("entries.0.links.0.official", "yes"),
    "span-three-items": _set("entries.0.span", [0, 1, 2]),
    "span-negative": _set("entries.0.links.0.span", [-1, 4]),
    "arxiv-duplicate": _set("entries.0.ids.arxiv", ["1904.02701", "1904.02701"]),
    "arxiv-with-version": _set("entries.0.ids.arxiv", ["1904.02701v2"]),
    "bad-id": _set("entries.0.id", "entry-1"),
    "extra-entry-key": _set("entries.0.doi", "10.1/x"),
    "extra-top-level-key": _set("version", 1),
    "front-matter-value-not-string": _set("front_matter.layout", 3),
    "section-level-zero": _set("sections.0.level", 0),
    "section-path-empty": _set("sections.0.path", []),
    "dialect-unknown-name": _set("entries.0.dialect", "markdown"),
}


def test_validator_accepts_the_unbroken_document() -> None:
    assert validate(_valid_document(), load_schema()) == []


@pytest.mark.parametrize("breakage", sorted(BROKEN))
def test_validator_rejects_broken_documents(breakage: str) -> None:
    data = copy.deepcopy(_valid_document())
    BROKEN[breakage](data)
    assert validate(data, load_schema()), f"{breakage}: the broken document passed validation"


def test_validator_rejects_non_objects() -> None:
    schema = load_schema()
    assert validate([], schema)
    assert validate(None, schema)
    assert validate("awesomeparse.document/1", schema)


def jsonschema_checker(schema: Any, good: Any, broken: dict[str, Callable[[Any], None]]) -> Any:
    """jsonschema's validator for ``schema`` (the test is skipped without it), after checking that it
    accepts ``good`` and rejects every breakage of it, as our own validator does."""
    jsonschema = pytest.importorskip("jsonschema", reason="optional cross-check; jsonschema is not a dependency")
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator(schema)
    assert list(checker.iter_errors(good)) == []
    for name, breakage in broken.items():
        data = copy.deepcopy(good)
        breakage(data)
        assert list(checker.iter_errors(data)), f"jsonschema accepts {name}"
    return checker


def test_agrees_with_jsonschema_when_installed() -> None:
    checker = jsonschema_checker(load_schema(), _valid_document(), BROKEN)
    for path in _real_lists()[:3]:
        assert list(checker.iter_errors(parsed_file(path))) == [], path


# --------------------------------------------------------------------------- parser output


@pytest.mark.parametrize("path", _list_params())
def test_real_list_matches_schema(path: Path | None) -> None:
    if path is None:
        pytest.skip(NO_SHARED)
    data = parsed_file(path)
    assert data["source"] == str(path)
    assert data["entries"], f"{path.name}: no entries at all"
    assert_valid(data, path.name)


@pytest.mark.parametrize("name", sorted(INLINE))
def test_inline_text_matches_schema(name: str) -> None:
    anonymous = as_json(awesomeparse.parse(INLINE[name]))
    assert anonymous["source"] is None
    assert_valid(anonymous, name)
    named = as_json(awesomeparse.parse(INLINE[name], source=f"{name}.md"))
    assert named["source"] == f"{name}.md"
    assert_valid(named, name)


def test_inline_mixed_text_exercises_the_schema() -> None:
    """The mixed inline text reaches front matter, CRLF, several dialects and kinds, ids and link flags."""
    data = as_json(awesomeparse.parse(INLINE["bom-crlf-front-matter-mixed"]))
    assert data["front_matter"] == {"layout": "post", "title": "Detection"}
    entries = data["entries"]
    assert len({entry["dialect"] for entry in entries}) >= 3
    assert len({entry["kind"] for entry in entries}) >= 2
    assert any(entry["ids"]["github"] for entry in entries)
    assert any(entry["ids"]["doi"] for entry in entries)
    assert any(link["official"] is False for entry in entries for link in entry["links"])
    assert any(link["url"] != link["url_raw"] for entry in entries for link in entry["links"])


# --------------------------------------------------------------------------- what JSON Schema cannot say

def _check_invariants(data: dict[str, Any], text: str, label: str) -> None:
    """Cross-field rules documented in docs/data-model.md that a JSON Schema cannot express."""
    starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        low, high = 0, len(starts)
        while low < high:  # bisect_right
            middle = (low + high) // 2
            if starts[middle] <= offset:
                low = middle + 1
            else:
                high = middle
        return low

    def line_end(line: int) -> int:
        end = starts[line] - 1 if line < len(starts) else len(text)
        return end - 1 if end > starts[line - 1] and text[end - 1] == "\r" else end

    problems: list[str] = []
    ids = [entry["id"] for entry in data["entries"]]
    if len(ids) != len(set(ids)):
        problems.append("entry ids are not unique")
    if [entry["line"] for entry in data["entries"]] != sorted(entry["line"] for entry in data["entries"]):
        problems.append("entries are not in line order")
    for section in data["sections"]:
        if section["path"][-1] != section["title"]:
            problems.append(f"section line {section['line']}: path does not end with its title")
    for entry in data["entries"]:
        where = f"entry {entry['id']}"
        start, end = entry["span"]
        if not entry["line"] <= entry["end_line"] or start > end:
            problems.append(f"{where}: line/end_line or span out of order")
        if line_of(start) != entry["line"] or start != starts[entry["line"] - 1] or end != line_end(entry["end_line"]):
            problems.append(f"{where}: span {entry['span']} does not cover lines {entry['line']}..{entry['end_line']}")
        if (entry["venue"] is None) != (entry["venue_raw"] is None):
            problems.append(f"{where}: venue and venue_raw disagree on null")
        if entry["title"] is not None and entry["title"] in entry["aliases"]:
            problems.append(f"{where}: title repeated in aliases")
        for link in entry["links"]:
            link_start, link_end = link["span"]
            if text[link_start:link_end] != link["url_raw"]:
                problems.append(f"{where}: link span {link['span']} slices {text[link_start:link_end]!r}")
            if line_of(link_start) != link["line"]:
                problems.append(f"{where}: link line {link['line']} is not the line of its span")
            if not (entry["line"] <= link["line"] <= entry["end_line"] and start <= link_start <= link_end <= end):
                problems.append(f"{where}: link at line {link['line']} lies outside the entry")
    assert not problems, f"{label}: {len(problems)} invariant violation(s):\n" + "\n".join(problems[:25])


@pytest.mark.parametrize("path", _list_params())
def test_real_list_invariants(path: Path | None) -> None:
    if path is None:
        pytest.skip(NO_SHARED)
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    first = parsed_file(path)
    _check_invariants(first, text, path.name)
    again = as_json(awesomeparse.parse(text, source=str(path)))
    assert [entry["id"] for entry in again["entries"]] == [entry["id"] for entry in first["entries"]], "ids unstable"


@pytest.mark.parametrize("name", sorted(INLINE))
def test_inline_invariants(name: str) -> None:
    text = INLINE[name].removeprefix("\ufeff")
    _check_invariants(as_json(awesomeparse.parse(INLINE[name])), text, name)


def test_data_model_example_is_current() -> None:
    """The worked example in docs/data-model.md is real parser output, not a stale copy."""
    page = (REPO / "docs" / "data-model.md").read_text(encoding="utf-8")
    example = page[page.index("## Example") :]
    text = re.search(r"```markdown\n(.*?)```", example, re.DOTALL)
    assert text is not None
    data = as_json(awesomeparse.parse(text.group(1), source="example.md"))
    assert_valid(data, "data-model example")
    (entry,) = data["entries"]
    link = entry["links"][-1]
    for fragment in (
        f'"id": "{entry["id"]}"',
        f'"span": [{entry["span"][0]}, {entry["span"][1]}]',
        f'"span": [{link["span"][0]}, {link["span"][1]}]',
        f'"end_line": {entry["end_line"]}',
        json.dumps(entry["authors"], ensure_ascii=False),
        f'"note": "{link["note"]}"',
    ):
        assert fragment in example, f"docs/data-model.md example is out of date: {fragment} not found"
