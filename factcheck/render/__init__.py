"""Renderers: one function per output format, chosen by ``--format`` through ``RENDERERS``.

Every renderer is the ``render`` function of a module of this package, with the same
signature, and does no analysis: it writes the reports of every ``Run`` to ``out``
deterministically (findings sorted by ``Finding.sort_key``, no timestamps). A run of
``compare`` may check documents that derive from several claims files: each ``Run`` holds one
claims file and the reports of the documents checked against it, in input order, and every
format describes them all in one output. Only the module of the format in use is imported, so
a machine format starts without rich or the others. The formats are described in the README,
"Output formats". ``View`` holds what the command line asks of the output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..claims import ClaimSet
    from ..report import Report, Summary


@dataclass(frozen=True)
class Run:
    """One claims file and the reports of the documents checked against it; ``texts`` holds
    each report's document as read, in the same order, for the formats that show it (html),
    and is empty when the caller has none."""

    claims: ClaimSet
    reports: Sequence[Report]
    texts: Sequence[str] = ()


@dataclass(frozen=True)
class View:
    """What the command line asks of the output. ``color`` is True/False to force colour on or
    off, None to let the terminal and NO_COLOR decide (machine formats ignore it);
    ``fail_on`` is the severity that fails the run (``--fail-on``), for formats that say
    pass or fail per finding. The text format lists a few omissions per document unless
    ``show_omissions`` (``--show-omissions``), and cuts quoted sentences to ``width``
    columns (None: the terminal's) unless ``verbose`` (``-v``, which shows every omission
    too). ``statistics`` asks for the count of findings per rule instead of the findings."""

    color: bool | None = None
    fail_on: str = "error"
    show_omissions: bool = False
    verbose: bool = False
    statistics: bool = False
    width: int | None = None


DEFAULT_VIEW = View()


class Renderer(Protocol):
    def __call__(self, runs: Sequence[Run], out: TextIO, view: View = ...) -> None: ...


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
    "html": "html",
}


STATISTICS: dict[str, str] = {  # format → the function of .statistics that writes --statistics
    "text": "render_text",
    "json": "render_json",
}


def figures(summary: Summary, brief: bool = False) -> list[str]:
    """A document's summary as every format words it, in one order: ``10 sentences``,
    ``14/46 claims covered``, ``32 omitted``, ``4 drift``, ``1 unsupported``, ``consistency
    0.48``. ``brief`` (the text view) leaves out the sentences, a figure for machines, and the
    omissions, which it lists below."""
    s = summary
    covered = f"{s.covered}/{s.claims} claims covered"
    found = [f"{s.drift} drift", f"{s.unsupported} unsupported", f"consistency {s.consistency:.2f}"]
    if brief:
        return [covered, *found]
    sentences = f"{s.sentences} {'sentence' if s.sentences == 1 else 'sentences'}"
    return [sentences, covered, f"{s.omitted} omitted", *found]


def renderer(name: str, view: View = DEFAULT_VIEW) -> Renderer:
    """The render function of the format ``name``, its module imported now; with
    ``view.statistics``, the one that counts findings per rule in that format, and
    ``InputError`` for a format that has none."""
    if view.statistics:
        if name not in STATISTICS:
            from ..errors import InputError

            valid = " or ".join(STATISTICS)
            raise InputError(f"--statistics works with --format {valid}, not {name}")
        statistics: Renderer = getattr(import_module(".statistics", __name__), STATISTICS[name])
        return statistics
    render: Renderer = import_module(f".{RENDERERS[name]}", __name__).render
    return render
