"""Speed and memory of `factcheck compare` against bare Python start-up.

Usage:  python benchmarks/speed.py [--runs N] [--claims N]

Builds a deterministic claims file of N claims (default 100) and an article-length rewrite
(about 900 words) in a temporary folder, then reports the median wall time of N process runs
of: `python -c pass`, `python -c "import factcheck"`, `factcheck compare --format json`, and
`factcheck compare` (text); plus the in-process time of compare() alone and the peak memory
(max RSS) of the compare process. No network, no data files.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = [
    "Harbor Trust",
    "Osler Capital",
    "Greenfield Bank",
    "Maria Lopez",
    "Tom Becker",
    "Riverton",
    "the Hartwell Foundation",
    "Northgate University",
    "Civic Labs",
    "Ana Ruiz",
]
VERBS = ["approved", "funded", "opposed", "announced", "reviewed", "delayed", "expanded", "audited"]
OBJECTS = [
    "the library project",
    "a new bus line",
    "the harbour bridge repairs",
    "the school budget",
    "a housing plan",
    "the water treatment upgrade",
    "the market square renewal",
    "a tree survey",
]


def claims_and_rewrite(n: int) -> tuple[str, str]:
    rng = random.Random(42)
    lines = ["version: 1", "claims:"]
    sentences = []
    for i in range(1, n + 1):
        who, verb, what = rng.choice(NAMES), rng.choice(VERBS), rng.choice(OBJECTS)
        amount = rng.randint(2, 900)
        text = f"{who} {verb} {what} at a cost of ${amount} million in {2000 + i % 25}."
        lines += [f"- id: c{i:03d}", f'  text: "{text}"', f"  key: {str(i % 3 == 0).lower()}"]
        if (
            i % 2 == 0
        ):  # the rewrite keeps half the claims, reworded; every tenth with a changed figure
            changed = amount + 1 if i % 10 == 0 else amount
            sentences.append(
                f"In {2000 + i % 25}, {who} {verb} {what}, which cost ${changed} million."
            )
    sentences += ["Residents said the city was changing faster than ever before."] * 10
    return "\n".join(lines) + "\n", "\n\n".join(
        " ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)
    )


def median_ms(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--claims", type=int, default=100)
    args = parser.parse_args()
    claims_text, rewrite = claims_and_rewrite(args.claims)
    with tempfile.TemporaryDirectory() as tmp:
        claims, article = Path(tmp, "claims.yaml"), Path(tmp, "rewrite.txt")
        claims.write_text(claims_text, encoding="utf-8")
        article.write_text(rewrite, encoding="utf-8")
        py = sys.executable
        compare = [py, "-m", "factcheck", "compare", str(claims), str(article)]
        rows = [
            ("python -c pass", median_ms([py, "-c", "pass"], args.runs)),
            ("python -c 'import factcheck'", median_ms([py, "-c", "import factcheck"], args.runs)),
            (
                "factcheck compare --format json",
                median_ms([*compare, "--format", "json"], args.runs),
            ),
            ("factcheck compare (text)", median_ms(compare, args.runs)),
        ]
        import factcheck

        claim_set = factcheck.load_claims(claims_text)
        start = time.perf_counter()
        for _ in range(args.runs):
            factcheck.compare(claim_set, rewrite)
        in_process = (time.perf_counter() - start) * 1000 / args.runs
        subprocess.run([*compare, "--format", "json"], stdout=subprocess.DEVNULL, check=False)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    words = len(rewrite.split())
    print(f"{args.claims} claims, rewrite of {words} words, median of {args.runs} runs")
    print("| what | ms |\n|---|---|")
    for name, ms in rows:
        print(f"| {name} | {ms:.0f} |")
    print(f"| compare() in process | {in_process:.1f} |")
    print(f"peak memory (max RSS) of a compare process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
