"""Claims ↔ derivative sentences: which sentences say which claim, and how much of it.

Each claim and sentence becomes a Unit (tokens, content keys, names, figures, quotes). Words are
weighted by rarity across the claims, so "AI" shared by every claim counts for little and a
name or figure counts for much. A claim is *covered* by the best sentence or pair of adjacent
sentences (a claim split over two sentences); a sentence *links* to every claim it says enough
of (a sentence that merges two claims links to both). Rewrites that respell a word ("utilise")
are matched to the claims' vocabulary with rapidfuzz.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .entities import Entity, mentions, name_words
from .numbers import Quantity, quantities
from .text import Sentence, Token, quoted, tokenize

COVER = 0.4  # share of a claim's weight a window must say for the claim to count as covered
LINK = 0.3  # least link score (harmonic mean of claim and sentence coverage) to check a pair
FUZZY = 88  # rapidfuzz ratio for two spellings of one word


@dataclass(frozen=True)
class Unit:
    """A claim or a derivative sentence, ready to compare. Offsets point into ``source``."""

    text: str
    start: int
    tokens: tuple[Token, ...]
    keys: frozenset[str]
    entities: tuple[Entity, ...]
    quantities: tuple[Quantity, ...]
    quotes: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True)
class Link:
    claim: int
    score: float
    coverage: float
    claim_region: tuple[int, int]  # token index range [a, b) in the claim unit
    sentence_region: tuple[int, int]  # token index range [a, b) in the sentence unit


@dataclass(frozen=True)
class Alignment:
    claims: tuple[Unit, ...]
    sentences: tuple[Unit, ...]
    weights: dict[str, float]
    coverage: tuple[float, ...]  # per claim: best share said by one window
    links: tuple[tuple[Link, ...], ...]  # per sentence, best first

    def weight(self, key: str) -> float:
        return self.weights.get(key, self.weights.get("", 1.0))


def make_unit(text: str, start: int, end: int, known: frozenset[str] = frozenset()) -> Unit:
    piece = text[start:end]
    tokens = tokenize(piece, start)
    return Unit(
        piece,
        start,
        tokens,
        frozenset(t.key for t in tokens if t.content),
        mentions(tokens, piece, known, start),
        quantities(tokens, piece, start),
        quoted(piece, start),
    )


def claim_units(texts: Sequence[str]) -> tuple[Unit, ...]:
    first = [make_unit(t, 0, len(t)) for t in texts]
    known = name_words([e for u in first for e in u.entities])
    return tuple(make_unit(t, 0, len(t), known) for t in texts)


def align(claims: Sequence[Unit], text: str, sentences: Sequence[Sentence]) -> Alignment:
    known = name_words([e for u in claims for e in u.entities])
    raw = [make_unit(text, s.start, s.end, known) for s in sentences]
    weights = _weights(claims)
    units = tuple(_respell(u, weights) for u in raw)
    links = tuple(_links(claims, u, weights) for u in units)
    coverage = tuple(_coverage(c, units, weights) for c in claims)
    return Alignment(tuple(claims), units, weights, coverage, links)


def _weights(claims: Sequence[Unit]) -> dict[str, float]:
    """Inverse document frequency over the claims; "" holds the weight of an unseen word."""
    df = Counter(k for c in claims for k in c.keys)
    n = len(claims)
    weights = {k: 1.0 + math.log((n + 1) / (d + 0.5)) for k, d in df.items()}
    weights[""] = 1.0 + math.log((n + 1) / 0.5)
    return weights


def _respell(unit: Unit, vocabulary: dict[str, float]) -> Unit:
    """Map lower-case words the claims spell differently onto the claims' spelling."""
    choices = [k for k in vocabulary if len(k) >= 5 and k.isalpha()]
    tokens = []
    for t in unit.tokens:
        if t.content and t.kind == "word" and t.key not in vocabulary and len(t.key) >= 5 and t.text.islower():
            best = process.extractOne(t.key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY)
            if best is not None:
                t = Token(t.text, t.start, t.end, t.lower, best[0], t.kind)
        tokens.append(t)
    keys = frozenset(t.key for t in tokens if t.content)
    return Unit(unit.text, unit.start, tuple(tokens), keys, unit.entities, unit.quantities, unit.quotes)


def _mass(keys: frozenset[str], weights: dict[str, float]) -> float:
    unseen = weights[""]
    return sum(weights.get(k, unseen) for k in keys)


def _links(claims: Sequence[Unit], sentence: Unit, weights: dict[str, float]) -> tuple[Link, ...]:
    total = _mass(sentence.keys, weights)
    found = []
    for i, claim in enumerate(claims):
        shared = claim.keys & sentence.keys
        if len(shared) < 2 or total == 0:
            continue
        said = _mass(shared, weights)
        coverage, precision = said / _mass(claim.keys, weights), said / total
        score = 2 * coverage * precision / (coverage + precision)
        if score >= LINK or coverage >= COVER:
            found.append(Link(i, score, coverage, region(claim, shared), region(sentence, shared)))
    return tuple(sorted(found, key=lambda link: (-link.score, link.claim)))


def region(unit: Unit, shared: frozenset[str]) -> tuple[int, int]:
    """The token range from the first to the last shared content word."""
    hits = [i for i, t in enumerate(unit.tokens) if t.content and t.key in shared]
    return (hits[0], hits[-1] + 1) if hits else (0, 0)


def _coverage(claim: Unit, sentences: Sequence[Unit], weights: dict[str, float]) -> float:
    whole = _mass(claim.keys, weights)
    if not whole:
        return 1.0
    best = 0.0
    for i, s in enumerate(sentences):
        keys = s.keys | sentences[i + 1].keys if i + 1 < len(sentences) else s.keys
        best = max(best, _mass(claim.keys & keys, weights) / whole)
    return best
