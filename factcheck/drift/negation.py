"""negation: the sentence affirms what the claim denies, or denies what it affirms.

Why: one "not" inverts a claim while leaving every word of it in place, so word overlap rates a
negated sentence as a near-perfect match.

PASS  claim "Nvidia isn't a member of the alliance"  sentence "Nvidia is not among the members"
FAIL  claim "Nvidia isn't a member of the alliance"  sentence "Nvidia is a member of the alliance"

Only the part of each side that says the same thing is compared (a merged sentence's other
clause has its own polarity). Cues are lexicon/negations.txt. Limits: double negation and
negative-meaning verbs outside the lexicon are not understood.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import lexicon
from ..text import Token
from . import Drift, Pair, counterpart

ID = "negation"
SEVERITY = "error"
MARGIN = 3
STRONG = 0.45  # link score below which the two sides share too little to compare polarity


def check(pair: Pair) -> Iterator[Drift]:
    if pair.link.score < STRONG:
        return
    claim_cues = _cues(pair.claim_window(MARGIN))
    sentence_window = pair.sentence_window(MARGIN)
    cues = _cues(sentence_window)
    if len(claim_cues) % 2 == len(cues) % 2 or not sentence_window:
        return
    expected = " ".join(t.text for t in claim_cues) or "(affirmative)"
    if cues:
        start, end, found = cues[0].start, cues[-1].end, " ".join(t.text for t in cues)
    else:
        where = counterpart(pair, pair.claim_unit.tokens.index(claim_cues[0]))
        start, end, found = where.start, where.end, "(affirmative)"
    polarity = "negates" if cues else "drops the negation of"
    yield Drift(
        ID, expected, found, start, end, f"polarity flipped: the rewrite {polarity} the claim"
    )


def _cues(tokens: tuple[Token, ...]) -> list[Token]:
    negations = lexicon.words("negations")
    return [t for t in tokens if t.kind == "word" and t.lower in negations]
