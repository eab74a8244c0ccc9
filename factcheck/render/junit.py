"""``--format junit``: JUnit XML, for GitLab's and Jenkins' test reports.

One ``<testsuite>`` per document; in it one ``<testcase>`` per claim (``classname`` the
document's path, ``name`` the claim id and the start of its text), with a ``<failure>`` per
drift or omission finding on that claim (``type`` the rule id). Each unsupported statement is a
testcase of its own. Only a finding at or above ``--fail-on`` is a failure, so the report fails
exactly when the run does (``--exit-zero`` aside): one below it leaves its test passed, told in
the test's ``<system-out>``, which GitLab and Jenkins show with the test. Test names are unique
within a document, since GitLab keeps only the first of two equal names. No timings, so the
file is the same on every run.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from ..claims import ClaimSet
from ..report import Report, severity_rank
from . import DEFAULT_VIEW, Run, View
from .location import Located, by_document, one_line

NAME_WIDTH = 60  # characters of the claim or sentence in a test name
# characters XML 1.0 cannot hold, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one XML document: a testsuite for each document of every run."""
    root = ET.Element("testsuites", name="factcheck")
    for run, report, entries in by_document(runs):
        root.append(_suite(run.claims, report, entries, severity_rank(view.fail_on)))
    _count(root, root.findall("testsuite/testcase"))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")


def _suite(claims: ClaimSet, report: Report, entries: list[Located], failing: int) -> ET.Element:
    """The testsuite of one document; a finding of severity rank ``failing`` or above fails
    its test."""
    suite = ET.Element("testsuite", name=_xml(report.path))
    for claim in claims:
        name = f"{claim.id} {_short(claim.text)}"
        mine = [
            e for e in entries if e.finding.claim_id == claim.id and e.finding.kind != "unsupported"
        ]
        _case(suite, report.path, name, mine, failing)
    ids = {claim.id for claim in claims}
    names: set[str] = set()
    for entry in entries:
        if entry.finding.kind == "unsupported" or entry.finding.claim_id not in ids:
            name = _extra_name(entry)
            while name in names:  # the same words at the same place: keep names unique
                name += "'"
            names.add(name)
            _case(suite, report.path, name, [entry], failing)
    _count(suite, suite.findall("testcase"))
    return suite


def _extra_name(entry: Located) -> str:
    f, where = entry.finding, entry.location
    return f"{f.rule} {where.line}:{where.column} {_short(f.sentence or f.claim or '')}"


def _case(
    suite: ET.Element, path: str, name: str, entries: list[Located], failing: int
) -> ET.Element:
    """A testcase with a ``<failure>`` for each of ``entries`` that fails, then one
    ``<system-out>`` telling the others."""
    case = ET.SubElement(suite, "testcase", classname=_xml(path), name=_xml(name), file=_xml(path))
    passed = []
    for entry in entries:
        if severity_rank(entry.finding.severity) >= failing:
            failure = ET.SubElement(case, "failure", type=entry.finding.rule)
            failure.set("message", _xml(one_line(entry.text)))
            failure.text = _described(entry)
        else:
            passed.append(_described(entry))
    if passed:
        ET.SubElement(case, "system-out").text = "\n\n".join(passed)
    return case


def _described(entry: Located) -> str:
    """Where the finding is, its rule and severity, its message, its claim and sentence."""
    f, where = entry.finding, entry.location
    lines = [f"{where.path}:{where.line}:{where.column}: {f.rule} ({f.severity})", entry.text]
    if f.claim is not None:
        lines.append(f"claim: {f.claim}")
    if f.sentence is not None:
        lines.append(f"found: {f.sentence}")
    return _xml("\n".join(lines))


def _count(element: ET.Element, cases: list[ET.Element]) -> None:
    failed = sum(1 for case in cases if case.find("failure") is not None)
    element.set("tests", str(len(cases)))
    element.set("failures", str(failed))
    element.set("errors", "0")
    element.set("skipped", "0")


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NAME_WIDTH else flat[: NAME_WIDTH - 1].rstrip() + "…"


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
