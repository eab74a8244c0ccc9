"""Fuzz the command line and the API with hostile input, and count what went wrong.

Usage:  python benchmarks/fuzz.py [--examples N] [--seed S]

Runs N generated cases (default 10,000: 60% `compare`, 20% `evaluate`, 10% `extract` and
`selftest`, 10% the API) with the strategies of tests/fuzzing.py, each in a fresh folder
through the console script's entry point, and prints how many exited with each status, how many gave a traceback (or another
problem: exit status 3, a stray stderr line, no single error line for status 2), how many ran
over 10 s, and how many changed an input file, the claims file above all. Exit status 1 when
anything went wrong. The test suite runs the same properties on a small fixed budget
(tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzing import (  # noqa: E402
    compare_cases,
    evaluate_cases,
    other_cases,
    problems,
    run_case,
    texts,
)
from hang import Hang  # noqa: E402

import factcheck  # noqa: E402


class Tally:
    def __init__(self) -> None:
        self.cases = 0
        self.codes: Counter[int] = Counter()
        self.problems: Counter[str] = Counter()
        self.hangs = 0
        self.changed = 0
        self.slowest = 0.0
        self.first: dict[str, Any] = {}

    def command(self, case: dict[str, Any]) -> None:
        self.cases += 1
        try:
            outcome = run_case(case)
        except Hang:
            self.hangs += 1
            self.first.setdefault("hang", case)
            return
        self.codes[outcome.code] += 1
        self.slowest = max(self.slowest, outcome.seconds)
        self.changed += bool(outcome.changed)
        for problem in problems(outcome):
            kind = problem.split(":")[0].split(" ")[0]
            self.problems[kind] += 1
            self.first.setdefault(kind, case)

    def api(self, report: str, rewrite: str) -> None:
        self.cases += 1
        start = time.perf_counter()
        try:
            factcheck.compare(factcheck.extract(report), rewrite)
            self.codes[0] += 1
        except factcheck.InputError:
            self.codes[2] += 1
        except Exception as exc:  # what the property forbids: count it, keep going
            self.problems[f"api {type(exc).__name__}"] += 1
            self.first.setdefault("api", (report, rewrite))
        self.slowest = max(self.slowest, time.perf_counter() - start)


def fuzz(strategy: Any, count: int, check: Callable[..., None], start: int) -> None:
    budget = settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    strategies = strategy if isinstance(strategy, tuple) else (strategy,)
    seed(start)(budget(given(*strategies)(check)))()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    share = options.examples // 10
    tally = Tally()
    began = time.perf_counter()
    fuzz(compare_cases(), options.examples - 4 * share, tally.command, options.seed)
    fuzz(evaluate_cases(), 2 * share, tally.command, options.seed + 1)
    fuzz(other_cases(), share, tally.command, options.seed + 2)
    fuzz((texts, st.text(max_size=30) | texts), share, tally.api, options.seed + 3)
    codes = ", ".join(f"{code}: {n}" for code, n in sorted(tally.codes.items()))
    print(f"cases: {tally.cases} in {time.perf_counter() - began:.0f} s")
    print(f"exit statuses: {codes}")
    print(f"tracebacks: {tally.problems['traceback']}")
    print(f"hangs over 10 s: {tally.hangs} (slowest case {tally.slowest:.2f} s)")
    print(f"changed input files: {tally.changed}")
    other = {k: n for k, n in tally.problems.items() if k not in ("traceback", "changed")}
    print(f"other problems: {sum(other.values())} {dict(other) if other else ''}".rstrip())
    for kind, case in tally.first.items():
        print(f"first {kind}: {case!r}"[:2000])
    return 1 if tally.problems or tally.hangs or tally.changed else 0


if __name__ == "__main__":
    sys.exit(main())
