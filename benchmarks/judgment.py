"""Balanced accuracy of factcheck on labelled benchmark pairs, beside published numbers, and how
it holds up on documents nobody studied.

Usage:  python benchmarks/judgment.py ../shared/data/summedits-validation.jsonl ../shared/data/frank-validation.jsonl
        python benchmarks/judgment.py ../shared/data/*.jsonl

Each file is judged as `factcheck evaluate FILE` judges it (same engine, default settings) and
printed as a Markdown table with the published balanced accuracy of model-based checkers on the
same benchmarks (test splits; see ../shared/data/README.md). The data stay outside the repo.

Then, per file, the same pairs split by fold: folds 1–4 (the pairs one may study) against fold 0
(the check fold: scored here, never read). For each: balanced accuracy, precision and recall of
"inconsistent", the false-alarm rate (consistent pairs flagged), the share of source documents
whose every derivative is flagged (a finding on words all versions share), the balanced
accuracy per domain (SummEdits) or source (CNN/DM or XSum), and per rule its precision and the
pairs it alone decides (flagged by it and no other rule). Polytope's `label`
counts omissions too; its drift is measured against `meta.inaccuracy_label`.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from factcheck.evaluate import Judgment, judge_all, load_pairs, metrics, scores

PUBLISHED = {  # balanced accuracy %, test splits: NER-overlap, DAE, SummaC-Conv, QuestEval, QAFactEval, GPT-4
    "summedits": "– | 60.9 (news) | 61.9 (news) | – | 74.4 (news) | 83.3 (news)",
    "frank": "60.9 | 61.7 | 81.6 | 82.1 | – | –",
}


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(
        "| benchmark | pairs | factcheck | best consistency threshold | pairs/s "
        "| NER-overlap | DAE | SummaC-Conv | QuestEval | QAFactEval | GPT-4 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for path in sys.argv[1:]:
        pairs = load_pairs(Path(path).read_text(encoding="utf-8"), path)
        start = time.perf_counter()
        judged = list(judge_all(pairs))
        rate = len(pairs) / (time.perf_counter() - start)
        m = metrics(judged)
        for name, result in sorted(m.by_dataset.items()):
            extra = (
                f" (news {m.by_domain['summedits/news'].balanced_accuracy:.1%})"
                if name == "summedits"
                else ""
            )
            print(
                f"| {name} | {result.pairs} | {result.balanced_accuracy:.1%}{extra} "
                f"| {m.best_threshold} ({m.best_threshold_balanced_accuracy:.1%}) | {rate:.0f} "
                f"| {PUBLISHED.get(name, '– | – | – | – | – | –')} |"
            )
    by_fold(sys.argv[1:])


def by_fold(paths: Sequence[str]) -> None:
    """Per file, folds 1–4 against fold 0, and all folds together."""
    print("\n### By fold: folds 1–4 (studied) against fold 0 (the check fold), and all\n")
    print(
        "| file | folds | pairs | balanced accuracy | precision | recall | false alarms "
        "| documents all flagged |"
    )
    print("|---|---|---|---|---|---|---|---|")
    rules: list[str] = []
    domain_rows: list[str] = []
    for path in paths:
        judged, folds, documents, domains = _judged(path)
        for name, chosen in (("1–4", {1, 2, 3, 4}), ("0", {0}), ("all", None)):
            by_domain: dict[str, list[Judgment]] = {}
            for j, f, d in zip(judged, folds, domains, strict=True):
                if chosen is not None and f in chosen and d:
                    by_domain.setdefault(d, []).append(j)
            cells = [
                f"{d} {scores(js).balanced_accuracy:.1%} ({len(js)})"
                for d, js in sorted(by_domain.items())
            ]
            if cells:
                domain_rows.append(f"| {Path(path).name} | {name} | {'; '.join(cells)} |")
            group = [
                (j, d)
                for j, f, d in zip(judged, folds, documents, strict=True)
                if chosen is None or f in chosen
            ]
            if not group:
                continue
            s = scores(j for j, _ in group)
            flagged: dict[str, list[bool]] = {}
            for j, d in group:
                flagged.setdefault(d, []).append(j.flagged)
            every = sum(all(v) for v in flagged.values()) / len(flagged)
            alarms = s.fp / (s.fp + s.tn) if s.fp + s.tn else 0.0
            print(
                f"| {Path(path).name} | {name} | {s.pairs} | {s.balanced_accuracy:.1%} "
                f"| {s.precision:.1%} | {s.recall:.1%} | {alarms:.1%} | {every:.0%} |"
            )
            if chosen is not None:
                rules += [_rules(Path(path).name, name, [j for j, _ in group])]
    if domain_rows:
        print("\n### By domain or source: balanced accuracy (pairs)\n")
        print("| file | folds | domain |")
        print("|---|---|---|")
        for line in domain_rows:
            print(line)
    print("\n### By rule: precision (right of fired), and the pairs it alone decides\n")
    print("| file | folds | rule: precision (right/fired), alone |")
    print("|---|---|---|")
    for line in rules:
        print(line)


def _judged(path: str) -> tuple[list[Judgment], list[int], list[str], list[str]]:
    """The judgments of a file, with each pair's fold and source document (nothing else of a
    pair is read). Polytope's drift label is its ``meta.inaccuracy_label``."""
    text = Path(path).read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.split("\n") if line.strip()]
    pairs = load_pairs(text, path)
    for i, record in enumerate(records):
        drift = (record.get("meta") or {}).get("inaccuracy_label")
        if record.get("dataset") == "polytope" and drift in ("consistent", "inconsistent"):
            pairs[i] = replace(pairs[i], inconsistent=drift == "inconsistent")
    folds = [int(r.get("fold", 1)) for r in records]
    documents = [str(hash(r["source"])) for r in records]
    domains = [
        str((r.get("meta") or {}).get("domain") or (r.get("meta") or {}).get("origin") or "")
        for r in records
    ]
    return list(judge_all(pairs)), folds, documents, domains


def _rules(name: str, folds: str, judged: Sequence[Judgment]) -> str:
    fired: dict[str, list[bool]] = {}
    alone: dict[str, int] = {}
    for j in judged:
        found = {f.rule for f in j.report.findings if f.kind != "omission"}
        for rule in found:
            fired.setdefault(rule, []).append(j.pair.inconsistent)
        if len(found) == 1:
            (rule,) = found
            alone[rule] = alone.get(rule, 0) + 1
    cells = [
        f"{rule} {sum(v) / len(v):.0%} ({sum(v)}/{len(v)}), {alone.get(rule, 0)}"
        for rule, v in sorted(fired.items())
    ]
    return f"| {name} | {folds} | {'; '.join(cells)} |"


if __name__ == "__main__":
    main()
