from __future__ import annotations

from importlib import resources

import pytest

from factcheck import senses

NAMES = sorted(
    (package, p.name.removesuffix(".txt"))
    for package in ("factcheck.lexicon", "factcheck.selftest")
    for p in resources.files(package).iterdir()
    if p.name.endswith(".txt")
)


@pytest.mark.parametrize(("package", "name"), NAMES)
def test_lexicon_files_are_sorted_and_unique(package: str, name: str) -> None:
    text = resources.files(package).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == sorted(set(lines)), name


# the antonym table, read by bisection of its sorted file


def test_a_word_finds_its_antonyms_as_a_table_of_the_file_would() -> None:
    text = resources.files("factcheck.lexicon").joinpath("antonyms.txt").read_text("utf-8")
    table: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, other = line.partition("\t")
            table.setdefault(word, []).append(other)
    assert len(table) > 10_000
    assert all(senses.antonyms(word) == tuple(found) for word, found in table.items())
    others = {w + suffix for w in list(table)[::50] for suffix in ("", "x", "zz")} - set(table)
    assert others and not any(senses.antonyms(word) for word in others)
    assert senses.antonyms("") == senses.antonyms("#") == senses.antonyms("\uffff") == ()


def test_opposites_join_both_files_by_lemma() -> None:
    # "rises" by its lemma "rise": "fall" from antonyms.txt, "decline" from opposites.txt, which
    # pairs them both ways
    assert {"fall", "decline"} <= senses.opposites("rises")
    assert "rise" in senses.opposites("declined")
