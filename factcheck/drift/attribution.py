"""attribution: a statement or quote credited to another speaker or source.

Why: who said something is part of what was said. "Critics include Google and Microsoft" does
not license "Nvidia criticised it"; a quote moved from one person to another is misquoting.

PASS  claim "Google and Microsoft have been critics of Meta's approach"
      sentence "Microsoft and Google have criticised Meta's approach"
FAIL  claim "Google and Microsoft have been critics of Meta's approach"
      sentences "... Google, Microsoft and Nvidia ... These companies have been critics of Meta."
FAIL  claim '"The open platform will win," LeCun said'  sentence '"The open platform will win," Zuckerberg said'

The actors are the names before the attribution cue (lexicon/attribution.txt), or after
"according to"; a sentence that opens with "They" or "These companies" (lexicon/anaphors.txt)
takes the list of names in the sentence before it. Naming fewer of the claim's actors is not
drift. Limits: passive voice ("was criticised by X") is read as X being the actor only with
"according to".
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from .. import lexicon
from ..align import Unit
from ..entities import Entity, same_actor
from . import Drift, Pair, cue_positions

ID = "attribution"
SEVERITY = "error"
SAME_QUOTE = 80


def check(pair: Pair) -> Iterator[Drift]:
    claimed = _claim_actors(pair)
    if not claimed:
        return
    claim_words = {k for e in claimed for k in e.keys}
    if pair.claim.speaker:
        claim_words |= {t.lower for t in pair.claim_unit.tokens if t.text in pair.claim.speaker}
    if pair.sentence.quotes and not _quotes_claim(pair):
        return
    actors, start, end = _sentence_actors(pair)
    extra = [e for e in actors if e.keys and not same_actor(e, claim_words)]
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


def _quotes_claim(pair: Pair) -> bool:
    claim_quotes = [q for _, _, q in pair.claim_unit.quotes]
    return any(
        fuzz.partial_ratio(q, c) >= SAME_QUOTE
        for _, _, q in pair.sentence.quotes
        for c in claim_quotes
    )


def _claim_actors(pair: Pair) -> list[Entity]:
    if pair.claim.speaker:
        return [e for e in pair.claim_unit.entities if e.text in pair.claim.speaker] or [
            Entity(
                pair.claim.speaker, 0, 0, frozenset(w.lower() for w in pair.claim.speaker.split())
            )
        ]
    actors, _, _ = _actors(pair.claim_unit)
    return actors


def _sentence_actors(pair: Pair) -> tuple[list[Entity], int, int]:
    actors, start, end = _actors(pair.sentence)
    if actors or end == start or pair.previous is None:
        return actors, start, end
    first = tuple(t.lower for t in pair.sentence.tokens[:2])
    if any(first[: len(a)] == a for a in lexicon.phrases("anaphors")):
        return _listed(pair.previous), start, end
    return [], start, end


def _actors(unit: Unit) -> tuple[list[Entity], int, int]:
    """Names credited with what ``unit`` says, and the span from its start to the cue."""
    cues = cue_positions(unit.tokens, "attribution")
    if not cues:
        return [], 0, 0
    a, b = cues[0]
    cue_start, cue_end = unit.tokens[a].start, unit.tokens[b - 1].end
    inside = [(s, e) for s, e, _ in unit.quotes]
    names = [e for e in unit.entities if not any(s <= e.start < t for s, t in inside)]
    if [t.lower for t in unit.tokens[a:b]] == ["according", "to"]:
        nxt = unit.tokens[b] if b < len(unit.tokens) else None
        after = [e for e in names if nxt is not None and e.start == nxt.start]
        return after, cue_start, after[0].end if after else cue_end
    return [e for e in names if e.end <= cue_start], unit.start, cue_end


def _listed(unit: Unit) -> list[Entity]:
    """The longest run of names joined by commas and "and": what "these companies" refers to."""
    best: list[Entity] = []
    run: list[Entity] = []
    for e in unit.entities:
        gap = unit.text[run[-1].end - unit.start : e.start - unit.start] if run else ""
        if run and gap.strip(" ,").removeprefix("and").strip() == "" and gap.strip():
            run.append(e)
        else:
            run = [e]
        if len(run) > len(best):
            best = list(run)
    return [e for e in best if e.keys]
