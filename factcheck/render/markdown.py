"""``--format markdown``: a pull-request comment, and the GitHub job summary.

A heading, then per document its summary line and a table of its findings (where, rule,
severity, claim id, message). Text from the documents is escaped, so a ``|`` or a ``*`` in a
sentence cannot break the table or start emphasis. ``markdown(..., limit=n)`` stops adding rows
before the text reaches ``n`` bytes of UTF-8 and says how many findings it left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from ..report import Report
from . import DEFAULT_VIEW, Run, View, figures
from .location import Located, by_document, one_line

HEADER = "| where | rule | severity | claim | message |\n|---|---|---|---|---|\n"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#@&])")


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write the Markdown."""
    out.write(markdown(runs))


def markdown(runs: Sequence[Run], limit: int | None = None) -> str:
    """Every report as Markdown, cut to at most ``limit`` bytes (and a note) when given."""
    parts = ["## factcheck\n"]
    size, left_out = len(parts[0]), 0
    for _, report, entries in by_document(runs):
        rows = [_row(e) for e in entries]
        block = f"\n{_summary(report)}\n\n" + (HEADER if rows else "No findings.\n")
        parts.append(block)
        size += len(block.encode("utf-8"))
        for row in rows:
            size += len(row.encode("utf-8"))
            if limit is not None and size > limit:
                left_out += 1
                continue
            parts.append(row)
    if left_out:
        parts.append(f"\n_{left_out} more findings not shown; see the json or sarif output._\n")
    return "".join(parts)


def _summary(report: Report) -> str:
    return f"**{escape(report.path)}**: " + ", ".join(figures(report.summary))


def _row(entry: Located) -> str:
    f, where = entry.finding, entry.location
    place = f"{where.line}:{where.column}"
    if f.kind == "omission":
        place = f"{where.path}:{where.line}"
    cells = (place, f.rule, f.severity, f.claim_id or "", f.message)
    return "| " + " | ".join(escape(cell) for cell in cells) + " |\n"


def escape(text: str) -> str:
    """``text`` on one line, with Markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", one_line(text))
