"""The self-test: how far to trust ``compare`` on a claims file.

Every claim is corrupted once for each way it can drift (corrupt.py) and reworded faithfully
(paraphrase.py); each version alone is a derivative for ``compare``. A corruption is *caught*
when the report has a drift finding of its type (``flagged`` counts one of any type); a
paraphrase is *wrongly flagged* when the report has any drift or unsupported finding. Omissions
do not count: a one-sentence derivative omits every other claim.

Pure: a ClaimSet in, a SelfTest out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..claims import ClaimSet
from ..compare import compare
from ..report import Report
from .corrupt import CORRUPTIONS, corruptions
from .edit import Rewrite
from .paraphrase import PARAPHRASES, paraphrases

__all__ = [
    "CORRUPTIONS",
    "PARAPHRASES",
    "Bars",
    "DriftScore",
    "Miss",
    "ParaphraseScore",
    "Rewrite",
    "SelfTest",
    "corruptions",
    "paraphrases",
    "selftest",
]


@dataclass(frozen=True)
class Miss:
    """A corruption compare did not catch, or a paraphrase it flagged: what to study.

    ``found`` lists the drift and unsupported findings as ``rule claim-id: message``."""

    claim_id: str
    kind: str
    change: str
    text: str
    found: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "kind": self.kind,
            "change": self.change,
            "text": self.text,
            "found": list(self.found),
        }


@dataclass(frozen=True)
class DriftScore:
    """One drift type: corruptions made (``applicable``), caught as that type, flagged as any."""

    type: str
    applicable: int
    caught: int
    flagged: int
    misses: tuple[Miss, ...]

    @property
    def rate(self) -> float | None:
        return self.caught / self.applicable if self.applicable else None


@dataclass(frozen=True)
class ParaphraseScore:
    total: int
    flagged: int
    misses: tuple[Miss, ...]

    @property
    def rate(self) -> float | None:
        return self.flagged / self.total if self.total else None


@dataclass(frozen=True)
class Bars:
    """Passing: every drift type caught at ``min_catch`` or more, paraphrases flagged at
    ``max_flag`` or less. A type with nothing to corrupt passes."""

    min_catch: float = 0.95
    max_flag: float = 0.05

    def catches(self, score: DriftScore) -> bool:
        return score.rate is None or score.rate >= self.min_catch

    def keeps_clean(self, score: ParaphraseScore) -> bool:
        return score.rate is None or score.rate <= self.max_flag


@dataclass(frozen=True)
class SelfTest:
    claims: int
    drift: tuple[DriftScore, ...]
    paraphrases: ParaphraseScore

    def passes(self, bars: Bars) -> bool:
        return all(bars.catches(s) for s in self.drift) and bars.keeps_clean(self.paraphrases)


def selftest(claims: ClaimSet) -> SelfTest:
    """Corrupt and paraphrase every claim of ``claims``, compare each version, count."""
    corrupted = corruptions(claims)
    drift = tuple(
        _drift_score(claims, kind, [r for r in corrupted if r.kind == kind]) for kind in CORRUPTIONS
    )
    return SelfTest(len(claims), drift, _paraphrase_score(claims, paraphrases(claims)))


def _drift_score(claims: ClaimSet, kind: str, rewrites: Sequence[Rewrite]) -> DriftScore:
    caught = flagged = 0
    misses = []
    for r in rewrites:
        report = compare(claims, r.text)
        types = {f.type for f in report.findings if f.kind == "drift"}
        caught += kind in types
        flagged += bool(types)
        if kind not in types:
            misses.append(_miss(r, report))
    return DriftScore(kind, len(rewrites), caught, flagged, tuple(misses))


def _paraphrase_score(claims: ClaimSet, rewrites: Sequence[Rewrite]) -> ParaphraseScore:
    misses = []
    for r in rewrites:
        report = compare(claims, r.text)
        if any(f.kind != "omission" for f in report.findings):
            misses.append(_miss(r, report))
    return ParaphraseScore(len(rewrites), len(misses), tuple(misses))


def _miss(rewrite: Rewrite, report: Report) -> Miss:
    found = tuple(
        f"{f.rule} {f.claim_id or '-'}: {f.message}"
        for f in report.findings
        if f.kind != "omission"
    )
    return Miss(rewrite.claim_id, rewrite.kind, rewrite.change, rewrite.text, found)
