"""A hypothesis strategy for whole awesome lists, as people write them.

Where ``strategies.markdown_documents`` throws single odd lines at the parser, ``awesome_lists``
builds documents with structure: headings in English and Chinese over sections written in the
dialects real lists use (bold titles with labelled bullets, one-line link items, one heading per
paper with ``[year venue]`` items, method tables), with the damage real lists carry (misspelled
labels, fullwidth colons, missing colons, ``[url]url`` links, stray ``>``, bullets indented into
code blocks, ``_`` for ``:``). Titles and arXiv ids come from a small shared pool, so several
generated lists mention the same papers, as lists on one topic do.
"""

from __future__ import annotations

from hypothesis import strategies as st

PAPERS = (
    ("Fully Convolutional Networks for Semantic Segmentation", "1411.4038", "shelhamer/fcn.berkeleyvision.org"),
    ("U-Net: Convolutional Networks for Biomedical Image Segmentation", "1505.04597", "milesial/Pytorch-UNet"),
    ("SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation", "1511.00561", None),
    ("Mask R-CNN", "1703.06870", "facebookresearch/Detectron"),
    ("YOLACT: Real-time Instance Segmentation", "1904.02689", "dbolya/yolact"),
    ("YOLACT++: Better Real-time Instance Segmentation", "1912.06218", "dbolya/yolact"),
    ("Pyramid Scene Parsing Network", "1612.01105", "hszhao/PSPNet"),
    ("Deep Residual Learning for Image Recognition", "1512.03385", None),
    ("DeepLab: Semantic Image Segmentation with Deep Convolutional Nets", "1606.00915", None),
    ("Rethinking Atrous Convolution for Semantic Image Segmentation", "1706.05587", "tensorflow/models"),
    ("PointRend: Image Segmentation as Rendering", "1912.08193", None),
    ("SOLOv2: Dynamic and Fast Instance Segmentation", "2003.10152", "WXinlong/SOLO"),
)
HEADINGS = ("Semantic Segmentation", "语义分割", "Instance Segmentation", "实例分割", "Panoptic Segmentation",
            "全景分割", "Datasets", "数据集", "Papers", "论文", "2019", "CVPR 2020")
LABELS = ("arxiv", "arXiv", "arixv", "paper", "pdf", "github", "gihtub", "Github", "code", "project page",
          "porject page", "homepage", "slides")
FRAMEWORKS = ("", "", "(PyTorch)", "(Caffe)", "(official, TensorFlow)", "(Keras")
VENUES = ("CVPR", "ICCV", "ECCV", "NeurIPS", "NIPS", "PAMI", "MICCAI", "arXiv")


@st.composite
def _paper(draw: st.DrawFn) -> tuple[str, str, str | None, int, str]:
    title, arxiv_id, repo = draw(st.sampled_from(PAPERS))
    if draw(st.integers(0, 5)) == 0:
        title = title.replace(": ", "_ ", 1)
    if draw(st.integers(0, 7)) == 0:
        title = title.lower()
    year = 2000 + int(arxiv_id[:2]) + draw(st.sampled_from([0, 0, 1]))
    return title, arxiv_id, repo, year, draw(st.sampled_from(VENUES))


@st.composite
def _arxiv_url(draw: st.DrawFn, arxiv_id: str) -> str:
    return draw(st.sampled_from([f"https://arxiv.org/abs/{arxiv_id}", f"http://arxiv.org/pdf/{arxiv_id}v2.pdf",
                                 f"https://arxiv.org/abs/{arxiv_id}v1"]))


@st.composite
def _link_markup(draw: st.DrawFn, url: str) -> str:
    """A URL as lists write it, sometimes damaged."""
    return draw(st.sampled_from([url, url, f"[{url}]({url})", f"<{url}>", f"[{url}]{url}", f"{url}>",
                                 f"[{url}]", f"[{url}]({url}"]))


@st.composite
def _bullet(draw: st.DrawFn, label: str, value: str) -> str:
    marker = draw(st.sampled_from(["- ", "- ", "- ", "* ", "    - ", " -", "= "]))
    colon = draw(st.sampled_from([": ", ": ", "：", ":", " "]))
    return f"{marker}{label}{colon}{value}"


@st.composite
def bold_title_section(draw: st.DrawFn) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        title, arxiv_id, repo, year, venue = draw(_paper())
        bold = draw(st.sampled_from([f"**{title}**", f"**{title}**", f"{title[0]}**{title[1:]}**"]))
        lines += [bold, ""] if draw(st.booleans()) else [bold]
        lines.append(draw(_bullet("intro", f"{venue} {year}")))
        label = draw(st.sampled_from(LABELS[:5]))
        lines.append(draw(_bullet(label, draw(_link_markup(draw(_arxiv_url(arxiv_id)))))))
        if repo:
            github = draw(st.sampled_from(LABELS[5:8])) + draw(st.sampled_from(FRAMEWORKS))
            lines.append(draw(_bullet(github, draw(_link_markup(f"https://github.com/{repo}")))))
        lines.append("")
    return lines


@st.composite
def link_item_section(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        title, arxiv_id, repo, year, venue = draw(_paper())
        url = draw(_arxiv_url(arxiv_id))
        code = f" [[code]](https://github.com/{repo})" if repo and draw(st.booleans()) else ""
        lines.append(draw(st.sampled_from([
            f"- [{title}]({url}) - {venue} {year}.{code}",
            f"* [{title}]({url})<br>:star:[code](https://github.com/{repo or 'x/y'})",
            f"- **[{title.split(':')[0]}]** {title} | **[{venue}' {year % 100}]** |[`[pdf]`]({url})",
            f"- [{title}]({url}",
        ])))
    return lines


@st.composite
def heading_per_paper_section(draw: st.DrawFn, level: int) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        title, arxiv_id, repo, year, venue = draw(_paper())
        short = title.split(":")[0].split(" ")[0]
        lines += [f"{'#' * (level + 1)} {short}", "---", f"- [{year} {venue}] {title}"]
        if repo:
            lines.append(f"- https://github.com/{repo}")
        if draw(st.booleans()):
            lines.append(f"- https://arxiv.org/abs/{arxiv_id}")
        lines.append("")
    return lines


@st.composite
def table_section(draw: st.DrawFn) -> list[str]:
    lines = ["| Method | Paper | Code |", "| --- | --- | --- |"]
    for _ in range(draw(st.integers(1, 4))):
        title, arxiv_id, repo, _year, _venue = draw(_paper())
        code = f"[[code]](https://github.com/{repo})" if repo else ""
        lines.append(f"| {title.split(':')[0]} | [[pdf]](https://arxiv.org/abs/{arxiv_id}) | {code} |")
    return [*lines, ""]


@st.composite
def awesome_lists(draw: st.DrawFn, max_sections: int = 5) -> str:
    """A whole list: a title, maybe prose, then sections in mixed dialects, LF or CRLF."""
    lines = [f"# Awesome {draw(st.sampled_from(HEADINGS))}", ""]
    if draw(st.booleans()):
        lines += ["A curated list of papers with code. Contributions welcome!", ""]
    for _ in range(draw(st.integers(1, max_sections))):
        level = draw(st.sampled_from([2, 2, 3, 4]))
        heading = draw(st.sampled_from(HEADINGS))
        lines += [draw(st.sampled_from([f"{'#' * level} {heading}", f"{'#' * level}{heading}",
                                        f"{'#' * level} {heading}# {draw(st.sampled_from(HEADINGS))}"])), ""]
        body = draw(st.sampled_from(["bold", "bold", "items", "headings", "table"]))
        if body == "bold":
            lines += draw(bold_title_section())
        elif body == "items":
            lines += draw(link_item_section())
        elif body == "headings":
            lines += draw(heading_per_paper_section(level))
        else:
            lines += draw(table_section())
        if draw(st.integers(0, 4)) == 0:
            lines += ["<details><summary>more</summary>", "", "    - arxiv: indented into a code block", "",
                      "</details>", ""]
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return newline.join(lines) + newline
