"""Renderers: one function per output format, chosen from ``RENDERERS`` by ``--format``.

Every renderer has the same signature and does no analysis: it writes the claims file's
reports to ``out`` deterministically (findings sorted by ``Finding.sort_key``, no timestamps).
The formats are described in the README, "Output formats".
``color`` is True/False to force colour on or off, None to let the terminal and NO_COLOR decide;
machine formats ignore it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TextIO

from ..claims import ClaimSet
from ..report import Report
from . import concise, github, gitlab, jsonl, junit, markdown, sarif
from .json import render as render_json


class Renderer(Protocol):
    def __call__(
        self,
        claims: ClaimSet,
        reports: Sequence[Report],
        out: TextIO,
        *,
        color: bool | None = None,
    ) -> None: ...


def render_text(
    claims: ClaimSet, reports: Sequence[Report], out: TextIO, *, color: bool | None = None
) -> None:
    """The terminal report. rich is imported here, so machine formats start without it."""
    from .text import render

    render(claims, reports, out, color=color)


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "concise": concise.render,
    "json": render_json,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "junit": junit.render,
    "markdown": markdown.render,
}
