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
from dataclasses import dataclass, replace
from functools import cached_property

from .entities import Entity, mentions, name_words
from .numbers import Quantity, quantities
from .text import Sentence, Token, quoted, tokenize

COVER = 0.4  # share of a claim's weight a window must say for the claim to count as covered
LINK = 0.3  # least link score (harmonic mean of claim and sentence coverage) to check a pair
FUZZY = 88  # rapidfuzz ratio for two spellings of one word
CLAUSE_STOPS = ";:.!?"  # between two words, what ends the words a cue can bear on


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

    @cached_property
    def content(self) -> tuple[int, ...]:
        """Indices of the content tokens, in order: the words around a cue are looked up here,
        so a long sentence is not scanned again for each cue."""
        return tuple(i for i, t in enumerate(self.tokens) if t.content)

    @cached_property
    def content_words(self) -> tuple[int, ...]:
        """Indices of the content tokens that are words, not figures, in order."""
        return tuple(i for i in self.content if self.tokens[i].kind == "word")

    @cached_property
    def clauses(self) -> tuple[int, ...]:
        """The clause number of each token, from 0: a CLAUSE_STOPS character between two
        tokens starts the next clause."""
        numbers: list[int] = []
        clause = 0
        for i, t in enumerate(self.tokens):
            gap = self.text[self.tokens[i - 1].end - self.start : t.start - self.start] if i else ""
            clause += any(c in CLAUSE_STOPS for c in gap)
            numbers.append(clause)
        return tuple(numbers)


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
    return _unit(piece, start, tokenize(piece, start), known)


def _unit(piece: str, start: int, tokens: tuple[Token, ...], known: frozenset[str]) -> Unit:
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
    """Units for claim texts; a name found in one claim is a name in all of them."""
    first = [make_unit(t, 0, len(t)) for t in texts]
    known = name_words([e for u in first for e in u.entities])
    return tuple(
        replace(u, entities=mentions(u.tokens, u.text, known)) if known else u for u in first
    )


@dataclass(frozen=True)
class Claims:
    """The claims' side of every alignment, made once per claims file: their units, the
    weight of each word, which claims use each word (the inverted index a sentence's
    candidate claims are read from) and each claim's total weight."""

    units: tuple[Unit, ...]
    known: frozenset[str]  # words of the claims' names: names in a sentence too
    weights: dict[str, float]
    postings: dict[str, tuple[int, ...]]
    mass: tuple[float, ...]
    spellings: tuple[str, ...]  # the words a respelled word may be matched to

    @classmethod
    def of(cls, units: tuple[Unit, ...]) -> Claims:
        weights = _weights(units)
        postings: dict[str, list[int]] = {}
        for i, claim in enumerate(units):
            for k in claim.keys:
                postings.setdefault(k, []).append(i)
        return cls(
            units,
            name_words([e for u in units for e in u.entities]),
            weights,
            {k: tuple(v) for k, v in postings.items()},
            tuple(_mass(c.keys, weights) for c in units),
            tuple(k for k in weights if len(k) >= 5 and k.isalpha()),
        )


def align(claims: Claims, text: str, sentences: Sequence[Sentence]) -> Alignment:
    units = tuple(
        _respell(make_unit(text, s.start, s.end, claims.known), claims) for s in sentences
    )
    links = tuple(_links(claims, u) for u in units)
    coverage = _coverage(claims, units)
    return Alignment(claims.units, units, claims.weights, coverage, links)


def _weights(claims: Sequence[Unit]) -> dict[str, float]:
    """Inverse document frequency over the claims; "" holds the weight of an unseen word."""
    df = Counter(k for c in claims for k in c.keys)
    n = len(claims)
    weights = {k: 1.0 + math.log((n + 1) / (d + 0.5)) for k, d in df.items()}
    weights[""] = 1.0 + math.log((n + 1) / 0.5)
    return weights


def _respell(unit: Unit, claims: Claims) -> Unit:
    """Map lower-case words the claims spell differently ("utilise") onto the claims' spelling."""
    from rapidfuzz import fuzz, process  # only here: keeps `import factcheck` light

    vocabulary = claims.weights
    tokens = list(unit.tokens)
    changed = False
    for i, t in enumerate(tokens):
        respell = t.content and t.kind == "word" and len(t.key) >= 5 and t.text.islower()
        if respell and t.key not in vocabulary:
            best = process.extractOne(
                t.key, claims.spellings, scorer=fuzz.ratio, score_cutoff=FUZZY
            )
            if best is not None:
                tokens[i] = t._replace(key=best[0])
                changed = True
    if not changed:
        return unit
    keys = frozenset(t.key for t in tokens if t.content)
    return replace(unit, tokens=tuple(tokens), keys=keys)


def _mass(keys: frozenset[str], weights: dict[str, float]) -> float:
    unseen = weights[""]
    return sum(weights.get(k, unseen) for k in keys)


def _links(claims: Claims, sentence: Unit) -> tuple[Link, ...]:
    weights = claims.weights
    total = _mass(sentence.keys, weights)
    shared_counts = Counter(i for k in sentence.keys for i in claims.postings.get(k, ()))
    found = []
    for i, n in sorted(shared_counts.items()):
        if n < 2 or total == 0:
            continue
        claim = claims.units[i]
        shared = claim.keys & sentence.keys
        said = _mass(shared, weights)
        coverage, precision = said / claims.mass[i], said / total
        score = 2 * coverage * precision / (coverage + precision)
        if score >= LINK or coverage >= COVER:
            found.append(Link(i, score, coverage, region(claim, shared), region(sentence, shared)))
    return tuple(sorted(found, key=lambda link: (-link.score, link.claim)))


def region(unit: Unit, shared: frozenset[str]) -> tuple[int, int]:
    """The token range from the first to the last shared content word."""
    hits = [i for i, t in enumerate(unit.tokens) if t.content and t.key in shared]
    return (hits[0], hits[-1] + 1) if hits else (0, 0)


def _coverage(claims: Claims, sentences: Sequence[Unit]) -> tuple[float, ...]:
    """Per claim, the best share of it that one sentence or two adjacent sentences say."""
    weights = claims.weights
    postings: dict[str, set[int]] = {}
    for j, s in enumerate(sentences):
        for k in s.keys:
            postings.setdefault(k, set()).add(j)
    out = []
    for claim, whole in zip(claims.units, claims.mass, strict=True):
        hits = {j for k in claim.keys for j in postings.get(k, ())}
        best = 0.0
        for j in hits | {j - 1 for j in hits if j > 0}:
            keys = (
                sentences[j].keys | sentences[j + 1].keys
                if j + 1 < len(sentences)
                else sentences[j].keys
            )
            best = max(best, _mass(claim.keys & keys, weights) / whole)
        out.append(best if whole else 1.0)
    return tuple(out)
