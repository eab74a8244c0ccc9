"""Baselines: accepted findings stay accepted across edits that keep their sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alliance import CLAIMS, DRIFT, GENEVA, LAUNCH
from runner import run

import factcheck
from factcheck import baseline
from factcheck.report import Report

TEXT = f"{DRIFT}\n{GENEVA}\n"  # a number drift, an unsupported statement, an omission


def compare(text: str, path: str = "a.txt") -> Report:
    return factcheck.compare(CLAIMS, text, path=path)


def rules(report: Report) -> list[str]:
    return [f"{f.rule} {f.claim_id} {f.line}" for f in report.findings]


def accepted(text: str, path: str = "a.txt") -> baseline.Baseline:
    return baseline.load(baseline.build([compare(text, path)]), "baseline.json")


def test_round_trip_accepts_every_finding() -> None:
    report = compare(TEXT)
    assert rules(report) == ["number-drift c001 1", "unsupported None 2", "omission c002 None"]
    kept, stale = baseline.apply(report, accepted(TEXT))
    assert kept.findings == ()
    assert stale == []
    summary = kept.summary
    # an accepted omission is no longer reported, but the claim is still not covered
    assert (summary.drift, summary.unsupported, summary.omitted, summary.covered) == (0, 0, 0, 1)


def test_file_is_sorted_deterministic_and_free_of_line_numbers() -> None:
    text = baseline.build([compare(TEXT, "b.txt"), compare(TEXT, "a.txt")])
    assert text == baseline.build([compare(TEXT, "a.txt"), compare(TEXT, "b.txt")])
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["version"] == 1
    entries = data["entries"]
    assert [(e["path"], e["rule"], e["claim_id"]) for e in entries] == [
        ("a.txt", "number-drift", "c001"),
        ("a.txt", "omission", "c002"),
        ("a.txt", "unsupported", None),
        ("b.txt", "number-drift", "c001"),
        ("b.txt", "omission", "c002"),
        ("b.txt", "unsupported", None),
    ]
    assert all(set(e) == {"path", "rule", "claim_id", "sentence", "count"} for e in entries)
    assert entries[1]["sentence"] is None  # an omission has no sentence
    assert entries[0]["sentence"] == baseline.sentence_hash(DRIFT)


def test_a_line_shift_and_a_whitespace_change_keep_findings_accepted() -> None:
    edited = f"\n\n{LAUNCH}\n\nThe  alliance has more than\t50 members.\n{GENEVA}  \n"
    report = compare(edited, "./a.txt")
    assert rules(report) == ["number-drift c001 5", "unsupported None 6"]
    kept, stale = baseline.apply(report, accepted(TEXT))
    assert kept.findings == ()
    assert stale == [baseline.Entry("a.txt", "omission", "c002", None)]  # c002 is now said


def test_a_changed_sentence_is_a_new_finding_and_its_old_entry_stale() -> None:
    report = compare(f"The alliance has more than 60 members.\n{GENEVA}\n")
    kept, stale = baseline.apply(report, accepted(TEXT))
    assert rules(kept) == ["number-drift c001 1"]
    assert kept.summary.drift == 1 and kept.summary.unsupported == 0
    assert [(e.rule, e.claim_id) for e in stale] == [("number-drift", "c001")]
    assert stale[0].describe() == "a.txt: stale baseline entry number-drift c001"


def test_counts_accept_only_as_many_identical_findings() -> None:
    twice = f"{DRIFT}\n{DRIFT}\n{LAUNCH}\n"
    assert rules(compare(twice)) == ["number-drift c001 1", "number-drift c001 2"]
    kept, stale = baseline.apply(compare(twice), accepted(f"{DRIFT}\n{LAUNCH}\n"))
    assert rules(kept) == ["number-drift c001 2"]
    assert stale == []
    data = json.loads(baseline.build([compare(twice)]))
    assert [e["count"] for e in data["entries"]] == [2]
    kept, stale = baseline.apply(compare(f"{DRIFT}\n{LAUNCH}\n"), accepted(twice))
    assert kept.findings == ()
    assert stale == [
        baseline.Entry("a.txt", "number-drift", "c001", baseline.sentence_hash(DRIFT), 1)
    ]


def test_entries_of_other_documents_are_not_stale() -> None:
    kept, stale = baseline.apply(compare(f"{LAUNCH}\n", "b.txt"), accepted(TEXT, "a.txt"))
    assert stale == []
    assert rules(kept) == ["omission c001 None"]


@pytest.mark.parametrize(
    "args", [("--select", "drift"), ("--ignore", "unsupported,omission"), ("--config", "off.yaml")]
)
def test_entries_of_a_rule_the_run_does_not_report_are_not_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """A run that reports drift only finds no omission or unsupported statement: that says
    nothing of whether the baseline's entries for them are still needed."""
    monkeypatch.chdir(tmp_path)
    Path("claims.yaml").write_text(factcheck.dump_claims(CLAIMS))
    Path("off.yaml").write_text("severity:\n  unsupported: off\n  omission: off\n")
    Path("a.txt").write_text(TEXT)
    assert run("compare", "claims.yaml", "a.txt", "--write-baseline", "b.json").exit_code == 0
    result = run("compare", "claims.yaml", "a.txt", "--baseline", "b.json", "-f", "concise", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    Path("a.txt").write_text(f"{LAUNCH}\n")  # the drift is fixed: its entry is stale
    fixed = run("compare", "claims.yaml", "a.txt", "--baseline", "b.json", *args)
    assert fixed.stderr == "factcheck: warning: a.txt: stale baseline entry number-drift c001\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "baseline.json:1: not a baseline file: "),
        ('{"version": 2, "entries": []}', "baseline.json: not a baseline file: expected version 1"),
        ('{"version": 1, "entries": {}}', "baseline.json: 'entries' must be a list"),
        ('{"version": 1, "extra": 1}', "baseline.json: unknown field 'extra'"),
        ('{"version": 1, "entries": [3]}', "baseline.json: entry 1: expected an object"),
        (
            '{"version": 1, "entries": [{"path": "a", "rule": "omission", "count": 0}]}',
            "baseline.json: entry 1: 'count' must be a positive integer",
        ),
        (
            '{"version": 1, "entries": [{"path": "a", "rule": "omission", "line": 3}]}',
            "baseline.json: entry 1: unknown field 'line' (valid: path, rule, claim_id,",
        ),
        (
            '{"version": 1, "entries": [{"path": "a", "rule": 5}]}',
            "baseline.json: entry 1: 'rule' must be a non-empty string",
        ),
        (
            '{"version": 1, "entries": [{"path": "a", "rule": "unsupported", "sentence": 1}]}',
            "baseline.json: entry 1: 'sentence' must be a string or null",
        ),
    ],
)
def test_a_malformed_baseline_is_an_input_error_naming_the_file(text: str, message: str) -> None:
    with pytest.raises(factcheck.InputError) as error:
        baseline.load(text, "baseline.json")
    assert str(error.value).startswith(message)


def test_an_empty_baseline_accepts_nothing() -> None:
    empty = baseline.load(baseline.build([]), "baseline.json")
    assert empty == baseline.Baseline()
    report = compare(TEXT)
    assert baseline.apply(report, empty) == (report, [])
