"""Tokenizer: the rule table, line-exact spans, and the quirk flags lint will need."""

from __future__ import annotations

import pytest

import awesomeparse
from awesomeparse.source import from_text
from awesomeparse.tokens import BLOCK_RULES, tokenize
from awesomeparse.tokens.token import Token


def tokens_of(text: str) -> tuple[Token, ...]:
    return tokenize(from_text(text))


def test_rule_order_is_the_documented_table() -> None:
    """Reordering the block rules changes parsing; it must show up in review."""
    assert [name for name, _rule in BLOCK_RULES] == [
        "fence", "blank", "html_block", "heading", "table", "thematic_break", "bullet", "ordered",
        "bold_line", "blockquote", "link_definition", "plain_line",
    ]


def test_reference_links_resolve_to_their_definitions() -> None:
    """``[Title][label]`` and ``[Title][]`` take their URL from a definition anywhere in the list; the
    definition line is a token of its own, not text; a label with no definition is no link."""
    text = ("- [Mask R-CNN][MaskRCNN] - ICCV 2017.\n- [Focal Loss][]\n- [Nothing][missing]\n\n"
            "[maskrcnn]: https://arxiv.org/abs/1703.06870 \"Mask R-CNN\"\n[focal loss]: <https://arxiv.org/abs/1708.02002>\n")
    tokens = tokenize(from_text(text))
    assert [token.type for token in tokens] == ["bullet", "bullet", "bullet", "blank", "link_definition",
                                                "link_definition"]
    targets = [[child.target.slice(text) for child in token.children if child.target is not None]
               for token in tokens[:3]]
    assert targets == [["https://arxiv.org/abs/1703.06870"], ["https://arxiv.org/abs/1708.02002"], []]
    entries = awesomeparse.parse(text).entries
    assert [(entry.line, entry.end_line, entry.ids.arxiv) for entry in entries[:2]] == [
        (1, 1, ("1703.06870",)), (2, 2, ("1708.02002",)),
    ]


@pytest.mark.parametrize(
    ("line", "kind", "flags"),
    [
        ("- arxiv: x", "bullet", set()),
        (" -github: [u](https://github.com/a/b)", "bullet", {"missing_space"}),
        ("= arixv: [u](https://arxiv.org/abs/1808.00661)", "bullet", {"wrong_marker"}),
        ("**Title**", "bold_line", set()),
        ("P**art-aware Panoptic Segmentation**", "bold_line", {"broken_emphasis"}),
        ("- - -", "thematic_break", set()),
        ("1. item", "ordered", set()),
        ("> quote", "blockquote", set()),
        ("<a name=\"74\"/>", "html", set()),
        ("plain words", "text", set()),
    ],
)
def test_single_line_constructs(line: str, kind: str, flags: set[str]) -> None:
    (token,) = tokens_of(line)
    assert token.type == kind
    assert token.flags == flags


def test_two_headings_on_one_line() -> None:
    """`# 进阶论文# 综述` is two headings; the second is flagged and spans its own text."""
    text = "# 进阶论文# 综述"
    first, second = tokens_of(text)
    assert (first.text, second.text) == ("进阶论文", "综述")
    assert "same_line" in second.flags and second.line == first.line == 1
    assert second.span.slice(text) == "# 综述"


def test_indented_bullet_after_rule_is_code_to_commonmark() -> None:
    tokens = tokens_of("## semseg\n---\n    - https://github.com/guanfuchen/semseg\n")
    bullet = tokens[-1]
    assert bullet.type == "bullet" and "code_indent" in bullet.flags and bullet.indent == 4


def test_setext_underline_turns_text_into_heading() -> None:
    heading, underline = tokens_of("Title line\n---\n")
    assert heading.type == "heading" and heading.level == 2 and "setext" in heading.flags
    assert underline.type == "setext_underline"


def test_table_rows_without_outer_pipes_are_kept() -> None:
    """mistune drops `2017 | Mask-RCNN`; we keep it as a row with two cells."""
    tokens = tokens_of("时间 |Net | Improve\n-- | -- | --\n2017 | Mask-RCNN\n")
    row = tokens[-1]
    assert row.type == "table_row"
    assert [cell.text for cell in row.children] == ["2017", "Mask-RCNN"]


@pytest.mark.parametrize(
    ("text", "kind", "raw_target", "flags"),
    [
        ("[pdf](https://arxiv.org/pdf/1.pdf)", "link", "https://arxiv.org/pdf/1.pdf", set()),
        ("<https://arxiv.org/abs/2001.05566>", "autolink", "https://arxiv.org/abs/2001.05566", set()),
        ("x https://github.com/a/b> y", "url", "https://github.com/a/b>", {"stray_gt"}),
        ("[https://a.io/x]https://a.io/x", "bracket_url", "[https://a.io/x]https://a.io/x", {"bracket_then_url"}),
        ("[https://arxiv.org/abs/1904.02363]", "bracket_url", "[https://arxiv.org/abs/1904.02363]", {"missing_target"}),
        ("[b](http://w.io/fully-(fcns)-for/)", "link", "http://w.io/fully-(fcns)-for/", set()),
        ("{https://arxiv.org/abs/1}(https://arxiv.org/abs/1)", "link", "https://arxiv.org/abs/1", {"brace_text"}),
        ("U-Net (https://arxiv.org/pdf/1505.04597.pdf)", "url", "https://arxiv.org/pdf/1505.04597.pdf", set()),
    ],
)
def test_inline_urls_keep_exact_spans(text: str, kind: str, raw_target: str, flags: set[str]) -> None:
    (block,) = tokens_of(text)
    urls = [child for child in block.children if child.target is not None]
    assert len(urls) == 1
    (token,) = urls
    assert token.type == kind
    assert token.target is not None and token.target.slice(text) == raw_target
    assert token.flags == flags


def test_crlf_lines_number_like_lf() -> None:
    lf = tokens_of("# A\n\n- x\n")
    crlf = tokens_of("# A\r\n\r\n- x\r\n")
    assert [(t.type, t.line, t.text) for t in lf] == [(t.type, t.line, t.text) for t in crlf]
