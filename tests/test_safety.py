"""Hostile input and careless options (issue 8): outputs never replace inputs, a device or a
link is written through, bad input is one line and exit status 2, a bug is one line and exit
status 3, and text from a document cannot drive the terminal. Each test is a reproducer of a
failure the command line once had."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hang import finishes_within
from typer.testing import CliRunner

import factcheck
from factcheck import articles, files
from factcheck.cli import run
from factcheck.options import ExitCode
from factcheck.selftest import Miss

DATA = Path(__file__).resolve().parent / "data"
CLAIMS_TEXT = (DATA / "claims.yaml").read_text(encoding="utf-8")
DRIFT_TEXT = (DATA / "drift.txt").read_text(encoding="utf-8")
BIG_NUMBER = "1" * 5000
DEEP_JSON = "[" * 3000 + "]" * 3000


def invoke(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """The exit status, stdout and stderr of the command line run in this process, as main()
    runs it (so an unexpected exception is reported as the user would see it)."""
    with CliRunner().isolation(input=stdin, env=env) as (out, err, _):
        code = run(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode(), err.getvalue().decode()


def assert_one_line_error(result: tuple[int, str, str], *fragments: str) -> None:
    code, stdout, stderr = result
    assert code == ExitCode.INPUT_ERROR, stderr
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("factcheck: error: ")
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with claims.yaml and rewrite.txt (which drifts), as the working directory."""
    (tmp_path / "claims.yaml").write_text(CLAIMS_TEXT, encoding="utf-8")
    (tmp_path / "rewrite.txt").write_text(DRIFT_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# outputs never destroy inputs


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "claims.yaml", "rewrite.txt", "-o", "claims.yaml"),
        ("compare", "claims.yaml", "rewrite.txt", "--write-baseline", "claims.yaml"),
        ("compare", "claims.yaml", "rewrite.txt", "-o", "rewrite.txt"),
        ("compare", "claims.yaml", "rewrite.txt", "-o", "./sub/../rewrite.txt"),
        ("compare", "claims.yaml", "rewrite.txt", "-o", "link-to-claims"),
        ("compare", "claims.yaml", "rewrite.txt", "-o", "other-claims.txt"),
        ("compare", "claims.yaml", "rewrite.txt", "-o", "base.json", "--baseline", "base.json"),
        ("extract", "rewrite.txt", "-o", "rewrite.txt", "--force"),
    ],
    ids=[
        "output-is-claims",
        "baseline-is-claims",
        "output-is-derivative",
        "output-is-derivative-another-way",
        "output-is-link-to-claims",
        "output-is-another-claims-file",
        "output-is-baseline-read",
        "extract-over-its-report",
    ],
)
def test_an_output_that_would_replace_an_input_is_refused(work: Path, args: tuple[str]) -> None:
    (work / "sub").mkdir()
    (work / "link-to-claims").symlink_to("claims.yaml")
    (work / "other-claims.txt").write_text(CLAIMS_TEXT, encoding="utf-8")
    (work / "base.json").write_text('{"version": 1, "entries": []}\n', encoding="utf-8")
    before = {p.name: p.read_bytes() for p in work.iterdir() if p.is_file()}
    assert_one_line_error(invoke(*args), "would overwrite")
    assert {p.name: p.read_bytes() for p in work.iterdir() if p.is_file()} == before
    assert set(os.listdir(work)) == {*before, "sub", "link-to-claims"}  # no temporary file


def test_evaluate_errors_over_its_own_input_is_refused(work: Path) -> None:
    pairs = work / "pairs.jsonl"
    pairs.write_text(
        '{"source": "The bridge opened in May.", "derivative": "It opened.", '
        '"label": "consistent"}\n',
        encoding="utf-8",
    )
    before = pairs.read_bytes()
    assert_one_line_error(invoke("evaluate", "pairs.jsonl", "--errors", "pairs.jsonl"))
    assert pairs.read_bytes() == before


def test_two_outputs_to_one_file_are_refused(work: Path) -> None:
    args = ("compare", "claims.yaml", "rewrite.txt", "-o", "out", "--write-baseline", "./out")
    assert_one_line_error(invoke(*args), "writes too")
    assert not (work / "out").exists()


def test_a_claims_file_the_configuration_names_is_protected(work: Path) -> None:
    (work / ".factcheck.yaml").write_text("manifest:\n  '*.md': claims.yaml\n", encoding="utf-8")
    (work / "a.md").write_text(DRIFT_TEXT, encoding="utf-8")
    before = (work / ".factcheck.yaml").read_bytes()
    assert_one_line_error(invoke("compare", "a.md", "-o", ".factcheck.yaml"), "would overwrite")
    assert (work / ".factcheck.yaml").read_bytes() == before


def test_extract_force_may_replace_a_claims_file_it_does_not_read(work: Path) -> None:
    code, _, stderr = invoke("extract", str(DATA / "report.txt"), "-o", "claims.yaml", "--force")
    assert code == ExitCode.OK, stderr
    assert (work / "claims.yaml").read_text(encoding="utf-8") != CLAIMS_TEXT


def test_output_over_the_file_stdin_reads_is_refused(work: Path) -> None:
    with open(work / "claims.yaml", "rb") as claims:
        result = subprocess.run(
            [sys.executable, "-m", "factcheck", "compare", "-", "rewrite.txt", "-o", "claims.yaml"],
            stdin=claims,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == ExitCode.INPUT_ERROR, result.stderr
    assert "would overwrite an input" in result.stderr
    assert (work / "claims.yaml").read_text(encoding="utf-8") == CLAIMS_TEXT


def test_a_device_is_written_through_never_replaced(work: Path) -> None:
    (work / "null").symlink_to(os.devnull)
    code, _, stderr = invoke("compare", "claims.yaml", "rewrite.txt", "-o", "null")
    assert code == ExitCode.FINDINGS, stderr
    assert (work / "null").is_symlink() and stat.S_ISCHR(os.stat(work / "null").st_mode)


def test_the_file_behind_standard_output_is_appended_to_never_replaced(work: Path) -> None:
    log = work / "build.log"
    log.write_text("the line before\n", encoding="utf-8")
    inode = log.stat().st_ino
    command = [sys.executable, "-m", "factcheck", "compare", "claims.yaml", "rewrite.txt"]
    with open(log, "a", encoding="utf-8") as stdout:
        subprocess.run([*command, "-f", "json", "-o", "/dev/stdout"], stdout=stdout, check=False)
    text = log.read_text(encoding="utf-8")
    assert log.stat().st_ino == inode
    assert text.startswith("the line before\n")
    assert json.loads(text.split("\n", 1)[1])["version"] == 2


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_output_dash_is_standard_output(work: Path, command: str) -> None:
    (work / "-").write_text(DRIFT_TEXT, encoding="utf-8")
    args = ("compare", "claims.yaml", "./-") if command == "compare" else ("extract", "./-")
    code, stdout, stderr = invoke(*args, "-o", "-")
    assert code in (ExitCode.OK, ExitCode.FINDINGS), stderr
    assert stdout.strip()
    assert (work / "-").read_text(encoding="utf-8") == DRIFT_TEXT


def test_a_hard_link_to_the_claims_file_is_refused(work: Path) -> None:
    os.link(work / "claims.yaml", work / "copy.json")
    assert_one_line_error(
        invoke("compare", "claims.yaml", "rewrite.txt", "-o", "copy.json"), "would overwrite"
    )
    assert (work / "claims.yaml").read_text(encoding="utf-8") == CLAIMS_TEXT


def test_extract_names_force_for_a_claims_file(work: Path) -> None:
    result = invoke("extract", str(DATA / "report.txt"), "-o", "claims.yaml")
    assert_one_line_error(result, "claims file", "--force")


def test_a_link_is_followed_and_kept(work: Path) -> None:
    (work / "report.json").write_text("old\n", encoding="utf-8")
    (work / "latest.json").symlink_to("report.json")
    args = ("compare", "claims.yaml", "rewrite.txt", "-f", "json", "-o", "latest.json")
    assert invoke(*args)[0] == ExitCode.FINDINGS
    assert (work / "latest.json").is_symlink()
    assert json.loads((work / "report.json").read_text(encoding="utf-8"))["version"] == 2


def test_a_pipe_is_written_through(work: Path) -> None:
    os.mkfifo(work / "pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((work / "pipe").read_bytes()))
    reader.start()
    code, _, stderr = invoke("compare", "claims.yaml", "rewrite.txt", "-f", "json", "-o", "pipe")
    reader.join(timeout=30)
    assert code == ExitCode.FINDINGS, stderr
    assert json.loads(received[0])["version"] == 2
    assert stat.S_ISFIFO(os.stat(work / "pipe").st_mode)


def test_a_pipe_nobody_reads_is_an_error_not_a_hang(work: Path) -> None:
    os.mkfifo(work / "pipe")
    args = ("compare", "claims.yaml", "rewrite.txt", "-o", "pipe")
    assert_one_line_error(invoke(*args), "nothing reads this pipe")


def test_a_killed_runs_temporary_file_is_removed_by_the_next_write(work: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    stale = work / f".out.json.{dead.stdout.strip()}{files.TEMP_SUFFIX}"
    stale.write_text("half a report", encoding="utf-8")
    running = work / f".out.json.{os.getppid()}{files.TEMP_SUFFIX}"  # a live process's
    running.write_text("being written", encoding="utf-8")
    files.write_atomic(str(work / "out.json"), "{}\n", force=True)
    assert sorted(os.listdir(work)) == sorted(
        ["claims.yaml", "rewrite.txt", "out.json", running.name]
    )


def test_a_terminated_run_leaves_no_temporary_file(work: Path) -> None:
    """SIGTERM unwinds the stack, so the write under way removes its temporary file."""
    script = (
        "import os, signal, sys\n"
        "from factcheck import cli, files\n"
        "real = os.replace\n"
        "def killed(*args): os.kill(os.getpid(), signal.SIGTERM)\n"
        "os.replace = killed\n"
        "sys.argv = ['factcheck', 'compare', 'claims.yaml', 'rewrite.txt', '-o', 'out.txt']\n"
        "cli.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert sorted(os.listdir(work)) == ["claims.yaml", "rewrite.txt"]


# one-line errors: every decode of user input


def _claims_with_line(value: str) -> str:
    return f"version: 1\nclaims:\n- id: c001\n  text: The bridge opened in May.\n  line: {value}\n"


@pytest.mark.parametrize(
    "value", ['"²"', '"①"', BIG_NUMBER], ids=["superscript", "circled", "5000-digits"]
)
def test_a_claims_line_that_is_no_line_number_is_an_input_error(work: Path, value: str) -> None:
    (work / "bad.yaml").write_text(_claims_with_line(value), encoding="utf-8")
    assert_one_line_error(invoke("compare", "bad.yaml", "rewrite.txt"), "bad.yaml:5:", "'line'")


@pytest.mark.parametrize(
    "config",
    [
        "fail-on: 2001-13-45\n",
        "fail-on: !!int xyz\n",
        f"cutoffs:\n  cover: {BIG_NUMBER}\n",
        f"severity: {DEEP_JSON}\n",
        'claims: "a\\0b"\n',
        'manifest:\n  "*\\0.md": claims.yaml\n',
        "a: " + "{a: " * 995 + "1" + "}" * 995 + "\n",  # as deep as libyaml goes
        "fail-on: " + "[" * 985 + "]" * 985 + "\n",
        "l0: &l0 {x: 1, y: 1}\n"
        + "".join(f"l{i}: &l{i} {{x: *l{i - 1}, y: *l{i - 1}}}\n" for i in range(1, 30)),
    ],
    ids=[
        "impossible-date",
        "bad-int-tag",
        "5000-digits",
        "deep",
        "nul-in-path",
        "nul-in-glob",
        "deep-mapping-libyaml-reads",
        "deep-value-libyaml-reads",
        "alias-bomb",
    ],
)
def test_a_configuration_that_cannot_be_read_is_an_input_error(work: Path, config: str) -> None:
    (work / ".factcheck.yaml").write_text(config, encoding="utf-8")
    with finishes_within(30):
        result = invoke("compare", "claims.yaml", "rewrite.txt")
    assert_one_line_error(result, ".factcheck.yaml")


@pytest.mark.parametrize(
    "pyproject",
    ["[tool.other]\na = " + DEEP_JSON + "\n", f"[tool.factcheck]\nfail-on = {BIG_NUMBER}\n"],
    ids=["deep", "5000-digits"],
)
def test_a_pyproject_in_a_parent_folder_that_cannot_be_read_is_an_input_error(
    work: Path, monkeypatch: pytest.MonkeyPatch, pyproject: str
) -> None:
    (work / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (work / "articles").mkdir()
    monkeypatch.chdir(work / "articles")
    assert_one_line_error(invoke("compare", "../claims.yaml", "../rewrite.txt"), "pyproject.toml")


@pytest.mark.parametrize(
    "baseline",
    [
        '{"version": 1, "entries": [{"path": "a", "rule": "omission", "count": '
        + BIG_NUMBER
        + "}]}",
        DEEP_JSON,
    ],
    ids=["5000-digits", "deep"],
)
def test_a_baseline_that_cannot_be_read_is_an_input_error(work: Path, baseline: str) -> None:
    (work / "base.json").write_text(baseline, encoding="utf-8")
    result = invoke("compare", "claims.yaml", "rewrite.txt", "--baseline", "base.json")
    assert_one_line_error(result, "base.json")


@pytest.mark.parametrize(
    "extra",
    [
        '"error_types": 5',
        '"error_types": [{"a": 1}]',
        f'"id": {BIG_NUMBER}',
        f'"meta": {DEEP_JSON}',
        '"meta": ' + "[" * 979 + "]" * 979,  # json reads it; checking it once recursed
    ],
    ids=["error-types-number", "error-types-objects", "5000-digits", "deep", "deep-json-reads"],
)
def test_an_evaluate_record_that_cannot_be_read_is_an_input_error(work: Path, extra: str) -> None:
    record = '{"source": "The bridge opened.", "derivative": "It opened.", "label": "consistent"'
    (work / "pairs.jsonl").write_text(record + ", " + extra + "}\n", encoding="utf-8")
    assert_one_line_error(invoke("evaluate", "pairs.jsonl"), "pairs.jsonl:1:")


@pytest.mark.parametrize(
    "front",
    [
        f"claims: {BIG_NUMBER}",
        f"claims: {DEEP_JSON}",
        "date: 2001-13-45",
        "n: !!int xyz",
        "a: &a [1, 2]\nb: *a",
    ],
    ids=["5000-digits", "deep", "impossible-date", "bad-int-tag", "alias"],
)
def test_front_matter_that_cannot_be_read_is_an_input_error(work: Path, front: str) -> None:
    (work / "a.md").write_text(f"---\n{front}\n---\n{DRIFT_TEXT}", encoding="utf-8")
    assert_one_line_error(invoke("compare", "claims.yaml", "a.md"), "a.md:")


def test_evaluate_reads_line_separators_inside_json_strings(work: Path) -> None:
    record = {
        "source": "The bridge opened\u2028in May.",
        "derivative": "It opened.",
        "label": "consistent",
    }
    (work / "pairs.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    code, stdout, stderr = invoke("evaluate", "pairs.jsonl", "--format", "json")
    assert code == ExitCode.OK, stderr
    assert json.loads(stdout)["overall"]["pairs"] == 1


def test_an_escaped_lone_surrogate_in_evaluate_input_is_an_input_error(work: Path) -> None:
    record = '{"source": "The bridge opened.", "derivative": "It \\ud800 opened.", "label": "consistent"}'
    (work / "pairs.jsonl").write_text(record + "\n", encoding="utf-8")
    assert_one_line_error(invoke("evaluate", "pairs.jsonl"), "pairs.jsonl:1:", "Unicode")


def test_a_text_report_on_an_ascii_terminal_is_escaped_not_a_crash(work: Path) -> None:
    (work / "rewrite.txt").write_text(
        DRIFT_TEXT + "\nThe café — “new” — opened.\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "compare", "claims.yaml", "rewrite.txt"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert result.returncode == ExitCode.FINDINGS, result.stderr
    assert b"caf\\xe9" in result.stdout


# a bug is exit status 3, in one line


@pytest.fixture
def broken_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the engine broke\non two lines")

    monkeypatch.setattr(factcheck, "compare", broken)


@pytest.mark.usefixtures("broken_engine")
def test_an_unexpected_exception_is_one_line_and_exit_status_3(work: Path) -> None:
    code, stdout, stderr = invoke("compare", "claims.yaml", "rewrite.txt")
    assert code == ExitCode.INTERNAL_ERROR == 3
    assert stderr.splitlines() == [
        "factcheck: internal error: RuntimeError: the engine broke on two lines — please report it"
    ]


@pytest.mark.usefixtures("broken_engine")
def test_factcheck_debug_shows_the_traceback(work: Path) -> None:
    code, _, stderr = invoke("compare", "claims.yaml", "rewrite.txt", env={"FACTCHECK_DEBUG": "1"})
    assert code == ExitCode.INTERNAL_ERROR
    assert "Traceback" in stderr
    assert stderr.splitlines()[-1].startswith("factcheck: internal error: RuntimeError")


# untrusted text stays inert

ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b[31m\x9b1m\x07\x08"


@pytest.mark.parametrize("output_format", ["text", "concise", "github", "markdown"])
def test_escape_sequences_in_a_rewrite_never_reach_the_terminal(
    work: Path, output_format: str
) -> None:
    """In the document's name, its sentences and a claim's text: each is printed by some
    format, and none may carry an escape sequence to the terminal."""
    claims = CLAIMS_TEXT.replace(
        "The Harbourton city council", '"The Harbourton\\e]0;x\\a city council'
    )
    claims = claims.replace("on Tuesday.\n  line: 3", 'on Tuesday."\n  line: 3', 1)
    (work / "claims.yaml").write_text(claims, encoding="utf-8")
    name = f"re{ESCAPES}write.txt"
    (work / name).write_text(DRIFT_TEXT.replace("512", f"{ESCAPES}512", 1), encoding="utf-8")
    code, stdout, stderr = invoke(  # -v: the text format's sentences whole, not cut
        "compare", "claims.yaml", name, "-f", output_format, "-v", env={"NO_COLOR": "1"}
    )
    assert code == ExitCode.FINDINGS, stderr
    assert "rewrite.txt" in stdout and "512" in stdout
    if output_format in ("text", "github"):  # the formats that print the claim
        assert "Harbourton city council" in stdout.replace("  ", " ")
    assert not any(c in stdout for c in "\x1b\x9b\x07\x08")


def test_escape_sequences_are_no_figures(work: Path) -> None:
    (work / "rewrite.txt").write_text(
        DRIFT_TEXT + "\n\x1b[31mIt was \x1b[0mdone.\n", encoding="utf-8"
    )
    code, stdout, _ = invoke("compare", "claims.yaml", "rewrite.txt", "-f", "json")
    found = [f.get("found") for d in json.loads(stdout)["documents"] for f in d["findings"]]
    assert "31" not in " ".join(str(f) for f in found)


def test_selftest_misses_are_printed_inert() -> None:
    from factcheck.render.selftest import _misses

    out = io.StringIO()
    miss = Miss("c\x1b[2J1", "number", "45 \x1b]0;x\x07→ 91", "It has \x1b[31m91.", ("\x1b[1mx",))
    _misses(out, "misses", [miss])
    assert "\x1b" not in out.getvalue() and "It has 91." in out.getvalue()


def test_evaluate_names_from_the_labelled_file_are_neither_markup_nor_escapes(work: Path) -> None:
    record = {
        "source": "The cat sat on the mat today.",
        "derivative": "The dog sat on the mat today.",
        "label": "inconsistent",
        "dataset": "[/x]\x1b]0;PWNED\x07\x1b[2J",
        "error_types": ["[/y]"],
        "meta": {"domain": "[bold]d"},
    }
    (work / "pairs.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, stdout, stderr = invoke("evaluate", "pairs.jsonl", "--color", "never")
    assert code == ExitCode.OK, stderr
    assert "[/x]" in stdout and "[/y]" in stdout and "\x1b" not in stdout


def test_the_api_refuses_text_that_is_not_unicode() -> None:
    claims = factcheck.load_claims(CLAIMS_TEXT)
    with pytest.raises(factcheck.InputError, match="Unicode"):
        factcheck.compare(claims, "The council \ud800 approved it.")
    with pytest.raises(factcheck.InputError, match="Unicode"):
        factcheck.extract("The council \ud800 approved a budget of 412 million dollars.")


def test_escape_sequences_in_error_messages_are_removed(work: Path) -> None:
    name = "\x1b[31mmissing.txt"
    code, _, stderr = invoke("compare", "claims.yaml", name)
    assert code == ExitCode.INPUT_ERROR
    assert "\x1b" not in stderr and "missing.txt" in stderr


@pytest.mark.parametrize("claim_id", ['"c0\\n01"', '"c0\\x1b[2J"', '"c\\u2028"'])
def test_a_claim_id_with_a_control_character_is_an_input_error(work: Path, claim_id: str) -> None:
    (work / "bad.yaml").write_text(
        f"version: 1\nclaims:\n- id: {claim_id}\n  text: The bridge opened.\n", encoding="utf-8"
    )
    assert_one_line_error(invoke("compare", "bad.yaml", "rewrite.txt"), "bad.yaml:3:", "control")


def test_the_action_passes_paths_after_a_double_dash() -> None:
    action = (Path(__file__).resolve().parent.parent / "action.yml").read_text(encoding="utf-8")
    calls = [line for line in action.splitlines() if line.strip().startswith("factcheck ")]
    assert calls and all('-- "${paths[@]}"' in line for line in calls)


@pytest.mark.parametrize(
    "named",
    [
        "../outside.yaml",
        "/etc/hostname",
        "link.yaml",
        "sub/../../outside.yaml",
        ".git/config",
        ".git/claims.yaml",
        "notes.txt",
    ],
)
def test_front_matter_may_not_name_a_claims_file_outside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    (tmp_path / "outside.yaml").write_text(CLAIMS_TEXT, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    (repo / "claims.yaml").write_text(CLAIMS_TEXT, encoding="utf-8")
    (repo / "link.yaml").symlink_to(tmp_path / "outside.yaml")
    (repo / ".git" / "config").write_text("[user]\n  secret = The token is t0ps3cret.\n")
    (repo / ".git" / "claims.yaml").write_text(CLAIMS_TEXT, encoding="utf-8")
    (repo / "notes.txt").write_text("The token is t0ps3cret.\n", encoding="utf-8")
    (repo / ".factcheck.yaml").write_text("claims: claims.yaml\n", encoding="utf-8")
    (repo / "a.md").write_text(f"---\nclaims: {named}\n---\n{DRIFT_TEXT}", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert_one_line_error(invoke("compare", "a.md"), "a.md: front matter", "outside")


def test_front_matter_may_name_a_claims_file_inside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims" / "bridge.yaml").write_text(CLAIMS_TEXT, encoding="utf-8")
    (tmp_path / "articles" / ".factcheck.yaml").write_text("claims: x.yaml\n", encoding="utf-8")
    article = f"---\nclaims: ../claims/bridge.yaml\n---\n{DRIFT_TEXT}"
    (tmp_path / "articles" / "a.md").write_text(article, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "articles")
    code, stdout, stderr = invoke("compare", "a.md", "-f", "json")
    assert code == ExitCode.FINDINGS, stderr
    assert json.loads(stdout)["claims"][0]["path"] == "../claims/bridge.yaml"


# a configuration is input too: its globs are matched in linear time


def test_a_manifest_glob_of_many_double_stars_is_matched_in_linear_time(work: Path) -> None:
    deep = work.joinpath(*["a"] * 12)
    deep.mkdir(parents=True)
    (deep / "x.md").write_text(DRIFT_TEXT, encoding="utf-8")
    glob = "**/" * 14 + "*.md"  # glob.glob took about a minute on this
    (work / ".factcheck.yaml").write_text(f"manifest:\n  '{glob}': claims.yaml\n", encoding="utf-8")
    with finishes_within(30):
        code, stdout, stderr = invoke("compare", "-f", "json")
    assert code == ExitCode.FINDINGS, stderr
    assert [d["path"] for d in json.loads(stdout)["documents"]] == ["/".join(["a"] * 12 + ["x.md"])]


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("a/b.md", "**/*.md", True),
        ("b.md", "**/**/*.md", True),
        ("x/y.md", "*.md", False),
        (".hidden/b.md", "**/*.md", False),
        (".hidden/b.md", ".hidden/*.md", True),
        ("a/.b.md", "a/*.md", False),
        ("/".join(["a"] * 200 + ["x.md"]), "**/a/" * 150 + "*.md", True),
    ],
)
def test_manifest_globs_match_by_segment(path: str, pattern: str, expected: bool) -> None:
    with finishes_within(30):
        assert articles._matches(path.split("/"), pattern.split("/")) is expected
