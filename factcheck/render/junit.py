"""``--format junit``: JUnit XML, for GitLab's and Jenkins' test reports.

One ``<testsuite>`` per document; in it one ``<testcase>`` per claim (``classname`` the
document's path, ``name`` the claim id and the start of its text), with a ``<failure>`` per
drift or omission finding on that claim (``type`` the rule id). Each unsupported statement is a
testcase of its own, failed. Test names are unique within a document, since GitLab keeps only
the first of two equal names. No timings, so the file is the same on every run.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from ..claims import ClaimSet
from ..report import Report
from . import DEFAULT_VIEW, Run, View
from .location import Located, located, one_line

NAME_WIDTH = 60  # characters of the claim or sentence in a test name
# characters XML 1.0 cannot hold, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one XML document: a testsuite for each document of every run."""
    entries = located(runs)
    root = ET.Element("testsuites", name="factcheck")
    for run in runs:
        for report in run.reports:
            mine = [e for e in entries if e.document == report.path]
            root.append(_suite(run.claims, report, mine))
    _count(root, root.findall("testsuite/testcase"))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")


def _suite(claims: ClaimSet, report: Report, entries: list[Located]) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml(report.path))
    for claim in claims:
        name = f"{claim.id} {_short(claim.text)}"
        case = _case(suite, report.path, name)
        for entry in entries:
            if entry.finding.claim_id == claim.id and entry.finding.kind != "unsupported":
                _fail(case, entry)
    ids = {claim.id for claim in claims}
    names: set[str] = set()
    for entry in entries:
        if entry.finding.kind == "unsupported" or entry.finding.claim_id not in ids:
            name = _extra_name(entry)
            while name in names:  # the same words at the same place: keep names unique
                name += "'"
            names.add(name)
            _fail(_case(suite, report.path, name), entry)
    _count(suite, suite.findall("testcase"))
    return suite


def _extra_name(entry: Located) -> str:
    f, where = entry.finding, entry.location
    return f"{f.rule} {where.line}:{where.column} {_short(f.sentence or f.claim or '')}"


def _case(suite: ET.Element, path: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=_xml(path), name=_xml(name), file=_xml(path))


def _fail(case: ET.Element, entry: Located) -> None:
    f, where = entry.finding, entry.location
    failure = ET.SubElement(case, "failure", type=f.rule, message=_xml(one_line(entry.text)))
    lines = [f"{where.path}:{where.line}:{where.column}: {f.rule} ({f.severity})", entry.text]
    if f.claim is not None:
        lines.append(f"claim: {f.claim}")
    if f.sentence is not None:
        lines.append(f"found: {f.sentence}")
    failure.text = _xml("\n".join(lines))


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
