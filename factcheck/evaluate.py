"""Measure judgment on human-labelled pairs: each pair's source becomes claims (extracted in
memory), its derivative is compared with them, and the verdict is set against the label.

A pair is judged *inconsistent* when its report has a drift or unsupported finding (omissions
are not faithfulness errors). Pure: JSON-lines text in, Judgments and Metrics out.

The record format (one JSON object a line) is the one of ``../shared/data/README.md``::

    {"id": "...", "source": "...", "derivative": "...", "label": "consistent" | "inconsistent",
     "dataset": "...", "error_types": [...] | null, "meta": {"domain": "..."}}

Only ``source``, ``derivative`` and ``label`` are required.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .claims import ClaimSet
from .compare import compare
from .errors import InputError, decoding, require_unicode
from .extract import extract
from .report import Report

if TYPE_CHECKING:
    from distributed import Client

LABELS = ("consistent", "inconsistent")


@dataclass(frozen=True)
class LabelledPair:
    id: str
    source: str
    derivative: str
    inconsistent: bool
    dataset: str = ""
    domain: str = ""
    error_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Judgment:
    pair: LabelledPair
    report: Report

    @property
    def flagged(self) -> bool:
        return any(f.kind != "omission" for f in self.report.findings)

    @property
    def correct(self) -> bool:
        return self.flagged == self.pair.inconsistent


@dataclass(frozen=True)
class Scores:
    """Confusion counts with "inconsistent" as the positive class, and what follows from them."""

    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    @property
    def pairs(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def balanced_accuracy(self) -> float:
        recalls = [
            r
            for r in (_ratio(self.tp, self.tp + self.fn), _ratio(self.tn, self.tn + self.fp))
            if r is not None
        ]
        return sum(recalls) / len(recalls) if recalls else 0.0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp) or 0.0

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn) or 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "balanced_accuracy": round(self.balanced_accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "confusion": {"tp": self.tp, "fp": self.fp, "tn": self.tn, "fn": self.fn},
        }


@dataclass(frozen=True)
class Metrics:
    overall: Scores
    by_dataset: dict[str, Scores] = field(default_factory=dict)
    by_domain: dict[str, Scores] = field(default_factory=dict)
    recall_by_error_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # caught, total
    precision_by_rule: dict[str, tuple[int, int]] = field(default_factory=dict)  # right, fired
    best_threshold: float = 1.0
    best_threshold_balanced_accuracy: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_dataset": {k: v.to_dict() for k, v in sorted(self.by_dataset.items())},
            "by_domain": {k: v.to_dict() for k, v in sorted(self.by_domain.items())},
            "recall_by_error_type": {
                k: {"caught": c, "total": t, "recall": round(c / t, 4)}
                for k, (c, t) in sorted(self.recall_by_error_type.items())
            },
            "precision_by_rule": {
                k: {"right": r, "fired": n, "precision": round(r / n, 4)}
                for k, (r, n) in sorted(self.precision_by_rule.items())
            },
            "consistency_threshold": {
                "value": self.best_threshold,
                "balanced_accuracy": round(self.best_threshold_balanced_accuracy, 4),
            },
        }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def load_pairs(text: str, path: str) -> list[LabelledPair]:
    """Parse labelled pairs; an unreadable record is an InputError naming ``path:line``."""
    pairs = []
    # only a line feed ends a record: JSON strings may hold U+2028 and other line separators
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        with decoding(f"{path}:{n}", "the record"):  # nesting too deep to check, say
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not a JSON object: {exc.msg}") from None
            pairs.append(_pair(record, path, n))
    if not pairs:
        raise InputError(f"{path}: no labelled pairs")
    return pairs


def _pair(record: Any, path: str, n: int) -> LabelledPair:
    if not isinstance(record, dict):
        raise InputError(f"{path}:{n}: each line must be a JSON object")
    require_unicode(json.dumps(record, ensure_ascii=False), f"{path}:{n}")  # "\\ud800" escapes
    for name in ("source", "derivative", "label"):
        if not isinstance(record.get(name), str) or not record[name].strip():
            raise InputError(f"{path}:{n}: record has no '{name}' text")
    if record["label"] not in LABELS:
        raise InputError(
            f"{path}:{n}: label must be 'consistent' or 'inconsistent', not {record['label']!r}"
        )
    error_types = record.get("error_types") or []
    if not isinstance(error_types, list) or not all(isinstance(e, str) for e in error_types):
        raise InputError(f"{path}:{n}: 'error_types' must be a list of strings")
    meta: dict[str, Any] = record["meta"] if isinstance(record.get("meta"), dict) else {}
    return LabelledPair(
        id=str(record.get("id", f"{path}:{n}")),
        source=record["source"],
        derivative=record["derivative"],
        inconsistent=record["label"] == "inconsistent",
        dataset=str(record.get("dataset") or ""),
        domain=str(meta.get("domain") or ""),
        error_types=tuple(error_types),
    )


def judge(pair: LabelledPair) -> Judgment:
    """Run the same engine as ``compare``, with the source's claims extracted in memory."""
    return next(judge_all([pair]))


def judge_all(pairs: Iterable[LabelledPair], client: Client | None = None) -> Iterator[Judgment]:
    """``judge`` each pair in turn, each distinct source extracted once: its claims, and their
    analysis, serve every derivative of it, as a claims file serves every rewrite. With a Dask
    ``client`` the pairs are judged on its cluster a chunk at a time (a source extracted once
    a chunk), the judgments yielded in the same order."""
    if client is None:
        claims: dict[str, ClaimSet] = {}
        for pair in pairs:
            if pair.source not in claims:
                claims[pair.source] = extract(pair.source)
            yield Judgment(pair, compare(claims[pair.source], pair.derivative, pair.id))
        return
    from .cluster import map_ordered

    listed = list(pairs)
    for pair, report in zip(listed, map_ordered(client, _judge_chunk, None, listed), strict=True):
        yield Judgment(pair, report)


def _judge_chunk(_: None, pairs: list[LabelledPair]) -> list[Report]:
    """The report of each pair, judged on a worker."""
    return [judgment.report for judgment in judge_all(pairs)]


def metrics(judgments: Sequence[Judgment]) -> Metrics:
    by_dataset: dict[str, list[Judgment]] = {}
    by_domain: dict[str, list[Judgment]] = {}
    errors: dict[str, list[bool]] = {}
    rules: dict[str, list[bool]] = {}
    for j in judgments:
        by_dataset.setdefault(j.pair.dataset or "-", []).append(j)
        by_domain.setdefault(
            f"{j.pair.dataset}/{j.pair.domain}" if j.pair.domain else j.pair.dataset or "-", []
        ).append(j)
        if j.pair.inconsistent:
            for kind in j.pair.error_types:
                errors.setdefault(kind, []).append(j.flagged)
        for rule in {f.rule for f in j.report.findings if f.kind != "omission"}:
            rules.setdefault(rule, []).append(j.pair.inconsistent)
    threshold, best = best_threshold(judgments)
    return Metrics(
        overall=scores(judgments),
        by_dataset={k: scores(v) for k, v in by_dataset.items()},
        by_domain={k: scores(v) for k, v in by_domain.items()},
        recall_by_error_type={k: (sum(v), len(v)) for k, v in errors.items()},
        precision_by_rule={k: (sum(v), len(v)) for k, v in rules.items()},
        best_threshold=threshold,
        best_threshold_balanced_accuracy=best,
    )


def scores(judgments: Iterable[Judgment], predict: Any = None) -> Scores:
    tp = fp = tn = fn = 0
    for j in judgments:
        flagged = j.flagged if predict is None else predict(j)
        if j.pair.inconsistent:
            tp, fn = (tp + 1, fn) if flagged else (tp, fn + 1)
        else:
            fp, tn = (fp + 1, tn) if flagged else (fp, tn + 1)
    return Scores(tp, fp, tn, fn)


def best_threshold(judgments: Sequence[Judgment]) -> tuple[float, float]:
    """The ``consistency`` cut-off (flag below it) that maximises balanced accuracy."""
    candidates = sorted({j.report.summary.consistency for j in judgments} | {1.0})
    best = (1.0, 0.0)
    for i, value in enumerate(candidates):
        cut = (value + candidates[i + 1]) / 2 if i + 1 < len(candidates) else 1.0001
        ba = scores(judgments, lambda j, c=cut: j.report.summary.consistency < c).balanced_accuracy
        if ba > best[1]:
            best = (round(cut, 4), ba)
    return best
