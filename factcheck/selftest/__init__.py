"""The self-test: how far to trust ``compare`` on a claims file.

Every claim is corrupted in two sets of ways and reworded faithfully (paraphrase.py); each
version alone is a derivative for ``compare``.

- *lexicon-built* corruptions (corrupt.py), one per drift type, draw their words from the
  checks' own lexicons: a check catches them nearly by construction, so they guard against
  regressions but measure little;
- *independent* corruptions (independent.py) are found and written without the checks' word
  lists or analysis, from the report itself and the self-test's own data: what compare catches
  of them measures the checks.

A corruption is *caught* when the report has a finding of the type it should have (a drift
type; for a kind no drift type is made for, any drift or unsupported finding); ``flagged``
counts a finding of any type. A paraphrase is *wrongly flagged* when the report has any drift
or unsupported finding. Omissions do not count: a one-sentence derivative omits every other
claim.

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
from .independent import INDEPENDENT, independent_corruptions
from .paraphrase import PARAPHRASES, paraphrases

__all__ = [
    "CORRUPTIONS",
    "INDEPENDENT",
    "PARAPHRASES",
    "Bars",
    "DriftScore",
    "Miss",
    "ParaphraseScore",
    "Rewrite",
    "SelfTest",
    "corruptions",
    "independent_corruptions",
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
    """One kind of corruption (a drift type, or an ``independent`` kind): corruptions made
    (``applicable``), caught as the type they should be, flagged as any."""

    type: str
    applicable: int
    caught: int
    flagged: int
    misses: tuple[Miss, ...]
    independent: bool = False
    caught_as: frozenset[str] = frozenset()  # the finding types that catch it; empty: any

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
    """Passing: every lexicon-built kind caught at ``min_catch`` or more, every independent
    kind at ``min_independent`` or more, paraphrases flagged at ``max_flag`` or less. A kind
    with nothing to corrupt passes."""

    min_catch: float = 0.95
    max_flag: float = 0.05
    min_independent: float = 0.90

    def bar(self, score: DriftScore) -> float:
        return self.min_independent if score.independent else self.min_catch

    def catches(self, score: DriftScore) -> bool:
        return score.rate is None or score.rate >= self.bar(score)

    def keeps_clean(self, score: ParaphraseScore) -> bool:
        return score.rate is None or score.rate <= self.max_flag


@dataclass(frozen=True)
class SelfTest:
    claims: int
    drift: tuple[DriftScore, ...]
    independent: tuple[DriftScore, ...]
    paraphrases: ParaphraseScore

    def passes(self, bars: Bars) -> bool:
        scores = (*self.drift, *self.independent)
        return all(bars.catches(s) for s in scores) and bars.keeps_clean(self.paraphrases)


def selftest(claims: ClaimSet) -> SelfTest:
    """Corrupt and paraphrase every claim of ``claims``, compare each version, count."""
    built, made = corruptions(claims), independent_corruptions(claims)
    drift = tuple(
        _score(claims, kind, frozenset({kind}), [r for r in built if r.kind == kind])
        for kind in CORRUPTIONS
    )
    independent = tuple(
        _score(claims, kind, k.caught_as, [r for r in made if r.kind == kind], independent=True)
        for kind, k in INDEPENDENT.items()
    )
    return SelfTest(len(claims), drift, independent, _paraphrase_score(claims, paraphrases(claims)))


def _score(
    claims: ClaimSet,
    kind: str,
    caught_as: frozenset[str],
    rewrites: Sequence[Rewrite],
    independent: bool = False,
) -> DriftScore:
    """Caught: a finding of a type in ``caught_as`` (empty: of any type)."""
    caught = flagged = 0
    misses = []
    for r in rewrites:
        report = compare(claims, r.text)
        types = _types(report)
        hit = bool(types & caught_as if caught_as else types)
        caught += hit
        flagged += bool(types)
        if not hit:
            misses.append(_miss(r, report))
    return DriftScore(kind, len(rewrites), caught, flagged, tuple(misses), independent, caught_as)


def _types(report: Report) -> set[str]:
    """The drift types a report found, and "unsupported" where it found a sentence new."""
    found = (f for f in report.findings if f.kind != "omission")
    return {(f.type or f.kind) if f.kind == "drift" else f.kind for f in found}


def _paraphrase_score(claims: ClaimSet, rewrites: Sequence[Rewrite]) -> ParaphraseScore:
    misses = []
    for r in rewrites:
        report = compare(claims, r.text)
        if _types(report):
            misses.append(_miss(r, report))
    return ParaphraseScore(len(rewrites), len(misses), tuple(misses))


def _miss(rewrite: Rewrite, report: Report) -> Miss:
    found = tuple(
        f"{f.rule} {f.claim_id or '-'}: {f.message}"
        for f in report.findings
        if f.kind != "omission"
    )
    return Miss(rewrite.claim_id, rewrite.kind, rewrite.change, rewrite.text, found)
