"""``--format jsonl``: one JSON object per finding, for streaming into other tools.

Each object is a finding of the JSON contract (README, "JSON output") plus ``path``, the
document's path as given on the command line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from ..claims import ClaimSet
from ..report import Finding, Report


def render(
    claims: ClaimSet, reports: Sequence[Report], out: TextIO, *, color: bool | None = None
) -> None:
    """Write one line of JSON per finding; ``color`` is ignored."""
    for report in reports:
        for finding in sorted(report.findings, key=Finding.sort_key):
            record = {"path": report.path, **finding.to_dict()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
