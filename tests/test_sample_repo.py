"""A newsroom repository checked end to end through the CLI (tests/sample_repo): a manifest in
.factcheck.yaml, Markdown articles, a suppression comment and a baseline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent / "sample_repo"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(SAMPLE, target)
    (target / ".git").mkdir()  # the top of the repository: config discovery stops here
    return target


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "factcheck", "compare", "--format", "concise", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)


def findings(done: subprocess.CompletedProcess[str]) -> list[str]:
    """``path:line:col: rule`` of each finding that is not an omission (its severity left
    out)."""
    lines = [line.split() for line in done.stdout.splitlines() if "omission" not in line]
    return [f"{words[0]} {words[2]}" for words in lines]


def test_manifest_run_reports_new_drift_in_the_original_markdown_positions(repo: Path) -> None:
    done = run(repo)
    assert done.returncode == 1
    assert findings(done) == [
        "articles/drifted.md:3:47: number-drift",
        "articles/known.md:3:17: negation-drift",
    ]


def test_suppression_comment_accepts_its_sentence_only(repo: Path) -> None:
    assert "Ana Ruiz" not in run(repo).stdout
    article = repo / "articles" / "drifted.md"
    article.write_text(
        article.read_text().replace("<!-- factcheck: ignore unsupported", "<!-- note")
    )
    assert "articles/drifted.md:7:1: unsupported" in findings(run(repo))


def test_baselined_findings_do_not_fail_new_ones_do(repo: Path) -> None:
    baseline = ["--baseline", ".factcheck-baseline.json"]
    assert run(repo, *baseline, "articles/known.md", "articles/faithful.md").returncode == 0
    done = run(repo, *baseline)
    assert done.returncode == 1
    assert findings(done) == ["articles/drifted.md:3:47: number-drift"]


def test_baseline_survives_edits_elsewhere_but_not_a_changed_sentence(repo: Path) -> None:
    article = repo / "articles" / "known.md"
    article.write_text("# Bridge works\n\nAn update.\n\n" + article.read_text().split("\n", 2)[2])
    assert run(repo, "--baseline", ".factcheck-baseline.json", "articles/known.md").returncode == 0
    article.write_text(article.read_text().replace("before March", "before April"))
    done = run(repo, "--baseline", ".factcheck-baseline.json", "articles/known.md")
    assert done.returncode == 1
    assert "articles/known.md:5:17: negation-drift" in findings(done)
    assert "stale baseline entry negation-drift c4" in done.stderr


def test_exit_status_follows_fail_on_and_configured_severities(repo: Path) -> None:
    assert run(repo, "articles/faithful.md").returncode == 0
    config = repo / ".factcheck.yaml"
    config.write_text(config.read_text().replace("omission: info", "omission: warning"))
    assert run(repo, "articles/known.md", "--fail-on", "warning").returncode == 1
    config.write_text(config.read_text() + "  negation-drift: off\n")
    assert run(repo, "articles/known.md").returncode == 0


def test_unknown_config_key_exits_2_naming_the_valid_ones(repo: Path) -> None:
    (repo / ".factcheck.yaml").write_text(
        "manifest:\n  'articles/*.md': claims.yaml\nfail_on: error\n"
    )
    done = run(repo)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "fail_on" in done.stderr and "fail-on" in done.stderr


def test_suppression_comment_covers_a_sentence_wrapped_over_lines(repo: Path) -> None:
    article = repo / "articles" / "wrapped.md"
    article.write_text(
        "<!-- factcheck: ignore c1 -->\nThe Harbour City council approved a budget of\n"
        "$5.2 million for a new library.\n"
    )
    done = run(repo, "articles/wrapped.md")
    assert [f for f in findings(done) if "number-drift" in f] == []
    assert "unused suppression" not in done.stderr


def test_claims_named_on_the_command_line_win_over_front_matter(repo: Path) -> None:
    article = repo / "articles" / "fronted.md"
    article.write_text("---\nclaims: missing.yaml\n---\nThe bridge will reopen before March.\n")
    assert run(repo, "--claims", "claims.yaml", "articles/fronted.md").returncode == 1
    assert run(repo, "articles/fronted.md").returncode == 2  # the manifest yields to front matter
