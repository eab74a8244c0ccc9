"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the defaults of a plain shell, even when CI runs them under GitHub Actions."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Precompiled lexicon tables go to a folder of the test run, never the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield
