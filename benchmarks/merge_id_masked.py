"""Title matching with the arXiv evidence masked: how many known duplicates does it still find?

Usage: python benchmarks/merge_id_masked.py [--threshold T] [--sweep 85,88,90,92,95] [--worst 15]

Inputs are the real lists beside the repository (../shared/seeds/*.txt and
../shared/corpus/*.md without SOURCES.md), read by path and never copied.

* **Gold.** Every paper-like entry (kind ``paper`` or ``mention``) with an arXiv id is a
  labelled mention. Two different entries are a gold duplicate pair when they share an
  arXiv id (any of ``entry.ids.arxiv``; the first is the record's identity, later ones are
  other versions, and the script prints how many gold pairs only a later id supports).
* **Masking.** Each entry is rebuilt with ``attrs.evolve``: ``ids.arxiv`` emptied and every
  link whose host is ``arxiv.org`` (``www.``/``export.`` too) removed. Titles, DOIs,
  other paper URLs, years and aliases are kept: the merge must find the pairs with the
  evidence that remains. Nothing else about arXiv is in a Record.
* **Figures** (masked documents merged with ``awesomeparse.merge``):
  recall = gold pairs whose two mentions end up in one paper / gold pairs;
  precision = pairs of labelled mentions put in one paper that share an original id /
  pairs of labelled mentions put in one paper. Targets: recall >= 0.95 at precision >= 0.99.
* **Diagnosis.** Every missed gold pair is classified by what stopped it: the pair's own
  verdict (``verdict.decide`` on the masked records: ``title-below-threshold``,
  ``version-mismatch``, ``short-title-differs``, ``year-mismatch``, ``no-title``…), a
  title match that blocking never proposed (``not-proposed``), or a "same" verdict whose
  union the cluster guard refused (``guard-refused``: the two sides carry different DOIs).
  The worst split papers and every false merge are listed with their titles.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from attrs import evolve

import awesomeparse
from awesomeparse.match import proposed_pairs
from awesomeparse.match.blocking import exact_groups
from awesomeparse.match.records import PAPER_KINDS, Record, records_of
from awesomeparse.match.verdict import decide
from awesomeparse.model import Document, Entry
from awesomeparse.normalize import urls

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RECALL_TARGET = 0.95
PRECISION_TARGET = 0.99
DEFAULT_SWEEP = "85,88,90,92,95"

Key = tuple[str, str]
"""A mention: (document source, entry id)."""


def inputs() -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted(path for path in (SHARED / "corpus").glob("*.md") if path.name != "SOURCES.md")
    return seeds + corpus


def is_arxiv_url(url: str) -> bool:
    host = urls.host(url)
    return host == "arxiv.org" or host.endswith(".arxiv.org")


def mask_entry(entry: Entry) -> Entry:
    if not entry.ids.arxiv and not any(is_arxiv_url(link.url) for link in entry.links):
        return entry
    return evolve(
        entry,
        ids=evolve(entry.ids, arxiv=()),
        links=tuple(link for link in entry.links if not is_arxiv_url(link.url)),
    )


def mask(document: Document) -> Document:
    return evolve(document, entries=tuple(mask_entry(entry) for entry in document.entries))


def labelled(documents: list[Document]) -> dict[Key, tuple[Entry, frozenset[str]]]:
    """Paper-like entries with an arXiv id: their entry and their set of ids."""
    found: dict[Key, tuple[Entry, frozenset[str]]] = {}
    for document in documents:
        for entry in document.entries:
            if entry.kind in PAPER_KINDS and entry.ids.arxiv:
                key = (document.source or "<text>", entry.id)
                if key in found:
                    raise SystemExit(f"duplicate entry id {key}: the script's mention key is not unique")
                found[key] = (entry, frozenset(entry.ids.arxiv))
    return found


def gold_pairs(ids: dict[Key, frozenset[str]]) -> set[tuple[Key, Key]]:
    """Pairs of labelled mentions sharing any arXiv id."""
    by_id: dict[str, list[Key]] = defaultdict(list)
    for key, values in ids.items():
        for value in values:
            by_id[value].append(key)
    pairs: set[tuple[Key, Key]] = set()
    for members in by_id.values():
        pairs.update(combinations(sorted(members), 2))
    return pairs


def paper_of(graph: awesomeparse.PaperGraph) -> dict[Key, str]:
    return {(mention.source, mention.entry_id): paper.id for paper in graph.papers for mention in paper.mentions}


def same_paper_pairs(placement: dict[Key, str], keys: Iterable[Key]) -> set[tuple[Key, Key]]:
    members: dict[str, list[Key]] = defaultdict(list)
    for key in keys:
        if key in placement:
            members[placement[key]].append(key)
    pairs: set[tuple[Key, Key]] = set()
    for group in members.values():
        pairs.update(combinations(sorted(group), 2))
    return pairs


def joined(pairs: Iterable[tuple[Key, Key]], placement: dict[Key, str]) -> int:
    return sum(1 for left, right in pairs if left in placement and placement.get(left) == placement.get(right))


def score(gold: set[tuple[Key, Key]], ids: dict[Key, frozenset[str]], placement: dict[Key, str]) -> dict[str, float]:
    found = joined(gold, placement)
    merged = same_paper_pairs(placement, ids)
    correct = sum(1 for left, right in merged if ids[left] & ids[right])
    return {
        "gold": len(gold), "found": found, "recall": found / len(gold) if gold else 1.0,
        "merged": len(merged), "correct": correct, "precision": correct / len(merged) if merged else 1.0,
    }


def title_of(entry: Entry | None) -> str:
    if entry is None:
        return "(no record)"
    return repr(entry.title) if entry.title else "(untitled)"


def where(key: Key, entry: Entry) -> str:
    return f"{Path(key[0]).name}:{entry.line}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=awesomeparse.MergeOptions().threshold,
                        help="threshold for the detailed run (default: the library default)")
    parser.add_argument("--sweep", default=DEFAULT_SWEEP, help=f"thresholds to compare (default {DEFAULT_SWEEP})")
    parser.add_argument("--worst", type=int, default=15, help="how many split papers to list (default 15)")
    args = parser.parse_args(argv)

    paths = inputs()
    if not paths:
        print(f"no inputs: {SHARED} (seeds/, corpus/) is not present", file=sys.stderr)
        return 2
    documents = [awesomeparse.parse_file(path) for path in paths]
    masked = [mask(document) for document in documents]
    original = labelled(documents)
    ids = {key: values for key, (_entry, values) in original.items()}
    gold = gold_pairs(ids)
    identity = {key: entry.ids.arxiv[0] for key, (entry, _values) in original.items()}
    secondary_only = sum(1 for left, right in gold if identity[left] != identity[right])
    cross_list = sum(1 for left, right in gold if left[0] != right[0])

    masked_records = records_of(masked)
    record_of: dict[Key, Record] = {(record.mention.source, record.entry.id): record for record in masked_records}
    leaked = sum(1 for record in masked_records if record.arxiv or record.other_arxiv)
    untitled = sum(1 for key in ids if key not in record_of or not record_of[key].key)
    gold_untitled = sum(1 for left, right in gold
                        if not (left in record_of and record_of[left].key and right in record_of
                                and record_of[right].key))

    print(f"awesomeparse {awesomeparse.__version__}, Python {sys.version.split()[0]}; {len(paths)} lists, "
          f"{sum(len(document.entries) for document in documents)} entries, {len(masked_records)} paper records")
    print(f"labelled mentions (paper/mention with an arXiv id): {len(ids)}, distinct ids "
          f"{len({value for values in ids.values() for value in values})}; {untitled} have no title once masked")
    print(f"gold pairs: {len(gold)} ({cross_list} across two lists, {len(gold) - cross_list} within one list; "
          f"{secondary_only} shared through a later id only; {gold_untitled} involve an untitled mention)")
    # Titles of three words or fewer only match exactly or through an alias (``SegNet`` under
    # ``SegNet: A Deep …``): pairs with such a title are counted apart from full-title pairs.
    gold_full = {(left, right) for left, right in gold if left in record_of and right in record_of
                 and not record_of[left].short and not record_of[right].short}
    gold_short = gold - gold_full
    print(f"  {len(gold_full)} pairs of two full titles (4+ words), {len(gold_short)} with a short title (<= 3 words)")
    if leaked:
        print(f"WARNING: {leaked} masked records still carry an arXiv id")

    # The unmasked merge is the ceiling: what the ids alone achieve on the same gold.
    start = time.perf_counter()
    unmasked = score(gold, ids, paper_of(awesomeparse.merge(documents, options=awesomeparse.MergeOptions())))
    unmasked_seconds = time.perf_counter() - start

    threshold = args.threshold
    start = time.perf_counter()
    graph = awesomeparse.merge(masked, options=awesomeparse.MergeOptions(threshold=threshold))
    seconds = time.perf_counter() - start
    placement = paper_of(graph)
    figures = score(gold, ids, placement)

    print()
    print(f"unmasked merge (ids kept, default threshold): recall {unmasked['recall']:.4f} "
          f"({unmasked['found']}/{unmasked['gold']}), precision {unmasked['precision']:.4f} "
          f"({unmasked['correct']}/{unmasked['merged']}), {unmasked_seconds:.2f} s")
    recall_ok = "OK" if figures["recall"] >= RECALL_TARGET else "BELOW TARGET"
    precision_ok = "OK" if figures["precision"] >= PRECISION_TARGET else "BELOW TARGET"
    print(f"masked merge, threshold {threshold:g}: {len(graph.papers)} papers, {seconds:.2f} s")
    print(f"  recall    {figures['recall']:.4f}  ({figures['found']}/{figures['gold']} gold pairs joined; "
          f"target >= {RECALL_TARGET}): {recall_ok}")
    full_found, short_found = joined(gold_full, placement), joined(gold_short, placement)
    print(f"            full-title pairs {full_found / max(1, len(gold_full)):.4f} ({full_found}/{len(gold_full)}), "
          f"short-title pairs {short_found / max(1, len(gold_short)):.4f} ({short_found}/{len(gold_short)})")
    print(f"  precision {figures['precision']:.4f}  ({figures['correct']}/{figures['merged']} joined labelled "
          f"pairs share an id; target >= {PRECISION_TARGET}): {precision_ok}")
    print(f"  merge reasons: {dict(graph.reasons)}")

    # Why each missed pair was missed.
    # The merge's own candidates; members of one large exact-title group count as proposed
    # (the merge compares them with the group's first member only).
    proposed: set[tuple[int, int]] = set(proposed_pairs(masked_records, threshold))
    for group in exact_groups(masked_records):
        proposed.update((left, right) for position, left in enumerate(group) for right in group[position + 1 :])
    missed = [(left, right) for left, right in sorted(gold)
              if not (left in placement and placement.get(left) == placement.get(right))]
    causes: Counter[str] = Counter()
    cause_of: dict[tuple[Key, Key], str] = {}
    for left, right in missed:
        first, second = record_of.get(left), record_of.get(right)
        if first is None or second is None:
            cause = "no-record"
        else:
            decision = decide(first, second, threshold)
            pair = (min(first.index, second.index), max(first.index, second.index))
            if decision.status != "same":
                cause = f"{decision.reason} ({decision.status})"
            elif pair not in proposed:
                cause = f"not-proposed ({decision.reason} {decision.score:.0f})"
            else:
                cause = "guard-refused"
        causes[cause] += 1
        cause_of[(left, right)] = cause
    print(f"\nmissed gold pairs by cause ({len(missed)}):")
    for cause, count in causes.most_common():
        print(f"  {count:>6}  {cause}")

    # Worst split papers: the arXiv ids with the most missed pairs.
    missed_by_id: dict[str, list[tuple[Key, Key]]] = defaultdict(list)
    for left, right in missed:
        shared = sorted(ids[left] & ids[right])
        missed_by_id[shared[0]].append((left, right))
    worst = sorted(missed_by_id.items(), key=lambda item: (-len(item[1]), item[0]))[: args.worst]
    print(f"\n{len(worst)} worst misses (arXiv ids whose mentions were split, most missed pairs first):")
    for value, pairs in worst:
        members = sorted({key for pair in pairs for key in pair})
        total = sum(1 for left, right in gold if value in ids[left] & ids[right])
        print(f"  arXiv {value}: {len(pairs)}/{total} pairs missed; cause(s) "
              f"{dict(Counter(cause_of[pair] for pair in pairs))}")
        fragments: dict[str, list[Key]] = defaultdict(list)
        for key in members:
            fragments[placement.get(key, "(no record)")].append(key)
        for number, (_paper, keys) in enumerate(sorted(fragments.items(), key=lambda item: item[1][0]), start=1):
            for key in keys:
                entry = original[key][0]
                record = record_of.get(key)
                year = f" {record.year}" if record is not None and record.year else ""
                print(f"      [{number}] {where(key, entry):<40} {title_of(entry)}{year}")
        first_left, first_right = pairs[0]
        if first_left in record_of and first_right in record_of:
            decision = decide(record_of[first_left], record_of[first_right], threshold)
            print(f"      e.g. {where(first_left, original[first_left][0])} vs "
                  f"{where(first_right, original[first_right][0])}: {decision.status}/{decision.reason} "
                  f"score {decision.score:.1f} {decision.detail}")

    # False merges: papers holding labelled mentions with no id in common. Every member is
    # listed ("-" when it had no arXiv id), then the "same" verdicts that can bridge
    # two ids (links inside one id, and equal titles without ids, are left out).
    members_of: dict[str, list[Key]] = defaultdict(list)
    for key in record_of:
        if key in placement:
            members_of[placement[key]].append(key)
    false_papers = [(paper, keys) for paper, keys in sorted(members_of.items())
                    if any(left in ids and right in ids and not ids[left] & ids[right]
                           for left, right in combinations(keys, 2))]
    false_pairs = figures["merged"] - figures["correct"]
    print(f"\nfalse merges: {false_pairs} pairs in {len(false_papers)} papers")
    for paper, keys in false_papers:
        print(f"  {paper}:")
        ordered = sorted(keys, key=lambda item: (sorted(ids.get(item, {"~"})), item))
        for key in ordered:
            record = record_of[key]
            label = ",".join(sorted(ids[key])) if key in ids else "-"
            aliases = f" aliases {sorted(record.aliases)}" if record.aliases else ""
            year = f" {record.year}" if record.year else ""
            print(f"      {label:<22} {where(key, record.entry):<40} {title_of(record.entry)}{year}{aliases}")
        for left, right in combinations(ordered, 2):
            if left in ids and right in ids and ids[left] & ids[right]:
                continue  # a correct link: only links that can bridge two ids are shown
            if left not in ids and right not in ids and record_of[left].key == record_of[right].key:
                continue
            decision = decide(record_of[left], record_of[right], threshold)
            pair = tuple(sorted((record_of[left].index, record_of[right].index)))
            exact = record_of[left].key == record_of[right].key
            if decision.status == "same" and (pair in proposed or exact or decision.reason == "same-doi"):
                print(f"      link {where(left, record_of[left].entry)} ~ {where(right, record_of[right].entry)}: "
                      f"{decision.reason} {decision.score:.1f} {decision.detail}")

    print("\nthreshold sweep (masked):")
    header = (f"{'threshold':>9} {'papers':>7} {'recall':>8} {'found':>7} {'full-title':>10} {'short':>7} "
              f"{'precision':>9} {'false':>6} {'seconds':>8}")
    print(header)
    print("-" * len(header))
    for text in args.sweep.split(","):
        value = float(text)
        start = time.perf_counter()
        swept = awesomeparse.merge(masked, options=awesomeparse.MergeOptions(threshold=value))
        elapsed = time.perf_counter() - start
        swept_placement = paper_of(swept)
        row = score(gold, ids, swept_placement)
        full = joined(gold_full, swept_placement) / max(1, len(gold_full))
        short = joined(gold_short, swept_placement) / max(1, len(gold_short))
        print(f"{value:>9g} {len(swept.papers):>7} {row['recall']:>8.4f} {row['found']:>7} {full:>10.4f} {short:>7.4f} "
              f"{row['precision']:>9.4f} {row['merged'] - row['correct']:>6} {elapsed:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
