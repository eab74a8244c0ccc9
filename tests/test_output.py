"""Output people can act on: true coverage, the text view's order, its omission list and its
closing total, --statistics, and --stdin-filename naming the document everywhere."""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from factcheck import compare, config, load_claims
from factcheck.claims import Claim, ClaimSet
from factcheck.cli import ExitCode, app
from factcheck.render import Run, View, renderer
from factcheck.report import Finding, Report, Summary

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CLAIMS = str(DATA / "claims.yaml")
DRIFT = str(DATA / "drift.txt")
# the first sentence of tests/data/faithful.txt: it says c001 and c002 and omits the rest
SHORT = (
    "On Tuesday the Harbourton city council approved a budget of 412 million dollars, "
    "an increase of 6 percent over last year.\n"
)


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, list(args), input=stdin, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def rendered(fmt: str, runs: list[Run], view: View) -> str:
    out = io.StringIO()
    renderer(fmt, view)(runs, out, view)
    return out.getvalue()


# coverage stays true


def test_coverage_is_the_alignments_whatever_the_findings_kept() -> None:
    claims = load_claims(Path(CLAIMS).read_text(encoding="utf-8"), CLAIMS)
    report = compare(claims, SHORT, "short.txt")
    omitted = [f for f in report.findings if f.kind == "omission"]
    assert (report.summary.covered, report.summary.omitted) == (2, 4) == (2, len(omitted))
    off = config.apply_severity(report, config.Config(severity=(("omission", "off"),)))
    assert (off.summary.claims, off.summary.covered, off.summary.omitted) == (6, 2, 0)
    assert report.with_findings(()).summary.covered == 2


def test_omission_off_keeps_the_summary_true(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "off.yaml").write_text("severity:\n  omission: off\n", encoding="utf-8")
    args = ("compare", CLAIMS, str(tmp_path / "short.txt"), "--config", str(tmp_path / "off.yaml"))
    summary = json.loads(run(*args, "-f", "json").stdout)["documents"][0]["summary"]
    assert (summary["claims"], summary["covered"], summary["omitted"]) == (6, 2, 0)
    assert "2/6 claims covered" in run(*args).stdout.splitlines()[0]


# the text view, from hand-built reports

CLAIM_SET = ClaimSet(
    tuple(
        Claim(
            f"c{n:03}",
            f"Claim number {n} says something rather long about the budget.",
            1,
            n % 2 == 0,
        )
        for n in range(1, 15)
    ),
    path="claims.yaml",
)
DRIFTED = Finding(
    "drift", "number", "error", "figure changed: 412 million, 512 million",
    claim_id="c001", claim="The council approved a budget of 412 million dollars on Tuesday.",
    sentence="Yesterday, after a long and heated debate that lasted well into the night, the "
    "council approved a budget of 512 million dollars, which critics called reckless.",
    line=3, column=109, expected="412 million", found="512 million", span=(108, 119),
)  # fmt: skip
UNSUPPORTED = Finding(
    "unsupported", None, "warning", "'Geneva' is not named in the report",
    sentence="A depot opens in Geneva.", line=5, column=18, span=(17, 23),
)  # fmt: skip


def omission(claim: Claim, severity: str) -> Finding:
    return Finding(
        "omission", None, severity, "claim not covered (0% of it said)",  # type: ignore[arg-type]
        claim_id=claim.id, claim=claim.text, claim_line=claim.line,
    )  # fmt: skip


# every claim omitted, as info, except c003 (not key) and c004 (key) as warnings
OMISSIONS = tuple(omission(c, "warning" if c.id in ("c003", "c004") else "info") for c in CLAIM_SET)
REPORT = Report("rewrite.txt", Summary(4, 14, 0, 14, 1, 1, 0.5), (*OMISSIONS, UNSUPPORTED, DRIFTED))


PLAIN = View(color=False, width=100)


def text(view: View = PLAIN, reports: tuple[Report, ...] = (REPORT,)) -> str:
    return rendered("text", [Run(CLAIM_SET, reports)], view)


def omission_ids(output: str) -> list[str]:
    return [line.split()[2] for line in output.splitlines() if line.startswith("  omission  ")]


def test_drift_and_unsupported_come_first_then_omissions_one_line_each() -> None:
    lines = text().splitlines()
    assert lines[0].startswith("rewrite.txt: 0/14 claims covered, 1 drift, 1 unsupported")
    headers = [line.split()[:3] for line in lines if line.startswith("  ") and line[2].isdigit()]
    assert headers == [["3:109", "number-drift", "error"], ["5:18", "unsupported", "warning"]]
    first_omission = next(i for i, line in enumerate(lines) if line.startswith("  omission"))
    assert all("claim" not in line.split(":")[0] for line in lines[first_omission:])
    assert lines[first_omission].split()[:3] == ["omission", "warning", "c004"]


def test_omissions_list_key_claims_first_then_stop_at_the_limit() -> None:
    output = text()
    # warnings first, the key claim's before the other's; then info, key claims first
    assert omission_ids(output) == [
        "c004", "c003", "c002", "c006", "c008", "c010", "c012", "c014", "c001", "c005",
    ]  # fmt: skip
    more = [line for line in output.splitlines() if "more omissions" in line]
    assert more == ["  … and 4 more omissions (4 info; --show-omissions lists them)"]


@pytest.mark.parametrize("view", [View(color=False, width=100, show_omissions=True),
                                  View(color=False, width=100, verbose=True)])  # fmt: skip
def test_show_omissions_and_verbose_list_every_omission(view: View) -> None:
    output = text(view)
    assert sorted(omission_ids(output)) == [c.id for c in CLAIM_SET]
    assert "more omissions" not in output


def test_lines_are_cut_to_the_width_with_the_changed_words_kept_under_their_carets() -> None:
    lines = text(View(color=False, width=60)).splitlines()
    quoted = [line for line in lines if line.startswith(("    claim", "    found"))]
    assert all(cell_len(line) <= 60 for line in quoted + omission_lines(lines))
    found = next(
        i for i, line in enumerate(lines) if line.startswith("    found") and "512" in line
    )
    assert lines[found].startswith("    found:      …") and lines[found].endswith("…")
    carets = lines[found + 1]
    assert carets.strip() == "^" * len("512 million")
    assert lines[found][carets.index("^") :].startswith("512 million")
    assert all(line.endswith("…") for line in omission_lines(lines))


def omission_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("  omission  ")]


def test_verbose_shows_sentences_and_claims_whole() -> None:
    output = text(View(color=False, width=60, verbose=True))
    assert DRIFTED.sentence in output
    assert all(claim.text in output for claim in CLAIM_SET)


def test_the_output_ends_with_the_total_by_severity_and_rule() -> None:
    clean = Report("other.txt", Summary(4, 14, 14, 0, 0, 0, 1.0))
    lines = text(reports=(REPORT, clean)).splitlines()
    assert lines[-3:] == [
        "",
        "Found 16 findings in 2 documents: 1 error, 3 warnings, 12 info.",
        "Rules: 14 omission, 1 number-drift, 1 unsupported.",
    ]
    assert text(reports=(clean,)).splitlines()[-2:] == ["", "No findings in 1 document."]


# --statistics


def test_statistics_count_each_rule_and_severity_most_first() -> None:
    runs = [Run(CLAIM_SET, [REPORT])]
    assert rendered("text", runs, View(statistics=True)).splitlines() == [
        "12  omission      info",
        " 2  omission      warning",
        " 1  number-drift  error",
        " 1  unsupported   warning",
    ]
    assert json.loads(rendered("json", runs, View(statistics=True)))[:2] == [
        {"rule": "omission", "severity": "info", "count": 12},
        {"rule": "omission", "severity": "warning", "count": 2},
    ]


def test_statistics_from_the_command_line() -> None:
    result = run("compare", CLAIMS, DRIFT, "--statistics")
    assert result.exit_code == ExitCode.FINDINGS  # the exit status does not change
    assert result.stdout.split() == ["1", "number-drift", "error"]
    as_json = run("compare", CLAIMS, DRIFT, "--statistics", "-f", "json")
    assert json.loads(as_json.stdout) == [{"rule": "number-drift", "severity": "error", "count": 1}]
    under_actions = run("compare", CLAIMS, DRIFT, "--statistics", env={"GITHUB_ACTIONS": "true"})
    assert under_actions.stdout == result.stdout  # text, not the github format's annotations


def test_statistics_in_another_format_is_a_one_line_usage_error() -> None:
    result = run("compare", CLAIMS, DRIFT, "--statistics", "-f", "sarif")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "factcheck: error: --statistics works with --format text or json, not sarif"
    ]


# --stdin-filename


def test_stdin_filename_names_the_document_in_every_format() -> None:
    text = Path(DRIFT).read_text(encoding="utf-8")
    named = ("compare", CLAIMS, "-", "--stdin-filename", "articles/budget.txt")
    doc = json.loads(run(*named, "-f", "json", stdin=text).stdout)["documents"][0]
    assert doc["path"] == "articles/budget.txt"
    concise = run(*named, "-f", "concise", stdin=text).stdout
    assert concise.startswith("articles/budget.txt:1:50: error: number-drift")
    assert run(*named, stdin=text).stdout.startswith("articles/budget.txt: ")
    sarif = json.loads(run(*named, "-f", "sarif", stdin=text).stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/budget.txt"


def test_stdin_filename_names_the_document_in_warnings_and_errors(tmp_path: Path) -> None:
    named = ("compare", CLAIMS, "-", "--stdin-filename", "articles/budget.txt")
    text = Path(DRIFT).read_text(encoding="utf-8") + "\n<!-- factcheck: ignore c009 -->\n"
    warned = run(*named, stdin=text)
    assert warned.stderr.startswith("factcheck: warning: articles/budget.txt:5:1: unused")
    empty = run(*named, stdin="  \n")
    assert empty.exit_code == ExitCode.INPUT_ERROR
    assert empty.stderr == "factcheck: error: articles/budget.txt: input is empty\n"
    baseline = tmp_path / "baseline.json"
    run(*named, "--write-baseline", str(baseline), stdin=text)
    paths = {entry["path"] for entry in json.loads(baseline.read_text())["entries"]}
    assert paths == {"articles/budget.txt"}


# the acceptance: the seed rewrite fits on one screen


def test_the_example_fits_on_one_screen_of_100_columns_and_ends_with_the_total() -> None:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "factcheck", "compare", "claims.yaml"]
    done = subprocess.run(
        [*command, "examples/ai-alliance-rewrite.txt"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == ExitCode.FINDINGS, done.stderr
    lines = done.stdout.splitlines()
    rows = sum(max(1, math.ceil(cell_len(line) / 100)) for line in lines)  # as a terminal wraps
    assert rows <= 40, done.stdout
    assert lines[-2].startswith("Found 37 findings in 1 document: 4 errors,")
    assert lines[-1].startswith("Rules: 32 omission, ")
