"""Time of `factcheck compare` on adversarial inputs beside ordinary prose of the same size.

Usage:  python benchmarks/adversarial.py [--sizes 10k,100k,1m] [--families a,g,prose] [--timeout S]

Each family is one generated input built to find super-linear parsing or checking: a run of
sentence stops, markup left open, a suppression comment left open, one endless sentence,
quotation marks left open. Each is checked against the repo's claims.yaml by the installed
command, as a subprocess, so reading and preparing the input is timed with the rest; ordinary
prose of the same sizes is always timed too. A run that takes longer than ``--timeout`` seconds
is stopped and shown as ">S"; larger sizes of that family are then skipped ("–"). Growth is the
largest size's time over the next size's (10× the input: about 10 for linear time); "≤ prose"
says whether the family's time at the largest size is at most ordinary prose's. Exits 0.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from factcheck import lexicon

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = ROOT / ".venv" / "bin" / "factcheck"
CLAIMS = ROOT / "claims.yaml"
EXAMPLE = ROOT / "examples" / "ai-alliance-rewrite.txt"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def example_sentences() -> list[str]:
    """The sentences of the example rewrite (its heading left out)."""
    body = EXAMPLE.read_text(encoding="utf-8").split("\n\n", 1)[1]
    return re.split(r"(?<=[.!?\"])\s+(?=[A-Z])", body.replace("\n", " ").strip())


def prose(size: int, after: str = "") -> str:
    """Ordinary prose: the example's sentences in a shuffled order, four to a paragraph, with
    the figures varied so that paragraphs differ; ``after`` follows each sentence."""
    rng = random.Random(8)
    sentences = example_sentences()
    paragraphs: list[str] = []
    length = 0
    while length < size:
        picked = [
            re.sub(r"\d+", lambda _: str(rng.randint(2, 99)), s) for s in rng.sample(sentences, 4)
        ]
        paragraph = " ".join(s + after for s in picked)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def clauses() -> list[str]:
    """The claims' and the example's sentences without sentence stops: the parts of one
    sentence that never ends, with the cues, figures, names and quotes the checks look at."""
    claims = yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))["claims"]
    texts = [re.sub(r"[.!?]", "", t) for t in [c["text"] for c in claims] + example_sentences()]
    return [mid_sentence(t) for t in texts]


def mid_sentence(clause: str) -> str:
    """``clause`` as written inside a sentence: "The", "It"… in lower case (a capitalised one
    after a word starts a new sentence, lexicon/run_on_openers.txt); names keep their case."""
    first, _, rest = clause.partition(" ")
    if first.lower() in lexicon.words("run_on_openers"):
        return f"{first.lower()} {rest}"
    return clause


def repeat(unit: str, size: int, head: str = "") -> str:
    """``head`` then ``unit`` repeated up to ``size`` characters."""
    return head + unit * ((size - len(head)) // len(unit) + 1)


def stops(size: int) -> str:
    return repeat(".", size, "word")


def stops_mixed(size: int) -> str:
    return repeat("?!", size, "word") + "."


def html_attribute(size: int) -> str:
    return "<html><body><p>Meta and IBM team up.</p><a b='" + prose(size)


def md_emphasis(size: int) -> str:
    return repeat("*a ", size)


def md_comment(size: int) -> str:
    """A comment block opened at the top and never closed: no reader sees the rest."""
    return "# Meta and IBM\n\n<!--" + prose(size)


def md_comment_inline(size: int) -> str:
    """Prose with a comment opened, never closed, after every sentence: all of it is text."""
    return prose(size, " <!--")


def directive_open(size: int) -> str:
    return repeat("<!-- factcheck: ", size)


def directives(size: int) -> str:
    """Ordinary prose with a valid suppression comment after every sentence."""
    return prose(size, " <!-- factcheck: ignore c001 -->")


def long_sentence(size: int) -> str:
    """One sentence: the claims' and the example's clauses in a shuffled order, joined by
    commas and "and", never a stop."""
    rng = random.Random(7)
    parts = clauses()
    joined: list[str] = []
    length = 0
    while length < size:
        part = rng.choice(parts)
        joined.append(f"{part} and " if len(joined) % 3 == 2 else f"{part}, ")
        length += len(joined[-1])
    return "".join(joined)[:size]


def quotes_open(size: int) -> str:
    return repeat("“Meta ", size)


Family = tuple[str, str, str, Callable[[int], str]]  # letter, name, file suffix, generator
FAMILIES: tuple[Family, ...] = (
    ("a", "stops", ".txt", stops),
    ("a", "stops-mixed", ".txt", stops_mixed),
    ("b", "html-attribute", ".html", html_attribute),
    ("c", "md-emphasis", ".md", md_emphasis),
    ("d", "md-comment", ".md", md_comment),
    ("d", "md-comment-inline", ".md", md_comment_inline),
    ("e", "directive-open", ".txt", directive_open),
    ("f", "directives", ".md", directives),
    ("g", "long-sentence", ".txt", long_sentence),
    ("h", "quotes-open", ".txt", quotes_open),
    ("prose", "prose", ".txt", prose),
)


Outcome = float | str  # seconds, or what happened instead: ">120" (timeout), "exit 3", "–"


def run(path: Path, timeout: float) -> Outcome:
    """Seconds `factcheck compare` takes on ``path``; ">S" past ``timeout`` seconds, "exit N"
    when it fails (status 2 or 3: it should report findings, status 0 or 1)."""
    command = [str(FACTCHECK), "compare", str(CLAIMS), str(path), "--format", "json"]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return f">{timeout:.0f}"
    if done.returncode not in (0, 1):
        return f"exit {done.returncode}"
    return time.perf_counter() - start


def time_family(family: Family, sizes: list[str], timeout: float, folder: Path) -> list[Outcome]:
    """The outcome at each size; after a timeout or a failure, larger sizes are skipped."""
    _, name, suffix, generate = family
    outcomes: list[Outcome] = []
    for size in sizes:
        if outcomes and isinstance(outcomes[-1], str):
            outcomes.append("–")
            continue
        path = folder / f"{name}-{size}{suffix}"
        path.write_text(generate(SIZES[size]), encoding="utf-8")
        outcomes.append(run(path, timeout))
    return outcomes


def cell(outcome: Outcome) -> str:
    return outcome if isinstance(outcome, str) else f"{outcome:.2f}"


def growth(outcomes: list[Outcome]) -> str:
    """The largest size's time over the next size's."""
    if len(outcomes) < 2 or isinstance(outcomes[-2], str):
        return "–"
    if isinstance(outcomes[-1], str):
        return outcomes[-1]
    return f"{outcomes[-1] / outcomes[-2]:.1f}"


def within(outcome: Outcome, prose: Outcome) -> str:
    """Whether a time is at most prose's ("–" when prose has none)."""
    if isinstance(prose, str):
        return "–"
    return "yes" if not isinstance(outcome, str) and outcome <= prose else "no"


def table(rows: list[tuple[Family, list[Outcome]]], sizes: list[str]) -> str:
    prose = next((outcomes[-1] for f, outcomes in rows if f[1] == "prose"), "–")
    lines = [
        f"| family | {' | '.join(f'{s} (s)' for s in sizes)} | growth | ≤ prose |",
        "|---|" + "---|" * (len(sizes) + 2),
    ]
    for (letter, name, _, _), outcomes in rows:
        cells = " | ".join(cell(o) for o in outcomes)
        label = name if letter == name else f"({letter}) {name}"
        lines.append(f"| {label} | {cells} | {growth(outcomes)} | {within(outcomes[-1], prose)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m", help="of 10k, 100k, 1m")
    parser.add_argument("--families", default="", help="letters or names; default all")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    args = parser.parse_args()
    sizes = [s for s in args.sizes.lower().split(",") if s in SIZES]
    chosen = set(args.families.split(",")) if args.families else set()
    families = [f for f in FAMILIES if not chosen or {f[0], f[1]} & (chosen | {"prose"})]
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(f, time_family(f, sizes, args.timeout, Path(tmp))) for f in families]
    print(f"factcheck compare {CLAIMS.name} FILE --format json; timeout {args.timeout:.0f} s")
    print(table(rows, sizes))


if __name__ == "__main__":
    main()
