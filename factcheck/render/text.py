"""The terminal report (rich): per document a summary line, its findings, then a closing total.

A drift or unsupported finding is a header line (``line:col rule severity message``) followed by
the claim (labelled with its id) and the derivative sentence one above the other, the changed
words highlighted, each cut to the width of the terminal around them (whole with ``verbose``). Omissions follow as a compact
list, one line each (``omission severity claim-id claim``), key claims first, at most
``OMISSIONS_SHOWN`` of them unless the view asks for all. After every document, one total:
findings by severity, then by rule.

Colour follows rich's own detection (a terminal, NO_COLOR, FORCE_COLOR) unless the caller forces
it on or off. Plain output (piped, or colour off) carries no ANSI codes, so a ``^^^`` line under
each highlighted stretch shows the changed words instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..claims import ClaimSet
from ..report import SEVERITIES, Finding, Report, severity_rank
from ..text import inert
from . import DEFAULT_VIEW, Run, View, figures
from .statistics import counts

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CLAIM_MARK = "bold underline green"
FOUND_MARK = "bold underline red"
INDENT = "    "
OMISSIONS_SHOWN = 10  # omission lines per document, unless every one is asked for
LEAST_ROOM = 20  # columns a quoted sentence keeps, however narrow the terminal
ELLIPSIS = "…"
Span = tuple[int, int]


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write every report, then the total, to ``out``; ``view.color`` None lets rich detect,
    True/False forces it. No document (a pre-commit run whose files were all skipped): nothing."""
    if not any(run.reports for run in runs):
        return
    console = _console(out, view.color, view.width)
    plain = console.color_system is None
    width = None if view.verbose else console.width
    shown = None if view.show_omissions or view.verbose else OMISSIONS_SHOWN
    for index, (run, report) in enumerate((each, r) for each in runs for r in each.reports):
        if index:
            console.print()
        console.print(_summary(report))
        findings = sorted(report.findings, key=Finding.sort_key)
        stated = [f for f in findings if f.kind != "omission"]
        for header, finding in zip(_headers(stated), stated, strict=True):
            console.print(header)
            for line in _quoted(finding, plain, width):
                console.print(line)
        omitted = [f for f in findings if f.kind == "omission"]
        for line in _omissions(run.claims, omitted, shown, width):
            console.print(line)
    console.print()
    console.print(*_total(runs), sep="\n")


def _console(out: TextIO, color: bool | None, width: int | None) -> Console:
    return Console(
        file=out,
        width=width,
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
    """``path: covered/claims claims covered, N drift, N unsupported, consistency x``: the
    omissions follow, listed; the sentence count is in the machine formats."""
    return Text.assemble(
        (inert(report.path), "bold"), ": " + ", ".join(figures(report.summary, brief=True))
    )


def _headers(findings: Sequence[Finding]) -> list[Text]:
    """One header line per finding, ``line:col rule severity message``, its columns aligned
    across the document (the claim id heads the claim's own line)."""
    rows = [(_position(f), f.rule, f.severity, inert(f.message)) for f in findings]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    headers = []
    for position, rule, severity, message in rows:
        headers.append(
            Text.assemble(
                "  ",
                position.ljust(widths[0] + 2),
                (rule, "bold"),
                " " * (widths[1] - len(rule) + 2),
                (severity, SEVERITY_STYLES.get(severity, "")),
                " " * (widths[2] - len(severity) + 2),
                message,
            )
        )
    return headers


def _omissions(
    claims: ClaimSet, omitted: Sequence[Finding], shown: int | None, width: int | None
) -> list[Text]:
    """One line per omission, ``omission severity claim-id claim`` cut to ``width``: the most
    severe first, key claims first within a severity, then in claims-file order; after
    ``shown`` lines (None: all), one line counting the rest."""
    key = {claim.id: claim.key for claim in claims}
    ordered = sorted(
        omitted, key=lambda f: (-severity_rank(f.severity), not key.get(f.claim_id or ""))
    )  # a stable sort: claims-file order within each group
    listed = ordered if shown is None else ordered[:shown]
    severity = max((len(f.severity) for f in listed), default=0)
    claim_id = max((len(inert(f.claim_id or "-")) for f in listed), default=0)
    lines = []
    for f in listed:
        after = " " * (severity - len(f.severity) + 2) + inert(f.claim_id or "-").ljust(claim_id)
        claim = _flat(f.claim or f.message)
        if width is not None:
            room = width - cell_len(f"  omission  {f.severity}{after}  ")
            claim, _ = _cut(claim, None, max(room, LEAST_ROOM))
        style = SEVERITY_STYLES.get(f.severity, "")
        lines.append(Text.assemble("  omission  ", (f.severity, style), after, "  ", claim))
    hidden: Counter[str] = Counter(f.severity for f in ordered[len(listed) :])
    if hidden:
        more = (
            f"{hidden.total()} more omissions ({_severities(hidden)}; --show-omissions lists them)"
        )
        lines.append(Text(f"  {ELLIPSIS} and {more}"))
    return lines


def _total(runs: Sequence[Run]) -> list[Text]:
    """The closing total: ``Found N findings in M documents: … errors, … warnings, … info.``
    and the count of each rule, most frequent first; ``No findings in M documents.``"""
    documents = sum(len(run.reports) for run in runs)
    in_documents = f"in {documents} {'document' if documents == 1 else 'documents'}"
    rows = counts(runs)
    if not rows:
        return [Text(f"No findings {in_documents}.", "bold")]
    by_severity: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for n, rule, severity in rows:
        by_severity[severity] += n
        by_rule[rule] += n
    found = f"Found {_plural(by_severity.total(), 'finding')} {in_documents}"
    rules = sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))
    return [
        Text(f"{found}: {_severities(by_severity)}.", "bold"),
        Text("Rules: " + ", ".join(f"{n} {rule}" for rule, n in rules) + "."),
    ]


def _severities(counted: Counter[str]) -> str:
    """``2 errors, 1 warning, 3 info``: the severities counted, most severe first."""
    return ", ".join(_plural(counted[s], s) for s in reversed(SEVERITIES) if counted[s])


def _plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``; ``info`` has no plural."""
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


def _position(finding: Finding) -> str:
    if finding.line is None:
        return "-"
    return f"{finding.line}:{finding.column}" if finding.column is not None else str(finding.line)


def _quoted(finding: Finding, plain: bool, width: int | None) -> list[Text]:
    """The claim and the derivative sentence, each with its changed words marked, each cut
    to ``width`` columns around them (None: whole)."""
    lines: list[Text] = []
    claim = f"{INDENT}claim {inert(finding.claim_id)}: " if finding.claim_id else f"{INDENT}claim: "
    # "found" as wide as the claim's label, so the two texts start in one column
    found = (
        f"{INDENT}found: ".ljust(len(claim)) if finding.claim is not None else f"{INDENT}found: "
    )
    if finding.claim is not None:
        span = _find(finding.expected, finding.claim)
        lines += _marked(claim, finding.claim, span, CLAIM_MARK, plain, width)
    if finding.sentence is not None:
        span = _valid(finding.span, finding.sentence) or _find(finding.found, finding.sentence)
        lines += _marked(found, finding.sentence, span, FOUND_MARK, plain, width)
    return lines


def _marked(
    prefix: str, text: str, span: Span | None, style: str, plain: bool, width: int | None
) -> list[Text]:
    """``prefix`` and ``text`` with ``span`` styled, plus a caret line under it when output is
    plain; cut to ``width`` columns around ``span``, so that the caret line stays under its
    words rather than under the terminal's wrap of the line above."""
    flat, span = _inert(_flat(text), span)
    flat = flat.rstrip()
    if span is not None and span[0] == 0 and span[1] >= len(flat):
        span = None  # marking the whole sentence would point at nothing in particular
    if width is not None:
        flat, span = _cut(flat, span, max(width - cell_len(prefix), LEAST_ROOM))
    line = Text(prefix + flat)
    if span is None:
        return [line]
    start, end = span
    line.stylize(style, len(prefix) + start, len(prefix) + end)
    if not plain:
        return [line]
    pad = cell_len(prefix + flat[:start])
    return [line, Text(" " * pad + "^" * max(1, cell_len(flat[start:end])))]


def _flat(text: str) -> str:
    """``text`` on one line: one character for one, so offsets into it stay valid."""
    return text.translate({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})


def _cut(text: str, span: Span | None, room: int) -> tuple[str, Span | None]:
    """``text`` cut to ``room`` columns around ``span`` (its start, or the text's, when None):
    a quarter of the room before the marked words where there is text to fill it, an ellipsis
    where text is left out; ``span`` moved to mark the same words, and clipped to the cut."""
    if cell_len(text) <= room:
        return text, span
    start, end = span or (0, 0)
    first = last = max(0, start - room // 4)
    used = 2 if first else 1  # the ellipses
    while last < len(text) and used + cell_len(text[last]) <= room:
        used += cell_len(text[last])
        last += 1
    if last == len(text) - 1 and used - 1 + cell_len(text[last]) <= room:
        used, last = used - 1 + cell_len(text[last]), last + 1  # the last character, not "…"
    if last == len(text) and first:
        used -= 1  # no ellipsis at the end: fill the room with words before
        while first and used + cell_len(text[first - 1]) - (first == 1) <= room:
            used += cell_len(text[first - 1]) - (first == 1)
            first -= 1
    lead = ELLIPSIS if first else ""
    cut = lead + text[first:last] + (ELLIPSIS if last < len(text) else "")
    if span is None:
        return cut, None
    moved = (max(start, first) - first + len(lead), min(end, last) - first + len(lead))
    return cut, moved if moved[0] < moved[1] else None


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
