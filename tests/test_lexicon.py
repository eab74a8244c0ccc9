from __future__ import annotations

from importlib import resources

import pytest

NAMES = sorted(
    p.name.removesuffix(".txt")
    for p in resources.files("factcheck.lexicon").iterdir()
    if p.name.endswith(".txt")
)


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_files_are_sorted_and_unique(name: str) -> None:
    text = resources.files("factcheck.lexicon").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == sorted(set(lines)), name
