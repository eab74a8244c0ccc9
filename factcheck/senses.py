"""Which words mean the opposite: lexicon/antonyms.txt (derived from WordNet 3.0 by
scripts/wordnet_lexicon.py) and lexicon/opposites.txt (common opposites WordNet does not pair,
such as "rise"/"decline").

Words are looked up by lemma: a token's lower-case form, its base if it is an irregular past
("fell" → "fall"), or that form without an inflection ("declined" → "decline", "companies" →
"company"). The 40,000 pairs of antonyms.txt are not
made into a table: the file is sorted (tests/test_lexicon.py keeps it so), so a word's lines
are found by bisection of its bytes, read once, as they are shipped. A run pays for the words
it looks up, not for the table, and keeps no copy of it anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from . import lexicon


@cache
def _antonym_bytes() -> bytes:
    with open(lexicon.path("antonyms"), "rb") as file:
        return file.read()


def antonyms(word: str) -> tuple[str, ...]:
    """The opposites antonyms.txt gives ``word``, in file order: its lines "word<TAB>other",
    found by bisection over the sorted lines (the comment lines at the top sort before any
    word: "#" comes before letters)."""
    data, key = _antonym_bytes(), word.encode() + b"\t"
    lo, hi = 0, len(data)  # line starts: lines before lo sort before key, from hi on not
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid) + 1 or lo
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:end] < key:
            lo = end + 1
        else:
            hi = start
    found = []
    while data.startswith(key, lo):
        end = data.find(b"\n", lo)
        end = len(data) if end < 0 else end
        found.append(data[lo + len(key) : end].decode())
        lo = end + 1
    return tuple(found)


@cache
def _opposites() -> dict[str, tuple[str, ...]]:
    """lexicon/opposites.txt, both ways."""
    out: dict[str, list[str]] = {}
    for line in lexicon.entries("opposites"):
        a, _, b = line.partition("\t")
        out.setdefault(a, []).append(b)
        out.setdefault(b, []).append(a)
    return {word: tuple(found) for word, found in out.items()}


@cache
def lemmas(lower: str) -> tuple[str, ...]:
    """The word and its possible uninflected forms: an irregular past ("lost" → "lose",
    lexicon/irregular_verbs.txt; "rose" → "rise", lexicon/past_forms.txt: pasts that are words
    of their own too, and so are not folded into comparison keys) or a form without a suffix."""
    forms = [lower]
    for table in ("irregular_verbs", "past_forms"):
        base = lexicon.table(table).get(lower)
        if base is not None:
            forms.append(base)
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
    return frozenset(o for form in lemmas(lower) for o in (*antonyms(form), *table.get(form, ())))


def opposite_in(lower: str, words: Iterable[str]) -> str | None:
    """A word among ``words`` (lower case) that is an antonym of ``lower``, if one is."""
    mine = opposites(lower)
    if not mine:
        return None
    return next((w for w in words if mine.intersection(lemmas(w))), None)
