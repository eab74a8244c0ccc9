"""The Python API: the engine the CLI uses, with no I/O."""

from __future__ import annotations

import factcheck

REPORT = """Harbour City council approves new library

By Jane Roe
Image credits: City archive

The Harbour City council approved a budget of $4.2 million for a new library on Tuesday.
Mayor Tom Becker said: "We will finish the library by spring."
The library will not open before March, officials said.

Recommended Stories
  • Ten things to do this weekend in the city.
"""


def test_extract_keeps_the_main_text_only() -> None:
    claims = factcheck.extract(REPORT)
    texts = [c.text for c in claims]
    assert [c.id for c in claims] == ["c001", "c002", "c003"]
    assert texts[0].startswith("The Harbour City council approved")
    assert not any("Ten things" in t or "Image credits" in t or "Jane Roe" in t for t in texts)
    assert [c.line for c in claims] == [6, 7, 8]


def test_extract_marks_key_claims_and_speakers() -> None:
    claims = factcheck.extract(REPORT).claims
    assert claims[0].key  # lede with a figure
    assert claims[1].key and claims[1].speaker == "Mayor Tom Becker"


def test_extract_is_deterministic() -> None:
    assert factcheck.extract(REPORT) == factcheck.extract(REPORT)


def test_compare_returns_a_report_whose_dict_is_one_json_document() -> None:
    claims = factcheck.extract(REPORT)
    report = factcheck.compare(
        claims, "The council approved $42 million for a new library.", "x.md"
    )
    doc = report.to_dict()
    assert doc["path"] == "x.md"
    assert set(doc["summary"]) == {
        "sentences",
        "claims",
        "covered",
        "omitted",
        "drift",
        "unsupported",
        "consistency",
    }
    assert [f["type"] for f in doc["findings"] if f["kind"] == "drift"] == ["number"]
    assert 0.0 <= doc["summary"]["consistency"] <= 1.0


def test_report_given_as_claims_and_a_faithful_copy_is_clean() -> None:
    claims = factcheck.extract(REPORT)
    report = factcheck.compare(claims, REPORT)
    assert report.findings == ()
    assert report.summary.consistency == 1.0


def test_omissions_come_last_in_claims_file_order() -> None:
    claims = factcheck.load_claims(
        "version: 1\nclaims:\n- id: zz\n  text: The bridge will not reopen before March.\n"
        "- id: aa\n  text: The library budget is $4.2 million.\n",
        "claims.yaml",
    )
    report = factcheck.compare(claims, "The harbour festival starts on Friday with a parade.")
    omitted = [f.claim_id for f in report.findings if f.kind == "omission"]
    assert omitted == ["zz", "aa"]
    assert report.findings[-2:] == tuple(f for f in report.findings if f.kind == "omission")


def test_a_figure_the_report_gives_outside_its_claims_is_not_new() -> None:
    """ "Aged 86." is too short to be a claim, but a rewrite that says so says what the
    report says; another age is still new."""
    report = (
        "Maria Lopez, who founded the Riverton library, died on Sunday in her home town.\n"
        "Aged 86.\n"
        "She ran the library for thirty years and trained its first archivists.\n"
    )
    claims = factcheck.extract(report)
    assert not any("86" in c.text for c in claims)
    said = "Maria Lopez, who founded the Riverton library, died on Sunday at {} in her home town."
    checked = [
        f for f in factcheck.compare(claims, said.format(86)).findings if f.kind != "omission"
    ]
    assert checked == []
    changed = factcheck.compare(claims, said.format(87)).findings
    assert [(f.rule, f.found) for f in changed if f.kind != "omission"] == [("unsupported", "87")]
