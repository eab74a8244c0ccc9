"""Golden files for renderers: one comparison, and one way to regenerate them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, actual: str) -> None:
    """Assert ``actual`` equals golden file ``name``. With FACTCHECK_UPDATE_GOLDEN=1 the file is
    rewritten instead and the test skipped, so an update run never passes as a check."""
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"rewrote {path.name}")
    assert actual == path.read_text(encoding="utf-8")
