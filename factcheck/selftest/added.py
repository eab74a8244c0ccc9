"""The independent ``sentence-added`` corruption: a claim followed by a sentence the report
never makes, built from the subject of one other claim and the predicate of another
("The AI Alliance" + "is by far the dominant provider of AI chips.").

A claim is split at its first finite verb (verbs.txt) or reporting verb (reporting.txt) outside
quotations, after one to eight words with no comma among them (a comma may open a clause of
the subject's own: "The agency, which was dismissed"). Subject and predicate come from two claims that split
half the file apart (the file read as a ring), turning with the claim the sentence follows.
"""

from __future__ import annotations

import re
from functools import cache

from .edit import Rewrite
from .reading import Source, data, words

SUBJECT_WORDS = 8


def sentence_added(source: Source) -> list[Rewrite]:
    texts = [c.text for c in source.claims]
    splits = [(k, p) for k, text in enumerate(texts) if (p := split(text)) is not None]
    fits = _fits(splits)
    return [r for i in range(len(texts)) for r in _added(source, i, splits, fits)]


def _fits(splits: list[tuple[int, tuple[str, str]]]) -> list[int]:
    """For each place in ``splits``, the nearest place from it (the list read as a ring, twice
    round) where subject and the predicate half the file on make a new statement, or -1."""
    m = len(splits)
    fit = [not _same_subject(splits[s][1][0], splits[(s + m // 2) % m][1][0]) for s in range(m)]
    nearest = [-1] * (2 * m + 1)
    for s in reversed(range(2 * m)):
        nearest[s] = s if fit[s % m] else nearest[s + 1]
    return nearest


def _added(
    source: Source, i: int, splits: list[tuple[int, tuple[str, str]]], fits: list[int]
) -> list[Rewrite]:
    m = len(splits)
    start = i % m if m else 0
    place = fits[start]
    while 0 <= place < start + m:  # subject and predicate from claims half the file apart
        j, (subject, _) = splits[place % m]
        k, (_, predicate) = splits[(place + m // 2) % m]
        if i not in (j, k):
            added = f"{subject[:1].upper()}{subject[1:]} {predicate}"
            claim = source.claims[i]
            change = f"added '{added}' ({source.claims[j].id} + {source.claims[k].id})"
            return [Rewrite("sentence-added", claim.id, f"{claim.text} {added}", change)]
        place = fits[place + 1]
    return []


def _same_subject(a: str, b: str) -> bool:
    """True when one subject holds the other ("The AI Alliance", "Perhaps the AI Alliance"):
    the sentence built would be the predicate's own claim again, not a new statement."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


@cache
def _verbs() -> frozenset[str]:
    return frozenset(data("verbs") + data("reporting"))


def split(text: str) -> tuple[str, str] | None:
    """(subject, predicate) of a claim, or None where it does not split."""
    verbs = _verbs()
    for k, word in enumerate(words(text)[: SUBJECT_WORDS + 1]):
        if k and word.text in verbs:
            subject = text[: word.start].rstrip()
            if re.search(r"[\"“”,]", subject) or not re.search(r"[.!?][\"”']?$", text):
                return None
            return subject, text[word.start :]
    return None
