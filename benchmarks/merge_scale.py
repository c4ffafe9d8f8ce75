"""Merge at scale: synthetic lists of 1k, 10k and 100k entries built from real paper titles.

Usage: python benchmarks/merge_scale.py [--sizes 1000,10000,100000] [--threshold T] [--seed S]
                                        [--coin-rate R] [--exhaustive-size 10000] [--phases] [--keep DIR]

Inputs are the real lists beside the repository (../shared/seeds/*.txt and
../shared/corpus/*.md without SOURCES.md), read by path and never copied; only their
titles are used.

* **Titles.** The distinct real titles of four words or more (records of kind
  ``paper``/``mention``), thinned so that no two kept titles score within 5 points of the
  threshold (they would be one paper to the merge but two to the generator). Beyond them,
  synthetic titles: a real title as template with about half its words replaced by words
  drawn from all real title words (so common words stay common), every one new by key.
  Recombination alone keeps the vocabulary at the ~4.6k words of the real titles, so at
  100k titles every "rare" word is shared by dozens of titles; real collections keep
  meeting new words (method names above all: ~30% of titles open with ``Name:``). So half
  the synthetic titles (``--coin-rate``) get a coined word, glued from the ends of two real
  words (``Seg`` + ``former``): the ``Name:`` head when there is one, else a replaced word;
  a new word half the time, else one coined before. That gives ~30k distinct words at
  100k titles, about what Heaps' law with the real titles' growth predicts.
  ``--coin-rate 0`` is the closed-vocabulary stress test.
  Everything is drawn from one ``random.Random(seed)``: same seed, same lists.
* **Papers and copies.** Each true paper gets a synthetic arXiv id and 1-4 mentions
  (55% one, 25% two, 12% three, 8% four). The first keeps the title; each further copy gets
  one or two perturbations: case (lower, upper, title case), punctuation (``:`` to `` -``,
  ``:`` dropped, a hyphen dropped or spaced, a trailing period), ``_ `` for ``: ``, one
  word dropped (titles of six words or more; not from a ``Name:`` head, not the last word,
  never a word with a digit, ``+`` or a roman numeral, which would name another version).
  Each mention carries its paper's arXiv link half the time, in a random form
  (``abs``/``pdf``/``.pdf``/``vN``/``http``/``www.``), a GitHub link 30% of the time, and
  its paper's venue and year (``- intro: CVPR 2019``, one per paper) half the time and
  always when it has no arXiv link (a bold title whose only link is a code host is read
  as a repository, and repositories are not merged).
* **Lists.** Mentions are shuffled and written in the bold-title dialect (``**Title**``
  then ``- arxiv: <url>`` / ``- github: <url>``), ~200 entries per file, in a temp dir.
* **Figures per size.** Parse time (``parse_file`` on every file) and merge time
  (``awesomeparse.merge``), each one run, ``time.perf_counter``; papers found vs true
  papers; pairwise precision and recall against the generator's truth (also recall on the
  pairs the arXiv id cannot settle, where at least one side has no link, overall and by
  the one edit two titles differ by); missed true pairs by cause, as in merge_id_masked.py.
* **Exhaustive check** (one size, default 10k): every pair of records is scored with the
  merge's own scorer (``rapidfuzz.fuzz.ratio`` on the token-sorted title keys, through
  ``rapidfuzz.process.cdist`` in row chunks, ``score_cutoff`` = threshold). Coverage is
  the fraction of those pairs that blocking proposes (``awesomeparse.match.proposed_pairs``:
  exact groups, alias pairs, rare-word blocks; two members of one exact group count as proposed). The same figure is
  given for the pairs ``verdict.decide`` accepts by title, with the cause of each miss.

Targets: merge of 100k entries <= 10 s; blocking coverage >= 99.5%.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from attrs import frozen
from rapidfuzz import fuzz, process

import awesomeparse
from awesomeparse.match import proposed_pairs as merge_candidates
from awesomeparse.match.blocking import MAX_BLOCK, exact_groups
from awesomeparse.match.records import PAPER_KINDS, Record, records_of
from awesomeparse.match.verdict import decide
from awesomeparse.normalize import titles
from awesomeparse.normalize.titles import match_key

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MERGE_TARGET_SECONDS = 10.0
MERGE_TARGET_SIZE = 100_000
COVERAGE_TARGET = 0.995
PER_FILE = 200
DISTINCT_MARGIN = 5.0
CHUNK = 2000
COPIES = ((1, 0.55), (2, 0.25), (3, 0.12), (4, 0.08))
_HAS_VERSION = re.compile(r"[\d+]|^(?:ii|iii|iv|vi|vii|viii)$", re.I)
_WORD_EDGE = re.compile(r"^([\"'(\[]*)(.*?)([\"'):;,.!?\]]*)$")


def inputs() -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted(path for path in (SHARED / "corpus").glob("*.md") if path.name != "SOURCES.md")
    return seeds + corpus


# --------------------------------------------------------------------------- titles


def real_titles(threshold: float) -> list[str]:
    """Distinct real titles of 4+ words, no two within ``DISTINCT_MARGIN`` of the threshold."""
    documents = [awesomeparse.parse_file(path) for path in inputs()]
    by_key: dict[str, str] = {}
    for document in documents:
        for entry in document.entries:
            if entry.kind in PAPER_KINDS and entry.title and "*" not in entry.title:
                key = match_key(entry.title)
                if 4 <= len(key.split()) <= 30:
                    by_key.setdefault(key, entry.title)
    keys = sorted(by_key)
    sorted_keys = [" ".join(sorted(key.split())) for key in keys]
    close = process.cdist(sorted_keys, sorted_keys, scorer=fuzz.ratio, dtype=np.uint8,
                          score_cutoff=threshold - DISTINCT_MARGIN, workers=-1)
    kept: list[int] = []
    dropped: set[int] = set()
    for index in range(len(keys)):
        if index in dropped:
            continue
        kept.append(index)
        dropped.update(int(other) for other in np.nonzero(close[index])[0] if other > index)
    return [by_key[keys[index]] for index in kept]


def split_word(word: str) -> tuple[str, str, str]:
    found = _WORD_EDGE.match(word)
    assert found is not None
    return found.group(1), found.group(2), found.group(3)


def coined_word(words: list[str], seen: set[str], rng: random.Random) -> str:
    """A new word glued from the ends of two real ones (``Seg`` + ``former``), like a method name."""
    while True:
        first, second = rng.choice(words), rng.choice(words)
        if len(first) < 5 or len(second) < 5:
            continue
        word = first[: rng.randint(2, 4)].capitalize() + second[-rng.randint(3, 5) :].lower()
        key = match_key(word)
        if key and " " not in key and key not in seen:
            seen.add(key)
            return word


def title_pool(real: list[str], count: int, rng: random.Random, coin_rate: float) -> tuple[list[str], int]:
    """``count`` titles with distinct keys: the real ones (shuffled), then synthetic ones; and
    the number of distinct words in their keys."""
    pool = list(real)
    rng.shuffle(pool)
    seen = {match_key(title) for title in pool}
    words = [core for title in real for word in title.split() if (core := split_word(word)[1])]
    vocabulary = {token for title in real for token in match_key(title).split()}
    coined: list[str] = []
    attempts = 0
    while len(pool) < count:
        attempts += 1
        template = rng.choice(real).split()
        replace = rng.sample(range(len(template)), max(2, math.ceil(len(template) / 2)))
        for position in replace:
            lead, _core, trail = split_word(template[position])
            template[position] = lead + rng.choice(words) + trail
        if rng.random() < coin_rate:
            # Real collections keep meeting new words (method names above all): a new one half
            # the time, else one coined before. The name before a colon is the first choice.
            head = titles.short_name(" ".join(template))
            position = 0 if head and len(head.split()) == 1 else rng.choice(replace)
            if coined and rng.random() < 0.5:
                word = rng.choice(coined)
            else:
                word = coined_word(words, vocabulary, rng)
                coined.append(word)
            lead, _core, trail = split_word(template[position])
            template[position] = lead + word + trail
        title = " ".join(template)
        key = match_key(title)
        if key and key not in seen and len(key.split()) >= 4:
            seen.add(key)
            pool.append(title)
        if attempts > count * 20:
            raise SystemExit("could not make enough distinct titles")
    return pool[:count], len({token for title in pool[:count] for token in match_key(title).split()})


# --------------------------------------------------------------------------- perturbations


def perturb_case(title: str, rng: random.Random) -> tuple[str, str]:
    name, change = rng.choice((("lower", str.lower), ("upper", str.upper), ("title", str.title)))
    return change(title), f"case:{name}"


def perturb_punctuation(title: str, rng: random.Random) -> tuple[str, str]:
    options = ["period"]
    if ": " in title:
        options += ["dash", "no-colon"]
    if "-" in title:
        options += ["hyphen-glued", "hyphen-spaced"]
    choice = rng.choice(options)
    if choice == "dash":
        return title.replace(": ", " - ", 1), "punct:dash"
    if choice == "no-colon":
        return title.replace(": ", " ", 1), "punct:no-colon"
    if choice == "hyphen-glued":
        return title.replace("-", "", 1), "punct:hyphen-glued"
    if choice == "hyphen-spaced":
        return title.replace("-", " ", 1), "punct:hyphen-spaced"
    return title.rstrip(".") + ".", "punct:period"


def perturb_underscore(title: str, rng: random.Random) -> tuple[str, str]:
    return (title.replace(": ", "_ ", 1), "underscore") if ": " in title else perturb_punctuation(title, rng)


def perturb_drop(title: str, rng: random.Random) -> tuple[str, str]:
    """One word dropped from the middle: not from a ``Name:`` head (lists copy method names
    verbatim), not the last word (a prefix plus ``and …`` is a related work, not a typo), never
    a version word."""
    words = title.split()
    head = titles.short_name(title)
    first = len(head.split()) if head else 1
    droppable = [index for index in range(first, len(words) - 1) if not _HAS_VERSION.search(words[index])]
    if len(words) < 6 or not droppable:
        return perturb_case(title, rng)
    index = rng.choice(droppable)
    return " ".join(words[:index] + words[index + 1 :]), "drop"


PERTURBATIONS = (perturb_drop, perturb_case, perturb_punctuation, perturb_underscore)
"""In the order they apply: the drop first, while a ``Name:`` head can still be seen."""


def arxiv_url(identifier: str, rng: random.Random) -> str:
    scheme = rng.choice(("https://", "http://"))
    host = rng.choice(("arxiv.org", "arxiv.org", "www.arxiv.org"))
    version = rng.choice(("", "", "v1", "v2", "v3"))
    form = rng.choice(("abs", "pdf", "pdf.pdf"))
    if form == "pdf.pdf":
        return f"{scheme}{host}/pdf/{identifier}{version}.pdf"
    return f"{scheme}{host}/{form}/{identifier}{version}"


def arxiv_id(paper: int) -> str:
    return f"{20 + paper // (12 * 99_999)}{paper % 12 + 1:02d}.{paper // 12 % 99_999 + 1:05d}"


# --------------------------------------------------------------------------- lists


VENUES = ("CVPR", "ICCV", "ECCV", "NeurIPS", "ICLR", "AAAI", "TPAMI", "arXiv")


@frozen
class Mention:
    paper: int
    title: str
    arxiv: str | None
    github: str | None
    intro: str | None
    edits: tuple[str, ...]


def mentions_for(size: int, pool: list[str], rng: random.Random) -> tuple[list[Mention], int]:
    """``size`` mentions (shuffled) and the number of true papers behind them."""
    found: list[Mention] = []
    paper = 0
    counts, weights = zip(*COPIES, strict=True)
    while len(found) < size:
        if paper >= len(pool):
            raise SystemExit(f"title pool too small for {size} mentions")
        title = pool[paper]
        identifier = arxiv_id(paper)
        venue = f"{rng.choice(VENUES)} {rng.randint(2015, 2023)}"
        copies = min(rng.choices(counts, weights)[0], size - len(found))
        for copy in range(copies):
            text = title
            edits: list[str] = []
            if copy:
                chosen = rng.sample(range(len(PERTURBATIONS)), rng.choice((1, 1, 2)))
                for perturbation in (PERTURBATIONS[number] for number in sorted(chosen)):
                    text, edit = perturbation(text, rng)
                    edits.append(edit)
            arxiv = arxiv_url(identifier, rng) if rng.random() < 0.5 else None
            github = f"https://github.com/lab{paper % 997}/paper-{paper}" if rng.random() < 0.3 else None
            # Without an arXiv link the venue line is always written: a bold title whose only
            # link is a code host is read as a repository, not a paper.
            intro = venue if arxiv is None or rng.random() < 0.5 else None
            found.append(Mention(paper, text, arxiv, github, intro, tuple(edits)))
        paper += 1
    rng.shuffle(found)
    return found, paper


def write_lists(mentions: list[Mention], directory: Path) -> tuple[list[Path], dict[tuple[str, int], Mention]]:
    """Files of ``PER_FILE`` entries; the truth maps ``(path, title line)`` to a mention."""
    paths: list[Path] = []
    truth: dict[tuple[str, int], Mention] = {}
    for number, start in enumerate(range(0, len(mentions), PER_FILE)):
        path = directory / f"list-{number:04d}.md"
        lines = [f"# Synthetic list {number}", ""]
        for mention in mentions[start : start + PER_FILE]:
            truth[(str(path), len(lines) + 1)] = mention
            lines += [f"**{mention.title}**", ""]
            if mention.intro:
                lines.append(f"- intro: {mention.intro}")
            if mention.arxiv:
                lines.append(f"- arxiv: <{mention.arxiv}>")
            if mention.github:
                lines.append(f"- github: <{mention.github}>")
            lines.append("")
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths, truth


# --------------------------------------------------------------------------- scoring


def pairs(count: int) -> int:
    return count * (count - 1) // 2


@frozen
class Figures:
    size: int
    files: int
    true_papers: int
    parse_seconds: float
    merge_seconds: float
    found_papers: int
    lost: int
    mismatched: int
    precision: float
    recall: float
    title_recall: float
    false_pairs: int
    missed_pairs: int
    by_edit: dict[str, tuple[int, int]]
    """Title pairs (one side without arXiv) that differ by one edit alone: (pairs, joined)."""


def evaluate(
    size: int, graph: awesomeparse.PaperGraph, truth: dict[tuple[str, int], Mention],
    timings: tuple[float, float], files: int, true_papers: int, mismatched: int,
) -> tuple[Figures, dict[tuple[str, int], str]]:
    placement = {(mention.source, mention.line): paper.id for paper in graph.papers for mention in paper.mentions}
    lost = sum(1 for key in truth if key not in placement)
    cells: Counter[tuple[str, int]] = Counter()
    predicted: Counter[str] = Counter()
    actual: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for key, mention in truth.items():
        actual[mention.paper].append(key)
        if key in placement:
            cells[(placement[key], mention.paper)] += 1
            predicted[placement[key]] += 1
    correct = sum(pairs(count) for count in cells.values())
    merged = sum(pairs(count) for count in predicted.values())
    true_pairs = sum(pairs(len(keys)) for keys in actual.values())
    title_total = title_found = 0
    by_edit: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for keys in actual.values():
        for position, left in enumerate(keys):
            for right in keys[position + 1 :]:
                if truth[left].arxiv and truth[right].arxiv:
                    continue
                joined = left in placement and placement.get(left) == placement.get(right)
                title_total += 1
                title_found += joined
                edits = set(truth[left].edits) | set(truth[right].edits)
                if len(edits) == 1:  # the pair differs by this one edit alone
                    edit = edits.pop()
                    by_edit[edit][0] += 1
                    by_edit[edit][1] += joined
    figures = Figures(
        size=size, files=files, true_papers=true_papers, parse_seconds=timings[0], merge_seconds=timings[1],
        found_papers=len(graph.papers), lost=lost, mismatched=mismatched,
        precision=correct / merged if merged else 1.0, recall=correct / true_pairs if true_pairs else 1.0,
        title_recall=title_found / title_total if title_total else 1.0,
        false_pairs=merged - correct, missed_pairs=true_pairs - correct,
        by_edit={edit: (total, found) for edit, (total, found) in sorted(by_edit.items())},
    )
    return figures, placement


def proposed_pairs(records: list[Record], threshold: float) -> tuple[set[tuple[int, int]], dict[int, int]]:
    """The merge's candidate pairs, and each record's exact-title group (any two members of one
    group count as proposed: the merge reaches them through the group)."""
    proposed = set(merge_candidates(records, threshold))
    group_of: dict[int, int] = {}
    for number, group in enumerate(exact_groups(records)):
        for member in group:
            group_of[member] = number
    return proposed, group_of


def false_merges(truth: dict[tuple[str, int], Mention], placement: dict[tuple[str, int], str],
                 shown: int = 4) -> None:
    """A few papers that hold mentions of two true papers, with their titles."""
    members: dict[str, list[Mention]] = defaultdict(list)
    for key, mention in truth.items():
        if key in placement:
            members[placement[key]].append(mention)
    mixed = [group for _paper, group in sorted(members.items()) if len({mention.paper for mention in group}) > 1]
    if not mixed:
        return
    print(f"  papers joining two or more true papers: {len(mixed)}; e.g.")
    for group in mixed[:shown]:
        print("    " + " | ".join(f"#{mention.paper}{' (arXiv)' if mention.arxiv else ''} {mention.title!r}"
                                  for mention in sorted(group, key=lambda item: item.paper)))


def miss_causes(records: list[Record], truth: dict[tuple[str, int], Mention],
                placement: dict[tuple[str, int], str], threshold: float) -> None:
    """Why true pairs were not joined: their own verdict, blocking, or the cluster guard."""
    by_paper: dict[int, list[Record]] = defaultdict(list)
    for record in records:
        by_paper[truth[(record.mention.source, record.mention.line)].paper].append(record)
    missed = []
    for members in by_paper.values():
        for position, left in enumerate(members):
            for right in members[position + 1 :]:
                if placement[(left.mention.source, left.mention.line)] != placement[
                        (right.mention.source, right.mention.line)]:
                    missed.append((left, right))
    if not missed:
        return
    proposed, group_of = proposed_pairs(records, threshold)
    causes: Counter[str] = Counter()
    examples: dict[str, tuple[Record, Record, float]] = {}
    for left, right in missed:
        decision = decide(left, right, threshold)
        pair = (left.index, right.index) if left.index < right.index else (right.index, left.index)
        if decision.status != "same":
            cause = f"{decision.reason} ({decision.status})"
        elif pair in proposed or (left.index in group_of and group_of.get(left.index) == group_of.get(right.index)):
            cause = "guard-refused"
        else:
            cause = "not-proposed"
        causes[cause] += 1
        examples.setdefault(cause, (left, right, decision.score))
    print(f"  missed true pairs by cause ({len(missed)}): "
          + ", ".join(f"{cause} {count}" for cause, count in causes.most_common()))
    for cause, (left, right, score) in examples.items():
        print(f"    e.g. {cause}: {left.entry.title!r} / {right.entry.title!r} (score {score:.1f})")


def exhaustive(records: list[Record], threshold: float, placement: dict[tuple[str, int], str],
               truth: dict[tuple[str, int], Mention]) -> None:
    titled = [record for record in records if record.key]
    keys = [record.sorted_key for record in titled]
    start = time.perf_counter()
    accepted: list[tuple[int, int, float]] = []
    for row in range(0, len(keys), CHUNK):
        block = process.cdist(keys[row : row + CHUNK], keys, scorer=fuzz.ratio, score_cutoff=threshold,
                              dtype=np.float32, workers=-1)
        lefts, rights = np.nonzero(block)
        for left, right in zip(lefts.tolist(), rights.tolist(), strict=True):
            if row + left < right:
                accepted.append((titled[row + left].index, titled[right].index, float(block[left, right])))
    scored_seconds = time.perf_counter() - start
    start = time.perf_counter()
    proposed, group_of = proposed_pairs(records, threshold)
    blocking_seconds = time.perf_counter() - start

    def covered(left: int, right: int) -> bool:
        pair = (left, right) if left < right else (right, left)
        return pair in proposed or (left in group_of and group_of.get(left) == group_of.get(right))

    def where(record: Record) -> tuple[str, int]:
        return (record.mention.source, record.mention.line)

    score_covered = sum(covered(left, right) for left, right, _score in accepted)
    title_accepted = []
    for left, right, score in accepted:
        decision = decide(records[left], records[right], threshold)
        if decision.reason in {"title", "title-exact"}:
            title_accepted.append((left, right, score))
    title_covered = [(left, right, score) for left, right, score in title_accepted if covered(left, right)]
    uncovered = [(left, right, score) for left, right, score in title_accepted if not covered(left, right)]
    joined_anyway = sum(1 for left, right, _score in uncovered
                        if placement.get(where(records[left])) == placement.get(where(records[right])))
    same_truth = sum(1 for left, right, _score in accepted
                     if truth[where(records[left])].paper == truth[where(records[right])].paper)
    print(f"\nexhaustive check on {len(records)} records ({len(titled)} titled, {pairs(len(titled)):,} pairs): "
          f"scored in {scored_seconds:.1f} s; blocking alone {blocking_seconds:.2f} s, "
          f"{len(proposed):,} pairs proposed")
    print(f"  pairs scoring >= threshold: {len(accepted):,} ({same_truth:,} one true paper, "
          f"{len(accepted) - same_truth:,} two: near-duplicate titles from the generator)")
    coverage = score_covered / len(accepted) if accepted else 1.0
    verdict = "OK" if coverage >= COVERAGE_TARGET else "BELOW TARGET"
    print(f"  proposed by blocking: {score_covered:,} = {coverage:.4%} (target >= {COVERAGE_TARGET:.1%}): {verdict}")
    title_coverage = len(title_covered) / len(title_accepted) if title_accepted else 1.0
    print(f"  of them accepted by decide() on the title (reason title/title-exact): {len(title_accepted):,}; "
          f"proposed {len(title_covered):,} = {title_coverage:.4%}; the {len(uncovered)} not proposed: "
          f"{joined_anyway} joined anyway through other mentions")
    if uncovered:
        frequency: Counter[str] = Counter()
        for record in records:
            frequency.update(record.tokens)
        print("  examples of accepted pairs blocking missed (rarest words with their counts):")
        for left, right, score in sorted(uncovered, key=lambda item: -item[2])[:8]:
            for record in (records[left], records[right]):
                rarest = sorted(record.tokens, key=lambda token: (frequency[token], token))[:3]
                print(f"    {record.entry.title!r:<90} {[(token, frequency[token]) for token in rarest]}")
            print(f"      score {score:.1f}")


# --------------------------------------------------------------------------- main


def run(size: int, pool: list[str], seed: int, threshold: float, root: Path,
        exhaustive_size: int, show_phases: bool) -> Figures:
    rng = random.Random(f"{seed}:{size}")
    mentions, true_papers = mentions_for(size, pool, rng)
    directory = root / f"n{size}"
    directory.mkdir()
    paths, truth = write_lists(mentions, directory)
    gc.collect()
    start = time.perf_counter()
    documents = [awesomeparse.parse_file(path) for path in paths]
    parse_seconds = time.perf_counter() - start
    mismatched = 0
    by_line = {(document.source or "", entry.line): entry for document in documents for entry in document.entries}
    for key, mention in truth.items():
        entry = by_line.get(key)
        expected = match_key(titles.clean(mention.title) or "")
        if entry is None or entry.kind not in PAPER_KINDS or match_key(entry.title or "") != expected:
            mismatched += 1
    gc.collect()
    start = time.perf_counter()
    graph = awesomeparse.merge(documents, options=awesomeparse.MergeOptions(threshold=threshold))
    merge_seconds = time.perf_counter() - start
    figures, placement = evaluate(size, graph, truth, (parse_seconds, merge_seconds), len(paths), true_papers,
                                  mismatched)
    print(f"{size:>7,} entries: parse {parse_seconds:6.2f} s, merge {merge_seconds:6.2f} s, "
          f"{figures.found_papers:,} papers found / {true_papers:,} true; reasons {dict(graph.reasons)}")
    print("  title-pair recall by single edit: " + ", ".join(
        f"{edit} {found / total:.3f} ({total})" for edit, (total, found) in figures.by_edit.items()))
    false_merges(truth, placement)
    records = records_of(documents)
    miss_causes(records, truth, placement, threshold)
    if show_phases:
        phases(documents, threshold)
    if size == exhaustive_size:
        exhaustive(records, threshold, placement, truth)
    print()
    return figures


def phases(documents: list, threshold: float) -> None:
    """The merge again, one phase at a time (private API: diagnosis only, skipped if it moved)."""
    from awesomeparse import match

    cluster = getattr(match, "_cluster", None)
    assemble = getattr(match, "assemble", None)
    if cluster is None or assemble is None:
        print("  phases: awesomeparse.match._cluster/assemble not found; skipped")
        return
    gc.collect()
    start = time.perf_counter()
    records = records_of(documents)
    records_seconds = time.perf_counter() - start
    start = time.perf_counter()
    proposed, _groups = proposed_pairs(records, threshold)
    blocking_seconds = time.perf_counter() - start
    start = time.perf_counter()
    clusters, reasons, related = cluster(records, threshold)
    cluster_seconds = time.perf_counter() - start
    start = time.perf_counter()
    assemble(documents, records, clusters, reasons, related)
    assemble_seconds = time.perf_counter() - start
    print(f"  phases: records {records_seconds:.2f} s; blocking {blocking_seconds:.2f} s ({len(proposed):,} pairs, "
          f"{len(proposed) / max(1, len(records)):.1f} per record); ids + blocking + decide + union "
          f"{cluster_seconds:.2f} s; assemble {assemble_seconds:.2f} s")


def table(rows: Iterable[Figures]) -> None:
    header = (f"{'entries':>8} {'files':>5} {'parse s':>8} {'merge s':>8} {'true':>7} {'found':>7} "
              f"{'precision':>9} {'recall':>7} {'title rec':>9} {'false':>6} {'missed':>7} {'lost':>5} {'misparse':>8}")
    print(header)
    print("-" * len(header))
    for row in rows:
        print(f"{row.size:>8,} {row.files:>5} {row.parse_seconds:>8.2f} {row.merge_seconds:>8.2f} "
              f"{row.true_papers:>7,} {row.found_papers:>7,} {row.precision:>9.4f} {row.recall:>7.4f} "
              f"{row.title_recall:>9.4f} {row.false_pairs:>6} {row.missed_pairs:>7} {row.lost:>5} {row.mismatched:>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="entry counts (default 1000,10000,100000)")
    parser.add_argument("--threshold", type=float, default=awesomeparse.MergeOptions().threshold,
                        help="merge threshold (default: the library default)")
    parser.add_argument("--seed", type=int, default=2024, help="generator seed (default 2024)")
    parser.add_argument("--exhaustive-size", type=int, default=10_000,
                        help="size that gets the exhaustive blocking check (default 10000; 0: none)")
    parser.add_argument("--coin-rate", type=float, default=0.5,
                        help="share of synthetic titles given a coined word (default 0.5; 0: real words only)")
    parser.add_argument("--phases", action="store_true",
                        help="time the merge's phases too (records, blocking, decide, assemble): runs each merge twice")
    parser.add_argument("--keep", type=Path, help="write the lists under this directory and keep them")
    args = parser.parse_args(argv)
    sizes = [int(text.replace("_", "")) for text in args.sizes.split(",") if text.strip()]
    if not inputs():
        print(f"no inputs: {SHARED} (seeds/, corpus/) is not present", file=sys.stderr)
        return 2

    start = time.perf_counter()
    real = real_titles(args.threshold)
    most = max(sizes)
    # Enough titles even if every paper had a single mention; smaller sizes use a prefix.
    pool, vocabulary = title_pool(real, most, random.Random(args.seed), args.coin_rate)
    print(f"awesomeparse {awesomeparse.__version__}, Python {sys.version.split()[0]}; threshold {args.threshold:g}, "
          f"seed {args.seed}, MAX_BLOCK {MAX_BLOCK}; {len(real)} distinct real titles, "
          f"{max(0, len(pool) - len(real)):,} synthetic (coin rate {args.coin_rate:g}), {vocabulary:,} distinct words; "
          f"titles ready in {time.perf_counter() - start:.1f} s\n")

    root = args.keep or Path(tempfile.mkdtemp(prefix="awesomeparse-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        rows = [run(size, pool, args.seed, args.threshold, root, args.exhaustive_size, args.phases)
                for size in sizes]
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print()
    table(rows)
    print("\ntrue/found: papers; precision/recall: pairwise against the generator's truth; title rec: recall on")
    print("pairs where at least one side has no arXiv link; false/missed: pairs; lost: mentions missing from the")
    print("graph; misparse: generated entries not read back as a paper with the written title.")
    for row in rows:
        if row.size >= MERGE_TARGET_SIZE:
            verdict = "OK" if row.merge_seconds <= MERGE_TARGET_SECONDS else "ABOVE TARGET"
            print(f"merge of {row.size:,} entries: {row.merge_seconds:.2f} s (target <= {MERGE_TARGET_SECONDS:g} s "
                  f"for {MERGE_TARGET_SIZE:,}): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
