"""How factcheck does on the repository's own corpus of reports and rewrites (tests/corpus/).

Usage:  python benchmarks/corpus.py [tests/corpus]

Each folder of the corpus holds an original ``report.txt``, a ``faithful.txt`` rewrite that says
nothing the report does not, and a ``drifted.txt`` rewrite with planted changes annotated in
``drifted.yaml`` (type, the changed words as found in the rewrite, what the report says). The
report's claims are extracted as ``factcheck compare REPORT REWRITE`` would; then:

- on the faithful rewrite every drift or unsupported finding is a false alarm (an error-level
  one fails CI);
- on the drifted rewrite a planted change is caught when a drift or unsupported finding covers
  any of its words, and caught *as its type* when that finding's rule is one that says such a
  change (RIGHT: a changed figure is number-drift, a new actor unsupported or entity-drift); a
  finding that covers no planted change is a false alarm too.

The corpus was written before any check was tuned on it, and measures the mechanisms: do not
tune a check to one of its drifted files (issue 10).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

import factcheck
from factcheck.report import Finding
from factcheck.text import offset_of

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"

RIGHT = {  # the rules that say each type of planted change
    "number": {"number-drift"},
    "bound": {"number-drift"},
    "new-figure": {"number-drift", "unsupported"},
    "name": {"entity-drift", "attribution-drift"},
    "noun-swap": {"entity-drift"},
    "negation": {"negation-drift"},
    "antonym": {"negation-drift"},
    "hedge-dropped": {"hedge-drift"},
    "hedge-added": {"hedge-drift"},
    "quote-words": {"quote-drift"},
    "quote-speaker": {"attribution-drift", "quote-drift"},
    "attribution": {"attribution-drift"},
    "framing": {"unsupported"},
    "new-actor": {"unsupported", "entity-drift"},
}


@dataclass(frozen=True)
class Change:
    type: str
    found: str
    expected: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Scored:
    name: str
    faithful_errors: tuple[Finding, ...]
    faithful_warnings: tuple[Finding, ...]
    caught: tuple[tuple[Change, str], ...]  # (change, the rule that caught it)
    missed: tuple[Change, ...]
    stray: tuple[Finding, ...]  # findings on the drifted rewrite that cover no planted change


def changes(folder: Path, drifted: str) -> list[Change]:
    """The annotated changes of ``folder``, located in the drifted text."""
    data = yaml.safe_load((folder / "drifted.yaml").read_text(encoding="utf-8")) or {}
    out = []
    for item in data.get("changes", []):
        found = str(item["found"])
        start = drifted.find(found)
        if start < 0 or drifted.find(found, start + 1) >= 0:
            raise SystemExit(f"{folder.name}: {found!r} is not once in drifted.txt")
        expected = item.get("expected")
        out.append(Change(str(item["type"]), found, expected, start, start + len(found)))
    return out


def span(text: str, finding: Finding) -> tuple[int, int]:
    """The offsets of a finding's words in ``text``."""
    assert finding.line is not None and finding.column is not None and finding.span is not None
    start = offset_of(text, finding.line, finding.column)
    return start, start + finding.span[1] - finding.span[0]


def checked(finding: Finding) -> bool:
    return finding.kind != "omission"


def score(folder: Path) -> Scored:
    report = (folder / "report.txt").read_text(encoding="utf-8")
    claims = factcheck.extract(report, source=str(folder / "report.txt"))
    faithful = factcheck.compare(claims, (folder / "faithful.txt").read_text(encoding="utf-8"))
    false = [f for f in faithful.findings if checked(f)]
    drifted_text = (folder / "drifted.txt").read_text(encoding="utf-8")
    drifted = factcheck.compare(claims, drifted_text)
    planted = changes(folder, drifted_text)
    found = [(f, span(drifted_text, f)) for f in drifted.findings if checked(f)]
    caught, missed = [], []
    for change in planted:
        rules = [f.rule for f, (a, b) in found if a < change.end and change.start < b]
        if rules:
            right = [r for r in rules if r in RIGHT[change.type]]
            caught.append((change, (right or rules)[0]))
        else:
            missed.append(change)
    stray = [f for f, (a, b) in found if not any(a < c.end and c.start < b for c in planted)]
    return Scored(
        folder.name,
        tuple(f for f in false if f.severity == "error"),
        tuple(f for f in false if f.severity != "error"),
        tuple(caught),
        tuple(missed),
        tuple(stray),
    )


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    folders = sorted(p for p in corpus.iterdir() if (p / "drifted.yaml").is_file())
    if not folders:
        raise SystemExit(f"{corpus}: no corpus documents")
    results = [score(folder) for folder in folders]
    print(
        "| document | faithful: false errors | false warnings | drifted: caught | stray findings |"
    )
    print("|---|---|---|---|---|")
    for r in results:
        planted = len(r.caught) + len(r.missed)
        print(
            f"| {r.name} | {len(r.faithful_errors)} | {len(r.faithful_warnings)} "
            f"| {len(r.caught)}/{planted} | {len(r.stray)} |"
        )
    by_type: dict[str, list[tuple[bool, bool]]] = {}  # (caught, as its type) per change
    for r in results:
        for change, rule in r.caught:
            by_type.setdefault(change.type, []).append((True, rule in RIGHT[change.type]))
        for change in r.missed:
            by_type.setdefault(change.type, []).append((False, False))
    print("\n| change | caught | as its type |\n|---|---|---|")
    for kind, hits in sorted(by_type.items()):
        print(
            f"| {kind} | {sum(c for c, _ in hits)}/{len(hits)} | {sum(t for _, t in hits)}/{len(hits)} |"
        )
    every = [h for hits in by_type.values() for h in hits]
    print(
        f"| all | {sum(c for c, _ in every)}/{len(every)} | {sum(t for _, t in every)}/{len(every)} |"
    )
    print("\nFalse alarms (faithful rewrites, then drifted findings that cover no planted change):")
    for r in results:
        for f in (*r.faithful_errors, *r.faithful_warnings):
            print(f"- {r.name}/faithful.txt:{f.line}:{f.column} {f.rule}: {f.message}")
        for f in r.stray:
            print(f"- {r.name}/drifted.txt:{f.line}:{f.column} {f.rule}: {f.message}")
    print("\nMissed:")
    for r in results:
        for change in r.missed:
            print(f"- {r.name}: {change.type}: {change.found!r} (report: {change.expected!r})")


if __name__ == "__main__":
    main()
