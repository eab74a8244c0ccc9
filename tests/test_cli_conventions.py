"""Conventions users know from ruff and other linters: -h, usage errors on one line with exit
status 2, help that lists the exit statuses and examples, FILE and PATH metavariables."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.options import ExitCode

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CLAIMS = str(DATA / "claims.yaml")
FAITHFUL = str(DATA / "faithful.txt")


def run(*args: str, columns: int = 100) -> Any:
    result = CliRunner().invoke(
        app, list(args), env={"COLUMNS": str(columns)}, prog_name="factcheck"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["compare", CLAIMS, FAITHFUL, "--bogus"], "no such option: --bogus"),
        (["extract"], "missing argument 'REPORT'"),
        (["compare", CLAIMS, FAITHFUL, "--format", "xml"], "'xml' is not one of 'text'"),
        (["compare", CLAIMS, FAITHFUL, "--jobs", "x"], "invalid value for '--jobs'"),
        (["compare", CLAIMS, FAITHFUL, "-j", "-1"], "invalid value for '--jobs'"),
        (["compare", CLAIMS, FAITHFUL, "--fail-on", "fatal"], "invalid value for '--fail-on'"),
        (["compare", CLAIMS, FAITHFUL, "--select"], "option '--select' requires an argument"),
        (["nope"], "no such command 'nope'"),
        (["extract", "a.txt", "b.txt"], "unexpected extra argument(s) (b.txt)"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_status_2(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcheck: error: ")
    assert fragment in lines[0]


def test_a_usage_error_names_the_help_of_its_command() -> None:
    assert run("compare", "--bogus").stderr.endswith(" — see 'factcheck compare -h'\n")
    assert run("nope").stderr.endswith(" — see 'factcheck -h'\n")
    missing = run("compare", CLAIMS, FAITHFUL, "--format").stderr  # click gives it no command
    assert missing.endswith(" requires an argument — see 'factcheck compare -h'\n")


def test_a_usage_error_of_the_console_script_is_one_line() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "compare", CLAIMS, FAITHFUL, "--format", "xml"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == ExitCode.INPUT_ERROR
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("factcheck: error: invalid value for '--format'")


def test_the_command_list_gives_each_command_one_sentence() -> None:
    """Wide enough for every summary, ``factcheck -h`` gives each command one line: a
    docstring's first paragraph is its summary, and a line break in it shows as one."""
    lines = run("-h", columns=200).stdout.splitlines()
    listed = [line.strip("│ ") for line in lines if re.match(r"│ (extract|compare|rule) ", line)]
    assert len(listed) == 3 and all(summary.endswith(".") for summary in listed), listed


@pytest.mark.parametrize("command", ["extract", "compare", "evaluate", "selftest", "rule"])
def test_help_text_reads_whole_at_80_columns(command: str) -> None:
    """The help keeps the line breaks of a docstring's later paragraphs: a line longer than 78
    columns (the help's margins take two) wraps mid-sentence in an 80-column terminal."""
    help_text = run(command, "-h", columns=80).stdout.split("╭")[0]  # before the panels
    paragraphs = "\n".join(line.strip() for line in help_text.splitlines()).split("\n\n")
    for paragraph in paragraphs[1:]:  # after "Usage: …"
        for line, following in pairwise(paragraph.strip().splitlines()):
            # a break where the next word would have fit is the docstring's, not a wrap
            assert len(line) + 1 + len(following.split()[0]) > 78, (line, following)


def test_no_command_prints_the_help_and_exits_2() -> None:
    result = run()
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "Usage: factcheck" in result.stdout


@pytest.mark.parametrize("command", [[], ["compare"], ["extract"], ["rule"], ["selftest"]])
def test_dash_h_is_help(command: list[str]) -> None:
    short, long = run(*command, "-h"), run(*command, "--help")
    assert short.exit_code == long.exit_code == ExitCode.OK
    assert short.stdout == long.stdout
    assert f"Usage: factcheck {' '.join(command)}".rstrip() in short.stdout


@pytest.mark.parametrize("command", [[], ["compare"]])
def test_help_lists_the_exit_statuses_and_examples(command: list[str]) -> None:
    out = run(*command, "--help").stdout
    assert "Exit status: 0 no finding reaches --fail-on; 1 one does; 2 usage or input" in out
    assert "Examples:" in out
    assert "  factcheck compare claims.yaml rewrite.md" in out


def test_compare_help_names_files_and_paths_and_fits_80_columns() -> None:
    out = run("compare", "--help", columns=80).stdout
    assert "Usage: factcheck compare [OPTIONS] [CLAIMS] PATH..." in out
    for option in ("--claims", "--config", "--output-file", "--baseline", "--write-baseline"):
        assert re.search(rf"{option} +(-\w +)?FILE ", out), option
    assert re.search(r"--select +RULES ", out) and re.search(r"--jobs +-j +N ", out)
    assert all(len(line) <= 80 for line in out.splitlines())
    examples = re.split(r"Examples: *\n", out)[1].splitlines()
    examples = [line for line in examples if line.strip()]
    assert len(examples) == 5  # none wrapped onto a second line
    assert all(line.startswith("   ") and "factcheck compare" in line for line in examples)


@pytest.mark.parametrize(("command", "option"), [("extract", "--output"), ("evaluate", "--errors")])
def test_other_commands_name_their_output_file(command: str, option: str) -> None:
    assert re.search(rf"{option} +(-\w +)?FILE ", run(command, "--help").stdout)
