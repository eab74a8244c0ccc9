"""What each rule checks, in one place: ``factcheck rule`` and the SARIF driver read it here.

A drift rule is documented by its check's module (``ID``, ``SEVERITY`` and the docstring);
``omission`` and ``unsupported``, which the comparison itself reports, by the texts below. Each
rule's two examples, one that fires and one that does not, are data (``rules.yaml``); a test
runs every one through ``factcheck.compare``, so the help never shows what the engine does not do.
"""

from __future__ import annotations

import inspect
import os
from dataclasses import dataclass
from functools import cache

import yaml

from . import drift
from .claims import Claim, ClaimSet
from .report import Finding

OMISSION = """omission: a claim of the report that the rewrite does not say.

Why: a rewrite that drops a key claim (the lede, a figure, a quote with its speaker) leaves
readers without what the report most wanted them to know. A key claim's omission is a warning,
any other claim's is info. Located at the claim's line in the claims file."""

UNSUPPORTED = """unsupported: a statement of the rewrite that no claim of the report backs.

Why: a new figure, a new actor or framing of the rewrite's own is presented with the report's
authority. Flagged when the sentence has a figure or name the report does not, or when most of
its content words are not the report's."""

EXAMPLES = os.path.join(os.path.dirname(__file__), "rules.yaml")


@dataclass(frozen=True)
class Rule:
    """A rule factcheck reports: its id, its default severity and its documentation (the first
    paragraph says what it catches, ``rule: what``; the second why it matters)."""

    id: str
    severity: str
    doc: str

    @property
    def summary(self) -> str:
        """What the rule catches, as a sentence: the first paragraph without its ``rule:``."""
        first = " ".join(self.doc.split("\n\n", 1)[0].split()).split(": ", 1)[-1]
        return first[:1].upper() + first[1:]

    @property
    def description(self) -> str:
        """The summary and why it matters (the second paragraph), on one line."""
        paragraphs = [" ".join(p.split()) for p in self.doc.split("\n\n")]
        return " ".join([self.summary, *paragraphs[1:2]])


@dataclass(frozen=True)
class Example:
    """Claims (key claims ``c1``, ``c2``, …), a rewrite, and what ``compare`` reports on it
    (``describe`` of its one finding), or None when it reports nothing."""

    claims: tuple[str, ...]
    rewrite: str
    finding: str | None = None

    def claim_set(self) -> ClaimSet:
        return ClaimSet(tuple(Claim(f"c{n}", t, key=True) for n, t in enumerate(self.claims, 1)))


def rules() -> list[Rule]:
    """Every rule factcheck can report, sorted by id."""
    found = [Rule("omission", "warning", OMISSION), Rule("unsupported", "warning", UNSUPPORTED)]
    for check in drift.CHECKS:
        found.append(Rule(f"{check.ID}-drift", check.SEVERITY, inspect.getdoc(check) or check.ID))
    return sorted(found, key=lambda rule: rule.id)


@cache
def examples() -> dict[str, tuple[Example, Example]]:
    """Rule id → (an example that fires it, one that does not), from ``rules.yaml``."""
    with open(EXAMPLES, encoding="utf-8") as opened:
        raw = yaml.safe_load(opened)
    found = {}
    for rule, entry in raw.items():
        claims = tuple(entry["claims"])
        fires = Example(claims, entry["fires"], entry["finding"])
        found[rule] = (fires, Example(claims, entry["passes"]))
    return found


def describe(finding: Finding) -> str:
    """A finding as an example shows it: ``line:col rule [claim] message`` (an omission has no
    place in the rewrite, so no ``line:col``)."""
    where = f"{finding.line}:{finding.column} " if finding.line is not None else ""
    claim = f" [{finding.claim_id}]" if finding.claim_id else ""
    return f"{where}{finding.rule}{claim} {finding.message}"
