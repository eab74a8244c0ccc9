"""Running the CLI in-process from tests, with any exception other than exit surfaced."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from factcheck.cli import app


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result
