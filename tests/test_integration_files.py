"""The pre-commit hook and the GitHub Action the repository ships."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hook_has_the_required_fields_and_runs_compare() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["entry"] == "factcheck compare --hook"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "plain-text", "html"}


def test_action_is_composite_and_never_interpolates_inputs_into_scripts() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in step for step in steps if "run" in step)
    for step in steps:
        assert "${{" not in step.get("run", ""), "pass inputs through env: (script injection)"
    used = {v for step in steps for v in step.get("env", {}).values()}
    assert {f"${{{{ inputs.{name} }}}}" for name in action["inputs"]} <= used


def test_shell_completion_script_is_offered() -> None:
    from typer.testing import CliRunner

    from factcheck.cli import app

    result = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="factcheck")
    assert result.exit_code == 0
    assert "_factcheck_completion" in result.stdout
