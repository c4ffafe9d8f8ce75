"""Reusable hypothesis strategies: markdown-ish paper-list text.

``markdown_lines`` draws one line from the shapes real awesome lists use (headings,
bold titles, link items, ``[year venue]`` items, table rows, rules, front-matter
fences), mixed with noise: tabs and indents, stray brackets/parentheses/angle
brackets, CJK text and arbitrary characters. ``markdown_documents`` joins lines
with LF (``lf_documents``) or with a mix of LF and CRLF endings.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Words that keep titles readable but still exercise unicode, CJK and punctuation.
_WORDS = (
    "Deep",
    "Residual",
    "Learning",
    "for",
    "Image",
    "Recognition",
    "YOLO",
    "R-CNN",
    "v2",
    "3D",
    "目标检测",
    "语义分割",
    "论文",
    "代码",
    "é",
    "naïve",
    "(oral)",
    "[pdf]",
    "<b>",
    "*",
    "_",
    "`code`",
    ":",
    "|",
    "\\",
)

_FIELD_LABELS = st.sampled_from(
    [
        "arxiv",
        "arXiv",
        "arixv",
        "paper",
        "pdf",
        "github",
        "github(official, PyTorch)",
        "github(Keras/TensorFlow, unofficial)",
        "code(期待作者开源)",
        "github(Caffe",
        "project page",
        "homepage",
        "slides",
        "video",
    ]
)

_VENUES = ("CVPR", "ICCV", "ECCV", "NeurIPS", "NIPS", "ICLR", "AAAI", "arXiv", "TPAMI", "BMVC", "")

_URLS = (
    "https://arxiv.org/abs/1512.03385",
    "http://arxiv.org/pdf/1506.01497v3.pdf",
    "https://github.com/user/repo",
    "https://github.com/user/repo)",
    "https://doi.org/10.1109/CVPR.2016.90",
    "http://example.com/a_(b)_c",
    "https://x.org/?q=1&r=[2]",
    "<https://example.org/angle>",
    "www.example.com",
    "http://",
    "ftp://files.example.net/paper.pdf",
    "https://zh.wikipedia.org/wiki/目标检测",
)

# Characters that stress bracket matching, emphasis and span arithmetic.
_NOISE_ALPHABET = st.sampled_from(
    [*"[]()<>{}*_`|#-:!\\ \t\r", "中", "文", "。", "：", "（", "）", "【", "】", "\u3000", "\ufeff", "é", "𝔘"]
)

words = st.sampled_from(_WORDS)
urls = st.sampled_from(_URLS)
venues = st.sampled_from(_VENUES)
years = st.integers(min_value=1990, max_value=2030)
cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=6)
noise = st.text(alphabet=_NOISE_ALPHABET, max_size=12)
# Arbitrary characters that are never line breaks of any kind, for free-form line content.
inline_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
    max_size=20,
)
indent = st.sampled_from(["", "", "", " ", "  ", "    ", "\t", " \t", "\t\t"])


@st.composite
def titles(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(words, words, cjk, noise), min_size=1, max_size=6))
    return " ".join(parts)


@st.composite
def markdown_lines(draw: st.DrawFn) -> str:
    """One line (without its ending) shaped like something in an awesome list."""
    title = draw(titles())
    url = draw(urls)
    other_url = draw(urls)
    venue = draw(venues)
    year = draw(years)
    pad = draw(indent)
    shape = draw(
        st.sampled_from(
            [
                f"{'#' * draw(st.integers(1, 7))} {title}",
                f"#{title}",
                f"**{title}**",
                f"**{title}",
                f"- **{title}** [[paper]]({url})",
                f"- label: [{url}]({url})",
                f"- {draw(_FIELD_LABELS)}: {url}",
                f"- {draw(_FIELD_LABELS)}: <{url}>",
                f'- {draw(_FIELD_LABELS)}: [{url}]({url} "{draw(words)}")',
                f"- intro: {venue} {year}. {title}",
                f"- authors: {draw(words)}, {draw(words)}",
                f"- {draw(words)}: [{title}]({url})",
                f"- [{year} {venue}] {title}",
                f"- [{year} {venue}] {title} [[pdf]]({url}) [[code]]({other_url})",
                f"* [{title}]({url}) - {draw(words)}, {venue} {year}",
                f"1. {title} [{venue}]({url})",
                f"{draw(st.integers(0, 99))}) {title} <{url}>",
                f"| {title} | {venue} {year} | [link]({url}) |",
                f"| {draw(words)} | {draw(words)} |",
                "|---|---|",
                "| :-- | --: |",
                "---",
                "***",
                "___",
                "```",
                "```python",
                "~~~",
                "> " + title,
                "<!-- " + title,
                "-->",
                "<details><summary>" + title + "</summary>",
                "</details>",
                "=====",
                "-----",
                f"title: {title}",
                f"[{title}]({url}",
                f"[{title}]({url}))",
                f"![{title}]({url})",
                f"[{title}][{draw(words)}]",
                f"[{draw(words)}]: {url}",
                f"{title} {url}",
                f"{{{url}}}({url})",
                title,
                draw(noise),
                draw(inline_text),
                "",
                "",
            ]
        )
    )
    return pad + shape


@st.composite
def bold_title_blocks(draw: st.DrawFn) -> list[str]:
    """A ``**Title**`` line followed by the ``- label: url`` bullets that describe it."""
    lines = [f"**{draw(titles())}**"]
    if draw(st.booleans()):
        lines.append("")
    for _ in range(draw(st.integers(0, 4))):
        lines.append(
            draw(
                st.sampled_from(
                    [
                        f"- {draw(_FIELD_LABELS)}: <{draw(urls)}>",
                        f"- {draw(_FIELD_LABELS)}: {draw(urls)}",
                        f"- intro: {draw(venues)} {draw(years)}. {draw(titles())}",
                        f"- {draw(_FIELD_LABELS)}: [{draw(urls)}]({draw(urls)})",
                    ]
                )
            )
        )
    return lines


def join_lines(lines: list[str], endings: list[str]) -> str:
    """Join ``lines`` with the given per-line endings (the last line gets ``endings[-1]``)."""
    return "".join(line + ending for line, ending in zip(lines, endings, strict=True))


@st.composite
def lf_line_lists(draw: st.DrawFn, max_blocks: int = 20) -> list[str]:
    """Lines of a list-like document (single lines and bold-title blocks), endings left to the caller."""
    blocks = draw(
        st.lists(st.one_of(markdown_lines().map(lambda line: [line]), bold_title_blocks()), max_size=max_blocks)
    )
    return [line for block in blocks for line in block]


@st.composite
def markdown_documents(draw: st.DrawFn, max_blocks: int = 20) -> str:
    """A list-like document whose lines end in LF, CRLF, or (last line only) nothing."""
    lines = draw(lf_line_lists(max_blocks))
    endings = [draw(st.sampled_from(["\n", "\n", "\r\n"])) for _ in lines]
    if endings:
        endings[-1] = draw(st.sampled_from(["\n", "\r\n", ""]))
    text = join_lines(lines, endings)
    if draw(st.booleans()) and draw(st.booleans()):
        text = "---\ntitle: " + draw(titles()) + "\n---\n" + text
    return text


any_text = st.one_of(st.text(), markdown_documents())
"""Arbitrary unicode text or markdown-ish text: what the parser must never choke on."""
