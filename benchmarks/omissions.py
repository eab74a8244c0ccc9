"""Omission findings against the omissions annotators marked (Polytope, issue 10 part 5).

Usage:  python benchmarks/omissions.py [../shared/data/polytope-validation.jsonl]

Polytope's annotators list, for each summary, the source content it leaves out
(``meta.omissions``: phrases of the source, lower-cased and tokenised). factcheck extracts the
source's claims and reports a claim the summary does not cover as an omission (a warning for a key
claim, info for the others). A marked omission is *found* when an omission finding's claim holds
at least MATCH of its content words (compared by key, so "says" finds "said"); an omission
finding is *confirmed* when its claim holds MATCH of some marked omission's words. Counted
apart for folds 1–4 and fold 0 (the check fold: counted, never read), and for key claims
(warnings) apart from all of them: a marked omission is content a reader misses, which a key
claim is meant to be.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from factcheck.evaluate import judge_all, load_pairs
from factcheck.text import tokenize

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
MATCH = 0.6  # share of a marked omission's content words a claim must hold to be it


def keys(text: str) -> frozenset[str]:
    return frozenset(t.key for t in tokenize(text) if t.content)


def holds(claim: frozenset[str], omission: frozenset[str]) -> bool:
    return bool(omission) and len(claim & omission) >= MATCH * len(omission)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA / "polytope-validation.jsonl"
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.split("\n") if line.strip()]
    judged = list(judge_all(load_pairs(text, str(path))))
    print(f"{path.name}: marked omissions found by omission findings, and omission findings")
    print("confirmed by a marked omission (a claim holding 60% of its content words)\n")
    print("| folds | claims | marked omissions | found | omission findings | confirmed |")
    print("|---|---|---|---|---|---|")
    for name, check_fold in (("1–4", False), ("0", True)):
        for level in ("key claims", "all claims"):
            marked = found = findings = confirmed = 0
            for record, judgment in zip(records, judged, strict=True):
                if (int(record.get("fold", 1)) == 0) != check_fold:
                    continue
                omissions = [keys(o) for o in (record.get("meta") or {}).get("omissions") or []]
                claims = [
                    keys(f.claim or "")
                    for f in judgment.report.findings
                    if f.kind == "omission" and (level == "all claims" or f.severity == "warning")
                ]
                marked += len(omissions)
                found += sum(any(holds(c, o) for c in claims) for o in omissions)
                findings += len(claims)
                confirmed += sum(any(holds(c, o) for o in omissions) for c in claims)
            print(
                f"| {name} | {level} | {marked} | {found} ({found / max(marked, 1):.0%}) "
                f"| {findings} | {confirmed} ({confirmed / max(findings, 1):.0%}) |"
            )


if __name__ == "__main__":
    main()
