"""``--format html``, the review page, read back with html.parser (no browser; the browser test
is tests/test_browser.py): well formed, self-contained, findings marked at their words, hostile
text inert, several runs on one page.

Regenerate the golden after an intended change with ``FACTCHECK_UPDATE_GOLDEN=1 pytest
tests/test_html.py`` and review the diff.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from golden import check_golden
from page import Page, read
from typer.testing import CliRunner

from factcheck.batch import Derivative, runs
from factcheck.claims import Claim, ClaimSet
from factcheck.cli import app
from factcheck.inputs import Prepared
from factcheck.render import Run, View, renderer
from factcheck.report import Finding, Kind, Report, Severity, Summary

DATA = Path(__file__).resolve().parent / "data"

CLAIMS = ClaimSet(
    (
        Claim("c001", "The council approved a budget of 412 million dollars.", 1, True, None, 4),
        Claim("c002", "It includes 45 new electric buses.", 2, True, None, 8),
        Claim("c003", "Fares may rise by 5% next year.", 3, False, None, 12),
        Claim("c004", "The plan was drafted over two years.", 4, False, None, 16),
    ),
    path="claims.yaml",
)
TEXT = (
    "# Budget\n\nThe council approved a budget of 512 million dollars.\n"
    "Fares will rise by 5% next year. A depot opens in Geneva next spring.\n"
)


def at(words: str, text: str = TEXT) -> tuple[int, int]:
    """The 1-based line and column of the first ``words`` in ``text``."""
    offset = text.index(words)
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def changed(
    kind: Kind, type_: str | None, severity: Severity, sentence: str, words: str, **more: Any
) -> Finding:
    """A finding of ``words`` in ``sentence``, located in TEXT."""
    line, column = at(words)
    start = sentence.index(words)
    span = (start, start + len(words))
    return Finding(
        kind, type_, severity, f"{words} changed", sentence=sentence, line=line, column=column,
        span=span, found=words, **more,
    )  # fmt: skip


FINDINGS = (
    changed("unsupported", None, "warning", "A depot opens in Geneva next spring.", "Geneva"),
    changed(
        "drift", "number", "error", "The council approved a budget of 512 million dollars.",
        "512 million", claim_id="c001", claim=CLAIMS.claims[0].text, expected="412 million",
    ),
    Finding(
        "omission", None, "info", "claim not covered",
        claim_id="c004", claim=CLAIMS.claims[3].text, claim_line=16,
    ),
    changed(
        "drift", "hedge", "error", "Fares will rise by 5% next year.", "will",
        claim_id="c003", claim=CLAIMS.claims[2].text, expected="may",
    ),
    Finding(
        "omission", None, "warning", "key claim not covered",
        claim_id="c002", claim=CLAIMS.claims[1].text, claim_line=8,
    ),
)  # fmt: skip
REPORT = Report("articles/budget.md", Summary(3, 4, 2, 2, 2, 1, 0.5), FINDINGS)


def rendered(runs: list[Run], view: View | None = None) -> str:
    out = io.StringIO()
    renderer("html")(runs, out, view or View())
    return out.getvalue()


def page(runs: list[Run] | None = None) -> Page:
    read_back = read(rendered(runs or [Run(CLAIMS, [REPORT], [TEXT])]))
    assert read_back.problems == []
    return read_back


def test_golden() -> None:
    check_golden("report.html", rendered([Run(CLAIMS, [REPORT], [TEXT])]))


def test_output_is_deterministic() -> None:
    two_runs = [Run(CLAIMS, [REPORT], [TEXT]), Run(CLAIMS, [REPORT], [TEXT])]
    assert rendered(two_runs) == rendered(two_runs)


def test_the_page_is_well_formed_and_self_contained() -> None:
    html = rendered([Run(CLAIMS, [REPORT], [TEXT])])
    assert html.startswith("<!DOCTYPE html>\n")
    read_back = read(html)
    assert read_back.problems == []
    tags = [tag for tag, _ in read_back.elements]
    assert tags[:2] == ["html", "head"]
    assert read_back.elements[0][1] == {"lang": "en"}
    assert ("meta", {"charset": "utf-8"}) in read_back.elements
    assert "title" in tags
    assert not {"script", "img", "link", "iframe", "object", "embed", "svg"} & set(tags)
    ids = {attrs["id"] for _, attrs in read_back.elements if "id" in attrs}
    links = [attrs["href"] for tag, attrs in read_back.elements if tag == "a"]
    assert links and all(href.startswith("#") and href[1:] in ids for href in links)
    assert not any("src" in attrs or "style" in attrs for _, attrs in read_back.elements)
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in style and "@import" not in style


def test_findings_are_marked_at_their_words() -> None:
    marks = page().marks
    assert [m.words for m in marks] == ["512 million", "will", "Geneva"]
    assert [m.attrs["class"] for m in marks] == ["error", "error", "warning"]
    assert [m.label for m in marks] == ["1", "2", "3"]  # colour is not the only signal


def test_each_mark_leads_to_its_finding_and_claim() -> None:
    html = rendered([Run(CLAIMS, [REPORT], [TEXT])])
    items = re.findall(r'<li id="d1-f(\d)" class="(\w+)">(.*?)</li>', html, re.DOTALL)
    assert [(n, severity) for n, severity, _ in items] == [
        ("1", "error"),
        ("2", "error"),
        ("3", "warning"),
    ]
    first = items[0][2]
    assert 'href="#d1-m1"' in first and "number-drift" in first and "412 million dollars" in first
    assert "c001" in first and "512 million changed" in first


def test_key_omissions_are_listed_and_the_others_folded() -> None:
    html = rendered([Run(CLAIMS, [REPORT], [TEXT])])
    listed, folded = html.split("<details>")
    assert "Key claims omitted (1)" in listed and CLAIMS.claims[1].text in listed
    assert CLAIMS.claims[3].text not in listed
    assert "<summary>1 other claim not covered</summary>" in folded
    assert CLAIMS.claims[3].text in folded


def test_totals_count_by_severity_and_kind() -> None:
    text = " ".join(page().text.split())
    for total in ("documents 1", "error 2", "warning 2", "info 1", "drift 2", "unsupported 1"):
        assert total in text
    assert "omitted 2" in text and "claims covered 2/4" in text
    assert "Fails: 2 findings reach --fail-on error" in text
    lenient = read(rendered([Run(CLAIMS, [REPORT], [TEXT])], View(fail_on="info"))).text
    assert "Fails: 5 findings reach --fail-on info" in " ".join(lenient.split())


def test_hostile_text_is_inert() -> None:
    attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    text = f"It says {attack} here.\x1b]0;title\x07\x00\n"
    line, column = at(attack, text)
    finding = Finding(
        "drift", "quote", "error", f"words {attack}", claim_id=f'c"1{attack}',
        claim=f"Claim {attack}", sentence=text.strip(), line=line, column=column,
        span=(8, 8 + len(attack)),
    )  # fmt: skip
    omission = Finding("omission", None, "warning", attack, claim_id="c2", claim=attack)
    claims = ClaimSet((Claim("c2", attack, key=True),), path=f"{attack}.yaml")
    report = Report(f"{attack}.txt", Summary(1, 1, 0, 1, 1, 0, 0.0), (finding, omission))
    read_back = page([Run(claims, [report], [text])])
    tags = {tag for tag, _ in read_back.elements}
    assert "script" not in tags and "img" not in tags
    assert not any(name.startswith("on") for _, attrs in read_back.elements for name in attrs)
    assert [m.words for m in read_back.marks] == [attack]
    assert read_back.text.count(attack) >= 6  # path, text, claim, message, claims path, omission
    html = rendered([Run(claims, [report], [text])])
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", html)  # escape sequences made inert


def test_overlapping_findings_nest() -> None:
    sentence = "The council approved a budget of 512 million dollars."
    whole = changed("unsupported", None, "warning", sentence, "512 million dollars")
    inner = changed("drift", "number", "error", sentence, "512 million", claim_id="c001")
    same = changed("drift", "entity", "info", sentence, "512 million", claim_id="c001")
    report = Report("d.txt", Summary(1, 4, 4, 0, 2, 1, 0.0), (whole, inner, same))
    marks = page([Run(CLAIMS, [report], [TEXT])]).marks
    # numbered in Finding.sort_key order (drift before unsupported), nested longest outside
    assert [(m.words, m.label) for m in marks] == [
        ("512 million dollars", "3"),
        ("512 million", "1"),
        ("512 million", "2"),
    ]


def test_a_mark_that_ends_where_the_next_starts_is_closed_first() -> None:
    sentence = "The council approved a budget of 512 million dollars."
    first = changed("drift", "number", "error", sentence, "512", claim_id="c001")
    second = changed("unsupported", None, "warning", sentence, " million dollars")
    report = Report("d.txt", Summary(1, 4, 4, 0, 1, 1, 0.0), (first, second))
    marks = page([Run(CLAIMS, [report], [TEXT])]).marks
    assert [(m.words, m.label) for m in marks] == [("512", "1"), (" million dollars", "2")]


def test_a_mark_that_starts_inside_another_ends_with_it() -> None:
    line, column = at("budget of")
    across = Finding(
        "unsupported", None, "warning", "x", line=line, column=column, found="budget of 512"
    )
    sentence = "The council approved a budget of 512 million dollars."
    later = changed("drift", "number", "error", sentence, "512 million dollars", claim_id="c001")
    report = Report("d.txt", Summary(1, 4, 4, 0, 1, 1, 0.0), (across, later))
    marks = page([Run(CLAIMS, [report], [TEXT])]).marks  # page() asserts it is well formed
    assert [(m.words, m.label) for m in marks] == [("budget of 512", "1"), ("512", "2")]


def test_a_finding_past_the_end_of_the_text_is_marked_at_the_end() -> None:
    lost = Finding(
        "unsupported", None, "warning", "x", sentence="Gone.", line=99, column=4, found="Gone"
    )
    report = Report("d.txt", Summary(1, 4, 4, 0, 0, 1, 0.0), (lost,))
    marks = page([Run(CLAIMS, [report], ["Short.\n"])]).marks
    assert [(m.words, m.label) for m in marks] == [("", "1")]


def test_several_runs_on_one_page() -> None:
    other = ClaimSet(CLAIMS.claims, path="other/claims.yaml")
    clean = Report("clean.txt", Summary(1, 4, 4, 0, 0, 0, 1.0))
    both = [
        Run(CLAIMS, [REPORT, clean], [TEXT, "Fine.\n"]),
        Run(other, [clean, REPORT], ["Fine.\n", TEXT]),
    ]
    html = rendered(both)
    read_back = read(html)
    assert read_back.problems == []
    sections = [attrs["id"] for tag, attrs in read_back.elements if tag == "section"]
    assert sections == ["d1", "d2", "d3", "d4"]
    ids = [attrs["id"] for _, attrs in read_back.elements if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert len(read_back.marks) == 6
    assert html.count("checked against other/claims.yaml") == 2
    assert (
        "<title>factcheck review: articles/budget.md, clean.txt, clean.txt and 1 more</title>"
        in html
    )
    assert "documents 4" in " ".join(read_back.text.split())


def test_without_the_texts_findings_are_listed_with_their_sentences() -> None:
    read_back = page([Run(CLAIMS, [REPORT])])
    assert read_back.marks == []
    assert "A depot opens in Geneva next spring." in read_back.text
    assert "was not given" in read_back.text


def test_runs_carry_each_documents_text() -> None:
    other = ClaimSet(CLAIMS.claims, path="other.yaml")
    documents = [
        Derivative(claims, Prepared(text, text), path, text, path)
        for claims, path, text in (
            (CLAIMS, "a.txt", "A."),
            (other, "b.txt", "B."),
            (CLAIMS, "c.txt", "C."),
        )
    ]
    reports = [Report(d.path, Summary(1, 4, 4, 0, 0, 0, 1.0)) for d in documents]
    grouped = runs(documents, reports)
    assert [(r.claims.path, [p.path for p in r.reports], list(r.texts)) for r in grouped] == [
        ("claims.yaml", ["a.txt", "c.txt"], ["A.", "C."]),
        ("other.yaml", ["b.txt"], ["B."]),
    ]


def test_compare_marks_a_rewrite_read_from_stdin() -> None:
    text = (DATA / "drift.txt").read_text(encoding="utf-8")
    claims = str(DATA / "claims.yaml")
    result = CliRunner().invoke(app, ["compare", claims, "-", "-f", "html"], input=text)
    assert result.exit_code == 1, result.stderr
    findings = json.loads(
        CliRunner().invoke(app, ["compare", claims, "-", "-f", "json"], input=text).stdout
    )
    in_text = [f for f in findings["documents"][0]["findings"] if f["line"] is not None]
    marks = read(result.stdout).marks
    assert in_text and [m.words for m in marks] == [f["found"] for f in in_text]
