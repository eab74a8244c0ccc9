"""Inline suppressions: what each directive drops, and what is reported as unused or unknown."""

from __future__ import annotations

from pathlib import Path

import pytest
from alliance import CLAIMS, DRIFT, GENEVA, LAUNCH
from runner import run

import factcheck
from factcheck import suppress
from factcheck.report import Report


def check(text: str) -> tuple[Report, list[str]]:
    """Compare ``text`` as the CLI does, suppressions applied; the findings' ``rule claim
    line`` and the notices."""
    report = factcheck.compare(CLAIMS, suppress.blank(text), path="a.txt")
    found = suppress.suppressions(text)
    kept, unused = suppress.apply(report, found)
    notices = [n.format("a.txt") for n in (*found.problems, *unused)]
    return kept, notices


def rules(report: Report) -> list[str]:
    return [f"{f.rule} {f.claim_id} {f.line}" for f in report.findings]


def test_unsuppressed_text_has_a_drift_and_an_unsupported_statement() -> None:
    report, notices = check(f"{DRIFT}\n{LAUNCH} {GENEVA}\n")
    assert rules(report) == ["number-drift c001 1", "unsupported None 2"]
    assert notices == []


def test_a_trailing_comment_suppresses_its_sentence_only() -> None:
    report, notices = check(f"{DRIFT} <!-- factcheck: ignore c001 -->\n{LAUNCH} {GENEVA}\n")
    assert rules(report) == ["unsupported None 2"]
    assert (report.summary.drift, report.summary.unsupported) == (0, 1)
    assert notices == []


def test_a_comment_alone_on_its_line_suppresses_the_next_sentence() -> None:
    text = f"<!-- factcheck: ignore c001 -->\n\n{DRIFT}\n{LAUNCH} {GENEVA}\n"
    report, notices = check(text)
    assert rules(report) == ["unsupported None 4"]
    assert notices == []


def test_a_rule_alone_suppresses_that_rule_in_the_sentence() -> None:
    report, notices = check(f"{DRIFT}\n{LAUNCH} {GENEVA} <!-- factcheck: ignore unsupported -->\n")
    assert rules(report) == ["number-drift c001 1"]
    assert report.summary.unsupported == 0
    assert notices == []


def test_a_comment_between_sentences_belongs_to_the_one_before() -> None:
    text = f"{DRIFT}\n{GENEVA} <!-- factcheck: ignore --> {LAUNCH}\n"
    report, _ = check(text)
    assert rules(report) == ["number-drift c001 1"]
    text = f"{DRIFT}\n{LAUNCH} <!-- factcheck: ignore --> {GENEVA}\n"
    report, notices = check(text)
    assert rules(report) == ["number-drift c001 1", "unsupported None 2"]
    assert notices == ["a.txt:2:49: unused suppression '<!-- factcheck: ignore -->'"]


def test_claim_and_rule_must_both_match() -> None:
    report, notices = check(f"{DRIFT} <!-- factcheck: ignore c001 hedge-drift -->\n{LAUNCH}\n")
    assert rules(report) == ["number-drift c001 1"]
    assert notices == [
        "a.txt:1:40: unused suppression '<!-- factcheck: ignore c001 hedge-drift -->'"
    ]
    report, notices = check(f"{DRIFT} <!-- factcheck: ignore c001, number-drift -->\n{LAUNCH}\n")
    assert rules(report) == []
    assert notices == []


def test_a_comment_in_another_sentence_is_unused() -> None:
    report, notices = check(f"{DRIFT}\n{LAUNCH} <!-- factcheck: ignore c001 -->\n")
    assert rules(report) == ["number-drift c001 1"]
    assert notices == ["a.txt:2:49: unused suppression '<!-- factcheck: ignore c001 -->'"]


def test_unused_targets_of_a_used_directive_are_named() -> None:
    report, notices = check(f"{DRIFT} <!-- factcheck: ignore c001 c002 -->\n{LAUNCH}\n")
    assert rules(report) == []
    assert notices == ["a.txt:1:40: unused suppression of c002"]


def test_ignore_file_suppresses_omissions_anywhere() -> None:
    text = f"{DRIFT}\n"
    assert rules(check(text)[0]) == ["number-drift c001 1", "omission c002 None"]
    report, notices = check(f"{DRIFT}\n<!-- factcheck: ignore-file omission -->\n")
    assert rules(report) == ["number-drift c001 1"]
    # a suppressed omission is no longer reported, but the claim is still not covered
    assert (report.summary.omitted, report.summary.covered) == (0, 1)
    assert notices == []


def test_ignore_file_without_targets_suppresses_everything() -> None:
    report, notices = check(f"<!-- factcheck: ignore-file -->\n{DRIFT}\n{GENEVA}\n")
    assert report.findings == ()
    assert report.summary.drift == report.summary.unsupported == report.summary.omitted == 0
    assert notices == []


def test_a_line_ignore_never_suppresses_an_omission() -> None:
    report, _ = check(f"{DRIFT} <!-- factcheck: ignore omission -->\n")
    assert rules(report) == ["number-drift c001 1", "omission c002 None"]


def test_hash_comment_lines_work_in_plain_text() -> None:
    report, notices = check(
        f"# factcheck: ignore c001 -- the report was updated\n{DRIFT}\n{LAUNCH}\n"
    )
    assert rules(report) == []
    assert notices == []


def test_unknown_directives_and_rules_are_reported_and_never_widen() -> None:
    text = f"{DRIFT} <!-- factcheck: ignore number-drfit -->\n{LAUNCH} <!-- factcheck: ignroe -->\n"
    report, notices = check(text)
    assert rules(report) == ["number-drift c001 1"]
    assert notices[0].startswith("a.txt:1:40: unknown rule 'number-drfit' (valid: ")
    assert notices[1] == "a.txt:2:49: unknown directive 'factcheck: ignroe'"
    assert len(notices) == 2
    report, notices = check(f"{DRIFT} <!-- factcheck: ignore c001 unsuported -->\n{LAUNCH}\n")
    assert rules(report) == ["number-drift c001 1"]
    assert notices[0].startswith("a.txt:1:40: unknown rule 'unsuported'")


def test_blank_keeps_offsets_and_hides_directives_from_compare() -> None:
    text = f"{DRIFT} <!-- factcheck: ignore c001 -->\n# factcheck: ignore\n{LAUNCH}\n"
    blanked = suppress.blank(text)
    assert len(blanked) == len(text)
    assert blanked.splitlines()[1].strip() == ""
    assert "factcheck" not in blanked
    # unblanked, the directive's "001" would read as a new figure
    assert rules(factcheck.compare(CLAIMS, blanked)) == ["number-drift c001 1"]


def test_no_directives() -> None:
    found = suppress.suppressions(f"{DRIFT}\n")
    assert found == suppress.Suppressions()


# ranges: ignore-start … ignore-end


def test_a_range_suppresses_its_targets_in_every_sentence_between() -> None:
    text = (
        f"{DRIFT}\n<!-- factcheck: ignore-start c001 number-drift -->\n{DRIFT}\n\n"
        f"{LAUNCH} {DRIFT} {GENEVA}\n<!-- factcheck: ignore-end -->\n{DRIFT}\n"
    )
    report, notices = check(text)
    assert rules(report) == ["number-drift c001 1", "unsupported None 5", "number-drift c001 7"]
    assert report.summary.drift == 2
    assert notices == []


def test_a_range_in_hash_lines_and_without_targets_suppresses_everything() -> None:
    text = f"{DRIFT}\n# factcheck: ignore-start -- quoted from the draft\n{DRIFT} {GENEVA}\n"
    text += f"# factcheck: ignore-end\n{GENEVA}\n"
    report, notices = check(text)
    assert rules(report) == ["number-drift c001 1", "unsupported None 5", "omission c002 None"]
    assert notices == []


def test_overlapping_ranges_end_together() -> None:
    text = (
        f"<!-- factcheck: ignore-start c001 -->\n{DRIFT}\n"
        f"<!-- factcheck: ignore-start unsupported -->\n{DRIFT} {GENEVA}\n"
        f"<!-- factcheck: ignore-end -->\n{DRIFT} {GENEVA}\n{LAUNCH}\n"
    )
    report, notices = check(text)
    assert rules(report) == ["number-drift c001 6", "unsupported None 6"]
    assert notices == []


def test_an_unclosed_range_runs_to_the_end_with_a_warning() -> None:
    report, notices = check(f"{DRIFT}\n<!-- factcheck: ignore-start -->\n{DRIFT}\n{GENEVA}\n")
    assert rules(report) == ["number-drift c001 1", "omission c002 None"]
    assert notices == [
        "a.txt:2:1: 'ignore-start' without 'ignore-end': it runs to the end of the document"
    ]


def test_a_stray_end_and_an_end_with_targets_are_warnings() -> None:
    report, notices = check(f"{DRIFT}\n<!-- factcheck: ignore-end -->\n{LAUNCH}\n")
    assert rules(report) == ["number-drift c001 1"]
    assert notices == ["a.txt:2:1: 'ignore-end' without 'ignore-start'"]
    text = f"# factcheck: ignore-start c001\n{DRIFT}\n# factcheck: ignore-end c001\n{LAUNCH}\n"
    report, notices = check(text)
    assert rules(report) == []
    assert notices == ["a.txt:3:1: 'ignore-end' takes no targets"]


def test_an_unused_range_and_its_unused_targets_are_reported() -> None:
    text = f"<!-- factcheck: ignore-start c002 -->\n{DRIFT}\n<!-- factcheck: ignore-end -->\n"
    report, notices = check(f"{text}{LAUNCH}\n")
    assert rules(report) == ["number-drift c001 2"]
    assert notices == ["a.txt:1:1: unused suppression '<!-- factcheck: ignore-start c002 -->'"]
    text = f"<!-- factcheck: ignore-start c001 c002 -->\n{DRIFT}\n<!-- factcheck: ignore-end -->\n"
    report, notices = check(f"{text}{LAUNCH}\n")
    assert rules(report) == []
    assert notices == ["a.txt:1:1: unused suppression of c002"]


def test_a_range_of_an_unknown_rule_suppresses_nothing_and_its_end_is_not_stray() -> None:
    text = (
        f"<!-- factcheck: ignore-start number-drfit -->\n{DRIFT}\n<!-- factcheck: ignore-end -->\n"
    )
    report, notices = check(f"{text}{LAUNCH}\n")
    assert rules(report) == ["number-drift c001 2"]
    assert len(notices) == 1 and notices[0].startswith("a.txt:1:1: unknown rule 'number-drfit'")


def test_a_range_never_suppresses_an_omission() -> None:
    text = f"<!-- factcheck: ignore-start omission -->\n{DRIFT}\n<!-- factcheck: ignore-end -->\n"
    report, notices = check(text)
    assert rules(report) == ["number-drift c001 2", "omission c002 None"]
    assert notices == ["a.txt:1:1: unused suppression '<!-- factcheck: ignore-start omission -->'"]


@pytest.mark.parametrize(
    "args", [("--select", "drift"), ("--ignore", "unsupported,omission"), ("--config", "off.yaml")]
)
def test_a_directive_for_a_rule_the_run_does_not_report_is_not_unused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """A CI step run with ``--select drift``, or a configuration that turns omissions off,
    reports no unsupported statement or omission: the rewrite's directives for them still
    suppress what they name, and are not warned of as suppressing nothing."""
    monkeypatch.chdir(tmp_path)
    Path("claims.yaml").write_text(factcheck.dump_claims(CLAIMS))
    Path("off.yaml").write_text("severity:\n  unsupported: off\n  omission: off\n")
    Path("a.md").write_text(
        f"{DRIFT} {GENEVA} <!-- factcheck: ignore unsupported -->\n\n"
        "<!-- factcheck: ignore-file omission -->\n"
    )
    result = run("compare", "claims.yaml", "a.md", "-f", "concise", *args)
    assert result.stderr == ""
    assert [line.split()[2:4] for line in result.stdout.splitlines()] == [
        ["number-drift", "[c001]"]
    ]
