"""Bullet labels (``- arxiv:``, ``- github(official, Caffe2):``) and link words -> canonical labels.

Tolerates the typos real lists carry (``arixv``, ``gihtub``, ``porject page``) by edit
distance against a closed vocabulary, and reads the parenthesized arguments into a
framework, an official flag and a free note.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from attrs import frozen

from awesomeparse.normalize.text import fold_punctuation, squash
from awesomeparse.normalize.urls import host

_VOCABULARY: dict[str, tuple[str, ...]] = {
    "arxiv": ("arxiv", "arxiv.org", "arxiv paper", "arxiv link", "arxiv版"),
    "github": ("github", "github repo", "github code", "github link"),
    "gitlab": ("gitlab",),
    "bitbucket": ("bitbucket",),
    "code": ("code", "codes", "source code", "source", "implementation", "code+data", "code & model",
             "official code", "unofficial code", "代码", "源码", "代码链接", "代码地址", "开源代码", "源代码"),
    "paper": ("paper", "papers", "pdf", "paper link", "full paper", "论文", "论文链接", "论文地址", "原文", "原文链接",
              "openaccess", "cvf"),
    "project": ("project", "project page", "projectpage", "project website", "homepage", "home page", "home",
                "website", "web", "webpage", "page", "主页", "项目", "项目主页", "项目地址"),
    "slides": ("slides", "slide", "ppt", "presentation", "幻灯片"),
    "video": ("video", "videos", "youtube", "bilibili", "视频"),
    "talk": ("talk", "talks"),
    "blog": ("blog", "blogs", "post", "解读", "博客", "知乎", "zhihu", "medium"),
    "notes": ("notes", "note", "paper notes", "笔记"),
    "dataset": ("dataset", "datasets", "数据集"),
    "demo": ("demo", "webcam demo", "online demo", "演示"),
    "intro": ("intro", "introduction", "abstract", "summary", "简介", "介绍"),
    "keywords": ("keywords", "keyword", "key words", "tags", "关键词"),
    "author": ("author", "authors", "作者"),
    "poster": ("poster",),
    "supplementary": ("supplementary", "supp", "supplement", "supplementary material", "supp material"),
    "model": ("model", "models", "pretrained model", "pretrained models", "pretrained-models", "model zoo",
              "caffe model zoo", "weights", "模型"),
    "leaderboard": ("leaderboard", "coco-leaderboard"),
    "results": ("results", "result", "kitti result"),
    "tutorial": ("tutorial", "tutorials", "教程"),
    "docs": ("docs", "documentation", "doc"),
    "mirror": ("mirror",),
    "openreview": ("openreview",),
    "review": ("review", "reviews"),
    "translation": ("translation", "中文翻译", "翻译", "中文版"),
    "notebook": ("notebook", "ipn", "ipynb", "colab", "jupyter"),
    "venue": ("venue", "conference", "journal", "会议"),
}
LABELS: dict[str, str] = {raw: canonical for canonical, raws in _VOCABULARY.items() for raw in raws}
# Typo tolerance is offered only toward these forms: short common words (``data``,
# ``date``, ``web``) would otherwise swallow legitimate unknown labels.
_TYPO_TARGETS = (
    "arxiv", "github", "gitlab", "bitbucket", "project page", "project", "slides", "keywords", "homepage",
    "paper", "video", "blog", "dataset", "demo", "intro", "notes", "code", "youtube", "poster", "openreview",
    "leaderboard", "supplementary", "tutorial", "implementation", "website",
)
_HOST_LABELS = {
    "arxiv.org": "arxiv", "export.arxiv.org": "arxiv", "github.com": "github", "gitlab.com": "gitlab",
    "bitbucket.org": "bitbucket", "youtube.com": "video", "youtu.be": "video", "openreview.net": "openreview",
    "zhuanlan.zhihu.com": "blog", "blog.csdn.net": "blog", "medium.com": "blog", "paperswithcode.com": "code",
}

_FRAMEWORKS = {
    "pytorch": "PyTorch", "torch": "Torch", "torch7": "Torch", "lua torch": "Torch", "tensorflow": "TensorFlow",
    "tf": "TensorFlow", "keras": "Keras", "caffe": "Caffe", "caffe2": "Caffe2", "mxnet": "MXNet",
    "gluon": "Gluon", "gluoncv": "GluonCV", "chainer": "Chainer", "theano": "Theano", "lasagne": "Lasagne",
    "matconvnet": "MatConvNet", "matlab": "MATLAB", "darknet": "Darknet", "paddlepaddle": "PaddlePaddle",
    "paddle": "PaddlePaddle", "jax": "JAX", "flax": "Flax", "jittor": "Jittor", "mindspore": "MindSpore",
    "megengine": "MegEngine", "onnx": "ONNX", "tensorrt": "TensorRT", "opencv": "OpenCV", "c++": "C++",
    "cpp": "C++", "c": "C", "cuda": "CUDA", "python": "Python", "java": "Java", "javascript": "JavaScript",
    "js": "JavaScript", "tensorflow.js": "TensorFlow.js", "tfjs": "TensorFlow.js", "coreml": "Core ML",
    "core ml": "Core ML", "ncnn": "ncnn", "mnn": "MNN", "dynet": "DyNet", "cntk": "CNTK", "julia": "Julia",
    "lua": "Lua", "r": "R", "scikit-learn": "scikit-learn", "sklearn": "scikit-learn", "numpy": "NumPy",
}
_FRAMEWORK_SPLIT = regex.compile(r"\s+-\s+|\s*[/+&,]\s*|\s+and\s+|\s+", regex.I)
# ``(?<!\s)``: the shortest name never ends in a blank, and trying one that does rescans the whole
# run of blanks after it at every step of the lazy name (quadratic on a long run).
_LABEL_SHAPE = regex.compile(r"(?P<name>[^()\"“”]*?)(?<!\s)\s*+(?P<args>(?:\([^()]*+\)\s*+)*+)$")
_QUOTED_ARG = regex.compile(r"\(\s*+[\"“]([^\"”]*+)[\"”]\s*+\)")
_ARG = regex.compile(r"\(([^()]*+)\)")
_OFFICIAL = regex.compile(r"\b(un)?official\b", regex.I)


@frozen
class Label:
    """A label as parsed: canonical name, and what its parentheses said."""

    raw: str
    name: str
    """The label word itself, lower-cased, without its arguments (``github``, ``gitxiv``)."""
    canonical: str | None
    """Its canonical vocabulary form, or ``None`` when the word is not a known label."""
    framework: str | None = None
    official: bool | None = None
    note: str | None = None


@lru_cache(maxsize=8192)
def canonical(raw: str, url: str | None = None) -> str | None:
    """Canonical label for a label word, tolerating typos; the URL's host can confirm a guess."""
    name = squash(fold_punctuation(raw)).lower().strip(" :-=*[]`")
    if not name:
        return None
    if name in LABELS:
        return LABELS[name]
    guess = _closest(name)
    if guess is not None:
        return LABELS[guess]
    if url is not None:
        by_host = host_label(url)
        if by_host is not None and _distance(name, by_host, 2) <= 2:
            return by_host
    return None


def correction(raw: str) -> str | None:
    """The vocabulary spelling a misspelled label was meant as (``porject page`` -> ``project page``),
    or ``None`` when the label is spelled right or unknown."""
    name = squash(fold_punctuation(raw)).lower().strip(" :-=*[]`")
    if not name or name in LABELS:
        return None
    return _closest(name)


def host_label(url: str) -> str | None:
    """The label a URL's host implies (arxiv.org -> ``arxiv``), or ``None``."""
    name = host(url)
    if name in _HOST_LABELS:
        return _HOST_LABELS[name]
    if name.endswith(".arxiv.org"):
        return "arxiv"
    return None


@lru_cache(maxsize=8192)
def parse(raw: str, url: str | None = None) -> Label:
    """Split ``github(official, Caffe2)("title")`` into name, framework, official flag and note."""
    text = fold_punctuation(raw).strip()
    quoted = _QUOTED_ARG.findall(text)
    text_wo_quotes = _QUOTED_ARG.sub("", text)
    shape = _LABEL_SHAPE.match(text_wo_quotes)
    name = shape.group("name") if shape else text_wo_quotes
    args = _ARG.findall(shape.group("args")) if shape else []
    frameworks: list[str] = []
    official: bool | None = None
    notes: list[str] = []
    for arg in args:
        for part in (item.strip() for item in arg.split(",")):
            if not part:
                continue
            flag = _OFFICIAL.fullmatch(part)
            if flag:
                official = flag.group(1) is None
                continue
            found = frameworks_in(part, strict=True)
            if found:
                frameworks.extend(found)
            else:
                notes.append(part)
    notes.extend(quoted)
    return Label(
        raw=raw,
        name=squash(name).lower(),
        canonical=canonical(name, url),
        framework="/".join(dict.fromkeys(frameworks)) or None,
        official=official,
        note="; ".join(notes) or None,
    )


def frameworks_in(text: str, *, strict: bool = False) -> list[str]:
    """Canonical frameworks named in ``text`` (``Keras/Tensorflow`` -> Keras, TensorFlow).

    ``strict`` demands that every word be a framework (for label arguments, where
    ``(Satya Mallick)`` must stay a note).
    """
    parts = [part for part in _FRAMEWORK_SPLIT.split(text.strip().lower()) if part]
    whole = text.strip().lower()
    if whole in _FRAMEWORKS:
        return [_FRAMEWORKS[whole]]
    found = [_FRAMEWORKS[part] for part in parts if part in _FRAMEWORKS]
    if strict and len(found) != len(parts):
        return []
    return list(dict.fromkeys(found))


def official_in(text: str) -> bool | None:
    found = _OFFICIAL.search(text)
    if found is None:
        return None
    return found.group(1) is None


def _closest(name: str) -> str | None:
    if not name.isascii() or len(name) < 4:
        return None
    limit = 2 if len(name) >= 7 else 1
    best: str | None = None
    best_distance = limit + 1
    tie = False
    for target in _TYPO_TARGETS:
        if abs(len(target) - len(name)) > limit:
            continue
        distance = _distance(name, target, limit)
        if distance < best_distance:
            best, best_distance, tie = target, distance, False
        elif distance == best_distance and best is not None and LABELS[target] != LABELS[best]:
            tie = True
    if best is None or tie or best_distance > limit:
        return None
    return best


def _distance(left: str, right: str, limit: int) -> int:
    """Optimal string alignment distance (transpositions count 1), cut off above ``limit``."""
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(right) + 1))
    for i, char in enumerate(left, start=1):
        current = [i] + [0] * len(right)
        for j, other in enumerate(right, start=1):
            cost = 0 if char == other else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == right[j - 2] and left[i - 2] == other:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]
