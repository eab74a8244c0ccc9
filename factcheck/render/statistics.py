"""``--statistics``: how many findings each rule made, instead of the findings (as ruff's).

One row per rule and severity (a rule whose findings were given two severities, as omissions
of key and other claims are, has a row for each), the most frequent first, then by rule id and
from error down: in text ``count  rule  severity`` a line, in JSON an array of
``{"rule", "severity", "count"}``. The text format's closing total reads the same counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from ..report import severity_rank
from . import DEFAULT_VIEW, Run, View
from .json import indented


def counts(runs: Sequence[Run]) -> list[tuple[int, str, str]]:
    """(count, rule, severity) of every rule and severity found, in the order shown."""
    found = Counter(
        (f.rule, f.severity) for run in runs for report in run.reports for f in report.findings
    )
    rows = [(n, rule, severity) for (rule, severity), n in found.items()]
    return sorted(rows, key=lambda row: (-row[0], row[1], -severity_rank(row[2])))


def render_text(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """One line per rule and severity: the count (right-aligned), the rule id, the severity."""
    rows = counts(runs)
    number = max((len(str(n)) for n, _, _ in rows), default=0)
    rule = max((len(r) for _, r, _ in rows), default=0)
    for n, r, severity in rows:
        out.write(f"{n:>{number}}  {r:<{rule}}  {severity}\n")


def render_json(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """A JSON array of ``{"rule", "severity", "count"}``, ``[]`` when nothing was found."""
    rows = [{"rule": r, "severity": s, "count": n} for n, r, s in counts(runs)]
    out.write(indented(rows) + "\n")
