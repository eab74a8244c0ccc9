"""The performance record of factcheck: each figure beside its target (issue 9), measured in one
run, so that a ratio compares figures taken on the same machine at the same time.

Usage:
    python benchmarks/speed.py                  # the full record (about 15–25 minutes today)
    python benchmarks/speed.py --quick          # every section at small sizes (a minute or two)
    python benchmarks/speed.py --only startup,jobs
    python benchmarks/speed.py --only scaling --max-claims 1000 --max-sentences 10000

Sections (``--only``, comma-separated; all by default):

- ``startup``: the median wall time of ``--runs`` runs (default 20, interleaved, after one
  warm-up run each) of bare ``python -c pass``, the import floor ``python -c "import typer,
  rich, rapidfuzz, yaml"``, ``import factcheck``, ``factcheck --version`` and ``factcheck
  compare claims.yaml examples/ai-alliance-rewrite.txt`` as JSON and as text (from the repository
  root, through the console script beside ``sys.executable``, else ``python -m factcheck``), each
  as a ratio to the import floor; the CPU time (user + system) and peak RSS of the runs too.
- ``evaluate``: ``factcheck evaluate FILE --format json`` on each ``*.jsonl`` in ``--data``
  (default ``../shared/data`` beside the repository; skipped with a note where it is absent):
  the pairs per second the command reports (judging only) and the pairs per CPU-second of the
  whole process, start-up and loading included, which the machine's other load moves less.
- ``scaling``: claims files of ``--claims`` claims (default 100, 1,000, 10,000) against rewrites
  of ``--sentences`` sentences (default 1,000, 10,000, 100,000) from the synthetic news corpus
  of ``benchmarks/_scaling_corpus.py`` (its docstring gives the distribution of words, names
  and figures). Each cell runs in a process of its own that loads the claims with
  ``factcheck.load_claims`` and calls ``factcheck.compare`` once: the load and the compare are
  timed apart, and the process's peak RSS is recorded. A cell not done in ``--timeout`` seconds
  (default 120) is stopped and shown as "> 120 s"; a cell at least as large in both dimensions
  is then not run. compare() is single-threaded, so its CPU time is its time on an idle core:
  the exponent and the targets of the largest cell are of CPU time, which the machine's other
  load does not move (the wall time is shown beside it). The growth exponent is the
  least-squares slope of log(compare CPU time) on log(claims + sentences) over the cells that
  finished, and along each row and column. Beside each cell, the CPU time of rapidfuzz's
  ``process.cdist(claims, sentences, scorer=fuzz.token_set_ratio, workers=1)`` on the same
  claim and sentence texts (without numpy, which cdist needs, the same scorer over every pair
  one claim at a time through ``process.extract(limit=None)``, within about 5% of cdist): a cell
  estimated to take more than ``--cdist-budget`` seconds (default 30) is timed on its first
  rows and extrapolated ("est.").
- ``jobs``: ``--documents`` rewrites (default 1,000, a few paragraphs each) of one 100-claim
  file, checked by ``factcheck compare --claims claims.yaml 'DIR/*.txt' --format json`` with
  ``-j 1`` and ``-j 2``: the wall times, the speed-up and whether both printed the same bytes.
  The target is for an idle two-core machine, so the CPU count and the load average are shown.

Last, every target with its figure and pass or miss. Tables are Markdown, for the README; the
progress of the run goes to stderr. Everything is generated with fixed seeds and runs offline;
only the times move. CPU time (user + system) and peak RSS are those of each measured process
and the processes it waited for (``os.wait4``), so they are exact per run on a shared machine,
where wall time is noisy. Every command is started by a small launcher process (peak RSS 11 MB,
the floor of every RSS figure), because a child's peak RSS counts the process it was forked
from, and this one grows with the corpora. ``--quick`` runs 5 start-up runs, the first 100 pairs of each evaluate file, 100 and
1,000 claims × 100 and 1,000 sentences (30 s limit) and 100 documents: a smoke test of the
script, not a record.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import itertools
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import _scaling_corpus as corpus

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SEED_PAIR = ["compare", "claims.yaml", "examples/ai-alliance-rewrite.txt"]
FLOOR = "import typer, rich, rapidfuzz, yaml"
SECTIONS = ("startup", "evaluate", "scaling", "jobs")
EVALUATE_TARGETS = {"frank-validation.jsonl": 1000.0, "summedits-validation.jsonl": 1000.0}
LARGEST = (10_000, 100_000)  # the cell with time and memory targets
LARGEST_SECONDS, LARGEST_MB, EXPONENT, SPEEDUP = 60.0, 1024.0, 1.2, 1.7

# One scaling cell, in a process of its own: argv is the claims file and the rewrite.
CELL = """
import json, sys, time
import factcheck
claims_path, rewrite_path = sys.argv[1:3]
with open(claims_path, encoding="utf-8") as f:
    claims_text = f.read()
with open(rewrite_path, encoding="utf-8") as f:
    text = f.read()
t0 = time.perf_counter()
claims = factcheck.load_claims(claims_text, claims_path)
t1, c1 = time.perf_counter(), time.process_time()
report = factcheck.compare(claims, text, path=rewrite_path)
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"load": t1 - t0, "compare": t2 - t1, "compare_cpu": c2 - c1,
                  "findings": len(report.findings)}))
"""


@dataclass
class Run:
    """One child process: wall and CPU seconds, peak RSS, exit status (None: stopped)."""

    wall: float
    cpu: float
    rss_mb: float
    status: int | None
    out: str
    err: str
    others: float | None = None  # cores other processes kept busy meanwhile (Linux)

    def error(self, expected: Sequence[int] = (0,)) -> str | None:
        """Why the run does not count, or None."""
        if self.status is None:
            return "stopped at the time limit"
        if self.status in expected:
            return None
        last = self.err.strip().splitlines()[-1:] or [""]
        return f"exit {self.status}: {last[0][:160]}"


@dataclass
class Verdict:
    what: str
    measured: str
    goal: str
    ok: bool | None  # None: not measured in this run


class Launcher:
    """A small process, started before this one grows, that starts every measured command.

    A child's peak RSS (``ru_maxrss``) counts the memory of the process it was forked from, so
    children of this process, which holds large corpora, would all show its size; the
    launcher's own peak (about 11 MB, ``python -S``) is the floor of every figure instead."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCH],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, cmd: Sequence[str], timeout: float | None) -> Run:
        assert self.proc.stdin and self.proc.stdout
        with tempfile.TemporaryDirectory() as tmp:
            out, err = Path(tmp, "out"), Path(tmp, "err")
            job = {"cmd": list(cmd), "cwd": str(ROOT), "timeout": timeout}
            self.proc.stdin.write(json.dumps({**job, "out": str(out), "err": str(err)}) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("speed.py: the launcher process ended")
            result = json.loads(line)
            rss = result["maxrss"] / (1024 * 1024 if sys.platform == "darwin" else 1024)
            return Run(
                result["wall"],
                result["cpu"],
                rss,
                result["status"],
                out.read_text(encoding="utf-8", errors="replace"),
                err.read_text(encoding="utf-8", errors="replace"),
            )


# The launcher: reads one job a line (command, folder, time limit, output files), runs it in a
# session of its own, stopped with every process it started at the time limit, and answers with
# its wall and CPU seconds, peak RSS and exit status (null: stopped).
LAUNCH = """
import json, os, signal, subprocess, sys, threading, time
def stop(pid, stopped):
    stopped.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
for line in sys.stdin:
    job, stopped = json.loads(line), threading.Event()
    with open(job["out"], "wb") as out, open(job["err"], "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(job["cmd"], cwd=job["cwd"], stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err, start_new_session=True)
        timer = threading.Timer(job["timeout"] or 1e9, stop, (proc.pid, stopped))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            stop(proc.pid, stopped)
            raise
        wall = time.perf_counter() - start
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                      "maxrss": usage.ru_maxrss,
                      "status": None if stopped.is_set() else proc.returncode}), flush=True)
"""
LAUNCHER: list[Launcher] = []  # the one launcher, started by main()


def run(cmd: Sequence[str], timeout: float | None = None) -> Run:
    """Run ``cmd`` from the repository root through the launcher."""
    if not LAUNCHER:
        LAUNCHER.append(Launcher())
    before = busy_seconds()
    result = LAUNCHER[0].run(cmd, timeout)
    after = busy_seconds()
    if before is not None and after is not None and result.wall > 0:
        result.others = max(0.0, (after - before - result.cpu) / result.wall)
    return result


def busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and waiting for I/O
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def factcheck_command() -> list[str]:
    script = Path(sys.executable).with_name("factcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(flush=True)


def verdict_text(ok: bool | None) -> str:
    return {True: "pass", False: "miss", None: "not measured"}[ok]


def seconds(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of log y on log x, or None without two distinct x."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-6)) for _, y in points]
    if len(set(xs)) < 2:
        return None
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


# --- start-up ---------------------------------------------------------------------------------


def startup(args: argparse.Namespace) -> list[Verdict]:
    py, fc = sys.executable, factcheck_command()
    floor = f'`python -c "{FLOOR}"` (the import floor)'
    seed = "`factcheck compare claims.yaml examples/ai-alliance-rewrite.txt"
    commands: list[tuple[str, list[str], float | None, tuple[int, ...]]] = [
        ("`python -c pass`", [py, "-c", "pass"], None, (0,)),
        (floor, [py, "-c", FLOOR], None, (0,)),
        ("`python -c 'import factcheck'`", [py, "-c", "import factcheck"], None, (0,)),
        ("`factcheck --version`", [*fc, "--version"], 1.1, (0,)),
        (f"{seed} --format json`", [*fc, *SEED_PAIR, "--format", "json"], 1.5, (0, 1)),
        (f"{seed}` (text)", [*fc, *SEED_PAIR], None, (0, 1)),
    ]
    # factcheck's bytecode compiled first, as pip does for an installed package (an editable
    # install under PYTHONDONTWRITEBYTECODE would otherwise recompile it on every run, while
    # the floor's packages come compiled)
    compiled = subprocess.run(
        [py, "-m", "compileall", "-q", str(ROOT / "factcheck")], capture_output=True, check=False
    )
    if compiled.returncode:
        progress("startup: compileall failed; factcheck's modules are compiled on each run")
    progress(f"startup: {len(commands)} commands × {args.runs} runs")
    runs: list[list[Run]] = [[run(cmd)] for _, cmd, _, _ in commands]  # warm-up, then kept out
    for _ in range(args.runs):
        for i, (_, cmd, _, _) in enumerate(commands):
            runs[i].append(run(cmd))
    wall = [statistics.median(r.wall for r in rs[1:]) for rs in runs]
    cpu = [statistics.median(r.cpu for r in rs[1:]) for rs in runs]
    verdicts, rows = [], []
    for i, (name, _, target, expected) in enumerate(commands):
        errors = {e for r in runs[i] if (e := r.error(expected))}
        ratio, cpu_ratio = wall[i] / wall[1], cpu[i] / cpu[1]
        ok = None if errors else ratio <= target if target else None
        goal = f"≤ {target}×" if target else ""
        rows.append(
            [
                name,
                f"{wall[i] * 1000:.0f}",
                f"{ratio:.2f}",
                f"{cpu[i] * 1000:.0f}",
                f"{cpu_ratio:.2f}",
                f"{max(r.rss_mb for r in runs[i]):.0f}",
                goal,
                "; ".join(sorted(errors)) if errors else verdict_text(ok) if target else "",
            ]
        )
        if target:
            verdicts.append(Verdict(f"start-up: {name}", f"{ratio:.2f}× the floor", goal, ok))
    print(f"### Start-up (median of {args.runs} runs each)\n")
    header = ["command", "wall ms", "× floor", "CPU ms", "× floor (CPU)", "peak RSS MB", "target"]
    table([*header, "verdict"], rows)
    return verdicts


# --- evaluate ---------------------------------------------------------------------------------


def evaluate(args: argparse.Namespace) -> list[Verdict]:
    print("### `factcheck evaluate`\n")
    files = sorted(args.data.glob("*.jsonl")) if args.data.is_dir() else []
    if not files:
        print(f"No *.jsonl files in {args.data}: skipped.\n")
        return [
            Verdict(f"evaluate {n}", "no data", "≥ 1,000 pairs/s", None) for n in EVALUATE_TARGETS
        ]
    with tempfile.TemporaryDirectory() as tmp:
        if args.pairs:
            files = [sample(f, Path(tmp), args.pairs) for f in files]
        rows, verdicts = [], []
        for path in files:
            progress(f"evaluate: {path.name}")
            r = run([*factcheck_command(), "evaluate", str(path), "--format", "json"], args.long)
            row, rate = evaluate_row(path, r)
            target = EVALUATE_TARGETS.get(path.name)
            ok = None if rate is None or target is None else rate >= target
            rows.append(
                [*row, f"≥ {target:,.0f}" if target else "", verdict_text(ok) if target else ""]
            )
            if target:
                measured = f"{rate:,.0f} pairs/s" if rate is not None else row[4]
                verdicts.append(
                    Verdict(f"evaluate {path.name}", measured, f"≥ {target:,.0f} pairs/s", ok)
                )
    header = ["file", "pairs", "wall s", "CPU s", "pairs/s (reported)", "pairs per CPU-s", "target"]
    table([*header, "verdict"], rows)
    if args.pairs:
        print(f"(the first {args.pairs} pairs of each file)\n")
    print("pairs/s (reported) is the command's own figure, judging only; pairs per CPU-s")
    print("counts the whole process, start-up and loading included.\n")
    return verdicts


def sample(path: Path, folder: Path, pairs: int) -> Path:
    """The first ``pairs`` records of ``path``, as a file of the same name in ``folder``."""
    with path.open(encoding="utf-8") as f:
        lines = list(itertools.islice(f, pairs))
    target = folder / path.name
    target.write_text("".join(lines), encoding="utf-8")
    return target


def evaluate_row(path: Path, r: Run) -> tuple[list[str], float | None]:
    error = r.error((0, 1))
    if error:
        return [path.name, "", seconds(r.wall), seconds(r.cpu), error, ""], None
    result = json.loads(r.out)
    pairs, rate = result["overall"]["pairs"], result["pairs_per_second"]
    return [
        path.name,
        f"{pairs:,}",
        seconds(r.wall),
        seconds(r.cpu),
        f"{rate:,.0f}",
        f"{pairs / r.cpu:,.0f}",
    ], rate


# --- scaling ----------------------------------------------------------------------------------


@dataclass
class Cell:
    claims: int
    sentences: int
    words: int
    run: Run | None  # None: not run, a smaller cell took too long
    result: dict[str, float] | None
    cdist: tuple[float, bool]  # seconds, estimated

    @property
    def compare(self) -> float | None:
        """CPU seconds of compare(): single-threaded, so its time on an idle core."""
        return self.result["compare_cpu"] if self.result else None


def scaling(args: argparse.Namespace) -> list[Verdict]:
    cells: list[Cell] = []
    claim_sizes = [c for c in args.claims if c <= args.max_claims]
    sentence_sizes = [s for s in args.sentences if s <= args.max_sentences]
    with tempfile.TemporaryDirectory() as tmp:
        for c in claim_sizes:
            claims = corpus.make_claims(c)
            claims_path = Path(tmp, f"claims-{c}.yaml")
            claims_path.write_text(corpus.claims_yaml(claims), encoding="utf-8")
            for s in sentence_sizes:
                cells.append(scaling_cell(args, claims, claims_path, s, cells))
    print("### Scaling: `factcheck.compare()` on synthetic claims × sentences\n")
    rows = [scaling_row(cell, args.timeout) for cell in cells]
    header = ["claims", "sentences", "words", "load s", "compare wall s", "compare CPU s"]
    table([*header, "peak RSS MB", "findings", "rapidfuzz CPU s", "compare ÷ rapidfuzz"], rows)
    print("Times are seconds; the ratio and the exponents are of CPU time, which the machine's")
    print("other load does not move (both are single-threaded: CPU time is time on an idle core).")
    if cdist_available():
        print("rapidfuzz: `process.cdist(claims, sentences, scorer=fuzz.token_set_ratio,")
        print('workers=1)`; "est.": timed on the first rows and extrapolated.\n')
    else:
        print("rapidfuzz: numpy is absent, so cdist cannot run: the same scorer over every pair,")
        print("one claim at a time, `process.extract(claim, sentences, limit=None)`, within ~5%")
        print('of cdist; "est.": timed on the first rows and extrapolated.\n')
    return exponents(cells) + largest(cells, args.timeout)


def scaling_cell(
    args: argparse.Namespace,
    claims: list[corpus.Claim],
    claims_path: Path,
    s: int,
    done: Sequence[Cell],
) -> Cell:
    c = len(claims)
    paragraphs = corpus.rewrite(claims, s)
    sentences = [t for p in paragraphs for t in p]
    rewrite_path = Path(claims_path.parent, f"rewrite-{c}-{s}.txt")
    text = corpus.text_of(paragraphs)
    rewrite_path.write_text(text, encoding="utf-8")
    words = len(text.split())
    too_long = any(
        d.run and d.run.status is None for d in done if d.claims <= c and d.sentences <= s
    )
    r, result = None, None
    if not too_long:
        progress(f"scaling: {c:,} claims × {s:,} sentences")
        r = run([sys.executable, "-c", CELL, str(claims_path), str(rewrite_path)], args.timeout)
        if not r.error():
            result = json.loads(r.out.strip().splitlines()[-1])
    cdist = (0.0, False)
    if args.cdist_budget > 0:
        progress(f"scaling: rapidfuzz on {c:,} × {s:,}")
        cdist = cdist_seconds([cl.text for cl in claims], sentences, args.cdist_budget)
    return Cell(c, s, words, r, result, cdist)


def scaling_row(cell: Cell, timeout: float) -> list[str]:
    r, result = cell.run, cell.result
    cdist, estimated = cell.cdist
    if r is None:
        timing = [f"> {timeout:.0f} s (not run)", "", "", ""]
    elif r.status is None:
        timing = [f"> {timeout:.0f} s", "", f"≥ {r.rss_mb:.0f}", ""]
    elif result is None:
        timing = [r.error() or "", "", "", ""]
    else:
        timing = [
            seconds(result["compare"]),
            seconds(result["compare_cpu"]),
            f"{r.rss_mb:.0f}",
            f"{result['findings']:,.0f}",
        ]
    load = seconds(result["load"]) if result else ""
    shown = f"{seconds(cdist)}{' est.' if estimated else ''}" if cdist else ""
    ratio = f"{result['compare_cpu'] / cdist:.2f}" if result and cdist else ""
    return [
        f"{cell.claims:,}",
        f"{cell.sentences:,}",
        f"{cell.words:,}",
        load,
        *timing,
        shown,
        ratio,
    ]


def exponents(cells: Sequence[Cell]) -> list[Verdict]:
    """Print the growth exponents; the verdict on the whole table's."""
    done = [(c.claims + c.sentences, c.compare, c) for c in cells if c.compare is not None]
    overall = slope([(n, t) for n, t, _ in done])
    print(
        "Growth exponent of compare CPU time over the table (log time on log(claims + sentences),"
    )
    print(f"{len(done)} of {len(cells)} cells): {'–' if overall is None else f'{overall:.2f}'}.")
    for fixed, varied, label in (
        ("claims", "sentences", "claims"),
        ("sentences", "claims", "sentences"),
    ):
        parts = []
        for size in sorted({getattr(c, fixed) for _, _, c in done}):
            line = [(getattr(c, varied), t) for _, t, c in done if getattr(c, fixed) == size]
            k = slope(line)
            if k is not None:
                parts.append(f"{size:,} {label}: {k:.2f}")
        print(f"Along {varied} (with {fixed} fixed): {'; '.join(parts) or '–'}.")
    print()
    unfinished = len(cells) - len(done)
    if overall is None:
        return [Verdict("scaling exponent", "too few cells", f"≤ n^{EXPONENT}", None)]
    measured = f"n^{overall:.2f}" + (f" ({unfinished} cells unfinished)" if unfinished else "")
    return [
        Verdict(
            "scaling exponent", measured, f"≤ n^{EXPONENT}", overall <= EXPONENT and not unfinished
        )
    ]


def largest(cells: Sequence[Cell], timeout: float) -> list[Verdict]:
    claims, sentences = LARGEST
    what = f"{claims:,} claims × {sentences:,} sentences"
    cell = next((c for c in cells if (c.claims, c.sentences) == LARGEST), None)
    if cell is None:
        return [
            Verdict(f"{what}: time", "not run", f"≤ {LARGEST_SECONDS:.0f} s", None),
            Verdict(f"{what}: peak RSS", "not run", "≤ 1 GB", None),
        ]
    if cell.compare is None or cell.run is None:
        error = cell.run.error() if cell.run and cell.run.status is not None else None
        time_text = error or f"> {timeout:.0f} s"
        rss = f"≥ {cell.run.rss_mb:.0f} MB" if cell.run else "not run"
        return [
            Verdict(f"{what}: time", time_text, f"≤ {LARGEST_SECONDS:.0f} s", False),
            Verdict(f"{what}: peak RSS", rss, "≤ 1 GB", None),
        ]
    return [
        Verdict(
            f"{what}: time",
            f"{cell.compare:.1f} CPU s",
            f"≤ {LARGEST_SECONDS:.0f} s",
            cell.compare <= LARGEST_SECONDS,
        ),
        Verdict(
            f"{what}: peak RSS",
            f"{cell.run.rss_mb:.0f} MB",
            "≤ 1 GB",
            cell.run.rss_mb <= LARGEST_MB,
        ),
    ]


def cdist_available() -> bool:
    return importlib.util.find_spec("numpy") is not None


def cdist_seconds(
    claims: Sequence[str], sentences: Sequence[str], budget: float
) -> tuple[float, bool]:
    """CPU seconds rapidfuzz takes to score every claim against every sentence, and whether
    that is an estimate: rows are timed in growing batches, and once the whole would take more
    than ``budget`` seconds (after at least a second of rows) the time is extrapolated."""
    score = scorer()
    done, elapsed = 0, 0.0
    batch = max(1, min(len(claims), 20_000 // len(sentences)))
    while done < len(claims):
        rows = claims[done : done + batch]
        start = time.process_time()
        score(rows, sentences)
        elapsed += time.process_time() - start
        done += len(rows)
        estimate = elapsed * len(claims) / done
        if done < len(claims) and estimate > budget and elapsed >= 1.0:
            return estimate, True
        batch = min(batch * 2, max(1, 5_000_000 // len(sentences)))
    return elapsed, False


def scorer() -> Callable[[Sequence[str], Sequence[str]], object]:
    """rapidfuzz's token_set_ratio over rows × sentences: cdist, or extract row by row."""
    from rapidfuzz import fuzz, process

    if cdist_available():
        uint8 = importlib.import_module("numpy").uint8
        return lambda rows, sentences: process.cdist(
            rows, sentences, scorer=fuzz.token_set_ratio, workers=1, dtype=uint8
        )

    def extract(rows: Sequence[str], sentences: Sequence[str]) -> None:
        for row in rows:  # one row's scores at a time: a list of every score would be huge
            process.extract(row, sentences, scorer=fuzz.token_set_ratio, limit=None)

    return extract


# --- jobs -------------------------------------------------------------------------------------


def jobs(args: argparse.Namespace) -> list[Verdict]:
    claims = corpus.make_claims(100)
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        claims_path = Path(tmp, "claims.yaml")
        claims_path.write_text(corpus.claims_yaml(claims), encoding="utf-8")
        folder = write_documents(claims, args.documents, Path(tmp, "rewrites"))
        cmd = [*factcheck_command(), "compare", "--claims", str(claims_path), str(folder / "*.txt")]
        for j in (1, 2):
            progress(f"jobs: {args.documents:,} documents, -j {j}")
            runs[j] = run([*cmd, "--format", "json", "-j", str(j)], args.long)
    print(f"### {args.documents:,} documents against one 100-claim file\n")
    rows = [
        [
            f"`-j {j}`",
            r.error((0, 1)) or seconds(r.wall),
            seconds(r.cpu),
            f"{r.rss_mb:.0f}",
            others(r),
        ]
        for j, r in runs.items()
    ]
    table(["command", "wall s", "CPU s", "peak RSS MB", "other processes' load (cores)"], rows)
    what, goal = f"{args.documents:,} documents: -j 2 speed-up", f"≥ {SPEEDUP}×"
    if any(r.error((0, 1)) for r in runs.values()):
        return [Verdict(what, "error", goal, None)]
    speedup = runs[1].wall / runs[2].wall
    same = "the same output" if runs[1].out == runs[2].out else differing(runs[1].out, runs[2].out)
    print(f"Speed-up of `-j 2`: {speedup:.2f}× (target ≥ {SPEEDUP}× on an idle two-core machine);")
    print(f"{os.cpu_count()} CPUs; the two runs printed {same}.\n")
    busy = max(r.others or 0.0 for r in runs.values())
    measured = f"{speedup:.2f}×"
    if busy >= 0.2:
        print(f"The machine was not idle: other processes kept {busy:.1f} cores busy during a")
        print("run, so the speed-up is not comparable with the target.\n")
        measured += f" (other load {busy:.1f} cores)"
    return [Verdict(what, measured, goal, speedup >= SPEEDUP)]


def write_documents(claims: list[corpus.Claim], n: int, folder: Path) -> Path:
    """``n`` rewrites of ``claims``, 12 to 24 sentences each, in ``folder``."""
    folder.mkdir()
    lengths = random.Random("documents")
    for d in range(n):
        paragraphs = corpus.rewrite(claims, lengths.randint(12, 24), seed=f"document {d}")
        text = corpus.text_of(paragraphs)
        Path(folder, f"rewrite-{d:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def others(r: Run) -> str:
    return "" if r.others is None else f"{r.others:.2f}"


def differing(first: str, second: str) -> str:
    """How two JSON outputs of one batch differ: the documents whose reports differ."""
    try:
        pairs = zip(json.loads(first)["documents"], json.loads(second)["documents"], strict=True)
        paths = [a["path"] for a, b in pairs if a != b]
    except (ValueError, KeyError, TypeError):
        return "DIFFERENT"
    shown = ", ".join(Path(p).name for p in paths[:3]) + (", …" if len(paths) > 3 else "")
    return f"DIFFERENT output ({len(paths)} documents: {shown})"


# --- the record -------------------------------------------------------------------------------


def describe() -> str:
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    version = ".".join(map(str, sys.version_info[:3]))
    return f"commit {commit or '?'}, Python {version}, {os.cpu_count()} CPUs, load average {load}"


def size(text: str) -> int:
    """A count written as 100, 1k, 10k, 1m or 1e5."""
    return int(float(text.strip().lower().replace("k", "e3").replace("m", "e6")))


def sizes(text: str) -> list[int]:
    return [size(x) for x in text.split(",")]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=" ".join(__doc__.split("\n\n")[0].split()), epilog="See the module docstring."
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help="sections, comma-separated: " + ", ".join(SECTIONS),
    )
    parser.add_argument("--quick", action="store_true", help="every section at small sizes")
    parser.add_argument("--runs", type=int, help="start-up runs of each command (20; quick 5)")
    parser.add_argument(
        "--data", type=Path, default=DATA, help="folder of evaluate's *.jsonl files"
    )
    parser.add_argument(
        "--pairs", type=int, help="evaluate only the first N pairs of each file (quick 100)"
    )
    parser.add_argument("--claims", type=sizes, help="claims sizes (100,1k,10k; quick 100,1k)")
    parser.add_argument(
        "--sentences", type=sizes, help="sentence sizes (1k,10k,100k; quick 100,1k)"
    )
    parser.add_argument(
        "--max-claims", type=size, default=10**9, help="leave out larger claims files"
    )
    parser.add_argument(
        "--max-sentences", type=size, default=10**9, help="leave out larger rewrites"
    )
    parser.add_argument(
        "--timeout", type=float, help="seconds a scaling cell may take (120; quick 30)"
    )
    parser.add_argument(
        "--cdist-budget",
        type=float,
        help="rapidfuzz seconds before estimating (30; quick 5; 0: none)",
    )
    parser.add_argument(
        "--documents", type=int, help="documents of the jobs section (1000; quick 100)"
    )
    parser.add_argument(
        "--long", type=float, default=3600, help="seconds an evaluate or jobs run may take"
    )
    args = parser.parse_args()
    quick = args.quick
    defaults = {
        "runs": 5 if quick else 20,
        "pairs": 100 if quick else 0,
        "claims": [100, 1000] if quick else [100, 1000, 10000],
        "sentences": [100, 1000] if quick else [1000, 10000, 100000],
        "timeout": 30.0 if quick else 120.0,
        "cdist_budget": 5.0 if quick else 30.0,
        "documents": 100 if quick else 1000,
    }
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section {', '.join(sorted(unknown))} (valid: {', '.join(SECTIONS)})")
    return args


def main() -> None:
    args = arguments()
    run([sys.executable, "-c", "pass"])  # the launcher starts while this process is small
    run_section = {"startup": startup, "evaluate": evaluate, "scaling": scaling, "jobs": jobs}
    print(f"## factcheck speed record{' (quick)' if args.quick else ''}\n")
    print(f"{describe()}; `{' '.join(factcheck_command())}`.\n", flush=True)
    verdicts: list[Verdict] = []
    for name in SECTIONS:
        if name in args.only:
            verdicts += run_section[name](args)
    print("### Targets\n")
    table(
        ["target", "measured", "goal", "verdict"],
        [[v.what, v.measured, v.goal, verdict_text(v.ok)] for v in verdicts],
    )


if __name__ == "__main__":
    main()
