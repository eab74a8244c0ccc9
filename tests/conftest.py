"""Shared fixtures."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the defaults of a plain shell, even when CI runs them under GitHub Actions."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture(params=["built-in", "readability-lxml"])
def html_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which reader chooses an HTML page's article: readability-lxml (the ``html`` extra;
    skipped where it is not installed), or the built-in alone, as where it is not: its import
    fails."""
    from factcheck.inputs import readability_lxml

    if request.param == "readability-lxml":
        pytest.importorskip("readability")
    else:
        monkeypatch.setitem(sys.modules, "readability", None)
    readability_lxml._reader.cache_clear()
    request.addfinalizer(readability_lxml._reader.cache_clear)
    return str(request.param)
