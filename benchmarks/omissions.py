"""Omission findings against the omissions annotators marked (Polytope, issue 10 part 5), and
on the repository's corpus of faithful rewrites.

Usage:  python benchmarks/omissions.py [../shared/data/polytope-validation.jsonl] [tests/corpus]

Polytope's annotators list, for each summary, the source content it leaves out
(``meta.omissions``: phrases of the source, lower-cased and tokenised). factcheck extracts the
source's claims and reports a claim the summary does not cover as an omission (a warning for a key
claim, info for the others). A marked omission is *found* when an omission finding's claim holds
at least MATCH of its content words (compared by key, so "says" finds "said"); an omission
finding is *confirmed* when its claim holds MATCH of some marked omission's words. Recall is the
share of marked omissions found, precision the share of omission findings confirmed. Counted
apart for folds 1–4 and fold 0 (the check fold: counted, never read), and for key claims
(warnings) apart from all of them: a marked omission is content a reader misses, which a key
claim is meant to be.

The corpus has no marked omissions: its ``faithful.txt`` rewrites retell their report more
briefly, so an omission finding there is listed for a reader to judge (a claim the rewrite
does leave out is a true omission; one it says in other words is false).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import factcheck
from factcheck.evaluate import Judgment, judge_all, load_pairs
from factcheck.report import Finding
from factcheck.text import tokenize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "tests" / "corpus"
MATCH = 0.6  # share of a marked omission's content words a claim must hold to be it
LEVELS = ("key claims", "all claims")


def keys(text: str) -> frozenset[str]:
    return frozenset(t.key for t in tokenize(text) if t.content)


def holds(claim: frozenset[str], omission: frozenset[str]) -> bool:
    return bool(omission) and len(claim & omission) >= MATCH * len(omission)


def omitted(findings: Sequence[Finding], level: str) -> list[Finding]:
    """The omission findings of ``level``: warnings (key claims), or all of them."""
    return [
        f
        for f in findings
        if f.kind == "omission" and (level == LEVELS[1] or f.severity == "warning")
    ]


def counts(
    records: Sequence[dict[str, object]], judged: Sequence[Judgment], level: str
) -> tuple[int, int, int, int]:
    """(marked omissions, found, omission findings, confirmed) over ``records``."""
    marked = found = findings = confirmed = 0
    for record, judgment in zip(records, judged, strict=True):
        meta = record.get("meta") or {}
        assert isinstance(meta, dict)
        omissions = [keys(o) for o in meta.get("omissions") or []]
        claims = [keys(f.claim or "") for f in omitted(judgment.report.findings, level)]
        marked += len(omissions)
        found += sum(any(holds(c, o) for c in claims) for o in omissions)
        findings += len(claims)
        confirmed += sum(any(holds(c, o) for o in omissions) for c in claims)
    return marked, found, findings, confirmed


def polytope(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.split("\n") if line.strip()]
    judged = list(judge_all(load_pairs(text, str(path))))
    print(f"{path.name}: recall (marked omissions found by an omission finding) and precision")
    print("(omission findings confirmed by a marked omission: a claim holding 60% of its words)\n")
    print(
        "| folds | claims | marked omissions | found (recall) | omission findings "
        "| confirmed (precision) |"
    )
    print("|---|---|---|---|---|---|")
    for name, check_fold in (("1–4", False), ("0", True)):
        chosen = [i for i, r in enumerate(records) if (int(r.get("fold", 1)) == 0) == check_fold]
        for level in LEVELS:
            marked, found, findings, confirmed = counts(
                [records[i] for i in chosen], [judged[i] for i in chosen], level
            )
            print(
                f"| {name} | {level} | {marked} | {found} ({found / max(marked, 1):.0%}) "
                f"| {findings} | {confirmed} ({confirmed / max(findings, 1):.0%}) |"
            )


def corpus(folder: Path) -> None:
    """Omission findings on each faithful rewrite of the corpus, listed for a reader."""
    print(f"\n{folder.name}: omission findings on the faithful rewrites (key claims, all)\n")
    print("| document | claims | key claims | omitted key claims | omitted claims |")
    print("|---|---|---|---|---|")
    listed = []
    for doc in sorted(p for p in folder.iterdir() if (p / "faithful.txt").is_file()):
        claims = factcheck.extract((doc / "report.txt").read_text(encoding="utf-8"))
        report = factcheck.compare(claims, (doc / "faithful.txt").read_text(encoding="utf-8"))
        key, every = (omitted(report.findings, level) for level in LEVELS)
        marked = sum(c.key for c in claims)
        print(f"| {doc.name} | {len(claims)} | {marked} | {len(key)} | {len(every)} |")
        listed += [f"- {doc.name} {f.claim_id} ({f.severity}): {f.claim}" for f in every]
    print("\nOmission findings on the faithful rewrites:")
    print("\n".join(listed))


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA / "polytope-validation.jsonl"
    polytope(path)
    corpus(Path(sys.argv[2]) if len(sys.argv) > 2 else CORPUS)


if __name__ == "__main__":
    main()
