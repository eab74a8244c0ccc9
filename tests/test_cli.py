"""The command line: one test per exit status and input error, stdin, JSON shape, extract -o."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import factcheck
from factcheck.claims import ClaimSet
from factcheck.cli import ExitCode, ReportFormat, app
from factcheck.render import RENDERERS
from factcheck.report import Finding, Report, Summary

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CLAIMS = str(DATA / "claims.yaml")
REPORT = str(DATA / "report.txt")
FAITHFUL = str(DATA / "faithful.txt")
DRIFT = str(DATA / "drift.txt")


def run(*args: str, stdin: str | bytes | None = None) -> Any:
    result = CliRunner().invoke(app, list(args), input=stdin)
    # typer.Exit becomes SystemExit; anything else is a crash the user would see as a traceback
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def assert_input_error(result: Any, *fragments: str) -> None:
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcheck: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


# exit status 0 and 1 with the real engine


def test_faithful_rewrite_exits_0() -> None:
    result = run("compare", CLAIMS, FAITHFUL)
    assert result.exit_code == ExitCode.OK, result.stdout


def test_changed_figure_exits_1() -> None:
    result = run("compare", CLAIMS, DRIFT, "--format", "json")
    assert result.exit_code == ExitCode.FINDINGS
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert ("drift", "number", "c001") in {(f["kind"], f["type"], f["claim_id"]) for f in findings}


def test_original_report_in_place_of_claims_file() -> None:
    result = run("compare", REPORT, FAITHFUL, "--format", "json")
    assert result.exit_code == ExitCode.OK, result.stdout
    doc = json.loads(result.stdout)
    assert doc["claims"][0]["path"] == REPORT
    assert doc["claims"][0]["count"] > 0


def test_claims_file_recognised_by_content(tmp_path: Path) -> None:
    claims = tmp_path / "claims.txt"
    claims.write_text(Path(CLAIMS).read_text(encoding="utf-8"), encoding="utf-8")
    doc = json.loads(run("compare", str(claims), FAITHFUL, "-f", "json").stdout)
    assert doc["claims"] == [{"path": str(claims), "count": 6}]


# exit status 2: one line on stderr, nothing on stdout, no traceback


def test_missing_file_exits_2(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert_input_error(run("compare", CLAIMS, missing), missing)


def test_missing_claims_file_exits_2(tmp_path: Path) -> None:
    missing = str(tmp_path / "claims.yaml")
    assert_input_error(run("compare", missing, FAITHFUL), missing)


def test_directory_exits_2(tmp_path: Path) -> None:
    assert_input_error(run("compare", CLAIMS, str(tmp_path)), str(tmp_path), "directory")


def test_non_utf8_exits_2(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("The café opened.\nIt cost 45 dollars.\n".encode("latin-1"))
    assert_input_error(run("compare", CLAIMS, str(latin1)), f"{latin1}:1:", "UTF-8")


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + Path(FAITHFUL).read_bytes())
    assert run("compare", CLAIMS, str(bom)).exit_code == ExitCode.OK


@pytest.mark.parametrize("content", ["", "  \n\t\n"], ids=["empty", "whitespace"])
def test_empty_input_exits_2(tmp_path: Path, content: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    assert_input_error(run("compare", CLAIMS, str(empty)), str(empty), "empty")


def test_empty_stdin_exits_2() -> None:
    assert_input_error(run("compare", CLAIMS, "-", stdin=""), "error: -: input is empty")


def test_malformed_claims_file_exits_2_with_its_line(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "version: 1\nclaims:\n- id: c001\n  text: One.\n- id: c007\n  key: true\n",
        encoding="utf-8",
    )
    assert_input_error(run("compare", str(claims), FAITHFUL), f"{claims}:5:", "c007", "'text'")


def test_stdin_given_twice_exits_2() -> None:
    assert_input_error(run("compare", CLAIMS, "-", "-", stdin="Text."), "stdin")


def test_unknown_option_exits_2() -> None:
    assert run("compare", CLAIMS, FAITHFUL, "--fail-on", "fatal").exit_code == 2


# stdin, --version, JSON contract


def test_derivative_from_stdin_is_reported_as_dash() -> None:
    text = Path(DRIFT).read_text(encoding="utf-8")
    piped = run("compare", CLAIMS, "-", "-f", "json", stdin=text)
    from_file = run("compare", CLAIMS, DRIFT, "-f", "json")
    assert piped.exit_code == from_file.exit_code == ExitCode.FINDINGS
    piped_doc = json.loads(piped.stdout)["documents"][0]
    file_doc = json.loads(from_file.stdout)["documents"][0]
    assert piped_doc["path"] == "-"
    assert piped_doc["findings"] == file_doc["findings"]


def test_claims_from_stdin() -> None:
    claims = Path(CLAIMS).read_text(encoding="utf-8")
    doc = json.loads(run("compare", "-", FAITHFUL, "-f", "json", stdin=claims).stdout)
    assert doc["claims"] == [{"path": "-", "count": 6}]


def test_python_m_factcheck_version() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"factcheck {factcheck.__version__}"


FINDING_TYPES: dict[str, type | tuple[type, ...]] = {
    "kind": str,
    "type": (str, type(None)),
    "severity": str,
    "claim_id": (str, type(None)),
    "claim": (str, type(None)),
    "sentence": (str, type(None)),
    "line": (int, type(None)),
    "column": (int, type(None)),
    "expected": (str, type(None)),
    "found": (str, type(None)),
    "message": str,
}
FINDING_TYPE_VALUES = (None, "number", "entity", "negation", "hedge", "quote", "attribution")
SUMMARY_KEYS = ("sentences", "claims", "covered", "omitted", "drift", "unsupported")


def assert_json_contract(doc: dict[str, Any]) -> None:
    """Every key of the README's JSON contract (version 2), with its type and allowed values."""
    assert doc["version"] == 2
    assert isinstance(doc["claims"][0]["path"], str)
    assert isinstance(doc["claims"][0]["count"], int)
    for document in doc["documents"]:
        assert isinstance(document["path"], str)
        summary = document["summary"]
        assert isinstance(document["claims"], str)
        assert all(type(summary[key]) is int for key in SUMMARY_KEYS)
        assert isinstance(summary["consistency"], float) and 0.0 <= summary["consistency"] <= 1.0
        for finding in document["findings"]:
            for key, types in FINDING_TYPES.items():
                assert isinstance(finding[key], types), (key, finding)
            assert finding["kind"] in ("omission", "drift", "unsupported")
            assert finding["severity"] in ("error", "warning", "info")
            assert finding["type"] in FINDING_TYPE_VALUES


def test_json_contract_from_the_engine() -> None:
    result = run("compare", CLAIMS, DRIFT, FAITHFUL, "--format", "json")
    doc = json.loads(result.stdout)
    assert_json_contract(doc)
    assert [d["path"] for d in doc["documents"]] == [DRIFT, FAITHFUL]
    assert result.stdout.endswith("}\n")


FIXED_FINDINGS = (
    Finding("unsupported", None, "warning", "unbacked", sentence="Buses fly.", line=3, column=1),
    Finding("omission", None, "error", "claim c002 is missing", claim_id="c002", claim="Two."),
    Finding(
        "drift",
        "number",
        "info",
        "45 became 54",
        claim_id="c001",
        claim="45 buses.",
        sentence="54 buses.",
        line=1,
        column=1,
        expected="45",
        found="54",
        span=(0, 2),
    ),
)


@pytest.fixture
def fixed_report(monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """Replace the engine's judgment with fixed findings, to test the exit-status policy alone."""
    findings: list[Finding] = []

    def compare(claims: ClaimSet, text: str, path: str = "-", cutoffs: object = None) -> Report:
        summary = Summary(3, len(claims), len(claims) - 1, 1, 1, 1, 0.5)
        return Report(path, summary, tuple(findings))

    monkeypatch.setattr(factcheck, "compare", compare)
    return findings


def test_json_contract_for_every_kind(fixed_report: list[Finding]) -> None:
    fixed_report.extend(FIXED_FINDINGS)
    doc = json.loads(run("compare", CLAIMS, FAITHFUL, "-f", "json").stdout)
    assert_json_contract(doc)
    kinds = [f["kind"] for f in doc["documents"][0]["findings"]]
    assert kinds == ["drift", "unsupported", "omission"]  # sorted: line, then no line last


@pytest.mark.parametrize(
    ("severity", "options", "status"),
    [
        ("error", [], ExitCode.FINDINGS),
        ("warning", [], ExitCode.OK),
        ("warning", ["--fail-on", "warning"], ExitCode.FINDINGS),
        ("info", ["--fail-on", "warning"], ExitCode.OK),
        ("info", ["--fail-on", "info"], ExitCode.FINDINGS),
        ("error", ["--exit-zero"], ExitCode.OK),
    ],
)
def test_fail_on_sets_the_failing_severity(
    fixed_report: list[Finding], severity: str, options: list[str], status: int
) -> None:
    finding = Finding("unsupported", None, severity, "x", sentence="Buses fly.", line=1)  # type: ignore[arg-type]
    fixed_report.append(finding)
    assert run("compare", CLAIMS, FAITHFUL, *options).exit_code == status


def test_every_format_has_a_renderer() -> None:
    assert sorted(f.value for f in ReportFormat) == sorted(RENDERERS)


def test_text_output_has_no_ansi_unless_asked(fixed_report: list[Finding]) -> None:
    fixed_report.extend(FIXED_FINDINGS)
    assert "\x1b[" not in run("compare", CLAIMS, FAITHFUL).stdout
    assert "\x1b[" not in run("compare", CLAIMS, FAITHFUL, "--color", "never").stdout
    assert "\x1b[" in run("compare", CLAIMS, FAITHFUL, "--color", "always").stdout


# extract


def test_extract_prints_a_loadable_claims_file() -> None:
    result = run("extract", REPORT)
    assert result.exit_code == ExitCode.OK
    claims = factcheck.load_claims(result.stdout, "out.yaml")
    assert len(claims) > 0
    assert claims.source == REPORT


def test_extract_reads_stdin() -> None:
    from_stdin = run("extract", "-", stdin=Path(REPORT).read_text(encoding="utf-8"))
    assert from_stdin.exit_code == ExitCode.OK
    ids = [c.id for c in factcheck.load_claims(from_stdin.stdout, "out.yaml")]
    assert ids == [c.id for c in factcheck.load_claims(run("extract", REPORT).stdout, "o.yaml")]


def test_extract_writes_output_file(tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    result = run("extract", REPORT, "-o", str(out))
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == run("extract", REPORT).stdout
    assert os.listdir(tmp_path) == ["claims.yaml"]  # no temporary file left behind


def test_extract_keeps_existing_output_without_force(tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    out.write_text("reviewed by hand\n", encoding="utf-8")
    assert_input_error(run("extract", REPORT, "-o", str(out)), str(out), "--force")
    assert out.read_text(encoding="utf-8") == "reviewed by hand\n"


def test_extract_force_overwrites_and_keeps_permissions(tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run("extract", REPORT, "-o", str(out), "--force").exit_code == ExitCode.OK
    assert out.read_text(encoding="utf-8").startswith("# factcheck claims file")
    assert out.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["claims.yaml"]


def test_extract_into_missing_directory_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "no" / "claims.yaml"
    assert_input_error(run("extract", REPORT, "-o", str(out)), str(out))
