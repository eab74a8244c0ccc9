"""``--format concise``: one line per finding,
``path:line:col: severity: rule [claim-id] message``.

The shape of a compiler's diagnostics (``file:line:col: error: message``), which editors,
reviewdog's errorformat (``%f:%l:%c: %t%*[a-z]: %m``) and problem matchers parse. An omission
is located at the claim's line in the claims file and its message starts with the document that
omits it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from . import DEFAULT_VIEW, Run, View
from .location import Located, located, one_line


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one line per finding."""
    for entry in located(runs):
        out.write(line(entry) + "\n")


def line(entry: Located) -> str:
    where = entry.location
    claim = f" [{entry.finding.claim_id}]" if entry.finding.claim_id else ""
    return (
        f"{one_line(where.path)}:{where.line}:{where.column}: {entry.finding.severity}: "
        f"{entry.finding.rule}{claim} {one_line(entry.text)}"
    )
