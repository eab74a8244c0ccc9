"""attribution: a statement or quote credited to another speaker or source.

Why: who said something is part of what was said. "Critics include Google and Microsoft" does
not license "Nvidia criticised it"; a quote moved from one person to another is misquoting.

PASS  claim "Google and Microsoft have been critics of Meta's approach"
      sentence "Microsoft and Google have criticised Meta's approach"
FAIL  claim "Google and Microsoft have been critics of Meta's approach"
      sentences "... Google, Microsoft and Nvidia ... These companies have been critics of Meta."
FAIL  claim '"The open platform will win," LeCun said'  sentence '"The open platform will win," Zuckerberg said'

Who a claim and a sentence credit is read by credit.py (the same rule extract reads a quote's
speaker by); a sentence that quotes three words or more of a claim's quotation says that claim,
however little else of it it says (compare.py); a sentence that opens with "They" or "These
companies" (lexicon/anaphors.txt) takes the list of names in the sentence before it, one with
"He" or "The company" its first name. Cues come in groups (speech, criticism, argument, praise): "X said" is
not compared with "Y criticised". Naming fewer of the claim's actors is not drift, nor is
crediting an actor the claim itself names (the claim's speaker may have been misread), unless
the sentence names the claim's actor too ("Smith said Jones misled" → "Jones said Smith
misled": roles swapped), nor is a sentence whose crediting words name the claim's actor
beside others that describe it ("Sheffield battery maker Brightwater says"; "according to her
daughter, the architect Claire Ellingham,"). Limits: passive voice ("was criticised by X") is read as X being the actor only with
"according to".
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from .. import lexicon
from ..align import Unit
from ..credit import credit, runs
from ..entities import Entity, named_in, one_actor, same_actor
from . import Drift, Pair

ID = "attribution"
SEVERITY = "error"
SAME_QUOTE = 80


def check(pair: Pair) -> Iterator[Drift]:
    claimed, group = _claim_actors(pair)
    if not claimed:
        return
    claim_words = {k for e in claimed for k in e.keys}
    if pair.sentence.quotes and not _quotes_claim(pair):
        return
    actors, start, end, cue = _sentence_actors(pair)
    if cue != group:
        return  # "X said" does not attribute what "Y criticised"
    if _described(pair, claimed, actors, start, end):
        return
    names = pair.source.named
    sentence_words = pair.sentence.words
    # an actor the claim names is the claim's, whose speaker may have been misread ("Reality
    # star June Shannon"), unless the sentence names the claimed actor too: roles swapped
    misread = not any(same_actor(c, sentence_words) for c in claimed if c.keys)
    in_claim = pair.claim_unit.words if misread else frozenset()
    extra = [
        e
        for e in actors
        if e.keys
        and not same_actor(e, claim_words)
        and not named_in(e, in_claim)
        and not any(one_actor(e, c, names) for c in claimed)
    ]
    if extra:
        expected = pair.claim.speaker or ", ".join(dict.fromkeys(e.text for e in claimed))
        found = ", ".join(dict.fromkeys(e.text for e in actors))
        yield Drift(
            ID,
            expected,
            found,
            start,
            end,
            f"credited to {found}; the report credits it to {expected}",
        )


def _described(
    pair: Pair, claimed: list[Entity], actors: list[Entity], start: int, end: int
) -> bool:
    """True when the words that credit the sentence (``start``–``end``) name the claim's actor
    after the names read as its actors, which then describe it ("Sheffield battery maker
    Brightwater Cells Ltd says"). Where the actors read include one of the claim's, another
    beside it is an actor added or swapped ("Llama, OpenAI and Microsoft")."""
    credited = {t.lower for t in pair.sentence.tokens if start <= t.start < end}
    read = {k for e in actors for k in e.keys}
    named = [c for c in claimed if c.keys]
    return any(named_in(c, credited) for c in named) and not any(named_in(c, read) for c in named)


def _quotes_claim(pair: Pair) -> bool:
    claim_quotes = [q for _, _, q in pair.claim_unit.quotes]
    return any(
        fuzz.partial_ratio(q, c) >= SAME_QUOTE
        for _, _, q in pair.sentence.quotes
        for c in claim_quotes
    )


def _claim_actors(pair: Pair) -> tuple[list[Entity], str | None]:
    actors, _, _, group = credit(pair.claim_unit)
    if pair.claim.speaker:
        named = [e for e in pair.claim_unit.entities if e.text in pair.claim.speaker]
        speaker = Entity(
            pair.claim.speaker, 0, 0, frozenset(w.lower() for w in pair.claim.speaker.split())
        )
        return [*named, speaker], group or "speech"
    return actors, group


def _sentence_actors(pair: Pair) -> tuple[list[Entity], int, int, str | None]:
    actors, start, end, group = credit(pair.sentence)
    if actors or group is None or pair.previous is None:
        return actors, start, end, group
    first = tuple(t.lower for t in pair.sentence.tokens[:2])
    kinds = lexicon.table("anaphors")
    for phrase in lexicon.phrases("anaphors"):
        if first[: len(phrase)] == phrase:
            named = [e for e in pair.previous.entities if e.keys]
            if kinds[" ".join(phrase)] == "one":
                return named[:1], start, end, group
            return _listed(pair.previous), start, end, group
    return [], start, end, group


def _listed(unit: Unit) -> list[Entity]:
    """The longest list of names: what "these companies" refers to."""
    return max(runs(list(unit.entities), unit), key=len, default=[])
