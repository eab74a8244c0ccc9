"""Findings and the per-document report: the values every renderer reads.

Severity policy lives here too, so the CLI's exit status and the renderers agree on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Kind = Literal["omission", "drift", "unsupported"]
Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
KINDS: tuple[Kind, ...] = ("omission", "drift", "unsupported")


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error."""
    return [str(s) for s in SEVERITIES].index(severity)


@dataclass(frozen=True)
class Finding:
    """One thing a rewrite got wrong, located in the derivative (or at the claim, for omissions).

    ``start``/``end`` are character offsets of the changed words in ``sentence`` (the derivative
    sentence), for highlighting; ``claim_line`` is the claim's line in its claims file.
    """

    kind: Kind
    type: str | None
    severity: Severity
    message: str
    claim_id: str | None = None
    claim: str | None = None
    sentence: str | None = None
    line: int | None = None
    column: int | None = None
    expected: str | None = None
    found: str | None = None
    span: tuple[int, int] | None = None
    claim_line: int | None = None

    @property
    def rule(self) -> str:
        """The stable rule id: ``omission``, ``unsupported`` or ``<type>-drift``."""
        return f"{self.type}-drift" if self.kind == "drift" else self.kind

    def sort_key(self) -> tuple[int, int, int, str, str]:
        """Document order; omissions, which have no place in the document, last in claims-file
        order."""
        return (
            self.line if self.line is not None else 1 << 30,
            self.column or self.claim_line or 0,
            KINDS.index(self.kind),
            self.claim_id or "",
            self.type or "",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "type": self.type,
            "severity": self.severity,
            "claim_id": self.claim_id,
            "claim": self.claim,
            "sentence": self.sentence,
            "line": self.line,
            "column": self.column,
            "expected": self.expected,
            "found": self.found,
            "message": self.message,
        }


@dataclass(frozen=True)
class Summary:
    """A document's counts. ``covered`` is what the comparison found the document says, so
    turning a rule off, a suppression or a baseline never changes it; ``omitted``, ``drift``
    and ``unsupported`` count the findings reported."""

    sentences: int
    claims: int
    covered: int
    omitted: int
    drift: int
    unsupported: int
    consistency: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "claims": self.claims,
            "covered": self.covered,
            "omitted": self.omitted,
            "drift": self.drift,
            "unsupported": self.unsupported,
            "consistency": self.consistency,
        }


@dataclass(frozen=True)
class Report:
    """What ``compare`` found in one derivative document."""

    path: str
    summary: Summary
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """One element of the JSON contract's ``documents`` list (see README)."""
        return {
            "path": self.path,
            "summary": self.summary.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }

    def with_findings(self, findings: Iterable[Finding]) -> Report:
        """This report keeping only ``findings`` (a suppression, a baseline or a rule turned
        off dropped the rest), its finding counts recounted. ``covered`` and ``consistency``
        are kept: they describe what the document says, which dropping a finding does not
        change."""
        kept = tuple(findings)
        s = self.summary
        summary = summarize(kept, s.claims, s.covered, s.sentences, s.consistency)
        return replace(self, summary=summary, findings=kept)

    def fails(self, fail_on: str) -> bool:
        """True when a finding reaches the failing severity."""
        return any_fails(self.findings, fail_on)


def summarize(
    findings: Iterable[Finding], claims: int, covered: int, sentences: int, consistency: float
) -> Summary:
    """A document's summary: the finding counts from its findings, the rest as given."""
    kinds = [f.kind for f in findings]
    return Summary(
        sentences=sentences,
        claims=claims,
        covered=covered,
        omitted=kinds.count("omission"),
        drift=kinds.count("drift"),
        unsupported=kinds.count("unsupported"),
        consistency=consistency,
    )


def any_fails(findings: Iterable[Finding], fail_on: str) -> bool:
    threshold = severity_rank(fail_on)
    return any(severity_rank(f.severity) >= threshold for f in findings)
