"""Where each finding is, and a fingerprint for it: what the line-oriented and CI formats share.

A drift or unsupported finding is located at its changed words in the derivative: the start
from ``Finding.line``/``column``, the end from ``span`` in the sentence (or the ``found`` words).
An omission has no place in the derivative, so it is located at the claim's line in the claims
file. Columns are 1-based and count code points; ``end_column`` is exclusive, as in SARIF.

The fingerprint hashes the document, the rule, the claim id, the normalised sentence and the
changed words, never a line number, so an edit elsewhere in a file does not change it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..claims import ClaimSet
from ..report import Finding, Report
from ..text import fold, inert

if TYPE_CHECKING:
    from . import Run

FINGERPRINT_LENGTH = 32  # hex digits of sha256


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: one past the last character


@dataclass(frozen=True)
class Located:
    """A finding of ``document``, checked against the claims file ``claims``, with its
    location and fingerprint."""

    document: str
    claims: str
    finding: Finding
    location: Location
    fingerprint: str

    @property
    def text(self) -> str:
        """The message, naming the document when the location is in the claims file."""
        if self.finding.kind == "omission":
            return f"{self.document}: {self.finding.message}"
        return self.finding.message

    @property
    def details(self) -> str:
        """``text``, then the claim on a line of its own (when the finding has one)."""
        f = self.finding
        claim = f"\nclaim {f.claim_id}: {one_line(f.claim)}" if f.claim_id and f.claim else ""
        return self.text + claim


def located(runs: Sequence[Run]) -> list[Located]:
    """Every finding of every report of every run, documents in order, each sorted by
    ``Finding.sort_key``."""
    return [entry for _, _, entries in by_document(runs) for entry in entries]


def by_document(runs: Sequence[Run]) -> list[tuple[Run, Report, list[Located]]]:
    """Each report of every run, in order, with its findings located as ``located`` gives
    them: paired by report, not by path, so a document named twice (or two documents of one
    name) keeps its own findings once."""
    documents: list[tuple[Run, Report, list[Located]]] = []
    seen: dict[str, int] = {}
    for run in runs:
        claims = run.claims
        for report in run.reports:
            entries = []
            for finding in sorted(report.findings, key=Finding.sort_key):
                key = _fingerprint(report.path, finding)
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > 1:  # the same words twice: keep fingerprints unique, still stable
                    key = _hash(f"{key}\0{seen[key]}")
                where = locate(claims, report, finding)
                entries.append(Located(report.path, claims.path or "-", finding, where, key))
            documents.append((run, report, entries))
    return documents


def locate(claims: ClaimSet, report: Report, finding: Finding) -> Location:
    if finding.kind == "omission":
        line = finding.claim_line or _report_line(claims, finding.claim_id) or 1
        return Location(claims.path or "-", line, 1, line, 2)
    line, column = finding.line or 1, finding.column or 1
    words = _changed_words(finding)
    if not words:
        return Location(report.path, line, column, line, column + 1)
    breaks = words.count("\n")
    if breaks:
        return Location(report.path, line, column, line + breaks, len(words) - words.rfind("\n"))
    return Location(report.path, line, column, line, column + len(words))


def _report_line(claims: ClaimSet, claim_id: str | None) -> int | None:
    """A claim's line in the report it was extracted from, when CLAIMS was a plain report."""
    return next((c.line for c in claims if c.id == claim_id), None)


def _changed_words(finding: Finding) -> str:
    sentence, span = finding.sentence, finding.span
    if sentence is not None and span is not None and 0 <= span[0] < span[1] <= len(sentence):
        return sentence[span[0] : span[1]]
    return (finding.found or "").strip()


def _fingerprint(document: str, finding: Finding) -> str:
    parts = (
        document,
        finding.rule,
        finding.claim_id or "",
        normalize(finding.sentence or ""),
        normalize(finding.expected or ""),
        normalize(finding.found or ""),
    )
    return _hash("\0".join(parts))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def normalize(text: str) -> str:
    """Case, typographic quotes and whitespace folded, so reflowing a sentence keeps its key."""
    return " ".join(fold(text).split())


def one_line(text: str) -> str:
    """``text`` with its line breaks as spaces, for formats that are one line per finding,
    made ``inert``."""
    return " ".join(inert(text).splitlines())
