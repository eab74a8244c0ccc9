"""``factcheck rule``: every rule explained from one place, with examples the engine agrees with."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from runner import run

import factcheck
from factcheck import drift, rules
from factcheck.cli import ExitCode
from factcheck.render import sarif

RULE_IDS = sorted(drift.RULES)


def test_every_rule_is_documented_with_two_examples() -> None:
    assert [rule.id for rule in rules.rules()] == RULE_IDS
    assert sorted(rules.examples()) == RULE_IDS


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_the_firing_example_gives_exactly_its_finding(rule_id: str) -> None:
    fires, _ = rules.examples()[rule_id]
    report = factcheck.compare(fires.claim_set(), fires.rewrite)
    assert [f.rule for f in report.findings] == [rule_id]
    assert rules.describe(report.findings[0]) == fires.finding


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_the_passing_example_gives_no_finding(rule_id: str) -> None:
    _, passes = rules.examples()[rule_id]
    assert passes.finding is None
    assert factcheck.compare(passes.claim_set(), passes.rewrite).findings == ()


def test_rule_explains_one_rule() -> None:
    result = run("rule", "number-drift")
    assert result.exit_code == ExitCode.OK
    out = result.stdout
    assert out.startswith("number-drift (default severity: error)\n")
    assert "number: a figure, percentage or approximation" in out
    fires, passes = rules.examples()["number-drift"]
    shown_fire, shown_pass = out.split("Example that fires:\n")[1].split(
        "Example that does not fire:\n"
    )
    assert fires.rewrite in shown_fire and f"finding:   {fires.finding}" in shown_fire
    assert passes.rewrite in shown_pass and "finding" not in shown_pass


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fills_its_prose_to_an_80_column_terminal(rule_id: str) -> None:
    """A check's docstring is wrapped as source is (some lines of 160 characters): the prose
    is refilled, and only the PASS/FAIL table, whose columns line up, is kept as written."""
    documentation = run("rule", rule_id).stdout.split("\nExample that fires:")[0]
    paragraphs = documentation.split("\n\n")
    prose = [p for p in paragraphs if not p.startswith(("PASS", "FAIL"))]
    assert max(len(line) for paragraph in prose for line in paragraph.splitlines()) <= 79
    words = rules.rules()[RULE_IDS.index(rule_id)].doc.split()
    assert documentation.split()[4:] == words  # after "rule-id (default severity: x)"


def test_rule_without_an_id_lists_every_rule_on_a_line() -> None:
    lines = run("rule").stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [
        [rule.id, rule.severity] for rule in rules.rules()
    ]
    assert lines[RULE_IDS.index("unsupported")].endswith(
        "A statement of the rewrite that no claim of the report backs."
    )


def test_rule_all_explains_every_rule() -> None:
    out = run("rule", "--all").stdout
    assert out.count("Example that does not fire:") == len(RULE_IDS)
    assert all(f"{rule_id} (default severity: " in out for rule_id in RULE_IDS)


def test_rule_as_json() -> None:
    one = json.loads(run("rule", "omission", "-f", "json").stdout)
    assert (one["id"], one["severity"]) == ("omission", "warning")
    assert one["examples"]["fires"]["finding"] == rules.examples()["omission"][0].finding
    assert one["examples"]["passes"]["finding"] is None
    listed = json.loads(run("rule", "--format", "json").stdout)
    assert [r["id"] for r in listed] == RULE_IDS and "examples" not in listed[0]
    full = json.loads(run("rule", "--all", "--format", "json").stdout)
    assert [set(r) for r in full] == [set(one)] * len(RULE_IDS)


def test_an_unknown_rule_exits_2_naming_the_valid_ones() -> None:
    result = run("rule", "number-drfit")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stdout == ""
    assert result.stderr == (
        f"factcheck: error: unknown rule 'number-drfit' (valid: {', '.join(RULE_IDS)})\n"
    )


def test_sarif_describes_the_rules_as_rule_does() -> None:
    out = StringIO()
    sarif.render([], out)
    described = json.loads(out.getvalue())["runs"][0]["tool"]["driver"]["rules"]
    assert [(r["id"], r["help"]["text"]) for r in described] == [
        (rule.id, rule.doc) for rule in rules.rules()
    ]
    number = described[RULE_IDS.index("number-drift")]
    assert number["shortDescription"]["text"] == (
        "A figure, percentage or approximation that differs from the claim's."
    )
