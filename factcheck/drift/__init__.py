"""Drift checks: one module per way a statement can change a claim, registered once in CHECKS.

A check is a module with ``ID`` (the drift type), ``SEVERITY`` (its default), a docstring (what
it catches, PASS and FAIL examples, known limits) and ``check(pair)`` yielding Drift values.
Checks know nothing of files, configuration or output: compare.py turns a Drift into a Finding.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import Protocol

from ..align import CLAUSE_STOPS, Link, Unit, cue_positions
from ..claims import Claim
from ..entities import Entity, Names
from ..numbers import Quantity
from ..text import Token, next_char, quote_key


@dataclass(frozen=True)
class Passages:
    """Passages (quote_key() forms) indexed by word, so that the few that may hold a run of
    words are found without reading the others."""

    texts: tuple[str, ...]

    @cached_property
    def _holding(self) -> dict[str, tuple[int, ...]]:
        """Each word → the positions of the passages that have it, in order."""
        found: dict[str, list[int]] = {}
        for i, text in enumerate(self.texts):
            for word in dict.fromkeys(text.split()):
                found.setdefault(word, []).append(i)
        return {w: tuple(positions) for w, positions in found.items()}

    def holding(self, words: Collection[str]) -> list[str]:
        """The passages, in order, among which are all those having every one of ``words``
        (those with the rarest of them); every passage when ``words`` is empty."""
        if not words:
            return list(self.texts)
        rarest = min((self._holding.get(w, ()) for w in words), key=len)
        return [self.texts[i] for i in rarest]


@dataclass(frozen=True)
class Source:
    """What the whole claims file says, for telling a merge from an invention."""

    units: tuple[Unit, ...]
    words: frozenset[str]  # lower-case words of every claim
    keys: frozenset[str]  # content keys of every claim (and of the whole report, when known)
    quantities: tuple[Quantity, ...]
    quotes: tuple[str, ...]  # every quoted passage, as quote_key()
    figures: frozenset[float] = frozenset()  # every claim's values, rounded
    names: tuple[Entity, ...] = ()  # every name the claims mention

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """Every claim's whole text, as quote_key(): made once, when a quote is first checked,
        from the claim's own tokens where it has no brackets to drop (the same tokens)."""
        return tuple(
            quote_key(u.text)
            if "[" in u.text or "]" in u.text
            else " ".join(t.key for t in u.tokens)
            for u in self.units
        )

    @cached_property
    def quoted(self) -> Passages:
        """The quotes, indexed by word."""
        return Passages(self.quotes)

    @cached_property
    def claimed(self) -> Passages:
        """Every claim's whole text (``texts``), indexed by word."""
        return Passages(self.texts)

    @cached_property
    def named(self) -> Names:
        """The names, made ready for ``in_report`` and ``one_actor``."""
        return Names(self.names)

    def has_figure(self, q: Quantity) -> bool:
        """True when some claim has this value (in any unit): a merge, not an invention."""
        return round(q.value, 6) in self.figures

    def has_quantity(self, q: Quantity) -> bool:
        """True when some claim has this value with this qualifier ("around 45" for "about
        forty-five"): the claims whose values could be the same are found by bisection."""
        if not math.isfinite(q.value):
            return any(c.approx == q.approx and c.same_value(q) for c in self.quantities)
        values, finite, odd = self._by_value
        # same_value allows 1e-9 of the larger value: within twice that of q's, with room to spare
        margin = 2e-9 * max(1.0, abs(q.value))
        a, b = bisect_left(values, q.value - margin), bisect_right(values, q.value + margin)
        return any(c.approx == q.approx and c.same_value(q) for c in (*finite[a:b], *odd))

    @cached_property
    def _by_value(self) -> tuple[list[float], list[Quantity], list[Quantity]]:
        """The quantities with a finite value, by value (and those values), and the others."""
        finite = sorted(
            (q for q in self.quantities if math.isfinite(q.value)), key=lambda q: q.value
        )
        odd = [q for q in self.quantities if not math.isfinite(q.value)]
        return [q.value for q in finite], finite, odd


@dataclass(frozen=True)
class Pair:
    """A claim and a derivative sentence that says (part of) it."""

    claim: Claim
    claim_unit: Unit
    sentence: Unit
    link: Link
    previous: Unit | None
    source: Source
    others: tuple[Unit, ...] = ()  # other claims the sentence says at least as fully as this one
    linked: tuple[Unit, ...] = ()  # every claim the sentence says (this one included)

    def claim_window(self, margin: int) -> tuple[Token, ...]:
        a, b = self.link.claim_region
        return self.claim_unit.tokens[max(0, a - margin) : b + margin]

    def sentence_window(self, margin: int) -> tuple[Token, ...]:
        a, b = self.link.sentence_region
        return self.sentence.tokens[max(0, a - margin) : b + margin]

    def facing_window(self, margin: int) -> tuple[Token, ...]:
        """The sentence's words that say the claim, with up to ``margin`` words on a side where
        the claim goes on past the words the two share: where the claim ends ("… about fifty
        Euros."), the sentence's words after them ("… fifty Euros was not too steep") say
        something else."""
        (ca, cb), (a, b) = self.link.claim_region, self.link.sentence_region
        words = [i for i, t in enumerate(self.claim_unit.tokens) if t.kind != "symbol"]
        before = min(margin, sum(1 for i in words if i < ca))
        after = min(margin, sum(1 for i in words if i >= cb))
        return self.sentence.tokens[max(0, a - before) : b + after]


@dataclass(frozen=True)
class Drift:
    """What changed: ``expected`` (the claim's words), ``found`` (the sentence's), and where the
    found words are in the derivative (``start``, ``end`` offsets)."""

    type: str
    expected: str | None
    found: str | None
    start: int
    end: int
    message: str


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def same_slot(claim: Unit, claimed: Span, sentence: Unit, found: Span) -> bool:
    """True when the content words on each side of the two spans agree (a sentence's start or
    end counting as a word): "41% are inactive" and "44% are inactive" fill one slot."""
    left, right = zip(_neighbours(claim, claimed), _neighbours(sentence, found), strict=True)
    return left[0] == left[1] and right[0] == right[1] and (left[0], right[0]) != (None, None)


def near_slot(claim: Unit, claimed: Span, sentence: Unit, found: Span) -> bool:
    """True when the content word on one side of the two spans agrees: "rose in Q4" and "fell
    in Q4" stand in one place; "Limited-Time Offer" and "comprehensive EHR system" do not."""
    left, right = zip(_neighbours(claim, claimed), _neighbours(sentence, found), strict=True)
    return (left[0] is not None and left[0] == left[1]) or (
        right[0] is not None and right[0] == right[1]
    )


def _neighbours(unit: Unit, span: Span) -> tuple[str | None, str | None]:
    """Keys of the nearest content word before and after ``span``."""
    words, tokens = unit.content_words, unit.tokens
    k = bisect_right(words, span.start, key=lambda i: tokens[i].end)
    before = tokens[words[k - 1]].key if k else None
    k = bisect_left(words, span.end, key=lambda i: tokens[i].start)
    after = tokens[words[k]].key if k < len(words) else None
    return before, after


def position(unit: Unit, token: Token) -> int:
    """The index of ``token`` in ``unit.tokens``, found by its offset (tokens are in text order;
    the two words of a contraction share one)."""
    i = bisect_left(unit.tokens, token.start, key=lambda t: t.start)
    while unit.tokens[i] != token:
        i += 1
    return i


def _nearest(unit: Unit, i: int, step: int, n: int) -> tuple[int, ...]:
    """Indices of the ``n`` content tokens nearest token ``i`` on one side (``step`` -1: before
    it, 1: after it), in text order."""
    if step > 0:
        k = bisect_right(unit.content, i)
        return unit.content[k : k + n]
    k = bisect_left(unit.content, i)
    return unit.content[max(0, k - n) : k]


SCOPE = 2  # content words after a cue that make up what it negates or hedges
BRIDGE = 3  # content words each side of a cue among which the other side must say one
_CLAUSE_END = frozenset(CLAUSE_STOPS + ")],") | {""}  # after a cue: it ends its clause


def scope(unit: Unit, cue: tuple[Token, ...]) -> frozenset[str]:
    """Keys of the words a cue bears on: the next SCOPE content words after it, or those before
    it when it ends a clause ("…, presumably)"; "Reportedly, …" opens one)."""
    return _scope(unit, cue)[1]


def _scope(unit: Unit, cue: tuple[Token, ...]) -> tuple[str, frozenset[str]]:
    after = [unit.tokens[i].key for i in _nearest(unit, position(unit, cue[-1]), 1, SCOPE)]
    before = [unit.tokens[i].key for i in _nearest(unit, position(unit, cue[0]), -1, SCOPE)]
    ends_clause = next_char(unit.text, cue[-1].end - unit.start) in _CLAUSE_END
    if (ends_clause and before) or not after:
        return "before", frozenset(before)
    return "after", frozenset(after)


def in_scope(unit: Unit, cue: tuple[Token, ...], other: frozenset[str]) -> bool:
    """True when the words a cue bears on are said by the other side (keys ``other``), or the
    other side says words on both sides of it (BRIDGE content words each way), so it says the
    clause around the cue in its own words ("the drug may lower mortality from heart disease"
    → "the drug reduces deaths from heart disease"). "has not yet been approached" is out of
    scope of a sentence that never mentions an approach: that sentence says another part of
    the claim, so the claim's "not" is not dropped."""
    if scope(unit, cue) & other:
        return True
    before = _bridge(unit, position(unit, cue[0]), -1)
    after = _bridge(unit, position(unit, cue[-1]), 1)
    return bool(before & other) and bool(after & other)


def _bridge(unit: Unit, i: int, step: int) -> set[str]:
    """Keys of the BRIDGE content words nearest token ``i`` on one side (``step`` -1: before,
    1: after) that are in its clause (no CLAUSE_STOPS between)."""
    clause = unit.clauses[i]
    return {
        unit.tokens[j].key for j in _nearest(unit, i, step, BRIDGE) if unit.clauses[j] == clause
    }


def backed(pair: Pair, cue: tuple[Token, ...], cues: str) -> bool:
    """True when another claim the sentence says puts a cue of lexicon ``cues`` on the same
    words (all SCOPE of them), from the same side: a merged sentence's "neither extravagant nor
    unconscionable" is the report's own, from the other claim it merges."""
    side, words = _scope(pair.sentence, cue)
    for unit in pair.linked:
        if unit is pair.claim_unit:
            continue
        for a, b in unit.cues(cues):
            their_side, theirs = _scope(unit, unit.tokens[a:b])
            if their_side == side and len(theirs & words) >= SCOPE:
                return True
    return False


def counterpart(pair: Pair, index: int) -> Token:
    """The sentence word standing for the claim's word nearest to claim token ``index``: where a
    dropped cue would have been. Falls back to the first word the two share."""
    tokens = pair.claim_unit.tokens
    first: dict[str, Token] = {}  # the sentence's first content word of each key
    for t in pair.sentence.tokens:
        if t.content:
            first.setdefault(t.key, t)
    for i in sorted(pair.claim_unit.content, key=lambda i: abs(i - index)):
        if tokens[i].key in first:
            return first[tokens[i].key]
    shared = pair.sentence_window(0) or pair.sentence.tokens
    return shared[0]


from . import attribution, entity, hedge, negation, number, quote  # noqa: E402

CHECKS: tuple[ModuleType, ...] = (quote, attribution, number, negation, hedge, entity)
"""Run in this order; a later check's finding on words an earlier one flagged is dropped."""

RULES: tuple[str, ...] = ("omission", "unsupported", *sorted(f"{c.ID}-drift" for c in CHECKS))
"""Every rule id factcheck reports, one spelling for config, suppressions and output."""

__all__ = [
    "CHECKS",
    "RULES",
    "same_slot",
    "Drift",
    "Pair",
    "Source",
    "counterpart",
    "cue_positions",
    "backed",
    "in_scope",
    "near_slot",
    "position",
    "scope",
]


def run(pair: Pair) -> Iterator[Drift]:
    for module in CHECKS:
        yield from module.check(pair)
