"""``--format html``: one self-contained review page, for editors who would rather look than read
a list.

Totals at the top; then per document its text as written, each drift and unsupported finding
marked in place (a ``<mark>`` with a numbered label, underlined solid, dashed or dotted by
severity, so colour is never the only signal) and, beside the text, the numbered findings with
their claims; then the key claims it omits, and the other omissions folded in ``<details>``.

The page needs no network and no script: inline CSS only. Documents, claims files and paths are
hostile text, so every string from them is escaped. The text is shown as written, Markdown and
HTML markup included (escaped, preformatted), so the line and column of each finding
(``location.locate``) point into it. A run without its documents' texts (``Run.texts`` empty, as
from the API) lists each finding with its sentence instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TextIO

from ..claims import ClaimSet
from ..report import SEVERITIES, Finding, Report, severity_rank
from ..text import inert, line_starts
from . import DEFAULT_VIEW, Run, View, figures
from .location import Location, locate

TITLE_NAMES = 3  # documents named in the page title; the rest are counted
Mark = tuple[int, int, int]  # start, -end (so the longer of two opens first), finding's number


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write the page."""
    reports = [report for run in runs for report in run.reports]
    out.write(f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n{VIEWPORT}\n')
    out.write(f"<title>{_title(reports)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n")
    out.write(_totals(reports, view.fail_on))
    index = 0
    for run in runs:
        for position, report in enumerate(run.reports):
            index += 1
            text = run.texts[position] if position < len(run.texts) else None
            out.write(_document(f"d{index}", run.claims, report, text))
    out.write("</body>\n</html>\n")


def _title(reports: Sequence[Report]) -> str:
    names = [_text(r.path) for r in reports[:TITLE_NAMES]]
    more = len(reports) - TITLE_NAMES
    return "factcheck review: " + ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _totals(reports: Sequence[Report], fail_on: str) -> str:
    """The header: what the page covers, counted by severity and by kind, and the claims
    covered; whether the run fails ``--fail-on``; then what the marks mean."""
    findings = [f for r in reports for f in r.findings]
    claims = sum(r.summary.claims for r in reports)
    covered = sum(r.summary.covered for r in reports)
    counts = [("documents", len(reports))]
    counts += [(s, sum(f.severity == s for f in findings)) for s in reversed(SEVERITIES)]
    counts += [
        ("drift", sum(r.summary.drift for r in reports)),
        ("unsupported", sum(r.summary.unsupported for r in reports)),
        ("omitted", sum(r.summary.omitted for r in reports)),
    ]
    cells = ""
    for name, count in counts:
        style = f' class="{name}"' if name in SEVERITIES else ""  # the severities' borders
        cells += f"<div{style}><dt>{name}</dt> <dd>{count}</dd></div>\n"
    cells += f"<div><dt>claims covered</dt> <dd>{covered}/{claims}</dd></div>"
    failing = sum(severity_rank(f.severity) >= severity_rank(fail_on) for f in findings)
    reach = "finding reaches" if failing == 1 else "findings reach"
    verdict = (
        f"<strong>Fails</strong>: {failing} {reach}"
        if failing
        else "<strong>Passes</strong>: no finding reaches"
    )
    return (
        f'<header>\n<h1>factcheck review</h1>\n<dl class="totals">{cells}</dl>\n'
        f'<p class="verdict">{verdict} --fail-on {_text(fail_on)}.</p>\n{LEGEND}\n</header>\n'
    )


def _document(key: str, claims: ClaimSet, report: Report, text: str | None) -> str:
    """One document's section: its summary, its marked text beside its findings, its
    omissions."""
    path = _text(report.path)
    findings = sorted(report.findings, key=Finding.sort_key)
    in_text = [f for f in findings if f.kind != "omission"]
    omitted = [f for f in findings if f.kind == "omission"]
    parts = [
        f'<section id="{key}" aria-labelledby="{key}-title">\n<h2 id="{key}-title">{path}</h2>\n',
        f'<p class="summary">checked against {_text(claims.path or "-")} · '
        f"{' · '.join(figures(report.summary))}</p>\n",
    ]
    items = "".join(_item(key, n, f, text is None) for n, f in enumerate(in_text, 1))
    aside = f'<ol class="findings">\n{items}</ol>' if items else "<p>No findings in the text.</p>"
    if text is None:
        body = '<p class="note">The text of this document was not given to the page.</p>'
    else:
        places = [locate(claims, report, f) for f in in_text]
        body = f'<div class="text">{_marked(key, text, places, in_text)}</div>'
    parts.append(
        f'<div class="review">\n{body}\n<aside aria-label="findings">\n{aside}\n</aside>\n</div>\n'
    )
    parts.append(_omissions(claims, omitted))
    parts.append("</section>\n")
    return "".join(parts)


def _marked(key: str, text: str, places: Sequence[Location], findings: Sequence[Finding]) -> str:
    """``text`` escaped, each finding's words in a numbered ``<mark>``. Marks nest: one that
    starts inside another ends with it at the latest, so the markup stays well formed."""
    marks: list[Mark] = []
    for n, place in enumerate(places, 1):
        start = _offset(text, place.line, place.column)
        end = max(start, _offset(text, place.end_line, place.end_column))
        marks.append((start, -end, n))
    out: list[str] = []
    at = 0
    open_marks: list[tuple[int, int]] = []  # (end, number) of the marks open, innermost last
    for start, negative_end, n in sorted(marks):
        while open_marks and open_marks[-1][0] <= start:
            at = _close(out, key, text, at, open_marks.pop())
        end = min(-negative_end, open_marks[-1][0]) if open_marks else -negative_end
        out.append(_text(text[at:start]))
        finding = findings[n - 1]
        tip = _text(f"{finding.rule} ({finding.severity}): {finding.message}")
        out.append(f'<mark id="{key}-m{n}" class="{_class(finding.severity)}" title="{tip}">')
        at = start
        open_marks.append((end, n))
    while open_marks:
        at = _close(out, key, text, at, open_marks.pop())
    out.append(_text(text[at:]))
    return "".join(out)


def _close(out: list[str], key: str, text: str, at: int, mark: tuple[int, int]) -> int:
    """Close ``mark`` after the text up to its end, its label last; the new position."""
    end, n = mark
    out.append(_text(text[at:end]))
    out.append(f'<a class="label" href="#{key}-f{n}" aria-label="finding {n}">{n}</a></mark>')
    return end


def _offset(text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column of ``text``, within the text whatever they say."""
    starts = line_starts(text)
    if line > len(starts):
        return len(text)
    return min(starts[max(line, 1) - 1] + max(column, 1) - 1, len(text))


def _item(key: str, n: int, finding: Finding, with_sentence: bool) -> str:
    """A finding beside the text: its number (a link to its mark), rule, severity, message,
    and the claim it departs from."""
    severity = _class(finding.severity)
    label = (
        f'<a class="label" href="#{key}-m{n}">{n}</a>'
        if not with_sentence
        else f'<span class="label">{n}</span>'
    )
    parts = [
        f'<li id="{key}-f{n}" class="{severity}">{label} <strong>{_text(finding.rule)}</strong> '
        f'<span class="severity">{severity}</span>\n<p>{_text(finding.message)}</p>\n'
    ]
    if with_sentence and finding.sentence:
        parts.append(f'<p class="sentence">{_text(finding.sentence)}</p>\n')
    if finding.claim is not None:
        parts.append(_claim(finding.claim_id, finding.claim))
    parts.append("</li>\n")
    return "".join(parts)


def _omissions(claims: ClaimSet, omitted: Sequence[Finding]) -> str:
    """The key claims the document omits, listed; the others folded, with their count."""
    key_ids = {c.id for c in claims if c.key}
    key = [f for f in omitted if f.claim_id in key_ids]
    other = [f for f in omitted if f.claim_id not in key_ids]
    parts = []
    if key:
        items = "".join(_omitted(f) for f in key)
        parts.append(
            f'<h3>Key claims omitted ({len(key)})</h3>\n<ul class="omitted">\n{items}</ul>\n'
        )
    if other:
        items = "".join(_omitted(f) for f in other)
        parts.append(
            f"<details>\n<summary>{len(other)} other {'claim' if len(other) == 1 else 'claims'} "
            f'not covered</summary>\n<ul class="omitted">\n{items}</ul>\n</details>\n'
        )
    return "".join(parts)


def _omitted(finding: Finding) -> str:
    """An omitted claim on one line: severity, claim id and text, then the message."""
    severity = _class(finding.severity)
    return (
        f'<li class="{severity}"><span class="severity">{severity}</span> '
        f'<span class="claim-id">{_text(finding.claim_id or "")}</span> '
        f'{_text(finding.claim or "")} <span class="message">{_text(finding.message)}</span></li>\n'
    )


def _claim(claim_id: str | None, claim: str) -> str:
    claim_id = _text(claim_id or "")
    return (
        f'<blockquote><span class="claim-id">claim {claim_id}</span> {_text(claim)}</blockquote>\n'
    )


def _class(severity: str) -> str:
    """The CSS class of a severity: one of three, whatever the finding says."""
    return severity if severity in SEVERITIES else "info"


def _text(text: str) -> str:
    """User text made inert and escaped, quotes too, for content and attribute values alike."""
    return escape(inert(text), quote=True)


VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
LEGEND = (
    '<p class="legend">Marks in the text: <span class="error">error</span> solid underline, '
    '<span class="warning">warning</span> dashed, <span class="info">info</span> dotted; '
    "the number leads to the finding beside the text.</p>"
)
STYLE = """
:root { color: #1b1b1b; background: #fff; font: 16px/1.5 system-ui, sans-serif; }
body { max-width: 76rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .25rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0; }
.totals div { border: 1px solid #8c8c8c; border-radius: 4px; padding: .3rem .7rem; }
.totals div.error { border: 2px solid #b3261e; }
.totals div.warning { border: 2px dashed #8a5300; }
.totals div.info { border: 2px dotted #1d4ed8; }
.totals dt { font-size: .8rem; color: #4a4a4a; }
.totals dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.verdict { margin: .75rem 0 0; }
.legend, .summary, .note { color: #3d3d3d; font-size: .95rem; }
.review { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16rem, 26rem); gap: 2rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.05rem/1.75 Georgia, serif; }
mark, .legend span { color: inherit; padding: 0 .1em; }
mark.error, .legend .error { background: #fde4e2; border-bottom: 3px solid #b3261e; }
mark.warning, .legend .warning { background: #fff0c7; border-bottom: 3px dashed #8a5300; }
mark.info, .legend .info { background: #e1ecff; border-bottom: 2px dotted #1d4ed8; }
.label { display: inline-block; min-width: 1.2em; margin-left: .15em; padding: 0 .25em;
  border-radius: 3px; font: bold .7rem/1.4 system-ui, sans-serif; text-align: center;
  color: #fff; background: #1b1b1b; text-decoration: none; vertical-align: super; }
.error .label { background: #b3261e; }
.warning .label { background: #8a5300; }
.info .label { background: #1d4ed8; }
.findings { list-style: none; padding: 0; margin: 0; }
.findings li, .omitted li { border-left: 4px solid #8c8c8c; padding: .25rem .75rem; }
.findings li { margin-bottom: 1rem; }
li.error { border-left: 4px solid #b3261e; }
li.warning { border-left: 4px dashed #8a5300; }
li.info { border-left: 4px dotted #1d4ed8; }
.findings p, .omitted p { margin: .25rem 0; }
.severity { font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
blockquote { margin: .25rem 0; padding: .2rem .6rem; background: #f3f3f3; overflow-wrap: anywhere; }
.claim-id { font: .85rem ui-monospace, monospace; color: #3d3d3d; }
.sentence { font-family: Georgia, serif; }
.omitted { list-style: none; padding: 0; }
.omitted li { margin-bottom: .5rem; }
.message { color: #3d3d3d; font-size: .85rem; white-space: nowrap; }
summary { cursor: pointer; font-weight: 600; }
@media (max-width: 50rem) { .review { grid-template-columns: minmax(0, 1fr); } }
@media print {
  body { max-width: none; padding: 0; }
  .review { grid-template-columns: minmax(0, 1fr); }
  mark, .label { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  details::details-content { content-visibility: visible; display: block; }
}
"""
