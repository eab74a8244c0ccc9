"""The ``--format json`` contract (version 2), documented in the README.

``{"version": 2, "claims": [{"path", "count"}, ...], "documents": [{**Report.to_dict(),
"claims": path}, ...]}``: every claims file of the run, and each document with the claims file
it was checked against. Fields may be added in later versions; the ones here never change
meaning. (Version 1 had one claims object, so a run could hold one claims file.)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..report import Finding, Report
from . import DEFAULT_VIEW, Run, View

VERSION = 2


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one JSON document for the reports of every run."""
    doc = {
        "version": VERSION,
        "claims": [{"path": _path(run), "count": len(run.claims)} for run in runs],
        "documents": [_document(report, _path(run)) for run in runs for report in run.reports],
    }
    out.write(indented(doc))
    out.write("\n")


def _path(run: Run) -> str:
    return run.claims.path or "-"


def _document(report: Report, claims: str) -> dict[str, Any]:
    doc = {"path": report.path, "claims": claims, **report.to_dict()}
    doc["findings"] = [f.to_dict() for f in sorted(report.findings, key=Finding.sort_key)]
    return doc


def indented(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, built with the C string encoder:
    the standard library indents in pure Python, a generator step for each token, which made
    the output of a thousand documents cost a fifth of their checking."""
    return _indented(value, "\n")


def _indented(value: Any, newline: str) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{_key(k)}: {_indented(v, inner)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_indented(v, inner) for v in value) + newline + "]"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """A mapping key as JSON writes it: strings as they are, numbers and constants as text."""
    if isinstance(key, str):
        return _string(key)
    if isinstance(key, float):
        return _string(_float(key))
    return _string(json.dumps(key))


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_string = json.encoder.encode_basestring  # the C encoder where there is one, as json's
