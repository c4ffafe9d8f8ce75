"""Normalizers: labels, URLs and ids, titles, years and venues, people."""

from __future__ import annotations

import pytest

from awesomeparse.normalize import arxiv, citations, labels, people, titles, urls, years_venues


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("arixv", "arxiv"), ("arxxiv", "arxiv"), ("arcxiv", "arxiv"), ("ariv", "arxiv"), ("Arxiv", "arxiv"),
        ("gitub", "github"), ("githun", "github"), ("giihub", "github"), ("gihtub", "github"),
        ("gtihub", "github"), ("githb", "github"), ("porject page", "project"), ("bitbuckt", "bitbucket"),
        ("project page", "project"), ("中文翻译", "translation"), ("intro", "intro"), ("date", None),
        ("keykwords", "keywords"), ("arXiv：", "arxiv"),
    ],
)
def test_label_canonical(raw: str, canonical: str | None) -> None:
    assert labels.canonical(raw) == canonical


def test_label_arguments() -> None:
    parsed = labels.parse("github(official, Caffe2)")
    assert (parsed.canonical, parsed.framework, parsed.official) == ("github", "Caffe2", True)
    titled = labels.parse('blog(Adrian Rosebrock)("Keras Mask R-CNN")')
    assert (titled.canonical, titled.note) == ("blog", "Adrian Rosebrock; Keras Mask R-CNN")
    assert labels.parse("github(Theano/Lasagne)").framework == "Theano/Lasagne"
    assert labels.parse("github(期待作者开源)").framework is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/1912.08193v1", "1912.08193"),
        ("http://arxiv.org/pdf/1409.4842", "1409.4842"),
        ("https://arxiv.org/pdf/1712.00886v2.pdf", "1712.00886"),
        ("http://export.arxiv.org/abs/2001.00309", "2001.00309"),
        ("https://www.arxiv.org/abs/cs/0601001v2", "cs/0601001"),
        ("https://arxiv.org//abs/1704.06857", "1704.06857"),
        ("https://arxiv.org/abs/1913.00001", None),
        ("https://github.com/x/y", None),
    ],
)
def test_arxiv_ids(url: str, expected: str | None) -> None:
    assert arxiv.from_url(url) == expected


def test_arxiv_in_citation_text() -> None:
    assert arxiv.from_text("Ross Girshick, Fast R-CNN, arXiv:1504.08083.") == ["1504.08083"]
    assert arxiv.year_of("1504.08083") == 2015 and arxiv.year_of("cs/0601001") == 2006


@pytest.mark.parametrize(
    ("url", "repo"),
    [
        ("https://github.com/facebookresearch/detectron2/tree/master/projects", "facebookresearch/detectron2"),
        ("https://github.com//FalongShen/SegModel", "FalongShen/SegModel"),
        ("https://github.com/BVLC/caffe/wiki/Model-Zoo#fcn", "BVLC/caffe"),
        ("https://github.com/Adelaide-AI-Group", None),
        ("https://github.com/x/y.git", "x/y"),
        ("https://github.com/topics/segmentation", None),
        ("https://bowenc0221.github.io/mask2former/", None),
    ],
)
def test_github_repo(url: str, repo: str | None) -> None:
    assert urls.github_repo(url) == repo


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("https://github.com/facebookresearch/Detectron2>", "https://github.com/facebookresearch/Detectron2"),
        ("<https://a.io/x", "https://a.io/x"),
        ("[https://a.io/x]https://a.io/x", "https://a.io/x"),
        ("[https://arxiv.org/abs/1904.02363]", "https://arxiv.org/abs/1904.02363"),
        ("https://a.io/%E5%9B%BE", "https://a.io/%E5%9B%BE"),
    ],
)
def test_url_repair_never_encodes(raw: str, repaired: str) -> None:
    assert urls.repair(raw) == repaired


def test_doi() -> None:
    assert urls.doi("https://doi.org/10.1109/TPAMI.2016.2644615") == "10.1109/tpami.2016.2644615"
    assert urls.doi("https://dl.acm.org/doi/10.1145/3123266.3123378") == "10.1145/3123266.3123378"
    assert urls.doi("https://example.com/10.1/x") is None


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("SegNet_ A Deep Convolutional Encoder-Decoder", "SegNet: A Deep Convolutional Encoder-Decoder"),
        ("FastFCN:Rethinking Dilated Convolution", "FastFCN: Rethinking Dilated Convolution"),
        ("BRS, Backpropagating Reﬁnement Scheme", "BRS, Backpropagating Refinement Scheme"),
        ("**Title**", "Title"),
        ("  spaced   out  ", "spaced out"),
        ("Mask_RCNN", "Mask_RCNN"),
    ],
)
def test_title_clean(raw: str, clean: str) -> None:
    assert titles.clean(raw) == clean


@pytest.mark.parametrize(
    ("text", "year", "venue"),
    [
        ("CVPR 2015, PAMI 2016", 2015, "CVPR"),
        ("NIPS 2014", 2014, "NeurIPS"),
        ("conditionally accepted at MICCAI 2015", 2015, "MICCAI"),
        ("Hao Chen, Kunyang Sun, 2020", 2020, None),
        ("deep learning-based methods(2014-2019)", None, None),
        ("**[CVPR' 14]**", 2014, "CVPR"),
        ("T-PAMI 2018", 2018, "TPAMI"),
        ("CVPR  2015.06", 2015, "CVPR"),
    ],
)
def test_years_and_venues(text: str, year: int | None, venue: str | None) -> None:
    found = years_venues.find(text)
    assert (found.year, found.venue) == (year, venue)


def test_leading_tags() -> None:
    found, rest = years_venues.leading_tag("[2015]ParseNet_ Looking Wider")
    assert (found.year, found.venue, rest) == (2015, None, 6)
    assert years_venues.leading_tag("[CVPR 2021 接收论文列表！](x)")[1] == 0
    assert years_venues.from_tag("ACM Computing Surveys (CSUR) 2019").venue == "CSUR"


def test_people() -> None:
    found = people.parse("Kaiming He, Georgia Gkioxari, Piotr Dollar, Ross Girshick, Facebook AI Research(FAIR), 2018")
    assert found is not None
    assert found.authors == ("Kaiming He", "Georgia Gkioxari", "Piotr Dollar", "Ross Girshick")
    assert found.affiliations == ("Facebook AI Research(FAIR)",)
    assert people.parse("recent developments in semantic segmentation, specifically deep learning") is None


def test_citations() -> None:
    cited = citations.parse("Karen Simonyan and Andrew Zisserman, Very Deep Convolutional Networks, ICLR, 2015.")
    assert cited is not None
    assert (cited.title, cited.authors, cited.year, cited.venue) == (
        "Very Deep Convolutional Networks", ("Karen Simonyan", "Andrew Zisserman"), 2015, "ICLR")
    text = "A Review on Things Alberto Garcia-Garcia, Sergio Oprea 2017"
    title, authors, year = citations.split_trailing_people(text)
    assert (title, authors, year) == ("A Review on Things", ("Alberto Garcia-Garcia", "Sergio Oprea"), 2017)


@pytest.mark.parametrize(
    ("title", "expected", "cut"),
    [
        ("Objects as Points (arXiv 2019)", (2019, "arXiv"), "Objects as Points "),
        ("TensorMask: A Foundation, ICCV 2019", (2019, "ICCV"), "TensorMask: A Foundation"),
        ("PANet (CVPR 2018)  ", (2018, "CVPR"), "PANet "),
        ("Dual Path Networks (oral)", (None, None), "Dual Path Networks (oral)"),
        ("Fast R-CNN, Girshick", (None, None), "Fast R-CNN, Girshick"),
        ("(CVPR 2018)", (None, None), "(CVPR 2018)"),
        ("x" * 10_000 + " (" * 5_000, (None, None), "x" * 10_000 + " (" * 5_000),
    ],
)
def test_trailing_tag(title: str, expected: tuple[int | None, str | None], cut: str) -> None:
    found, start = years_venues.trailing_tag(title)
    assert (found.year, found.venue) == expected
    assert title[:start] == cut


@pytest.mark.parametrize(
    ("text", "title", "authors", "year", "venue"),
    [
        ("Mask R-CNN. Kaiming He, Ross Girshick. ICCV 2017. arXiv:1703.06870", "Mask R-CNN",
         ("Kaiming He", "Ross Girshick"), 2017, "ICCV"),
        ("Feature Pyramid Networks for Object Detection. In CVPR, 2017",
         "Feature Pyramid Networks for Object Detection", (), 2017, "CVPR"),
        ('"Cascade R-CNN: Delving into High Quality Object Detection", Zhaowei Cai, Nuno Vasconcelos, CVPR 2018.',
         "Cascade R-CNN: Delving into High Quality Object Detection", ("Zhaowei Cai", "Nuno Vasconcelos"), 2018,
         "CVPR"),
    ],
)
def test_title_first_citations(text: str, title: str, authors: tuple[str, ...], year: int, venue: str) -> None:
    found = citations.parse_title_first(text)
    assert found is not None
    assert (found.title, found.authors, found.year, found.venue) == (title, authors, year, venue)


@pytest.mark.parametrize("text", [
    "Deep Learning by Prof. Nando de Freitas",
    "Colorful Image Colorization Richard Zhang, Alexei A. Efros, ECCV 2016",
    "Dr. Who Goes to Detection Land",
    "One sentence only, CVPR 2019",
    "A title. With a second sentence that is prose",
])
def test_title_first_citations_leave_other_text_alone(text: str) -> None:
    assert citations.parse_title_first(text) is None
