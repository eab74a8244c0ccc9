"""Every finding factcheck makes on the benchmark data, to show that a change leaves them alone.

Usage:
    python benchmarks/findings.py OUT                  # dump ../shared/data into folder OUT
    python benchmarks/findings.py OUT --compare BEFORE # dump, then compare with an older dump

A speed change must leave the output byte for byte as it was ("one analysis per text", issue 9):
dump before the change, dump after, compare. Each data file becomes OUT/<name>.jsonl, one line a
pair (its id, summary and findings, as ``factcheck evaluate`` judges it), and its SHA-256 is
printed. ``--compare`` prints, per file, "same" or how many pairs differ in each fold, naming only
the pairs of folds 1–4: fold 0 is the check fold, scored, never read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

from factcheck.evaluate import judge_all, load_pairs

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def dump(out: Path, data: Path) -> dict[str, str]:
    """Write each data file's findings under ``out``; the SHA-256 of each, by name."""
    out.mkdir(parents=True, exist_ok=True)
    digests = {}
    for path in sorted(data.glob("*.jsonl")):
        pairs = load_pairs(path.read_text(encoding="utf-8"), str(path))
        lines = [
            json.dumps(
                {
                    "id": j.pair.id,
                    "summary": asdict(j.report.summary),
                    "findings": [asdict(f) for f in j.report.findings],
                },
                ensure_ascii=False,
                sort_keys=True,
            )
            for j in judge_all(pairs)
        ]
        text = "\n".join(lines) + "\n"
        (out / path.name).write_text(text, encoding="utf-8")
        digests[path.name] = hashlib.sha256(text.encode()).hexdigest()
        print(f"{path.name}: {len(pairs)} pairs, sha256 {digests[path.name][:16]}", flush=True)
    return digests


def folds(path: Path) -> dict[str, object]:
    """The fold of each pair of a data file, by id (nothing else of the pair is read)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[str(record.get("id"))] = record.get("fold")
    return found


def compare(out: Path, before: Path, data: Path) -> bool:
    """Print what differs between two dumps; True when nothing does."""
    same = True
    for new in sorted(out.glob("*.jsonl")):
        old = before / new.name
        if not old.is_file():
            print(f"{new.name}: no earlier dump")
            same = False
            continue
        if new.read_bytes() == old.read_bytes():
            print(f"{new.name}: same")
            continue
        same = False
        fold_of = folds(data / new.name)
        differ: dict[object, list[str]] = {}
        earlier, now = old.read_text("utf-8").splitlines(), new.read_text("utf-8").splitlines()
        if len(earlier) != len(now):
            print(f"{new.name}: {len(earlier)} pairs before, {len(now)} now")
            continue
        for a, b in zip(earlier, now, strict=True):
            if a != b:
                pair = str(json.loads(b)["id"])
                differ.setdefault(fold_of.get(pair), []).append(pair)
        for fold, ids in sorted(differ.items(), key=lambda item: str(item[0])):
            named = (
                "" if fold == 0 else ": " + ", ".join(ids[:10]) + (" …" if len(ids) > 10 else "")
            )
            print(f"{new.name}: fold {fold}: {len(ids)} pairs differ{named}")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the dump into")
    parser.add_argument("--compare", type=Path, metavar="BEFORE", help="an earlier dump")
    parser.add_argument("--data", type=Path, default=DATA, help="the labelled pairs (*.jsonl)")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no benchmark data here")
    dump(args.out, args.data)
    if args.compare is not None and not compare(args.out, args.compare, args.data):
        sys.exit(1)


if __name__ == "__main__":
    main()
