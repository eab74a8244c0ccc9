"""The CI and line formats (concise, jsonl, sarif, github, gitlab, junit, markdown) and the CLI
options around them, from hand-built reports (independent of the engine).

Regenerate the goldens after an intended change with ``FACTCHECK_UPDATE_GOLDEN=1 pytest
tests/test_formats.py`` and review the diff.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from golden import check_golden
from typer.testing import CliRunner

import factcheck
from factcheck import drift, rules
from factcheck.claims import Claim, ClaimSet
from factcheck.cli import ReportFormat, app
from factcheck.render import DEFAULT_VIEW, RENDERERS, Run, View, github, markdown, renderer
from factcheck.render.location import located
from factcheck.report import Finding, Report, Summary, severity_rank

DATA = Path(__file__).resolve().parent / "data"
GOLDEN_NAMES = {
    "concise": "report.concise.txt",
    "jsonl": "report.jsonl",
    "sarif": "report.sarif",
    "github": "report.github.txt",
    "gitlab": "report.gitlab.json",
    "junit": "report.junit.xml",
    "markdown": "report.md",
}

CLAIMS = ClaimSet(
    (
        Claim("c001", "The council approved a budget of 412 million dollars.", 3, True, None, 4),
        Claim("c002", "It includes 45 new electric buses.", 3, True, None, 8),
        Claim("c003", "Fares may rise by 5% next year.", 5, False, None, 12),
    ),
    path="claims.yaml",
)

# deliberately out of order: renderers sort by Finding.sort_key
FINDINGS = (
    Finding(
        "omission", None, "warning", "key claim not covered (10% of it said)",
        claim_id="c002", claim=CLAIMS.claims[1].text, claim_line=8,
    ),
    Finding(
        "unsupported", None, "warning", "'Geneva | Lyon' is nowhere in the report",
        sentence="A depot opens in Geneva\nnext spring.", line=6, column=18,
        found="Geneva\nnext", span=(17, 28),
    ),
    Finding(
        "drift", "hedge", "error", "speculation stated as fact: 'may'",
        claim_id="c003", claim=CLAIMS.claims[2].text,
        sentence="Fares will rise by 5% next year.", line=4, column=7,
        expected="may", found="will",
    ),
    Finding(
        "drift", "number", "error", "figure changed: 412 million, 512 million",
        claim_id="c001", claim=CLAIMS.claims[0].text,
        sentence="The council approved a budget of 512 million dollars.",
        line=1, column=34, expected="412 million", found="512 million", span=(33, 44),
    ),
    Finding(
        "omission", None, "info", "claim not covered (0% of it said)",
        claim_id="c003", claim=CLAIMS.claims[2].text, claim_line=12,
    ),
)  # fmt: skip

REPORTS = [
    Report("articles/rewrite.md", Summary(6, 3, 2, 1, 2, 1, 0.5), FINDINGS[:4]),
    Report("-", Summary(2, 3, 2, 1, 0, 0, 1.0), FINDINGS[4:]),
]


def rendered(fmt: str, reports: list[Report] = REPORTS, view: View = DEFAULT_VIEW) -> str:
    out = io.StringIO()
    renderer(fmt)([Run(CLAIMS, reports)], out, view)
    return out.getvalue()


def _stub_check(check_id: str, severity: str) -> ModuleType:
    module = ModuleType(check_id, f"{check_id}: what it catches.\n\nWhy: it matters.\n\nLimits.")
    module.ID, module.SEVERITY = check_id, severity  # type: ignore[attr-defined]
    return module


@pytest.fixture
def fixed_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin what the SARIF golden takes from outside the renderer: check docstrings, the version."""
    checks = (_stub_check("number", "error"), _stub_check("hedge", "error"))
    monkeypatch.setattr(rules, "drift", SimpleNamespace(CHECKS=checks))
    monkeypatch.setattr(factcheck, "__version__", "9.9.9")


@pytest.mark.parametrize("fmt", sorted(GOLDEN_NAMES))
@pytest.mark.usefixtures("fixed_rules")
def test_golden(fmt: str) -> None:
    check_golden(GOLDEN_NAMES[fmt], rendered(fmt))


def test_every_renderer_is_a_format_choice() -> None:
    assert [f.value for f in ReportFormat] == list(RENDERERS)


# concise and jsonl


def test_concise_locates_omissions_in_the_claims_file() -> None:
    lines = rendered("concise").splitlines()
    assert lines[0] == (
        "articles/rewrite.md:1:34: error: number-drift [c001] "
        "figure changed: 412 million, 512 million"
    )
    assert "claims.yaml:8:1: warning: omission [c002] articles/rewrite.md: key claim" in lines[3]
    assert lines[4].startswith("claims.yaml:12:1: info: omission [c003] -: claim not covered")


def test_jsonl_is_the_contract_plus_path_and_claims_file() -> None:
    records = [json.loads(line) for line in rendered("jsonl").splitlines()]
    assert [r["path"] for r in records] == ["articles/rewrite.md"] * 4 + ["-"]
    extra = ("path", "claims")
    assert {k: v for k, v in records[0].items() if k not in extra} == FINDINGS[3].to_dict()
    other = ClaimSet(CLAIMS.claims, path="claims/other.yaml")
    out = io.StringIO()
    renderer("jsonl")([Run(CLAIMS, REPORTS[:1]), Run(other, REPORTS[1:])], out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["claims"] for r in records] == ["claims.yaml"] * 4 + ["claims/other.yaml"]


# SARIF


def _require(obj: Any, where: str, *keys: str) -> None:
    assert isinstance(obj, dict), where
    for key in keys:
        assert key in obj, f"{where}: no {key!r}"


def _validate_sarif(log: Any) -> None:
    """The structure GitHub code scanning requires of SARIF 2.1.0 (reference/ecosystem.md §1b)."""
    _require(log, "sarifLog", "$schema", "version", "runs")
    assert log["version"] == "2.1.0"
    for run in log["runs"]:
        _require(run, "run", "tool", "results")
        driver = run["tool"]["driver"]
        _require(driver, "toolComponent", "name", "rules")
        assert run.get("columnKind", "utf16CodeUnits") in {"utf16CodeUnits", "unicodeCodePoints"}
        for rule in driver["rules"]:
            _require(
                rule, "reportingDescriptor", "id", "shortDescription", "fullDescription", "help"
            )
            for key in ("shortDescription", "fullDescription", "help"):
                assert isinstance(rule[key]["text"], str) and rule[key]["text"]
            assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note", "none"}
        ids = [rule["id"] for rule in driver["rules"]]
        assert len(ids) == len(set(ids))
        for result in run["results"]:
            _validate_result(result, ids)


def _validate_result(result: Any, ids: list[str]) -> None:
    _require(result, "result", "ruleId", "level", "message", "locations", "partialFingerprints")
    assert result["ruleId"] in ids
    assert ids[result["ruleIndex"]] == result["ruleId"]
    assert result["level"] in {"error", "warning", "note", "none"}
    assert isinstance(result["message"]["text"], str)
    assert result["partialFingerprints"]
    physical = result["locations"][0]["physicalLocation"]
    _require(physical, "physicalLocation", "artifactLocation", "region")
    assert isinstance(physical["artifactLocation"]["uri"], str)
    region = physical["region"]
    _require(region, "region", "startLine", "startColumn", "endLine", "endColumn")
    assert all(isinstance(v, int) and v >= 1 for v in region.values())
    start, end = (
        (region["startLine"], region["startColumn"]),
        (region["endLine"], region["endColumn"]),
    )
    assert start <= end


def test_sarif_has_the_required_structure() -> None:
    log = json.loads(rendered("sarif"))
    _validate_sarif(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["semanticVersion"] == factcheck.__version__
    assert {"omission", "unsupported", "number-drift", "hedge-drift"} <= {
        r["id"] for r in driver["rules"]
    }
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert {f"{check.ID}-drift" for check in drift.CHECKS} <= {r["id"] for r in driver["rules"]}


def test_sarif_locations_and_levels() -> None:
    results = json.loads(rendered("sarif"))["runs"][0]["results"]
    where = [r["locations"][0]["physicalLocation"] for r in results]
    assert where[0]["artifactLocation"]["uri"] == "articles/rewrite.md"
    assert where[0]["region"] == {"startLine": 1, "startColumn": 34, "endLine": 1, "endColumn": 45}
    assert where[2]["region"] == {"startLine": 6, "startColumn": 18, "endLine": 7, "endColumn": 5}
    assert where[3]["artifactLocation"]["uri"] == "claims.yaml"
    assert where[3]["region"]["startLine"] == 8
    assert [r["level"] for r in results] == ["error", "error", "warning", "warning", "note"]
    assert results[0]["properties"]["claimId"] == "c001"


def test_sarif_fingerprints_ignore_line_numbers() -> None:
    moved = [Report(r.path, r.summary, tuple(_moved(f) for f in r.findings)) for r in REPORTS]
    before = json.loads(rendered("sarif"))["runs"][0]["results"]
    after = json.loads(rendered("sarif", moved))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert len({json.dumps(r["partialFingerprints"]) for r in before}) == len(before)


def _moved(finding: Finding) -> Finding:
    from dataclasses import replace

    line = finding.line + 10 if finding.line is not None else None
    return replace(finding, line=line, claim_line=(finding.claim_line or 0) + 3)


def test_sarif_uri_is_percent_encoded() -> None:
    report = Report("my articles/a#1.md", REPORTS[0].summary, FINDINGS[3:4])
    result = json.loads(rendered("sarif", [report]))["runs"][0]["results"][0]
    assert (
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "my%20articles/a%231.md"
    )


# GitHub


def test_github_escapes_data_and_properties() -> None:
    assert github.escape_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b"
    assert github.escape_property("dir/a:b,c%.md") == "dir/a%3Ab%2Cc%25.md"


def test_github_command_escapes_file_names_and_messages() -> None:
    finding = Finding(
        "drift", "number", "error", "share: 45% became\n54%, per the rewrite",
        claim_id="c001", sentence="It fell 54%.", line=2, column=9, span=(8, 11),
    )  # fmt: skip
    report = Report("news/a:b,c.md", REPORTS[0].summary, (finding,))
    assert rendered("github", [report]) == (
        "::error file=news/a%3Ab%2Cc.md,line=2,col=9,endLine=2,endColumn=12,"
        "title=factcheck number-drift c001::share: 45%25 became%0A54%25, per the rewrite\n"
    )


def test_github_leaves_out_columns_across_lines() -> None:
    lines = rendered("github").splitlines()
    multi = next(line for line in lines if "unsupported" in line)
    assert multi.startswith("::warning file=articles/rewrite.md,line=6,endLine=7,title=")
    assert "col=" not in multi and "endColumn=" not in multi
    assert lines[-1].startswith("::notice file=claims.yaml,line=12,col=1,")


# GitLab and JUnit


def test_gitlab_parses_with_unique_fingerprints() -> None:
    issues = json.loads(rendered("gitlab"))
    assert len(issues) == 5
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_is_an_empty_array_when_clean() -> None:
    assert rendered("gitlab", [Report("a.md", REPORTS[1].summary)]) == "[]\n"


def test_identical_findings_keep_unique_fingerprints() -> None:
    twice = Report("a.md", REPORTS[0].summary, (FINDINGS[1], FINDINGS[1]))
    assert len({e.fingerprint for e in located([Run(CLAIMS, [twice])])}) == 2
    assert len({i["fingerprint"] for i in json.loads(rendered("gitlab", [twice]))}) == 2


def test_junit_parses_with_one_case_per_claim_and_unique_names() -> None:
    root = ET.fromstring(rendered("junit"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["articles/rewrite.md", "-"]
    for suite, report in zip(suites, REPORTS, strict=True):
        cases = suite.findall("testcase")
        unsupported = sum(1 for f in report.findings if f.kind == "unsupported")
        assert len(cases) == len(CLAIMS) + unsupported
        assert {c.get("classname") for c in cases} == {report.path}
        names = [c.get("name") for c in cases]
        assert len(set(names)) == len(names)
        assert suite.get("tests") == str(len(cases))
        failed = [c for c in cases if c.find("failure") is not None]
        assert suite.get("failures") == str(len(failed))
    assert root.get("tests") == "7" and root.get("failures") == "2"  # the two errors
    first = suites[0].findall("testcase")[0]
    assert first.get("name", "").startswith("c001 The council approved")
    assert first.find("failure").get("type") == "number-drift"  # type: ignore[union-attr]


@pytest.mark.parametrize(("fail_on", "failures"), [("error", 2), ("warning", 4), ("info", 5)])
def test_junit_failures_follow_fail_on(fail_on: str, failures: int) -> None:
    """A finding below --fail-on leaves its test passed, told in <system-out>: the report
    fails exactly when the run's exit status does."""
    root = ET.fromstring(rendered("junit", view=View(fail_on=fail_on)))
    cases = root.findall("testsuite/testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert root.get("failures") == str(len(failed)) == str(failures)
    told = [c for c in cases if c.find("system-out") is not None]
    assert len(told) == len(FINDINGS) - failures  # no finding on two claims' tests here
    for case in told:
        assert case.find("failure") is None
        severity = (case.findtext("system-out") or "").split("(", 1)[1].split(")")[0]
        assert severity_rank(severity) < severity_rank(fail_on)


@pytest.mark.parametrize(("fail_on", "exit_code"), [("error", 0), ("warning", 1)])
def test_junit_fails_exactly_when_the_run_does(
    tmp_path: Path, fail_on: str, exit_code: int
) -> None:
    """A rewrite that omits claims (warnings, info) and changes nothing: under --fail-on
    error the run exits 0 and the report has no failure; under warning both fail."""
    rewrite = tmp_path / "short.txt"
    rewrite.write_text((DATA / "faithful.txt").read_text().split(". ")[0] + ".\n")
    args = (str(DATA / "claims.yaml"), str(rewrite), "-f", "junit", "--fail-on", fail_on)
    result = run("compare", *args)
    assert result.exit_code == exit_code
    failures = int(ET.fromstring(result.stdout).get("failures", ""))
    assert (failures > 0) == (exit_code == 1)


def test_junit_survives_control_characters() -> None:
    finding = Finding("unsupported", None, "warning", "bad \x01 byte", sentence="x\x0by", line=1)
    ET.fromstring(rendered("junit", [Report("a.md", REPORTS[0].summary, (finding,))]))


def test_a_document_named_twice_keeps_its_own_findings_once() -> None:
    """``compare claims.yaml a.md a.md`` (or a glob and a path that both name a.md) checks a.md
    twice: each of its reports lists its own findings, not those of every report of its name."""
    twice = [REPORTS[0], REPORTS[0]]
    rows = [line for line in rendered("markdown", twice).splitlines() if line.startswith("| ")]
    assert len(rows) == 2 * (1 + len(REPORTS[0].findings))  # a header and the findings, each
    suites = ET.fromstring(rendered("junit", twice)).findall("testsuite")
    assert [s.get("failures") for s in suites] == ["2", "2"]  # the two errors, each


# Markdown


def test_markdown_escapes_table_pipes() -> None:
    row = next(line for line in rendered("markdown").splitlines() if "Geneva" in line)
    assert "Geneva \\| Lyon" in row
    assert row.replace("\\|", "").count("|") == 6


def test_markdown_is_cut_below_the_limit() -> None:
    many = Report("a.md", REPORTS[0].summary, FINDINGS[1:2] * 200)
    text = markdown.markdown([Run(CLAIMS, [many])], limit=2000)
    assert len(text.encode("utf-8")) < 2200
    assert "more findings not shown" in text


# the CLI


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_output_file_receives_the_output(tmp_path: Path) -> None:
    target = tmp_path / "factcheck.sarif"
    result = run(
        "compare",
        str(DATA / "claims.yaml"),
        str(DATA / "drift.txt"),
        "--format",
        "sarif",
        "--output-file",
        str(target),
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    _validate_sarif(json.loads(target.read_text(encoding="utf-8")))


def test_github_actions_selects_the_github_format(tmp_path: Path) -> None:
    args = ("compare", str(DATA / "claims.yaml"), str(DATA / "drift.txt"))
    assert run(*args, env={"GITHUB_ACTIONS": "true"}).stdout.startswith("::error file=")
    assert run(*args, "--format", "concise", env={"GITHUB_ACTIONS": "true"}).stdout.startswith(
        str(DATA)
    )
    assert not run(*args).stdout.startswith("::")


def test_github_step_summary_gets_a_table(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    args = ("compare", str(DATA / "claims.yaml"), str(DATA / "drift.txt"), "-f", "github")
    run(*args, env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## factcheck\n")
    assert "| where | rule | severity | claim | message |" in text
    assert "number-drift" in text
    run(*args[:-2], "-f", "json", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.read_text(encoding="utf-8") == text  # only the github format writes it
