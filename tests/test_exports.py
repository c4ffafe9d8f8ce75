"""Exports: exact output for a small fixture, and every format read back by a real reader."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import bibtexparser
import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES, real_lists, shared_file
from tests.strategies import markdown_documents

import awesomeparse
from awesomeparse.cli import main
from awesomeparse.graph import PaperGraph
from awesomeparse.model import Document
from awesomeparse.render.bibtex import keeps_case, protect_title, render_bibtex
from awesomeparse.render.citekeys import ascii_word, citation_keys
from awesomeparse.render.csljson import csl_name
from awesomeparse.render.csv_rows import DOCUMENT_COLUMNS, GRAPH_COLUMNS
from awesomeparse.render.exports import EXPORT_FORMATS, UnknownFormatError, export_documents, export_graph
from awesomeparse.render.graphml import NAMESPACE, external_nodes
from awesomeparse.render.venues import venue_kind
from awesomeparse.render.works import Work, is_citable, works_of_documents

EXPORTS = FIXTURES / "exports"
EXPECTED = EXPORTS / "expected"
SUFFIXES = {"bibtex": "bib", "csljson": "csl.json", "csv": "csv", "jsonl": "jsonl", "graphml": "graphml"}
# The "type" enum of the CSL-JSON data schema, CSL 1.0.2 (csl-data.json of citation-style-language/schema).
CSL_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage",
})
CSL_REQUIRED = ("id", "type")
# CSL 1.0.2 variables the exporter may write, and the name-variable fields.
CSL_VARIABLES = frozenset({"id", "type", "title", "author", "issued", "container-title", "archive", "number", "DOI",
                           "URL"})
CSL_NAME_FIELDS = frozenset({"family", "given", "non-dropping-particle", "dropping-particle", "suffix", "literal"})


@cache
def _fixture(name: str) -> Document:
    # Parsed from text with a short source name, so outputs do not depend on where the checkout lives.
    return awesomeparse.parse((FIXTURES / name).read_text(encoding="utf-8"), source=Path(name).name)


def papers() -> Document:
    return _fixture("exports/papers.md")


@cache
def fixture_graph() -> PaperGraph:
    return awesomeparse.merge([papers(), _fixture("example.md")])


@cache
def seed_documents() -> list[Document]:
    """The seed lists only: bibtexparser reads a few hundred entries a second."""
    return [awesomeparse.parse_file(path) for path in sorted(shared_file("seeds").glob("*.txt"))]


@cache
def seeds_graph() -> PaperGraph:
    return awesomeparse.merge(seed_documents())


@cache
def real_lists_graph() -> PaperGraph:
    """Seeds and corpus together, for the readers that are fast enough."""
    paths = real_lists() or [shared_file("corpus")]
    return awesomeparse.merge(awesomeparse.parse_file(path) for path in paths)


def _entries(text: str) -> list[dict[str, str]]:
    parser = bibtexparser.bparser.BibTexParser(common_strings=False, ignore_nonstandard_types=False,
                                               interpolate_strings=False)
    entries: list[dict[str, str]] = bibtexparser.loads(text, parser=parser).entries
    return entries


# exact output ---------------------------------------------------------------------------


@pytest.mark.parametrize("to", [name for name in SUFFIXES if name != "graphml"])
def test_document_export_is_exactly_the_expected_file(to: str) -> None:
    expected = (EXPECTED / f"papers.{SUFFIXES[to]}").read_bytes().decode("utf-8")
    assert export_documents([papers()], to) == expected


@pytest.mark.parametrize("to", list(SUFFIXES))
def test_graph_export_is_exactly_the_expected_file(to: str) -> None:
    expected = (EXPECTED / f"graph.{SUFFIXES[to]}").read_bytes().decode("utf-8")
    assert export_graph(fixture_graph(), to) == expected


def test_json_is_the_model_json() -> None:
    assert export_documents([papers()], "json") == papers().to_json() + "\n"
    assert export_graph(fixture_graph(), "json") == fixture_graph().to_json() + "\n"
    both = json.loads(export_documents([papers(), _fixture("example.md")], "json"))
    assert [Document.from_dict(item) for item in both] == [papers(), _fixture("example.md")]


def test_graphml_of_documents_is_the_graphml_of_their_merge() -> None:
    assert export_documents([papers(), _fixture("example.md")], "graphml") == export_graph(fixture_graph(), "graphml")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(UnknownFormatError, match="'yaml'"):
        export_documents([papers()], "yaml")
    with pytest.raises(UnknownFormatError):
        export_graph(fixture_graph(), "BibTeX")


def test_facade_offers_the_exports() -> None:
    assert awesomeparse.EXPORT_FORMATS == EXPORT_FORMATS == ("json", "jsonl", "csv", "bibtex", "csljson", "graphml")
    assert awesomeparse.export_documents is export_documents
    assert awesomeparse.export_graph is export_graph


# bibtex ------------------------------------------------------------------------------------


def test_bibtex_reads_back_with_types_keys_and_fields() -> None:
    entries = _entries(export_documents([papers()], "bibtex"))
    assert [(entry["ENTRYTYPE"], entry["ID"]) for entry in entries] == [
        ("inproceedings", "kowalski2017mask"),
        ("inproceedings", "kowalski2019maska"),  # three Kowalski 2019 "Mask …" papers would collide
        ("inproceedings", "kowalski2019maskb"),
        ("misc", "rethinking2017atrous"),  # arXiv only; the year comes from the id 1706.…
        ("inproceedings", "quoted2020title"),
        ("article", "segnet2017encoderdecoder"),
    ]
    first = entries[0]
    assert first["author"] == "Ann Kowalski and Ben Osei and Dévora Núñez"
    assert first["title"] == "Mask {R-CNN}"
    assert (first["booktitle"], first["year"], first["eprint"], first["archiveprefix"]) == (
        "ICCV", "2017", "1703.06870", "arXiv")
    assert entries[3]["howpublished"] == "arXiv preprint arXiv:1706.05587"
    assert entries[4]["title"] == r'A "Quoted" Title: 100\% Recall on a \$5 Budget with C\# and snake\_case Tricks'
    assert entries[4]["url"] == "https://example.org/cheap.pdf"
    assert (entries[5]["journal"], entries[5]["doi"]) == ("TPAMI", "10.1109/tpami.2016.2644615")
    assert entries[5]["title"] == "{SegNet}: An Encoder-Decoder Network for Scene Segmentation"


def test_bibtex_of_the_seeds_graph_reads_back_one_entry_per_paper_with_eprints() -> None:
    graph = seeds_graph()
    entries = _entries(export_graph(graph, "bibtex"))
    assert len(entries) == len(graph.papers)
    assert len({entry["ID"] for entry in entries}) == len(entries)
    for paper, entry in zip(graph.papers, entries, strict=True):
        if paper.arxiv:
            assert entry["eprint"] in paper.arxiv, paper.id
            assert entry["archiveprefix"] == "arXiv"
        else:
            assert "eprint" not in entry, paper.id


def test_bibtex_of_the_seed_documents_reads_back_one_entry_per_paper_entry() -> None:
    documents = seed_documents()
    works = works_of_documents(documents)
    entries = _entries(export_documents(documents, "bibtex"))
    assert len(works) == sum(1 for document in documents for entry in document.entries if is_citable(entry))
    assert [entry["ID"] for entry in entries] == citation_keys(works)
    assert [entry.get("eprint") for entry in entries] == [work.arxiv for work in works]


@pytest.mark.parametrize(("word", "kept"), [
    ("R-CNN", True), ("SegNet", True), ("3D", True), ("U-Net", True), ("YOLOv3", True), ("(FCN)", True),
    ("Real-Time", False), ("Encoder-Decoder", False), ("Mask", False), ("A", False), ("k-NN", True), ("语义", False),
])
def test_capitals_are_protected_where_case_matters(word: str, kept: bool) -> None:
    assert keeps_case(word) is kept


def test_title_escaping_balances_braces_and_escapes_every_special() -> None:
    assert protect_title("I^3Net: {odd} \\ x~y & 5% $ # _") == (
        r"{I\textasciicircum{}3Net}: \textbraceleft{}odd\textbraceright{} \textbackslash{} "
        r"x\textasciitilde{}y \& 5\% \$ \# \_"
    )


def _balanced(text: str) -> bool:
    """BibTeX's own rule: every brace counts, backslash or not, and depth never goes below zero."""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_title_gives_balanced_braces(title: str) -> None:
    assert _balanced(protect_title(title))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_documents())
def test_any_list_exports_in_every_format_and_reads_back(text: str) -> None:
    document = awesomeparse.parse(text, source="any.md")
    citable = sum(1 for entry in document.entries if is_citable(entry))
    assert len(_entries(export_documents([document], "bibtex"))) == citable
    assert len(json.loads(export_documents([document], "csljson"))) == citable
    assert len(list(csv.reader(io.StringIO(export_documents([document], "csv"), newline="")))) == 1 + citable
    jsonl = export_documents([document], "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in jsonl] == [entry.id for entry in document.entries]
    graph = awesomeparse.merge([document])
    _check_graphml(export_graph(graph, "graphml"), graph)


@pytest.mark.parametrize(("venue", "entry_type", "field", "value"), [
    ("CVPR", "inproceedings", "booktitle", "CVPR"),
    ("ICCVW", "inproceedings", "booktitle", "ICCVW"),
    ("NIPSW", "inproceedings", "booktitle", "NIPSW"),
    ("TPAMI", "article", "journal", "TPAMI"),
    ("IEEE Transactions on Medical Imaging", "article", "journal", "IEEE Transactions on Medical Imaging"),
    ("arXiv", "misc", "howpublished", "arXiv preprint arXiv:1703.06870"),
    (None, "misc", "howpublished", "arXiv preprint arXiv:1703.06870"),
    ("ECML-PKDD", "misc", "howpublished", "ECML-PKDD"),
])
def test_entry_type_follows_the_venue(venue: str | None, entry_type: str, field: str, value: str) -> None:
    work = Work(id="w", title="Mask R-CNN", year=2017, venue=venue, authors=(), arxiv="1703.06870", doi=None,
                url=None)
    [entry] = _entries(render_bibtex([work]))
    assert (entry["ENTRYTYPE"], entry[field], entry["eprint"]) == (entry_type, value, "1703.06870")


def test_venue_kinds() -> None:
    assert [venue_kind(name) for name in ("ECCV", "IJCV", "arXiv", "CVPR Workshops", "Pattern Recognition Letters",
                                          "R-CNN", None)] == [
        "conference", "journal", "preprint", "conference", "journal", "other", "other"]


# citation keys ---------------------------------------------------------------------------------


def _work(title: str | None, year: int | None = 2019, authors: tuple[str, ...] = ()) -> Work:
    return Work(id=title or "-", title=title, year=year, venue=None, authors=authors, arxiv=None, doi=None, url=None)


def test_keys_fold_to_ascii_and_fall_back_to_title_words() -> None:
    assert ascii_word("Núñez") == "nunez"
    assert ascii_word("Łukasiewicz") == "lukasiewicz"
    assert ascii_word("何恺明") == ""
    works = [
        _work("The Mask R-CNN", authors=("Dévora Núñez",)),
        _work("Towards 语义分割 for Everyone", authors=("何恺明", "Ann Lee")),  # no ASCII family: title words
        _work("语义分割"),
        _work("On the Surprising Effectiveness", year=None),
    ]
    assert citation_keys(works) == ["nunez2019mask", "everyone2019", "paper2019", "surprisingeffectiveness"]


def test_key_collisions_take_letters_in_order_and_never_recreate_another_key() -> None:
    works = [_work("Mask Scoring"), _work("Mask Encoding"), _work("Mask Scoring")]
    assert citation_keys(works) == ["mask2019scoringa", "mask2019encoding", "mask2019scoringb"]
    many = citation_keys([_work("Same Title")] * 28)
    assert many[0] == "same2019titlea" and many[25] == "same2019titlez" and many[26:] == [
        "same2019titleaa", "same2019titleab"]
    # "Same Titlea" owns the key "same2019titlea", so the two "Same Title" works go on to b and c.
    assert citation_keys([_work("Same Titlea"), _work("Same Title"), _work("Same Title")]) == [
        "same2019titlea", "same2019titleb", "same2019titlec"]


# CSL-JSON ----------------------------------------------------------------------------------------


def _check_csl(items: list[dict[str, object]]) -> None:
    """The CSL 1.0.2 data schema's constraints on what we write: required id and type, the type
    enum, known variables, date-parts of integers, name objects of known fields."""
    for item in items:
        assert all(field in item for field in CSL_REQUIRED), item
        assert isinstance(item["id"], str) and item["id"]
        assert item["type"] in CSL_TYPES, item
        assert set(item) <= CSL_VARIABLES, set(item) - CSL_VARIABLES
        if "issued" in item:
            assert item["issued"] == {"date-parts": [[item["issued"]["date-parts"][0][0]]]}  # type: ignore[index]
            assert isinstance(item["issued"]["date-parts"][0][0], int)  # type: ignore[index]
        for name in item.get("author", []):  # type: ignore[attr-defined]
            assert set(name) <= CSL_NAME_FIELDS and ("family" in name or "literal" in name), name
    assert len({item["id"] for item in items}) == len(items)


def test_csljson_items_follow_the_csl_data_schema() -> None:
    items = json.loads(export_documents([papers()], "csljson"))
    _check_csl(items)
    assert [(item["id"], item["type"]) for item in items] == [
        ("kowalski2017mask", "paper-conference"), ("kowalski2019maska", "paper-conference"),
        ("kowalski2019maskb", "paper-conference"), ("rethinking2017atrous", "article"),
        ("quoted2020title", "paper-conference"), ("segnet2017encoderdecoder", "article-journal"),
    ]
    assert items[0]["author"][2] == {"family": "Núñez", "given": "Dévora"}
    assert (items[0]["archive"], items[0]["number"], items[0]["container-title"]) == ("arXiv", "1703.06870", "ICCV")
    assert "container-title" not in items[3]
    assert items[5]["DOI"] == "10.1109/tpami.2016.2644615"


def test_csljson_ids_are_the_bibtex_keys() -> None:
    items = json.loads(export_graph(fixture_graph(), "csljson"))
    entries = _entries(export_graph(fixture_graph(), "bibtex"))
    assert [item["id"] for item in items] == [entry["ID"] for entry in entries]


def test_csljson_of_the_real_lists_graph_follows_the_schema() -> None:
    graph = real_lists_graph()
    items = json.loads(export_graph(graph, "csljson"))
    _check_csl(items)
    assert len(items) == len(graph.papers)
    assert sum(1 for item in items if item.get("archive") == "arXiv") == sum(1 for paper in graph.papers
                                                                             if paper.arxiv)


@pytest.mark.parametrize(("author", "name"), [
    ("Ann Kowalski", {"family": "Kowalski", "given": "Ann"}),
    ("Laurens van der Maaten", {"family": "Maaten", "given": "Laurens", "non-dropping-particle": "van der"}),
    ("Liang-Chieh Chen", {"family": "Chen", "given": "Liang-Chieh"}),
    ("何恺明", {"literal": "何恺明"}),
])
def test_csl_names(author: str, name: dict[str, str]) -> None:
    assert csl_name(author) == name


# CSV ------------------------------------------------------------------------------------------


def test_csv_reads_back_with_the_header_and_one_row_per_paper() -> None:
    rows = list(csv.reader(io.StringIO(export_documents([papers()], "csv"), newline="")))
    assert tuple(rows[0]) == DOCUMENT_COLUMNS
    assert len(rows) == 1 + 6  # the repository entry is not a paper
    assert rows[4][DOCUMENT_COLUMNS.index("arxiv")] == "1706.05587;1802.02611"
    assert rows[5][DOCUMENT_COLUMNS.index("title")] == papers().entries[4].title
    assert rows[6][DOCUMENT_COLUMNS.index("section")] == "Export Fixture > Semantic Segmentation > SegNet"
    graph = fixture_graph()
    rows = list(csv.reader(io.StringIO(export_graph(graph, "csv"), newline="")))
    assert tuple(rows[0]) == GRAPH_COLUMNS
    assert [row[0] for row in rows[1:]] == [paper.id for paper in graph.papers]
    assert rows[1][GRAPH_COLUMNS.index("mentions")] == "2"
    assert rows[1][GRAPH_COLUMNS.index("github")] == "facebookresearch/Detectron;matterport/Mask_RCNN"


def test_csv_fields_with_newlines_quotes_and_commas_round_trip() -> None:
    entry = evolve(papers().entries[0], title='Line one\nline "two", and three', section=("A, B", 'C "D"\r\nE'))
    document = evolve(papers(), entries=[entry])
    [_header, row] = list(csv.reader(io.StringIO(export_documents([document], "csv"), newline="")))
    assert row[DOCUMENT_COLUMNS.index("title")] == 'Line one\nline "two", and three'
    assert row[DOCUMENT_COLUMNS.index("section")] == 'A, B > C "D"\r\nE'


# JSON Lines -------------------------------------------------------------------------------------


def test_jsonl_lines_each_parse_alone() -> None:
    text = export_documents([papers(), _fixture("example.md")], "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == len(papers().entries) + len(_fixture("example.md").entries)
    assert lines[6] == {"source": "papers.md", **papers().to_dict()["entries"][6]}
    assert lines[6]["kind"] == "repo"
    graph = fixture_graph()
    assert [json.loads(line) for line in export_graph(graph, "jsonl").splitlines()] == [
        paper.to_dict() for paper in graph.papers]


def test_jsonl_escapes_characters_that_split_lines() -> None:
    entry = evolve(papers().entries[0], title="one\u2028two\x85three\u2029four\nfive")
    text = export_documents([evolve(papers(), entries=[entry])], "jsonl")
    [line] = text.splitlines()
    assert json.loads(line)["title"] == "one\u2028two\x85three\u2029four\nfive"


# GraphML ----------------------------------------------------------------------------------------

G = f"{{{NAMESPACE}}}"


def _check_graphml(text: str, graph: PaperGraph) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == f"{G}graphml"
    keys = {key.get("id"): key for key in root.iter(f"{G}key")}
    assert all(key.get("attr.name") and key.get("attr.type") in {"string", "int", "boolean"} for key in keys.values())
    [body] = root.iter(f"{G}graph")
    assert body.get("edgedefault") == "directed"
    nodes = [node.get("id") for node in body.iter(f"{G}node")]
    edges = list(body.iter(f"{G}edge"))
    expected_nodes = len(graph.papers) + len(graph.repos) + len(graph.topics) + len(graph.lists)
    assert len(nodes) == len(set(nodes)) == expected_nodes + len(external_nodes(graph))
    assert len(edges) == len(graph.edges)
    assert all(edge.get("source") in nodes and edge.get("target") in nodes for edge in edges)
    assert all(data.get("key") in keys for data in root.iter(f"{G}data"))
    types = [data.text for edge in edges for data in edge if data.get("key") == "e_type"]
    assert types == [edge.type for edge in graph.edges]
    return root


def test_graphml_reads_back_with_elementtree() -> None:
    graph = fixture_graph()
    root = _check_graphml(export_graph(graph, "graphml"), graph)
    assert external_nodes(graph) == ["arxiv:1802.02611"]
    kinds = [data.text for data in root.iter(f"{G}data") if data.get("key") == "n_kind"]
    assert kinds.count("paper") == 8 and kinds.count("repo") == 6 and kinds.count("external") == 1


def test_graphml_escapes_markup_and_drops_what_xml_cannot_hold() -> None:
    graph = fixture_graph()
    odd = evolve(graph.papers[0], title='<b>&amp; "x"\x0b</b>')
    graph = evolve(graph, papers=[odd, *graph.papers[1:]])
    root = _check_graphml(export_graph(graph, "graphml"), graph)
    labels = [data.text for data in root.iter(f"{G}data") if data.get("key") == "n_label"]
    assert labels[0] == '<b>&amp; "x"\ufffd</b>'


def test_graphml_of_the_real_lists_graph_reads_back() -> None:
    graph = real_lists_graph()
    _check_graphml(export_graph(graph, "graphml"), graph)


def test_graphml_reads_back_with_networkx() -> None:
    networkx = pytest.importorskip("networkx")
    graph = fixture_graph()
    read = networkx.read_graphml(io.StringIO(export_graph(graph, "graphml")))
    assert read.number_of_nodes() == 8 + 6 + 2 + 2 + 1
    assert read.number_of_edges() == len(graph.edges)
    assert read.nodes["arxiv:1703.06870"] == {"kind": "paper", "label": "Mask R-CNN", "year": 2017, "venues": "ICCV",
                                              "arxiv": "1703.06870", "mentions": 2}
    assert read.nodes["github:facebookresearch/detectron"]["official"] is True


# command line -----------------------------------------------------------------------------------


def test_parse_default_output_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXPORTS / "papers.md"
    assert main(["parse", str(path)]) == 0
    assert capsys.readouterr().out == awesomeparse.parse_file(path).to_json() + "\n"
    assert main(["parse", str(path), "--to", "json", "--compact"]) == 0
    assert capsys.readouterr().out == awesomeparse.parse_file(path).to_json(indent=None) + "\n"


@pytest.mark.parametrize("to", EXPORT_FORMATS)
def test_parse_to_each_format(to: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = EXPORTS / "papers.md"
    out = tmp_path / f"out.{to}"
    assert main(["parse", str(path), "--to", to, "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_bytes().decode("utf-8") == export_documents([awesomeparse.parse_file(path)], to)


@pytest.mark.parametrize("to", EXPORT_FORMATS)
def test_merge_to_each_format(to: str, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(EXPORTS / "papers.md"), str(FIXTURES / "example.md")]
    assert main(["merge", *paths, "--to", to]) == 0
    out = capsys.readouterr().out
    graph = awesomeparse.merge(awesomeparse.parse_file(path) for path in paths)
    assert out == export_graph(graph, to)
    if to == "bibtex":
        assert len(_entries(out)) == len(graph.papers) == 8


def test_unknown_to_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.txt"
    assert main(["merge", str(FIXTURES / "example.md"), "--to", "yaml", "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("awesomeparse: error: ") and "yaml" in error
    assert not out.exists()
