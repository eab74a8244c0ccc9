"""``--format gitlab``: a GitLab Code Quality report (a JSON array, ``[]`` when clean).

Each entry has ``description``, ``check_name`` (the rule id), a ``fingerprint`` unique per
finding (GitLab merges entries that share one), a ``severity`` and ``location.path`` with
``location.lines.begin``. Severities map error → major, warning → minor, info → info.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from . import DEFAULT_VIEW, Run, View
from .json import indented
from .location import Located, located, one_line

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one Code Quality array for the findings of every run."""
    issues = [_issue(entry) for entry in located(runs)]
    out.write(indented(issues))
    out.write("\n")


def _issue(entry: Located) -> dict[str, Any]:
    finding = entry.finding
    claim = f"{finding.claim_id}: " if finding.claim_id else ""
    return {
        "description": f"{finding.rule} {claim}{one_line(entry.text)}",
        "check_name": finding.rule,
        "fingerprint": entry.fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": entry.location.path, "lines": {"begin": entry.location.line}},
    }
