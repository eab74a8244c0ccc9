from __future__ import annotations

import marshal
import os
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from factcheck import senses
from factcheck.lexicon import compiled

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/ai-alliance-rewrite.txt"
PYTHON = f"{sys.version_info[0]}{sys.version_info[1]}"

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


# the precompiled antonym table: a copy in the cache folder, trusted only when sound


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path


def load(build: Callable[[], dict[str, str]] = senses.build) -> dict[str, str]:
    return compiled.load("opposites", senses.SOURCES, build)


def refuse() -> dict[str, str]:
    raise AssertionError("built again, though a sound copy was there")


def test_the_first_run_writes_the_copy_later_runs_read_it(cache: Path) -> None:
    assert load() == senses.build()
    assert [p.name for p in cache.iterdir()] == [f"opposites.py{PYTHON}.marshal"]
    assert load(refuse) == senses.build()


def written_key(cache: Path) -> object:
    load()
    return marshal.loads((cache / f"opposites.py{PYTHON}.marshal").read_bytes())[0]


@pytest.mark.parametrize(
    "contents",
    [
        lambda key: b"",
        lambda key: b"\x00not marshal data\xff",
        lambda key: marshal.dumps((key, {"rise": "fall"}))[:-3],  # truncated
        lambda key: marshal.dumps(((0, "0.0.0", ()), {"rise": "fall"})),  # another key
        lambda key: marshal.dumps((key, {"rise": ["fall"]})),  # not strings
        lambda key: marshal.dumps((key, {1: "fall"})),
        lambda key: marshal.dumps((key, ["rise", "fall"])),
        lambda key: marshal.dumps(key),
        lambda key: marshal.dumps(compile("1", "x", "eval")),
    ],
    ids=["empty", "garbage", "truncated", "stale", "lists", "int-keys", "list", "key-only", "code"],
)
def test_a_corrupt_or_foreign_copy_is_ignored_and_replaced(
    cache: Path, contents: Callable[[object], bytes]
) -> None:
    copy = cache / f"opposites.py{PYTHON}.marshal"
    copy.write_bytes(contents(written_key(cache)))
    assert load() == senses.build()
    assert load(refuse) == senses.build()  # the copy was written again, sound


def test_a_folder_that_cannot_be_written_only_means_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "a-file"))
    assert load() == load() == senses.build()
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_a_corrupt_copy_leaves_the_output_unchanged(tmp_path: Path) -> None:
    """A run with a corrupt copy in the cache folder says what a run with none says."""
    (tmp_path / "corrupt").mkdir()
    (tmp_path / "corrupt" / f"opposites.py{PYTHON}.marshal").write_bytes(b"\x00\xff" * 1000)
    outputs = []
    for folder in ("corrupt", "empty", "empty"):  # the last one reads the copy it wrote
        command = [sys.executable, "-m", "factcheck", "compare", "claims.yaml", EXAMPLE]
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / folder)}
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
        outputs.append((done.returncode, done.stdout, done.stderr))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][0] == 1 and b"drift" in outputs[0][1]
