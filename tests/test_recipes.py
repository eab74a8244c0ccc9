"""The README's CI recipes, run as written: its pre-commit configuration through pre-commit
itself, and the GitHub Action's script as its workflow calls it, each on a repository set up
as the README's Configuration section shows (a manifest naming two claims files).

The YAML blocks are read from README.md, so a change to a recipe is a change to what is tested.
pre-commit would build a virtualenv and pip install this repository from the network for a
``language: python`` hook (``pre-commit try-repo``: 7 to 10 s a run, online only), so the hook
runs as ``language: system``, every other key as ``.pre-commit-hooks.yaml`` writes it, with a
``factcheck`` on PATH that runs this tree.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.cli import ExitCode

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

ALLIANCE = """\
version: 1
claims:
- id: a001
  text: Twelve towns along the river formed the Clean Water Alliance in May.
  key: true
- id: a002
  text: The alliance will test the water at 40 sites every month.
"""
GENERAL = """\
version: 1
claims:
- id: g001
  text: The county library lent 3,200 books in March.
  key: true
"""
FAITHFUL = {
    "articles/alliance/launch.md": "Twelve towns along the river formed the Clean Water "
    "Alliance in May. The alliance will test the water at 40 sites every month.\n",
    "articles/library.md": "The county library lent 3,200 books in March.\n",
}
DRIFTED = {
    "articles/alliance/launch.md": "Twelve towns along the river formed the Clean Water "
    "Alliance in May. The alliance will test the water at 14 sites every month.\n",
    "articles/library.md": "The county library lent 2,300 books in March.\n",
}
CLAIMS_FILES = {"claims/alliance.yaml", "claims/general.yaml"}
NOT_ARTICLES = {  # what pre-commit passes a hook in an ordinary commit
    "README.md": "# Local news\n\nHow we write and check our articles.\n",
    "LICENSE": "Permission is hereby granted, free of charge, to any person.\n",
    "requirements.txt": "factcheck\n",
}


def block(first_line: str) -> str:
    """The README's YAML block whose first line is ``first_line``."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL)
    (found,) = [b for b in blocks if b.startswith(first_line + "\n")]
    return str(found)


def recipe(first_line: str) -> Any:
    """The README's YAML block whose first line is ``first_line``, parsed."""
    return yaml.safe_load(block(first_line))


@pytest.fixture
def factcheck_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose ``factcheck`` runs this tree with this interpreter."""
    folder = tmp_path / "bin"
    folder.mkdir()
    shim = folder / "factcheck"
    shim.write_text(
        f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m factcheck "$@"\n',
        encoding="utf-8",
    )
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "FACTCHECK_"))}
    return {**env, "PATH": f"{folder}{os.pathsep}{env.get('PATH', '')}"}


def make_repository(folder: Path, articles: dict[str, str]) -> Path:
    """A repository configured as the README's ``.factcheck.yaml``: two claims files."""
    files = {
        ".factcheck.yaml": block("# .factcheck.yaml"),
        "claims/alliance.yaml": ALLIANCE,
        "claims/general.yaml": GENERAL,
        **articles,
        **NOT_ARTICLES,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# pre-commit


def pre_commit_config() -> str:
    """The README's .pre-commit-config.yaml with its hook defined locally: the keys of
    ``.pre-commit-hooks.yaml``, then the README's own, the language ``system``."""
    (remote,) = recipe("# .pre-commit-config.yaml")["repos"]
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (used,) = remote["hooks"]
    assert used["id"] == hook["id"]
    local = {**hook, **used, "language": "system"}
    # a system hook builds no environment to install into; this one's test venv has them
    local.pop("additional_dependencies", None)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]})


def commit(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Stage everything in ``folder`` and run the hooks as ``git commit`` would."""
    (folder / ".pre-commit-config.yaml").write_text(pre_commit_config(), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never", "--verbose"],
        cwd=folder,
        env={**env, "PRE_COMMIT_HOME": str(folder.parent / "pre-commit-home")},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_pre_commit_recipe_passes_ordinary_files_and_fails_drift(
    tmp_path: Path, factcheck_on_path: dict[str, str]
) -> None:
    clean = commit(make_repository(tmp_path / "clean", FAITHFUL), factcheck_on_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    for name in ("LICENSE", "requirements.txt"):
        assert f"factcheck: notice: {name}: skipped, no claims file for it" in clean.stdout
    assert "README.md" not in clean.stdout  # the configuration excludes it
    drifted = commit(make_repository(tmp_path / "drifted", DRIFTED), factcheck_on_path)
    assert drifted.returncode == 1, drifted.stdout + drifted.stderr
    assert all(article in drifted.stdout for article in DRIFTED)
    assert drifted.stdout.count("number-drift") >= len(DRIFTED)
    assert "factcheck: error" not in drifted.stdout


# the GitHub Action


def run_action(
    folder: Path, inputs: dict[str, str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """The action's "Run factcheck" step as GitHub runs it: its ``run:`` script under
    ``bash -eo pipefail``, its ``env:`` with each input (or its default) filled in."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in action["runs"]["steps"] if s.get("name") == "Run factcheck"]
    values = {
        name: inputs.get(name, spec.get("default", "")) for name, spec in action["inputs"].items()
    }
    step_env = {
        key: re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: str(values[m[1]]), value)
        for key, value in step["env"].items()
    }
    summary = folder / "step-summary.md"
    env = {**env, **step_env, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def workflow_inputs() -> dict[str, str]:
    """The ``with:`` of the README workflow's factcheck step; its SARIF upload reads that file."""
    steps = recipe("# .github/workflows/factcheck.yml")["jobs"]["factcheck"]["steps"]
    (ours,) = [s for s in steps if "/factcheck@" in s.get("uses", "")]
    (upload,) = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload["with"]["sarif_file"] == ours["with"]["sarif"]
    return {name: str(value) for name, value in ours["with"].items()}


def annotated(stdout: str) -> set[str]:
    """The files the ``::error`` annotations point at."""
    return set(re.findall(r"^::error file=([^,]+),", stdout, flags=re.MULTILINE))


def test_the_action_annotates_every_claims_files_articles_and_writes_sarif(
    tmp_path: Path, factcheck_on_path: dict[str, str]
) -> None:
    inputs = workflow_inputs()
    repository = make_repository(tmp_path, DRIFTED)
    result = run_action(repository, inputs, factcheck_on_path)
    assert result.returncode == ExitCode.FINDINGS, result.stderr
    assert annotated(result.stdout) == set(DRIFTED)
    sarif = json.loads((repository / inputs["sarif"]).read_text(encoding="utf-8"))
    (run,) = sarif["runs"]
    assert {r["properties"]["claims"] for r in run["results"]} == CLAIMS_FILES
    assert "number-drift" in (repository / "step-summary.md").read_text(encoding="utf-8")


def test_the_action_without_sarif_annotates_every_claims_files_articles(
    tmp_path: Path, factcheck_on_path: dict[str, str]
) -> None:
    inputs = {k: v for k, v in workflow_inputs().items() if k != "sarif"}
    repository = make_repository(tmp_path, DRIFTED)
    result = run_action(repository, inputs, factcheck_on_path)
    assert result.returncode == ExitCode.FINDINGS, result.stderr
    assert annotated(result.stdout) == set(DRIFTED)
    assert not list(repository.glob("*.sarif"))


def test_the_action_without_fail_on_follows_the_configurations(
    tmp_path: Path, factcheck_on_path: dict[str, str]
) -> None:
    """The README's configuration says ``fail-on: warning`` and makes hedge drift a warning:
    an article that hedges a claim fails the step when the workflow sets no ``fail-on``."""
    assert "fail-on: warning" in block("# .factcheck.yaml")
    inputs = {k: v for k, v in workflow_inputs().items() if k != "fail-on"}
    hedged = FAITHFUL["articles/alliance/launch.md"].replace("will test", "may test")
    articles = {**FAITHFUL, "articles/alliance/launch.md": hedged}
    result = run_action(make_repository(tmp_path, articles), inputs, factcheck_on_path)
    assert result.returncode == ExitCode.FINDINGS, result.stdout + result.stderr
    assert "::warning file=articles/alliance/launch.md" in result.stdout


def test_the_action_passes_faithful_articles(
    tmp_path: Path, factcheck_on_path: dict[str, str]
) -> None:
    inputs = workflow_inputs()
    result = run_action(make_repository(tmp_path, FAITHFUL), inputs, factcheck_on_path)
    assert result.returncode == ExitCode.OK, result.stdout + result.stderr
    assert annotated(result.stdout) == set()
    sarif = json.loads((tmp_path / inputs["sarif"]).read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"] == []
