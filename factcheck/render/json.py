"""The ``--format json`` contract (version 1), documented in the README.

``{"version": 1, "claims": {"path", "count"}, "documents": [Report.to_dict(), ...]}``. Fields
may be added in later versions; the ones here never change meaning.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..claims import ClaimSet
from ..report import Finding, Report

VERSION = 1


def render(
    claims: ClaimSet, reports: Sequence[Report], out: TextIO, *, color: bool | None = None
) -> None:
    """Write one JSON document for all ``reports``; ``color`` is ignored (machine output)."""
    doc = {
        "version": VERSION,
        "claims": {"path": claims.path or "-", "count": len(claims)},
        "documents": [_document(report) for report in reports],
    }
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _document(report: Report) -> dict[str, Any]:
    doc = report.to_dict()
    doc["findings"] = [f.to_dict() for f in sorted(report.findings, key=Finding.sort_key)]
    return doc
