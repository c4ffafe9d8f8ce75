"""Properties of the whole pipeline on generated awesome lists (``list_strategies.awesome_lists``):
parse and lint never raise; fix and format are idempotent and lose no entry; merge ignores order."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.list_strategies import awesome_lists

import awesomeparse
from awesomeparse.normalize import urls
from awesomeparse.render.formatter import signature

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _identity(text: str) -> list[tuple[object, ...]]:
    """What must survive a fix: each entry's kind, ids and link targets, in order."""
    return [
        (entry.kind, entry.ids.arxiv, tuple(sorted({urls.key(link.url) for link in entry.links})))
        for entry in awesomeparse.parse(text).entries
    ]


@SETTINGS
@given(awesome_lists())
def test_parse_reads_papers_and_lint_never_raises(text: str) -> None:
    document = awesomeparse.parse(text)
    assert document.entries, "every generated list has at least one paper"
    for entry in document.entries:
        assert 1 <= entry.line <= entry.end_line
    for finding in awesomeparse.lint(text):
        assert finding.span.end <= len(text)


@SETTINGS
@given(awesome_lists())
def test_fix_is_idempotent_and_loses_no_entry(text: str) -> None:
    fixed = awesomeparse.fix(text)
    assert awesomeparse.fix(fixed) == fixed
    before, after = _identity(text), _identity(fixed)
    assert len(after) == len(before)
    # A fix may repair a link (a stray '>' dropped), never lose an id.
    assert [ids for _kind, ids, _links in after] == [ids for _kind, ids, _links in before]


@SETTINGS
@given(awesome_lists(), st.sampled_from(["bold", "awesome"]))
def test_format_is_idempotent_and_keeps_entries(text: str, style: str) -> None:
    once = awesomeparse.format_text(text, style)  # type: ignore[arg-type]
    assert awesomeparse.format_text(once, style) == once  # type: ignore[arg-type]
    assert [signature(entry) for entry in awesomeparse.parse(once).entries] == [
        signature(entry) for entry in awesomeparse.parse(text).entries
    ]


@SETTINGS
@given(st.lists(awesome_lists(max_sections=3), min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_merge_ignores_the_order_of_lists(texts: list[str], random: object) -> None:
    documents = [awesomeparse.parse(text, f"list{number}.md") for number, text in enumerate(texts)]
    shuffled = list(documents)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert awesomeparse.merge(shuffled).to_json() == awesomeparse.merge(documents).to_json()
