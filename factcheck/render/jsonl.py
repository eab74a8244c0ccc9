"""``--format jsonl``: one JSON object per finding, for streaming into other tools.

Each object is a finding of the JSON contract (README, "JSON output") plus ``path``, the
document's path as given on the command line, and ``claims``, the claims file it was checked
against (a run may use several: an omission's claim id is one of that file's).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from ..report import Finding
from . import DEFAULT_VIEW, Run, View


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one line of JSON per finding."""
    for run in runs:
        for report in run.reports:
            for finding in sorted(report.findings, key=Finding.sort_key):
                record = {"path": report.path, "claims": run.claims.path or "-"}
                record |= finding.to_dict()
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
