"""The terminal report (rich): per document a summary line, then each finding.

A finding is a header line (``line:col rule severity claim-id message``) followed by the claim and
the derivative sentence one above the other, the changed words highlighted. Colour follows rich's
own detection (a terminal, NO_COLOR, FORCE_COLOR) unless the caller forces it on or off. Plain
output (piped, or colour off) carries no ANSI codes, so a ``^^^`` line under each highlighted
stretch shows the changed words instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..report import Finding, Report
from ..text import inert
from . import DEFAULT_VIEW, Run, View

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CLAIM_MARK = "bold underline green"
FOUND_MARK = "bold underline red"
INDENT = "    "
Span = tuple[int, int]


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write every report to ``out``; ``view.color`` None lets rich detect, True/False forces it."""
    console = _console(out, view.color)
    plain = console.color_system is None
    for index, report in enumerate(report for run in runs for report in run.reports):
        if index:
            console.print()
        console.print(_summary(report))
        findings = sorted(report.findings, key=Finding.sort_key)
        for header, finding in zip(_headers(findings), findings, strict=True):
            console.print(header)
            for line in _quoted(finding, plain):
                console.print(line)


def _console(out: TextIO, color: bool | None) -> Console:
    return Console(
        file=out,
        force_terminal=True if color else None,
        no_color=False if color else None,
        color_system=None if color is False else "auto",
        # user text may hold [brackets] and :colons:; never read it as markup or emoji
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=True,
    )


def _summary(report: Report) -> Text:
    s = report.summary
    return Text.assemble(
        (inert(report.path), "bold"),
        f": {s.sentences} {'sentence' if s.sentences == 1 else 'sentences'}, "
        f"{s.covered}/{s.claims} claims covered, "
        f"{s.omitted} omitted, {s.drift} drift, {s.unsupported} unsupported, "
        f"consistency {s.consistency:.2f}",
    )


def _headers(findings: Sequence[Finding]) -> list[Text]:
    """One header line per finding, its columns aligned across the document."""
    rows = [
        (_position(f), f.rule, f.severity, inert(f.claim_id or "-"), inert(f.message))
        for f in findings
    ]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    headers = []
    for position, rule, severity, claim_id, message in rows:
        headers.append(
            Text.assemble(
                "  ",
                position.ljust(widths[0] + 2),
                (rule, "bold"),
                " " * (widths[1] - len(rule) + 2),
                (severity, SEVERITY_STYLES.get(severity, "")),
                " " * (widths[2] - len(severity) + 2),
                claim_id.ljust(widths[3] + 2),
                message,
            )
        )
    return headers


def _position(finding: Finding) -> str:
    if finding.line is None:
        return "-"
    return f"{finding.line}:{finding.column}" if finding.column is not None else str(finding.line)


def _quoted(finding: Finding, plain: bool) -> list[Text]:
    """The claim and the derivative sentence, each with its changed words marked."""
    lines: list[Text] = []
    if finding.claim is not None:
        span = _find(finding.expected, finding.claim)
        lines += _marked("claim", finding.claim, span, CLAIM_MARK, plain)
    if finding.sentence is not None:
        span = _valid(finding.span, finding.sentence) or _find(finding.found, finding.sentence)
        lines += _marked("found", finding.sentence, span, FOUND_MARK, plain)
    return lines


def _marked(label: str, text: str, span: Span | None, style: str, plain: bool) -> list[Text]:
    """``label: text`` with ``span`` styled, plus a caret line under it when output is plain."""
    prefix = f"{INDENT}{label}: "
    # one character for one, so offsets into the sentence stay valid
    flat = text.translate({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})
    flat, span = _inert(flat, span)
    flat = flat.rstrip()
    line = Text(prefix + flat)
    if span is None or (span[0] == 0 and span[1] >= len(flat)):
        return [line]  # marking the whole sentence would point at nothing in particular
    start, end = span
    line.stylize(style, len(prefix) + start, len(prefix) + end)
    if not plain:
        return [line]
    pad = cell_len(prefix + flat[:start])
    return [line, Text(" " * pad + "^" * max(1, cell_len(flat[start:end])))]


def _inert(text: str, span: Span | None) -> tuple[str, Span | None]:
    """``inert(text)``, and ``span`` moved to mark the same words in it."""
    if span is None:
        return inert(text), None
    before, words, after = (
        inert(part) for part in (text[: span[0]], text[slice(*span)], text[span[1] :])
    )
    return before + words + after, (len(before), len(before) + len(words))


def _valid(span: Span | None, text: str) -> Span | None:
    if span is None:
        return None
    start, end = span
    return span if 0 <= start < end <= len(text) else None


def _find(words: str | None, text: str) -> Span | None:
    """Where ``words`` occur in ``text`` as whole words, ignoring case; None if they do not."""
    if not words or not words.strip():
        return None
    match = re.search(rf"(?<!\w){re.escape(words.strip())}(?!\w)", text, re.IGNORECASE)
    return match.span() if match else None
