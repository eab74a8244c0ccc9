"""Configuration: discovery upwards, precedence, both file kinds, unknown keys, severities."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from runner import run

from factcheck import articles, config
from factcheck.cli import ExitCode
from factcheck.report import Finding, Report, Summary

CLAIMS = """\
version: 1
claims:
- id: c001
  text: The library lent 3,200 books in March.
  key: true
- id: c002
  text: The head librarian said the reading room will open on Sundays.
"""
FAITHFUL = "The library lent 3,200 books in March. The head librarian said the reading room will open on Sundays.\n"
DRIFTED = "The library lent 2,300 books in March. The head librarian said the reading room will open on Sundays.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (holds .git, so discovery stops here) with claims and two articles."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "faithful.md").write_text(FAITHFUL)
    (tmp_path / "articles" / "drifted.md").write_text(DRIFTED)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rules(result: Any) -> list[tuple[str, str]]:
    doc = json.loads(result.stdout)
    return [(f["kind"], f["severity"]) for d in doc["documents"] for f in d["findings"]]


# discovery


def test_found_from_a_subfolder_upwards(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".factcheck.yaml").write_text("claims: claims.yaml\n")
    monkeypatch.chdir(repo / "articles")
    assert config.find() == "../.factcheck.yaml"
    assert config.load(config.find()).claims == "../claims.yaml"  # relative to the config file
    assert run("compare", "faithful.md").exit_code == ExitCode.OK


def test_closest_file_wins(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".factcheck.yaml").write_text("fail-on: info\n")
    (repo / "articles" / ".factcheck.yml").write_text("fail-on: warning\n")
    monkeypatch.chdir(repo / "articles")
    assert config.load(config.find()).fail_on == "warning"


def test_discovery_stops_at_the_repository_root(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / ".factcheck.yaml").write_text("fail-on: info\n")
    inner = repo / "vendor" / "other"
    (inner / ".git").mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert config.find() is None


def test_pyproject_table_is_read_and_one_without_it_skipped(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "info"\n')
    (repo / "articles" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    monkeypatch.chdir(repo / "articles")
    assert config.find() == "../pyproject.toml"
    assert config.load(config.find()).fail_on == "info"


def test_factcheck_yaml_beats_pyproject_in_one_folder(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "info"\n')
    (repo / ".factcheck.yaml").write_text("fail-on: warning\n")
    assert config.find() == ".factcheck.yaml"


@pytest.mark.parametrize("text", ["", "\n# nothing set yet\n"], ids=["empty", "comment"])
def test_an_empty_configuration_file_sets_nothing(repo: Path, text: str) -> None:
    (repo / ".factcheck.yaml").write_text(text)
    assert config.load(config.find()) == config.Config(path=".factcheck.yaml")
    assert run("compare", "claims.yaml", "articles/faithful.md").exit_code == ExitCode.OK


def test_config_flag_names_the_file(repo: Path) -> None:
    (repo / "strict.yaml").write_text("claims: claims.yaml\nfail-on: info\n")
    result = run("compare", "--config", "strict.yaml", "articles/faithful.md")
    assert result.exit_code == ExitCode.OK
    assert run("compare", "--config", "missing.yaml", "x.md").exit_code == ExitCode.INPUT_ERROR


# precedence


def test_config_fail_on_applies_and_the_flag_overrides_it(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text("severity:\n  number-drift: warning\n")
    assert run("compare", "claims.yaml", "articles/drifted.md").exit_code == ExitCode.OK
    (repo / ".factcheck.yaml").write_text("fail-on: warning\nseverity:\n  number-drift: warning\n")
    assert run("compare", "claims.yaml", "articles/drifted.md").exit_code == ExitCode.FINDINGS
    result = run("compare", "claims.yaml", "articles/drifted.md", "--fail-on", "error")
    assert result.exit_code == ExitCode.OK


def test_claims_flag_beats_the_configured_claims(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text("claims: nowhere.yaml\n")
    result = run("compare", "--claims", "claims.yaml", "articles/faithful.md")
    assert result.exit_code == ExitCode.OK


def test_exit_zero_from_config(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text("exit-zero: true\n")
    assert run("compare", "claims.yaml", "articles/drifted.md").exit_code == ExitCode.OK


# unknown keys and bad values: exit 2, one line, the valid names


@pytest.mark.parametrize(
    ("name", "text", "fragments"),
    [
        (
            ".factcheck.yaml",
            "fail-on: error\n\nseverty: {}\n",
            [".factcheck.yaml:3: unknown key 'severty'", "valid: claims, severity, fail-on"],
        ),
        (
            ".factcheck.yaml",
            "severity:\n  numbr-drift: off\n",
            [".factcheck.yaml:2: unknown key 'severity.numbr-drift'", "number-drift"],
        ),
        (
            "pyproject.toml",
            '[tool.factcheck]\nfailon = "info"\n',
            ["pyproject.toml: unknown key 'tool.factcheck.failon'", "fail-on"],
        ),
        (".factcheck.yaml", "fail-on: fatal\n", [".factcheck.yaml:1: 'fail-on' must be one of"]),
        (".factcheck.yaml", "claims: [\n", [".factcheck.yaml:2: invalid YAML"]),
    ],
)
def test_bad_configuration_exits_2(repo: Path, name: str, text: str, fragments: list[str]) -> None:
    (repo / name).write_text(text)
    result = run("compare", "claims.yaml", "articles/faithful.md")
    assert result.exit_code == ExitCode.INPUT_ERROR
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_a_configuration_file_that_is_not_utf8_exits_2_naming_its_line(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_bytes(b"fail-on: error\n# caf\xe9\n")
    result = run("compare", "claims.yaml", "articles/faithful.md")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stderr == "factcheck: error: .factcheck.yaml:2: not UTF-8 text (byte 0xe9)\n"


# severity overrides


def test_severity_override_and_off(repo: Path) -> None:
    args = ("compare", "claims.yaml", "articles/drifted.md", "-f", "json")
    assert ("drift", "error") in rules(run(*args))
    (repo / ".factcheck.yaml").write_text("severity:\n  number-drift: info\n")
    assert ("drift", "info") in rules(run(*args))
    (repo / ".factcheck.yaml").write_text("severity:\n  number-drift: off\n")
    result = run(*args)
    assert ("drift", "error") not in rules(result) and result.exit_code == ExitCode.OK
    assert json.loads(result.stdout)["documents"][0]["summary"]["drift"] == 0


def test_apply_severity_is_pure() -> None:
    findings = (
        Finding("omission", None, "info", "gone", claim_id="c1"),
        Finding("unsupported", None, "warning", "new"),
    )
    report = Report("a.md", Summary(2, 2, 1, 1, 0, 1, 0.5), findings)
    settings = config.Config(severity=(("omission", "error"), ("unsupported", "off")))
    changed = config.apply_severity(report, settings)
    assert [(f.rule, f.severity) for f in changed.findings] == [("omission", "error")]
    assert changed.summary.unsupported == 0
    assert report.findings == findings
    assert config.apply_severity(report, config.Config()) is report


def test_apply_severity_keeps_only_the_rules_reported() -> None:
    findings = (
        Finding("omission", None, "info", "gone", claim_id="c1"),
        Finding("unsupported", None, "warning", "new"),
        Finding("drift", "number", "error", "changed", claim_id="c2"),
    )
    report = Report("a.md", Summary(2, 2, 1, 1, 1, 1, 0.5), findings)

    def kept(settings: config.Config) -> list[str]:
        return [f.rule for f in config.apply_severity(report, settings).findings]

    assert kept(config.Config(select=("omission", "number-drift"))) == ["omission", "number-drift"]
    assert kept(config.Config(ignore=("unsupported",))) == ["omission", "number-drift"]
    chosen = config.choose_rules(config.Config(ignore=("omission",)), [], ["drift"])
    assert chosen.ignore == ("omission", *config.GROUPS["drift"])
    chosen = config.choose_rules(chosen, ["omission, unsupported"], [])
    assert (chosen.select, chosen.ignore) == (("omission", "unsupported"), ())


# rules selected: select and ignore, in the file and on the command line

VALID = "(valid: drift, omission, unsupported, attribution-drift, entity-drift,"
MIXED = "The library lent 2,300 books in March. It is based in Geneva.\n"


def reported(*args: str) -> list[str]:
    """The rules of the findings of ``compare claims.yaml articles/mixed.md ARGS``."""
    result = run("compare", "claims.yaml", "articles/mixed.md", "-f", "json", *args)
    assert result.exit_code in (ExitCode.OK, ExitCode.FINDINGS), result.stderr
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    return [f"{f['type']}-drift" if f["kind"] == "drift" else f["kind"] for f in findings]


@pytest.fixture
def mixed(repo: Path) -> Path:
    """The repository, with an article that has a drift, an unsupported statement and an
    omission."""
    (repo / "articles" / "mixed.md").write_text(MIXED)
    assert reported() == ["number-drift", "unsupported", "omission"]
    return repo


def test_select_and_ignore_in_the_configuration(mixed: Path) -> None:
    (mixed / ".factcheck.yaml").write_text("select: [drift, omission]\n")
    assert reported() == ["number-drift", "omission"]
    (mixed / ".factcheck.yaml").write_text("ignore: [number-drift, omission]\n")
    assert reported() == ["unsupported"]
    (mixed / ".factcheck.yaml").write_text("select: [drift, unsupported]\nignore: [drift]\n")
    assert reported() == ["unsupported"]
    (mixed / "pyproject.toml").write_text('[tool.factcheck]\nselect = ["unsupported"]\n')
    assert reported("--config", "pyproject.toml") == ["unsupported"]


def test_select_and_ignore_on_the_command_line(mixed: Path) -> None:
    assert reported("--select", "number-drift,unsupported") == ["number-drift", "unsupported"]
    assert reported("--select", "omission", "--select", "drift") == ["number-drift", "omission"]
    assert reported("--ignore", "drift", "--ignore", "unsupported") == ["omission"]
    assert reported("--select", "drift,unsupported", "--ignore", "unsupported") == ["number-drift"]


def test_command_line_select_replaces_the_configured_select_and_ignore(mixed: Path) -> None:
    (mixed / ".factcheck.yaml").write_text("select: [omission]\nignore: [unsupported]\n")
    assert reported() == ["omission"]
    assert reported("--select", "unsupported") == ["unsupported"]  # as ruff's --select
    assert reported("--ignore", "omission") == []  # --ignore alone adds to the file's ignore
    result = run("compare", "claims.yaml", "articles/mixed.md", "--select", "number-drift")
    assert result.exit_code == ExitCode.FINDINGS


def test_an_ignored_rule_does_not_fail_the_run(mixed: Path) -> None:
    args = ("compare", "claims.yaml", "articles/mixed.md")
    assert run(*args).exit_code == ExitCode.FINDINGS
    assert run(*args, "--ignore", "number-drift").exit_code == ExitCode.OK


@pytest.mark.parametrize(
    ("text", "args", "fragments"),
    [
        ("fail-on: info\nselect: [numbr-drift]\n", [], [".factcheck.yaml:2: unknown rule", VALID]),
        ("ignore: [drift, 3]\n", [], [".factcheck.yaml:1: 'ignore' must be a list of rule ids"]),
        ("ignore: unsupported\n", [], [".factcheck.yaml:1: 'ignore' must be a list"]),
        ("", ["--select", "drift,numbr-drift"], ["unknown rule 'numbr-drift' in --select", VALID]),
        ("", ["--ignore", "drifts"], ["unknown rule 'drifts' in --ignore", VALID]),
    ],
)
def test_unknown_rules_to_select_or_ignore_exit_2(
    mixed: Path, text: str, args: list[str], fragments: list[str]
) -> None:
    (mixed / ".factcheck.yaml").write_text(text)
    result = run("compare", "claims.yaml", "articles/mixed.md", *args)
    assert result.exit_code == ExitCode.INPUT_ERROR
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


# the manifest


def test_manifest_maps_globs_to_claims_files(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(
        'manifest:\n  "articles/**/*.md": claims.yaml\n  "notes/*.txt": other.yaml\n'
    )
    settings = config.load(".factcheck.yaml")
    assert settings.manifest == (("articles/**/*.md", "claims.yaml"), ("notes/*.txt", "other.yaml"))
    assert articles.claims_for("articles/faithful.md", settings) == "claims.yaml"
    assert articles.claims_for("notes/a.txt", settings) == "other.yaml"
    assert articles.claims_for("notes/deep/a.txt", settings) is None  # '*' stays within one folder


def test_exclude_is_a_list_of_globs_from_either_file(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text('exclude: [drafts/, "**/README.md"]\n')
    assert config.load(".factcheck.yaml").exclude == ("drafts/", "**/README.md")
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nexclude = ["drafts/"]\n')
    assert config.load("pyproject.toml").exclude == ("drafts/",)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "fail-on: error\nexclude: drafts/\n",
            ".factcheck.yaml:2: 'exclude' must be a list of globs",
        ),
        ("exclude:\n- drafts/\n- 3\n", ".factcheck.yaml:1: 'exclude' must be a path"),
        ("exclude: ['!keep.md']\n", ".factcheck.yaml:1: 'exclude' cannot re-include ('!keep.md')"),
    ],
)
def test_a_bad_exclude_exits_2_naming_its_line(repo: Path, text: str, fragment: str) -> None:
    (repo / ".factcheck.yaml").write_text(text)
    result = run("compare", "claims.yaml", "articles/faithful.md")
    assert result.exit_code == ExitCode.INPUT_ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"factcheck: error: {fragment}")


def test_cutoffs_are_read_checked_and_change_judgment(tmp_path: Path) -> None:
    from factcheck import compare, load_claims
    from factcheck.compare import Cutoffs
    from factcheck.config import load
    from factcheck.errors import InputError

    path = tmp_path / ".factcheck.yaml"
    path.write_text("cutoffs:\n  cover: 0.9\n  same-claim: 0.6\n", encoding="utf-8")
    cutoffs = load(str(path)).cutoffs
    assert cutoffs == Cutoffs(cover=0.9, same_claim=0.6)
    claims = load_claims(
        "claims:\n- id: c1\n  text: The council approved a new library on the harbour.\n"
    )
    rewrite = "The council approved a library."
    assert not [f for f in compare(claims, rewrite).findings if f.kind == "omission"]
    assert [f.claim_id for f in compare(claims, rewrite, cutoffs=cutoffs).findings] == ["c1"]
    path.write_text("cutoffs:\n  cover: 2\n", encoding="utf-8")
    with pytest.raises(InputError, match="'cutoffs.cover' must be a share from 0 to 1"):
        load(str(path))
    path.write_text("cutoffs:\n  covr: 0.5\n", encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"unknown key 'cutoffs.covr' \(valid: cover, same-claim, says, unsupported\)",
    ):
        load(str(path))


def test_a_pyproject_whose_tool_is_not_a_table_is_skipped_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()
    assert config.find(str(tmp_path)) is None


def test_cutoff_says_sets_when_a_sentence_says_part_of_a_long_claim() -> None:
    import yaml

    from factcheck import compare, load_claims
    from factcheck.compare import Cutoffs

    case = yaml.safe_load(
        (Path(__file__).parent / "cases/entity-drift/fail-long-claim-first-clause.yaml").read_text(
            encoding="utf-8"
        )
    )
    claims = load_claims(yaml.safe_dump({"version": 1, "claims": case["claims"]}))
    rules = {f.rule for f in compare(claims, case["derivative"]).findings}
    strict = {
        f.rule for f in compare(claims, case["derivative"], cutoffs=Cutoffs(says=1.0)).findings
    }
    assert "entity-drift" in rules
    assert "entity-drift" not in strict
