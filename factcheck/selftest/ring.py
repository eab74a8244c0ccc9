"""Candidates from other claims, nearest claim after first (the file read as a ring), found
without reading every claim for every claim.

A swap takes the first candidate that shares no word with the claim it goes into. Candidates
are listed once per file in claim order; a search starts after the claim's own, wraps round
and steps over a run of candidates that share a word with the claim in one jump, so a word
every claim has ("Person", "2024") costs one step, not one per claim.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K")
T = TypeVar("T")


@dataclass(frozen=True)
class Ring(Generic[T]):
    """Candidates in claim order: ``claims[p]`` wrote ``items[p]``, known by ``words[p]``;
    ``ends[p][w]`` is where the run of candidates from ``p`` that all have word ``w`` ends."""

    claims: tuple[int, ...]
    items: tuple[T, ...]
    words: tuple[frozenset[str], ...]
    ends: tuple[dict[str, int], ...]


def ring(candidates: Iterable[tuple[int, T, frozenset[str]]]) -> Ring[T]:
    """The ring of (claim, item, words) triples, given in claim order."""
    listed = list(candidates)
    words = tuple(w for _, _, w in listed)
    ends: list[dict[str, int]] = [{} for _ in listed]
    for p in reversed(range(len(listed))):
        after = ends[p + 1] if p + 1 < len(listed) else {}
        ends[p] = {w: after.get(w, p + 1) for w in words[p]}
    return Ring(tuple(c for c, _, _ in listed), tuple(i for _, i, _ in listed), words, tuple(ends))


def rings(candidates: Iterable[tuple[K, int, T, frozenset[str]]]) -> dict[K, Ring[T]]:
    """A ring for each key of (key, claim, item, words), given in claim order."""
    grouped: dict[K, list[tuple[int, T, frozenset[str]]]] = {}
    for key, claim, item, words in candidates:
        grouped.setdefault(key, []).append((claim, item, words))
    return {key: ring(listed) for key, listed in grouped.items()}


def nearest(candidates: Ring[T], i: int, taken: set[str] | frozenset[str]) -> T | None:
    """The first candidate of a claim after claim ``i`` (the ring wrapping round) with no word
    in ``taken``; None where every other claim's candidates have one."""
    own = bisect_left(candidates.claims, i)
    after = bisect_right(candidates.claims, i)
    for lo, hi in ((after, len(candidates.items)), (0, own)):
        p = lo
        while p < hi:
            shared = candidates.words[p] & taken
            if not shared:
                return candidates.items[p]
            p = max(candidates.ends[p][w] for w in shared)
    return None
