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
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from . import lexicon
from .entities import Entity, knows, mentions, name_words
from .numbers import ORDINAL, Quantity, quantities
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
    def words(self) -> frozenset[str]:
        """The ``lower`` form of every token."""
        return frozenset(t.lower for t in self.tokens)

    def cues(self, name: str) -> list[tuple[int, int]]:
        """``cue_positions`` of all the tokens, for lexicon ``name``: found once, read by every
        check of every pair the unit is in (a claim's, by every document)."""
        if name not in self._cues:
            self._cues[name] = cue_positions(self.tokens, name)
        return self._cues[name]

    @cached_property
    def _cues(self) -> dict[str, list[tuple[int, int]]]:
        return {}

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
    coverage: tuple[float, ...]  # per claim: best share said by one window
    links: tuple[tuple[Link, ...], ...]  # per sentence, the best first (``keep`` of them)


def cue_positions(tokens: tuple[Token, ...], cues: str) -> list[tuple[int, int]]:
    """Token ranges where a phrase of lexicon ``cues`` occurs (longest first, no overlaps)."""
    index = lexicon.phrase_index(cues)
    lowers = [t.lower for t in tokens]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lowers):
        for cue in index.get(lowers[i], ()):
            if tuple(lowers[i : i + len(cue)]) == cue:
                found.append((i, i + len(cue)))
                i += len(cue) - 1
                break
        i += 1
    return found


def _unit(piece: str, start: int, tokens: tuple[Token, ...], known: frozenset[str]) -> Unit:
    figures = quantities(tokens, piece, start)
    tokens = _valued(tokens, figures)
    return Unit(
        piece,
        start,
        tokens,
        frozenset(t.key for t in tokens if t.content),
        mentions(tokens, piece, known, start),
        figures,
        quoted(piece, start),
    )


def _valued(tokens: tuple[Token, ...], figures: tuple[Quantity, ...]) -> tuple[Token, ...]:
    """``tokens`` with a whole number written in words keyed as its digits are: "eighty-six"
    says what "86" says ("86" the key of its first word, the others no content)."""
    spelled = [
        q for q in figures if q.unit != ORDINAL and q.value.is_integer() and 0 <= q.value < 1e6
    ]
    if not spelled:
        return tokens
    out = list(tokens)
    for q in spelled:
        inside = [i for i, t in enumerate(tokens) if q.start <= t.start < q.end]
        if not inside or any(tokens[i].kind != "word" for i in inside):
            continue  # written in digits, or with them ("2.5 million")
        out[inside[0]] = tokens[inside[0]]._replace(key=str(int(q.value)), content=True)
        for i in inside[1:]:
            out[i] = tokens[i]._replace(content=False)
    return tuple(out)


def claim_units(texts: Sequence[str]) -> tuple[Unit, ...]:
    """Units for claim texts; a name found in one claim is a name in all of them."""
    return tokenized_claim_units([(t, tokenize(t)) for t in texts])


def tokenized_claim_units(claims: Sequence[tuple[str, tuple[Token, ...]]]) -> tuple[Unit, ...]:
    """``claim_units`` of claim texts already tokenised: (text, its tokens)."""
    first = [_unit(text, 0, tokens, frozenset()) for text, tokens in claims]
    known = name_words([e for u in first for e in u.entities])
    return tuple(
        replace(u, entities=mentions(u.tokens, u.text, known)) if knows(u.tokens, known) else u
        for u in first
    )


COMMON = 32  # claims a word may be in before _links finds them on a bit mask
FREQUENT = 8  # sentences a word may be in before _coverage finds them on a bit mask
SHARED_COUNTED = 5  # common words shared counted one by one in _links; more count as many
MOST_FREQUENT = 8  # such words of one claim found that way; the rest a window at a time


@dataclass(frozen=True)
class Claims:
    """The claims' side of every alignment, made once per claims file: their units, the
    weight of each word, each claim's total weight, and where each word is used: a list of
    claims for a word of a few claims, a bit mask for a common one (bit r for the claim of
    rank r by weight, so that the claims light enough to link are the low bits)."""

    units: tuple[Unit, ...]
    known: frozenset[str]  # words of the claims' names: names in a sentence too
    weights: dict[str, float]
    mass: tuple[float, ...]
    index: dict[str, tuple[int, ...]]  # the claims using each word of COMMON claims or fewer
    masks: dict[str, int]  # the claims using each word of more, by rank
    ranks: tuple[int, ...]  # claim indices, lightest first
    sorted_mass: tuple[float, ...]  # their weights, in that order
    spellings: tuple[str, ...]  # the words a respelled word may be matched to

    @classmethod
    def of(cls, units: tuple[Unit, ...]) -> Claims:
        weights = _weights(units)
        mass = tuple(_mass(c.keys, weights) for c in units)
        ranks = tuple(sorted(range(len(units)), key=lambda i: (mass[i], i)))
        rank = [0] * len(units)
        for r, i in enumerate(ranks):
            rank[i] = r
        postings: dict[str, list[int]] = {}
        for i, unit in enumerate(units):
            for k in unit.keys:
                postings.setdefault(k, []).append(i)
        index = {k: tuple(v) for k, v in postings.items() if len(v) <= COMMON}
        masks = {
            k: _bits((rank[i] for i in v), len(units))
            for k, v in postings.items()
            if len(v) > COMMON
        }
        return cls(
            units,
            name_words([e for u in units for e in u.entities]),
            weights,
            mass,
            index,
            masks,
            ranks,
            tuple(mass[i] for i in ranks),
            tuple(k for k in _first_use(units) if len(k) >= 5 and k.isalpha()),
        )

    @cached_property
    def respellings(self) -> Respellings:
        """The index a respelled word's spellings are sought in: made when first needed."""
        return Respellings(self.spellings)


SPELLINGS_SCANNED = 2000  # spellings scanned whole; more are indexed by their deletions
LONGEST_SOUGHT = 12  # letters: a longer word is compared with every spelling of a near length
# (so no spelling of more than 15 letters is indexed: 576 deletions at 15 letters, 55,899 at 25)
EDITS = 0.22  # letters ``FUZZY`` allows a spelling to lose, per letter (0.2143, and a margin)


class Respellings:
    """The spellings a word of the rewrite may be a variant of, in order: those within
    fuzz.ratio FUZZY of it. FUZZY 88 allows an edit distance (insertions and deletions) of
    12% of the two lengths, which each word reaches by deleting at most 21% of its letters
    (their longest common subsequence lies that close to both): so every spelling is indexed
    under each string it gives when up to EDITS of its letters are deleted, and a word finds
    its spellings by deleting as many of its own (a deletion index, as in SymSpell). A word of
    more than LONGEST_SOUGHT letters, or any word when there are SPELLINGS_SCANNED spellings or
    fewer (the index would cost more than it saves), is compared with every spelling of a
    length it can match."""

    def __init__(self, spellings: tuple[str, ...]) -> None:
        self.spellings = spellings
        self.index: dict[str, list[int]] | None = None
        self.lengths: dict[int, tuple[str, ...]] = {}

    def near(self, word: str) -> tuple[str, ...]:
        if len(word) > LONGEST_SOUGHT or len(self.spellings) <= SPELLINGS_SCANNED:
            return self._of_length(len(word))
        if self.index is None:
            self.index = {}
            # the longest a sought word can match: lengths l and m with |l - m| ≤ 12% of l + m
            slack = 1 - FUZZY / 100
            longest = int(LONGEST_SOUGHT * (1 + slack) / (1 - slack))
            for i, spelling in enumerate(self.spellings):
                if len(spelling) <= longest:
                    for variant in _deletions(spelling, int(EDITS * len(spelling))):
                        self.index.setdefault(variant, []).append(i)
        index = self.index
        found = {i for v in _deletions(word, int(EDITS * len(word))) for i in index.get(v, ())}
        return tuple(self.spellings[i] for i in sorted(found))

    def _of_length(self, length: int) -> tuple[str, ...]:
        """The spellings whose length allows FUZZY with a word of ``length`` letters: lengths
        l and m differ in |l - m| letters at least, so the ratio is at most 100 × (1 - |l - m| /
        (l + m))."""
        if length not in self.lengths:
            slack = 1 - FUZZY / 100 + 0.01  # the margin absorbs rounding
            self.lengths[length] = tuple(
                k for k in self.spellings if abs(len(k) - length) <= slack * (len(k) + length)
            )
        return self.lengths[length]


def _deletions(word: str, n: int) -> set[str]:
    """``word`` and every string made by deleting up to ``n`` of its letters."""
    found, frontier = {word}, {word}
    for _ in range(n):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _first_use(units: Sequence[Unit]) -> dict[str, None]:
    """The claims' content words in order of first use: an order that does not change from
    run to run (a set's does, with Python's string hashing), so that of two spellings equally
    close to a word the same one is chosen every time."""
    return dict.fromkeys(t.key for u in units for t in u.tokens if t.content)


def _bits(positions: Iterable[int], size: int) -> int:
    """The bit mask with a bit set at each of ``positions`` (below ``size``)."""
    bits = bytearray(size // 8 + 1)
    for p in positions:
        bits[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(bits, "little")


def _set_bits(mask: int) -> Iterator[int]:
    """The positions of the bits set in ``mask``, lowest first."""
    digits = format(mask, "b")[::-1]
    p = digits.find("1")
    while p >= 0:
        yield p
        p = digits.find("1", p + 1)


def align(
    claims: Claims, text: str, sentences: Sequence[Sentence], keep: int | None = None
) -> Alignment:
    """The alignment of ``sentences`` (of ``text``) with ``claims``; ``keep``: the number of
    links kept per sentence, the best (all by default)."""
    respelled: dict[str, str | None] = {}
    units = tuple(
        _respell(_unit(s.text, s.start, tokenize(s.text, s.start), claims.known), claims, respelled)
        for s in sentences
    )
    links = tuple(_links(claims, u, keep) for u in units)
    coverage = _coverage(claims, units)
    return Alignment(claims.units, units, coverage, links)


def _weights(claims: Sequence[Unit]) -> dict[str, float]:
    """Inverse document frequency over the claims; "" holds the weight of an unseen word."""
    df = Counter(k for c in claims for k in c.keys)
    n = len(claims)
    weights = {k: 1.0 + math.log((n + 1) / (d + 0.5)) for k, d in df.items()}
    weights[""] = 1.0 + math.log((n + 1) / 0.5)
    return weights


def _respell(unit: Unit, claims: Claims, respelled: dict[str, str | None]) -> Unit:
    """Map lower-case words the claims spell differently ("utilise") onto the claims' spelling;
    ``respelled`` keeps what each word became, for the rest of the document."""
    from rapidfuzz import fuzz, process  # only here: keeps `import factcheck` light

    vocabulary = claims.weights
    tokens = list(unit.tokens)
    changed = False
    for i, t in enumerate(tokens):
        respell = t.content and t.kind == "word" and len(t.key) >= 5 and t.text.islower()
        if respell and t.key not in vocabulary:
            if t.key not in respelled:
                choices = claims.respellings.near(t.key)
                best = process.extractOne(t.key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY)
                respelled[t.key] = None if best is None else best[0]
            spelling = respelled[t.key]
            if spelling is not None:
                tokens[i] = t._replace(key=spelling)
                changed = True
    if not changed:
        return unit
    keys = frozenset(t.key for t in tokens if t.content)
    return replace(unit, tokens=tuple(tokens), keys=keys)


def _mass(keys: frozenset[str], weights: dict[str, float]) -> float:
    """The total weight of ``keys``, added in the order of the words: a set's own order changes
    from run to run with Python's string hashing, and the last bit of a total with it, which
    ranked equally good claims differently in two runs of one command."""
    unseen = weights[""]
    return sum([weights.get(k, unseen) for k in sorted(keys)])


def _links(claims: Claims, sentence: Unit, keep: int | None = None) -> tuple[Link, ...]:
    """The claims ``sentence`` says enough of, best first. Compared are only the claims that
    share one of its less common words, and those that share two common words or more and
    are light enough for those alone to link them."""
    weights = claims.weights
    total = _mass(sentence.keys, weights)
    if total == 0:
        return ()
    candidates = {i for k in sentence.keys for i in claims.index.get(k, ())}
    common = sorted(k for k in sentence.keys if k in claims.masks)
    if len(common) >= 2:
        candidates.update(_by_common_words(claims, common, total))
    found = []
    unseen = weights[""]
    for i in sorted(candidates):
        claim = claims.units[i]
        shared = claim.keys & sentence.keys
        if len(shared) < 2:
            continue
        rough = sum(weights.get(k, unseen) for k in shared) * (1 + 1e-9)  # in the set's order
        if 2 * rough / (claims.mass[i] + total) < LINK and rough / claims.mass[i] < COVER:
            continue  # short of linking by more than rounding
        said = _mass(shared, weights)
        coverage, precision = said / claims.mass[i], said / total
        score = 2 * coverage * precision / (coverage + precision)
        if score >= LINK or coverage >= COVER:
            found.append((-score, i, coverage, shared))
    found.sort(key=lambda link: link[:2])
    return tuple(
        Link(i, -score, coverage, region(claims.units[i], shared), region(sentence, shared))
        for score, i, coverage, shared in found[:keep]
    )


def _by_common_words(claims: Claims, common: list[str], total: float) -> set[int]:
    """The claims that share two or more of the sentence's ``common`` words and are light
    enough for those alone to link them. Saying words of weight q, a claim of weight m links
    with score 2q / (m + total) ≥ LINK or coverage q / m ≥ COVER: m at most max(2q / LINK -
    total, q / COVER). A claim sharing k of the words says at most the k heaviest, so the
    claims are counted on their bit masks (the claims using at least 1, 2, … SHARED_COUNTED of
    them) and each count kept up to its own weight limit: a pair of words that every claim
    uses costs a few operations on masks, not a comparison with every claim."""
    heaviest = sorted((claims.weights[k] for k in common), reverse=True)
    at_least = [0] * (SHARED_COUNTED + 1)  # at_least[k]: the claims using k of the words or more
    for k in common:
        mask = claims.masks[k]
        for n in range(SHARED_COUNTED, 1, -1):
            at_least[n] |= at_least[n - 1] & mask
        at_least[1] |= mask
    found = 0
    for n in range(2, SHARED_COUNTED + 1):
        exactly = at_least[n] & ~at_least[n + 1] if n < SHARED_COUNTED else at_least[n]
        q = sum(heaviest[:n]) if n < SHARED_COUNTED else sum(heaviest)
        limit = max(2 * q / LINK - total, q / COVER) * (1 + 1e-9)  # margin: rounding
        found |= exactly & ((1 << bisect_right(claims.sorted_mass, limit)) - 1)
    return {claims.ranks[r] for r in _set_bits(found)}


def region(unit: Unit, shared: frozenset[str]) -> tuple[int, int]:
    """The token range from the first to the last shared content word."""
    hits = [i for i, t in enumerate(unit.tokens) if t.content and t.key in shared]
    return (hits[0], hits[-1] + 1) if hits else (0, 0)


def _coverage(claims: Claims, sentences: Sequence[Unit]) -> tuple[float, ...]:
    """Per claim, the best share of it that one sentence or two adjacent sentences (a window)
    say. The windows that say a claim's less frequent words are compared one by one; what the
    others can say, only its frequent words, is the heaviest set of those words one window
    has, found on bit masks of the windows: the work grows with what the claims and sentences
    share, not with claims × sentences."""
    weights = claims.weights
    postings: dict[str, list[int]] = {}
    for j, s in enumerate(sentences):
        for k in s.keys:
            postings.setdefault(k, []).append(j)
    windows = _Windows(postings, len(sentences))
    heaviest: dict[frozenset[str], float] = {}
    said: dict[int, frozenset[str]] = {}  # the words of each window compared so far
    few = len(sentences) <= FREQUENT  # no word is in more sentences than FREQUENT
    out = []
    for claim, whole in zip(claims.units, claims.mass, strict=True):
        frequent = frozenset(
            ()
            if few
            else sorted(
                (k for k in claim.keys if len(postings.get(k, ())) > FREQUENT),
                key=lambda k: (-len(postings[k]), k),
            )[:MOST_FREQUENT]
        )
        hits = {j for k in claim.keys - frequent for j in postings.get(k, ())}
        rough, best_said = 0.0, []  # the best total in any order, and what comes near it
        for j in hits | {j - 1 for j in hits if j > 0}:
            if j not in said:
                said[j] = (
                    sentences[j].keys | sentences[j + 1].keys
                    if j + 1 < len(sentences)
                    else sentences[j].keys
                )
            shared = claim.keys & said[j]
            total = sum(weights[k] for k in shared)  # a claim's words all have a weight
            if total > rough * (1 + 1e-9):
                rough, best_said = total, [shared]
            elif total >= rough * (1 - 1e-9):
                best_said.append(shared)
        if not whole:
            out.append(1.0)  # a claim of no content words
            continue
        best = max((_mass(shared, weights) for shared in best_said), default=0.0) / whole
        if frequent:
            if frequent not in heaviest:
                heaviest[frequent] = windows.heaviest(frequent, weights)
            best = max(best, heaviest[frequent] / whole)
        out.append(best)
    return tuple(out)


class _Windows:
    """Which windows (sentence j with sentence j + 1) say each word, as bit masks."""

    def __init__(self, postings: dict[str, list[int]], sentences: int) -> None:
        self.postings = postings
        self.size = sentences
        self.masks: dict[str, int] = {}

    def mask(self, key: str) -> int:
        if key not in self.masks:
            found = self.postings.get(key, [])
            self.masks[key] = _bits([*found, *(j - 1 for j in found if j)], self.size)
        return self.masks[key]

    def heaviest(self, keys: frozenset[str], weights: dict[str, float]) -> float:
        """The weight of the heaviest subset of ``keys`` that one window says whole (a
        branch-and-bound search, heaviest words first). Every subset within rounding of the
        best is kept and totalled exactly, as comparing every window would."""
        order = sorted(keys, key=lambda k: (-weights[k], k))
        rest = [sum(weights[k] for k in order[i:]) for i in range(len(order) + 1)]
        best = 0.0
        found: list[tuple[float, tuple[str, ...]]] = []  # (rough total, words)

        def visit(i: int, mask: int, chosen: tuple[str, ...], mass: float) -> None:
            nonlocal best
            if (mass + rest[i]) * (1 + 1e-9) < best:
                return
            if i == len(order):
                best = max(best, mass)
                found.append((mass, chosen))
                return
            both = mask & self.mask(order[i])
            if both:
                visit(i + 1, both, (*chosen, order[i]), mass + weights[order[i]])
            visit(i + 1, mask, chosen, mass)

        visit(0, (1 << self.size) - 1, (), 0.0)
        near = [frozenset(words) for mass, words in found if mass * (1 + 1e-9) >= best]
        return max(_mass(words, weights) for words in near)
