"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

One ``::error``/``::warning``/``::notice`` line per finding (by severity) with ``file``,
``line``, ``endLine``, ``col``/``endColumn`` (only when the finding is on one line, or the runner
drops the annotation) and a ``title``. Values are escaped as actions/toolkit does: ``%``, CR and
LF in the message, and also ``:`` and ``,`` in properties.

GitHub shows only ten annotations of each kind per step, so the CLI also appends ``summary()``,
a Markdown table of every finding, to ``$GITHUB_STEP_SUMMARY`` when it is set. The renderer
itself never reads the environment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..text import inert
from . import DEFAULT_VIEW, Run, View
from .location import Located, located
from .markdown import markdown

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SUMMARY_LIMIT = 512 * 1024  # bytes; GitHub rejects a step summary over 1 MiB


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one workflow command per finding."""
    for entry in located(runs):
        out.write(command(entry) + "\n")


def summary(runs: Sequence[Run]) -> str:
    """The Markdown for the job summary, well under GitHub's 1 MiB limit."""
    return markdown(runs, limit=SUMMARY_LIMIT)


def command(entry: Located) -> str:
    where, finding = entry.location, entry.finding
    properties = [("file", where.path), ("line", str(where.line))]
    if where.line == where.end_line:  # else the runner silently drops the annotation
        properties.append(("col", str(where.column)))
    properties.append(("endLine", str(where.end_line)))
    if where.line == where.end_line:
        properties.append(("endColumn", str(where.end_column)))  # exclusive, as ruff's
    claim = f" {finding.claim_id}" if finding.claim_id else ""
    properties.append(("title", f"factcheck {finding.rule}{claim}"))
    fields = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {fields}::{escape_data(entry.details)}"


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF percent-encoded (actions/toolkit ``escapeData``),
    other control characters and escape sequences removed (``inert``)."""
    return inert(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A property value: as a message, plus ``:`` and ``,`` (actions/toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
