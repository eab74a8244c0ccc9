"""Many documents in one run: globs, --claims, the manifest, one exit status, --jobs."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from runner import run
from typer.testing import CliRunner

import factcheck
from factcheck.batch import compare_all
from factcheck.claims import ClaimSet
from factcheck.cli import ExitCode, app
from factcheck.report import Report, Summary

FERRY = """\
version: 1
claims:
- id: c001
  text: The ferry carried 1,800 passengers on its first day.
  key: true
- id: c002
  text: The harbour master said the crossing takes forty minutes.
"""
BRIDGE = """\
version: 1
claims:
- id: b001
  text: The new bridge is 410 metres long.
  key: true
"""
ARTICLES = {
    "ferry/day-one.md": "The ferry carried 1,800 passengers on its first day. The harbour master said the crossing takes forty minutes.\n",
    "ferry/recap.md": "The ferry carried 8,100 passengers on its first day. The harbour master said the crossing takes forty minutes.\n",
    "ferry/short.md": "The ferry carried 1,800 passengers on its first day.\n",
    "bridge/open.md": "The new bridge is 410 metres long.\n",
    "bridge/wrong.md": "The new bridge is 140 metres long.\n",
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "ferry.yaml").write_text(FERRY)
    (tmp_path / "bridge.yaml").write_text(BRIDGE)
    for name, text in ARTICLES.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def paths(result: Any) -> list[str]:
    return [d["path"] for d in json.loads(result.stdout)["documents"]]


def test_claims_flag_with_a_quoted_glob(repo: Path) -> None:
    result = run("compare", "--claims", "ferry.yaml", "ferry/*.md", "-f", "json")
    assert result.exit_code == ExitCode.FINDINGS  # recap.md changed a figure
    assert paths(result) == ["ferry/day-one.md", "ferry/recap.md", "ferry/short.md"]


def test_one_exit_status_for_the_run(repo: Path) -> None:
    clean = run("compare", "-c", "ferry.yaml", "ferry/day-one.md", "ferry/short.md")
    assert clean.exit_code == ExitCode.OK
    mixed = run("compare", "-c", "ferry.yaml", "ferry/day-one.md", "ferry/recap.md")
    assert mixed.exit_code == ExitCode.FINDINGS


def test_per_file_summary_line(repo: Path) -> None:
    result = run("compare", "-c", "ferry.yaml", "ferry/*.md", "-f", "text")
    summaries = [
        line.split(":")[0] for line in result.stdout.splitlines() if "claims covered" in line
    ]
    assert summaries == ["ferry/day-one.md", "ferry/recap.md", "ferry/short.md"]


def test_classic_form_still_works(repo: Path) -> None:
    result = run("compare", "ferry.yaml", "ferry/day-one.md", "ferry/short.md", "-f", "json")
    assert result.exit_code == ExitCode.OK
    assert paths(result) == ["ferry/day-one.md", "ferry/short.md"]


def test_glob_matching_nothing_is_an_input_error(repo: Path) -> None:
    result = run("compare", "-c", "ferry.yaml", "ferry/*.txt")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "ferry/*.txt: no files match" in result.stderr


FERRY_TEXT = ARTICLES["ferry/day-one.md"]
MANIFEST = 'manifest:\n  "ferry/*.md": ferry.yaml\n  "bridge/*.md": bridge.yaml\n'


def test_manifest_checks_the_whole_repository(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    result = run("compare", "-f", "concise")
    assert result.exit_code == ExitCode.FINDINGS
    located = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert located >= {"ferry/recap.md", "bridge/wrong.md"}


def test_manifest_with_paths_picks_claims_per_file(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    assert run("compare", "ferry/day-one.md", "bridge/open.md").exit_code == ExitCode.OK
    assert run("compare", "bridge/wrong.md").exit_code == ExitCode.FINDINGS


@pytest.mark.parametrize("glob", ["./ferry/*.md", "ferry//*.md", "/ferry/*.md"])
def test_a_manifest_glob_maps_the_files_it_lists_however_it_is_spelt(repo: Path, glob: str) -> None:
    """``./ferry/*.md`` lists ferry's articles and maps each to its claims file, whether the
    manifest lists them or the command line names them (it listed them, then found no claims
    file for any); a leading ``/`` is the configuration's folder, not the filesystem's root."""
    (repo / ".factcheck.yaml").write_text(f'manifest:\n  "{glob}": ferry.yaml\n')
    listed = run("compare", "-f", "json")
    assert listed.exit_code == ExitCode.FINDINGS, listed.stderr  # recap.md changed a figure
    assert paths(listed) == ["ferry/day-one.md", "ferry/recap.md", "ferry/short.md"]
    assert run("compare", "ferry/day-one.md").exit_code == ExitCode.OK


def test_file_in_no_manifest_entry_is_an_input_error(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text('manifest:\n  "ferry/*.md": ferry.yaml\n')
    result = run("compare", "ferry/day-one.md", "bridge/open.md")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "bridge/open.md: no claims file" in result.stderr


WRONG = {"ferry/recap.md": "ferry.yaml", "bridge/wrong.md": "bridge.yaml"}  # drift, each


def test_json_names_each_documents_claims_file(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    result = run("compare", "-f", "json")
    assert result.exit_code == ExitCode.FINDINGS
    doc = json.loads(result.stdout)
    assert [c["path"] for c in doc["claims"]] == ["ferry.yaml", "bridge.yaml"]
    claims_of = {d["path"]: d["claims"] for d in doc["documents"]}
    assert {path: claims_of[path] for path in WRONG} == WRONG
    assert len(claims_of) == len(ARTICLES)


def test_sarif_is_one_run_naming_each_results_claims_file(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    result = run("compare", "-f", "sarif")
    assert result.exit_code == ExitCode.FINDINGS
    (only,) = json.loads(result.stdout)["runs"]
    drift = {
        r["properties"]["document"]: r["properties"]["claims"]
        for r in only["results"]
        if r["ruleId"] == "number-drift"
    }
    assert drift == WRONG


def test_gitlab_is_one_flat_array_over_claims_files(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    result = run("compare", "-f", "gitlab")
    issues = json.loads(result.stdout)
    located = {i["location"]["path"] for i in issues if i["check_name"] == "number-drift"}
    assert located == set(WRONG)


def test_junit_has_a_suite_per_document_over_claims_files(repo: Path) -> None:
    import xml.etree.ElementTree as ET

    (repo / ".factcheck.yaml").write_text(MANIFEST)
    root = ET.fromstring(run("compare", "-f", "junit").stdout)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == set(ARTICLES)
    # each document's testcases are the claims of its own claims file
    assert [c.get("name", "")[:4] for c in suites["bridge/wrong.md"].findall("testcase")] == [
        "b001"
    ]
    assert suites["bridge/wrong.md"].find("testcase/failure") is not None


def test_nothing_to_check_is_an_input_error(repo: Path) -> None:
    assert run("compare").exit_code == ExitCode.INPUT_ERROR


@pytest.mark.parametrize("output_format", ["json", "text", "concise"])
def test_jobs_output_identical_to_serial(repo: Path, output_format: str) -> None:
    args = ("compare", "-c", "ferry.yaml", "ferry/*.md", "ferry/*.md", "-f", output_format)
    serial = run(*args)
    parallel = run(*args, "--jobs", "2")
    assert parallel.exit_code == serial.exit_code == ExitCode.FINDINGS
    assert parallel.stdout == serial.stdout


def where_compared(claims: ClaimSet, text: str, path: str, cutoffs: object) -> Report:
    """A stand-in engine whose report names the process and the ClaimSet object it was given."""
    return Report(
        f"{os.getpid()} {id(claims)} {claims.source} {path}", Summary(0, 0, 0, 0, 0, 0, 1)
    )


def test_jobs_send_each_claims_set_to_a_worker_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document of a claims file reaches a worker with the same ClaimSet object, so what
    the set caches (its analysis) is made once per worker, not once per document."""
    monkeypatch.setattr(factcheck, "compare", where_compared)
    sets = [ClaimSet((), source="ferry"), ClaimSet((), source="bridge")]
    documents = [(sets[n % 2], "text", f"d{n}") for n in range(24)]
    reports = list(compare_all(documents, jobs=2))
    got = [report.path.split() for report in reports]
    assert [(source, path) for _, _, source, path in got] == [
        (claims.source, path) for claims, _, path in documents
    ]
    objects = {(pid, source, claims_id) for pid, claims_id, source, _ in got}
    assert len(objects) == len({(pid, source) for pid, source, _ in objects})


def test_manifest_output_byte_identical_across_runs_and_jobs(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    outputs = {run("compare", "-f", "concise", "-j", str(jobs)).stdout for jobs in (1, 2, 1, 0)}
    assert len(outputs) == 1


# claims sources are validated


FERRY_JSON = json.dumps(
    {"version": 1, "claims": [{"id": "c001", "text": "The ferry carried 1,800 passengers."}]}
)


@pytest.mark.parametrize(
    ("configuration", "args"),
    [
        (None, ["--claims", "ferry.json", "ferry/day-one.md"]),
        (None, ["ferry.json", "ferry/day-one.md"]),
        ('manifest:\n  "ferry/*.md": ferry.json\n', ["ferry/day-one.md"]),
        ("claims: ferry.json\n", ["ferry/day-one.md"]),
        ("claims: ferry.yaml\n", ["ferry/front.md"]),  # its front matter names ../ferry.json
    ],
    ids=["--claims", "CLAIMS", "manifest", "claims-key", "front-matter"],
)
def test_a_json_claims_file_is_an_input_error_naming_it(
    repo: Path, configuration: str | None, args: list[str]
) -> None:
    (repo / "ferry.json").write_text(FERRY_JSON)
    (repo / "ferry" / "front.md").write_text(
        f"---\nclaims: ../ferry.json\n---\n{ARTICLES['ferry/day-one.md']}"
    )
    if configuration is not None:
        (repo / ".factcheck.yaml").write_text(configuration)
    result = run("compare", *args)
    assert result.exit_code == ExitCode.INPUT_ERROR, result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("factcheck: error: ") and "ferry.json" in line


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("none.yaml", "version: 1\nclaims: []\n"),
        ("report.txt", "Ferry timetable\n"),  # a heading and nothing to check
    ],
)
def test_a_claims_source_without_claims_is_an_input_error_naming_it(
    repo: Path, name: str, text: str
) -> None:
    (repo / name).write_text(text)
    for args in (["--claims", name, "ferry/recap.md"], [name, "ferry/recap.md"]):
        result = run("compare", *args)
        assert result.exit_code == ExitCode.INPUT_ERROR, result.stdout
        assert result.stderr.startswith(f"factcheck: error: {name}: ")
        assert "no claims" in result.stderr


# front matter alone


def test_front_matter_alone_names_the_claims_file_relative_to_the_article(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No --claims, no manifest, no configuration: ``claims:`` in the front matter is enough,
    read from the article's folder, whichever folder factcheck runs in (inside the repository)."""
    (repo / "ferry" / "front.md").write_text(
        f"---\nclaims: ../ferry.yaml\n---\n{ARTICLES['ferry/recap.md']}"
    )
    for folder, article in ((repo, "ferry/front.md"), (repo / "ferry", "front.md")):
        monkeypatch.chdir(folder)
        result = run("compare", article, "-f", "json")
        assert result.exit_code == ExitCode.FINDINGS, result.stderr
        (document,) = json.loads(result.stdout)["documents"]
        assert os.path.samefile(document["claims"], repo / "ferry.yaml")
        drift = [(f["type"], f["claim_id"]) for f in document["findings"] if f["kind"] == "drift"]
        assert drift == [("number", "c001")]


def test_articles_that_name_their_claims_are_no_claims_file_for_the_others(repo: Path) -> None:
    """``compare ferry/*.md`` as the shell expands it, no configuration: the first article names
    its claims in its front matter, so it is checked, not read as the others' report."""
    for name in ("ferry/day-one.md", "ferry/recap.md"):
        (repo / name).write_text(f"---\nclaims: ../ferry.yaml\n---\n{ARTICLES[name]}")
    result = run("compare", "ferry/day-one.md", "ferry/recap.md", "-f", "json")
    assert result.exit_code == ExitCode.FINDINGS, result.stderr  # recap.md changed a figure
    documents = json.loads(result.stdout)["documents"]
    assert [(d["path"], d["claims"]) for d in documents] == [
        ("ferry/day-one.md", "ferry.yaml"),
        ("ferry/recap.md", "ferry.yaml"),
    ]
    # a report with no such front matter is still CLAIMS
    plain = run("compare", "ferry/short.md", "ferry/recap.md", "-f", "json")
    assert [d["claims"] for d in json.loads(plain.stdout)["documents"]] == ["ferry/short.md"]


def test_one_claims_file_named_from_two_folders_is_one_claims_file(repo: Path) -> None:
    (repo / "ferry" / "front.md").write_text(f"---\nclaims: ../ferry.yaml\n---\n{FERRY_TEXT}")
    (repo / "bridge" / "front.md").write_text(f"---\nclaims: ../ferry.yaml\n---\n{FERRY_TEXT}")
    both = run("compare", "ferry/front.md", "bridge/front.md", "-f", "json")
    assert json.loads(both.stdout)["claims"] == [{"path": "ferry.yaml", "count": 2}]


def test_an_article_with_no_claims_source_is_an_input_error(repo: Path) -> None:
    result = run("compare", "ferry/day-one.md")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stderr.startswith("factcheck: error: ferry/day-one.md: no claims file for it")


def test_front_matter_alone_may_not_name_a_claims_file_outside_the_repository(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "claims.yaml"
    outside.write_text(FERRY)
    (repo / "ferry" / "front.md").write_text(f"---\nclaims: {outside}\n---\nThe ferry sailed.\n")
    result = run("compare", "ferry/front.md")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "front matter names" in result.stderr and "outside" in result.stderr


# hook mode (--hook, as pre-commit runs it) and the exclude setting


def notices(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("factcheck: notice: ")]


def test_hook_mode_skips_files_with_no_claims_file_with_a_notice(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    (repo / "README.md").write_text("# Ferries and bridges\n\nNotes for editors.\n")
    (repo / "LICENSE").write_text("Permission is granted to anyone.\n")
    (repo / "requirements.txt").write_text("")
    args = ("compare", "README.md", "LICENSE", "requirements.txt", "ferry/recap.md", "-f", "json")
    result = run(*args, "--hook")
    assert result.exit_code == ExitCode.FINDINGS  # recap.md changed a figure
    assert paths(result) == ["ferry/recap.md"]
    assert notices(result) == [
        f"factcheck: notice: {name}: skipped, no claims file for it"
        for name in ("README.md", "LICENSE", "requirements.txt")
    ]
    assert run(*args).exit_code == ExitCode.INPUT_ERROR  # outside hook mode, an error
    clean = run("compare", "--hook", "README.md", "LICENSE", "ferry/day-one.md")
    assert clean.exit_code == ExitCode.OK and len(notices(clean)) == 2
    nothing = run("compare", "--hook", "README.md")
    assert (nothing.exit_code, nothing.stdout) == (ExitCode.OK, "")


def test_hook_mode_skips_a_file_that_is_not_utf_8_when_nothing_maps_it(repo: Path) -> None:
    """A LICENSE or notes file in Latin-1 is text to pre-commit: with no claims file for it, and
    no front matter to name one (only Markdown has it), it is skipped, never read."""
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    (repo / "LICENSE").write_bytes("Copyright \u00a9 2024 Caf\u00e9 Press\n".encode("latin-1"))
    result = run("compare", "--hook", "LICENSE", "ferry/day-one.md")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert notices(result) == ["factcheck: notice: LICENSE: skipped, no claims file for it"]
    mapped = run("compare", "--hook", "--claims", "ferry.yaml", "LICENSE")  # mapped: read
    assert mapped.exit_code == ExitCode.INPUT_ERROR
    assert "LICENSE:1: not UTF-8 text" in mapped.stderr


def test_stdin_is_mapped_excluded_and_skipped_as_the_file_stdin_filename_names(
    repo: Path,
) -> None:
    """An editor pipes its buffer with the file's name: the manifest maps it, ``exclude`` and
    hook mode skip it, and a notice names it, as they would the file itself."""
    (repo / ".factcheck.yaml").write_text(MANIFEST + "exclude: [drafts/]\n")

    def piped(name: str, *args: str) -> Any:
        command = ["compare", "-", "--stdin-filename", name, "-f", "json", *args]
        return CliRunner().invoke(app, command, input=ARTICLES["bridge/wrong.md"])

    mapped = piped("bridge/wrong.md")
    assert mapped.exit_code == ExitCode.FINDINGS, mapped.stderr
    (document,) = json.loads(mapped.stdout)["documents"]
    assert (document["path"], document["claims"]) == ("bridge/wrong.md", "bridge.yaml")
    excluded = piped("bridge/drafts/wrong.md", "--hook")
    assert (excluded.exit_code, paths(excluded), excluded.stderr) == (ExitCode.OK, [], "")
    unmapped = piped("notes.md", "--hook")
    assert notices(unmapped) == ["factcheck: notice: notes.md: skipped, no claims file for it"]


def test_hook_mode_reads_every_argument_as_a_rewrite(repo: Path) -> None:
    """Without a configuration, ``a.md b.md`` is CLAIMS DERIVATIVE; pre-commit's file list is
    never that: each file is a rewrite, and front matter names its claims."""
    (repo / "README.md").write_text("# Ferries\n")
    (repo / "ferry" / "front.md").write_text(
        f"---\nclaims: ../ferry.yaml\n---\n{ARTICLES['ferry/recap.md']}"
    )
    result = run("compare", "--hook", "README.md", "ferry/front.md", "-f", "json")
    assert result.exit_code == ExitCode.FINDINGS, result.stderr
    assert paths(result) == ["ferry/front.md"]
    assert notices(result) == ["factcheck: notice: README.md: skipped, no claims file for it"]


def test_exclude_leaves_files_out_of_the_manifest_and_globs(repo: Path) -> None:
    (repo / "ferry" / "drafts").mkdir()
    (repo / "ferry" / "drafts" / "recap.md").write_text(ARTICLES["ferry/recap.md"])
    (repo / ".factcheck.yaml").write_text(
        'manifest:\n  "**/*.md": ferry.yaml\nexclude: [bridge/, drafts/, short.md, "/ferry/r*"]\n'
    )
    assert paths(run("compare", "-f", "json")) == ["ferry/day-one.md"]
    assert paths(run("compare", "**/*.md", "-f", "json")) == ["ferry/day-one.md"]
    # a path named on the command line is checked, unless in hook mode (pre-commit's list)
    named = ("compare", "ferry/short.md", "ferry/drafts/recap.md", "bridge/open.md", "-f", "json")
    assert paths(run(*named)) == ["ferry/short.md", "ferry/drafts/recap.md", "bridge/open.md"]
    hooked = run(*named, "--hook")
    assert (hooked.exit_code, paths(hooked), hooked.stderr) == (ExitCode.OK, [], "")


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        ("drafts/", "ferry/drafts/recap.md", True),  # a folder at any depth
        ("drafts/", "drafts", False),  # ...and only a folder
        ("ferry/*.md", "ferry/recap.md", True),  # anchored at the configuration's folder
        ("ferry/*.md", "bridge/ferry/recap.md", False),
        ("ferry/*.md", "ferry/drafts/recap.md", False),  # '*' stays within a folder
        ("ferry/**/*.md", "ferry/drafts/recap.md", True),
        ("/recap.md", "ferry/recap.md", False),  # a leading '/' anchors
        ("recap.md", "ferry/drafts/recap.md", True),  # no '/': a name at any depth
        ("*.txt", "ferry/recap.md", False),
        ("ferry", "ferry/recap.md", True),  # a name matches a folder above the file
        ("./ferry/", "ferry/recap.md", True),  # "./" is the configuration's folder
        ("./", "ferry/recap.md", False),  # ...which holds no file to exclude
        ("/", "ferry/recap.md", False),
    ],
)
def test_exclude_globs_read_as_in_gitignore(pattern: str, path: str, excluded: bool) -> None:
    from factcheck.articles import excluded as is_excluded
    from factcheck.config import Config

    assert is_excluded(path, Config(exclude=(pattern,))) is excluded


def test_claims_files_and_the_configuration_are_no_articles(repo: Path) -> None:
    (repo / "report.txt").write_text(ARTICLES["ferry/day-one.md"])
    (repo / "notes.txt").write_text(ARTICLES["ferry/short.md"])
    (repo / "checks.txt").write_text('manifest:\n  "*.txt": report.txt\n')
    result = run("compare", "--config", "checks.txt", "-f", "json")
    assert paths(result) == ["notes.txt"]
    hooked = run("compare", "--config", "checks.txt", "--hook", "report.txt", "notes.txt")
    assert hooked.exit_code == ExitCode.OK and "report.txt" not in hooked.stdout
    assert "notes.txt" in hooked.stdout
    glob = run("compare", "-c", "report.txt", "*.txt", "-f", "json")
    assert paths(glob) == ["checks.txt", "notes.txt"]  # checks.txt configures nothing here


def test_hook_mode_never_writes_over_a_file_it_skipped(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(MANIFEST)
    (repo / "README.md").write_text("# Ferries\n")
    result = run("compare", "--hook", "README.md", "ferry/day-one.md", "-o", "README.md")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "README.md: --output-file would overwrite an input" in result.stderr
    assert (repo / "README.md").read_text() == "# Ferries\n"


def test_hook_mode_never_writes_over_a_file_it_excluded(repo: Path) -> None:
    """pre-commit named it: an input of the run, though ``exclude`` keeps it from being read."""
    (repo / ".factcheck.yaml").write_text(MANIFEST + "exclude: [README.md]\n")
    (repo / "README.md").write_text("# Ferries\n")
    for option in ("-o", "--write-baseline"):
        result = run("compare", "--hook", "README.md", "ferry/day-one.md", option, "README.md")
        assert result.exit_code == ExitCode.INPUT_ERROR
        assert "README.md: " in result.stderr and "would overwrite an input" in result.stderr
        assert (repo / "README.md").read_text() == "# Ferries\n"
