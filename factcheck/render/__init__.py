"""Renderers: one function per output format, chosen by ``--format`` through ``RENDERERS``.

Every renderer is the ``render`` function of a module of this package, with the same
signature, and does no analysis: it writes the claims file's reports to ``out``
deterministically (findings sorted by ``Finding.sort_key``, no timestamps). Only the module of
the format in use is imported, so a machine format starts without rich or the others.
The formats are described in the README, "Output formats".
``color`` is True/False to force colour on or off, None to let the terminal and NO_COLOR decide;
machine formats ignore it.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..claims import ClaimSet
    from ..report import Report


class Renderer(Protocol):
    def __call__(
        self,
        claims: ClaimSet,
        reports: Sequence[Report],
        out: TextIO,
        *,
        color: bool | None = None,
    ) -> None: ...


RENDERERS: dict[str, str] = {  # format → the module whose render() writes it
    "text": "text",
    "concise": "concise",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "markdown": "markdown",
}


def renderer(name: str) -> Renderer:
    """The render function of the format ``name``, its module imported now."""
    render: Renderer = import_module(f".{RENDERERS[name]}", __name__).render
    return render
