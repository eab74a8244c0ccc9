"""Balanced accuracy of factcheck on labelled benchmark pairs, beside published numbers.

Usage:  python benchmarks/judgment.py ../shared/data/summedits-validation.jsonl ../shared/data/frank-validation.jsonl

Each file is judged as `factcheck evaluate FILE` judges it (same engine, default settings) and
printed as a Markdown table with the published balanced accuracy of model-based checkers on the
same benchmarks (test splits; see ../shared/data/README.md). The data stay outside the repo.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from factcheck.evaluate import judge_all, load_pairs, metrics

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
        for name, scores in sorted(m.by_dataset.items()):
            extra = (
                f" (news {m.by_domain['summedits/news'].balanced_accuracy:.1%})"
                if name == "summedits"
                else ""
            )
            print(
                f"| {name} | {scores.pairs} | {scores.balanced_accuracy:.1%}{extra} "
                f"| {m.best_threshold} ({m.best_threshold_balanced_accuracy:.1%}) | {rate:.0f} "
                f"| {PUBLISHED.get(name, '– | – | – | – | – | –')} |"
            )


if __name__ == "__main__":
    main()
