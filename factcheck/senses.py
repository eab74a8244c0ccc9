"""Which words mean the opposite: lexicon/antonyms.txt (derived from WordNet 3.0 by
scripts/wordnet_lexicon.py) and lexicon/opposites.txt (common opposites WordNet does not pair,
such as "rise"/"decline").

Words are looked up by lemma: a token's lower-case form, or that form without an inflection
("declined" → "decline", "companies" → "company"). Loaded on first use, from the table's
precompiled copy when an earlier run made one (``lexicon.compiled``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from . import lexicon
from .lexicon import compiled

SOURCES = ("antonyms", "opposites")  # the lexicon files the table is built from


def build() -> dict[str, str]:
    """Each word's opposites, tab-separated, from the lexicon files (a flat table of strings
    loads fastest from its precompiled copy)."""
    out: dict[str, list[str]] = {}
    for line in lexicon.entries("antonyms"):  # both directions are in the file
        a, _, b = line.partition("\t")
        out.setdefault(a, []).append(b)
    for line in lexicon.entries("opposites"):
        a, _, b = line.partition("\t")
        out.setdefault(a, []).append(b)
        out.setdefault(b, []).append(a)
    return {word: "\t".join(found) for word, found in out.items()}


@cache
def _opposites() -> dict[str, str]:
    return compiled.load("opposites", SOURCES, build)


@cache
def lemmas(lower: str) -> tuple[str, ...]:
    """The word and its possible uninflected forms."""
    forms = [lower]
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("er", ""),
        ("est", ""),
    ):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            forms.append(lower[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


@cache
def opposites(lower: str) -> frozenset[str]:
    table = _opposites()
    return frozenset(o for form in lemmas(lower) if form in table for o in table[form].split("\t"))


def opposite_in(lower: str, words: Iterable[str]) -> str | None:
    """A word among ``words`` (lower case) that is an antonym of ``lower``, if one is."""
    mine = opposites(lower)
    if not mine:
        return None
    return next((w for w in words if mine.intersection(lemmas(w))), None)
