"""Cue words as data: one sorted, unique entry per line in the ``*.txt`` files beside this module.

Tab-separated files map a word or phrase to a value. Phrases are written the way the tokenizer
sees them (lower case, contractions expanded: ``i would wager``). Each file is read once, with
``open`` rather than ``importlib.resources``, whose machinery costs a run more than reading every
file does.
"""

from __future__ import annotations

import os
from functools import cache


def path(name: str) -> str:
    """The file of the lexicon ``name``."""
    return os.path.join(os.path.dirname(__file__), f"{name}.txt")


@cache
def entries(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of ``<name>.txt``."""
    return lines(path(name))


def lines(file: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of a word list ``file`` (the self-test's lists too)."""
    with open(file, encoding="utf-8") as opened:
        raw = opened.read()
    return tuple(line for line in raw.splitlines() if line.strip() and not line.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    return frozenset(entries(name))


@cache
def table(name: str) -> dict[str, str]:
    pairs = (line.split("\t", 1) for line in entries(name))
    return {k: v for k, v in pairs}


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """Word sequences of ``name``, longest first so a longer cue wins over its prefix."""
    keys = table(name) if "\t" in entries(name)[0] else entries(name)
    return tuple(sorted((tuple(k.split()) for k in keys), key=len, reverse=True))


@cache
def phrase_index(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases of ``name`` by their first word, longest first: a cue lookup per token."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases(name):
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}
