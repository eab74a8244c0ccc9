"""negation: the sentence affirms what the claim denies, or denies what it affirms.

Why: one "not" inverts a claim while leaving every word of it in place, so word overlap rates a
negated sentence as a near-perfect match.

PASS  claim "Nvidia isn't a member of the alliance"  sentence "Nvidia is not among the members"
FAIL  claim "Nvidia isn't a member of the alliance"  sentence "Nvidia is a member of the alliance"
FAIL  claim "Sales rose in the fourth quarter"       sentence "Sales fell in the fourth quarter"

A cue counts only where the other side says the words it bears on (drift.scope: the next two
content words, or the two before a clause-final cue): a sentence that says the other half of
"X, who …, has not yet been approached" drops no "not". An added cue that a merged claim of the
sentence also puts on those words is that claim's (drift.backed).
A side is negative when it has any negation cue (counting them would read "don't … fails" as
a double negative). Only the part of each side that says the same thing is compared (with a few words either side,
on the sentence's only where the claim goes on past the shared words) (a merged sentence's other
clause has its own polarity, and a negation another claim of the sentence makes is that claim's). A word swapped for its opposite (lexicon/antonyms.txt, from WordNet,
and lexicon/opposites.txt) flips polarity as a "not" does, where the two stand in one place (a
neighbouring content word agrees: "rose in Q4" / "fell in Q4"). Cues are lexicon/negations.txt
and the phrases of lexicon/negation_phrases.txt that say "not before" ("the first time in 22
years" is "had not … in 22 years"). A "not" after a comma that sets one thing against another
("local councils, not an agency") denies what "rather than" (lexicon/contrasts.txt) does: it
is no flip where the other side contrasts too.
Limits: double negation ("not wrong") is read as a negation; opposites outside the lexicons are
not seen.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import lexicon
from ..align import Unit, cue_positions
from ..senses import opposite_in
from ..text import Token
from . import Drift, Pair, backed, counterpart, in_scope, near_slot, position

CLOSE = 0.5  # least share of the claim the sentence must say
ID = "negation"
SEVERITY = "error"
MARGIN = 3


def check(pair: Pair) -> Iterator[Drift]:
    if pair.link.coverage < CLOSE:
        return  # polarity and certainty are only comparable where the two say the same thing
    claim_window = pair.claim_window(MARGIN)
    sentence_window = pair.facing_window(MARGIN)
    claim_cues = _cues(claim_window, pair.claim_unit, pair.sentence.keys)
    cues = _cues(sentence_window, pair.sentence, pair.source.keys)
    if _contrast(pair.claim_unit):
        cues = [t for t in cues if not _contrasting(pair.sentence, t)]
    if _contrast(pair.sentence):
        claim_cues = [t for t in claim_cues if not _contrasting(pair.claim_unit, t)]
    phrased = _phrased(claim_window) | _phrased(sentence_window)
    swaps = [
        (said, found)
        for said, found in _antonyms(claim_window, sentence_window)
        if near_slot(pair.claim_unit, said, pair.sentence, found)
        and said.start not in phrased
        and found.start not in phrased
    ]
    if (bool(claim_cues) != bool(cues)) == (len(swaps) % 2 == 1) or not sentence_window:
        return
    if cues and any(
        len(_cues(other.tokens, other, pair.sentence.keys)) % 2 for other in pair.others
    ):
        return  # the negation is the one another claim of this sentence makes
    if not swaps and cues and any(backed(pair, (t,), "negations") for t in cues):
        return  # another claim of the sentence negates these words
    if swaps:
        said, found = swaps[0]
        yield Drift(
            ID,
            said.text,
            found.text,
            found.start,
            found.end,
            f"'{said.text}' in the claim became its opposite, '{found.text}'",
        )
    elif cues:
        found_text = " ".join(t.text for t in cues)
        expected = " ".join(t.text for t in claim_cues) or "(affirmative)"
        yield Drift(
            ID,
            expected,
            found_text,
            cues[0].start,
            cues[-1].end,
            "polarity flipped: the rewrite negates the claim",
        )
    else:
        where = counterpart(pair, position(pair.claim_unit, claim_cues[0]))
        yield Drift(
            ID,
            " ".join(t.text for t in claim_cues),
            "(affirmative)",
            where.start,
            where.end,
            "polarity flipped: the rewrite drops the negation of the claim",
        )


def _cues(tokens: tuple[Token, ...], unit: Unit, other: frozenset[str]) -> list[Token]:
    """Negation cues among ``tokens`` (of ``unit``) whose scope the other side says; "no" in
    "no more than 44%" qualifies a figure and negates nothing. A phrase that says "not before"
    ("the first time in 22 years") counts as a cue, by its first word."""
    negations = lexicon.words("negations")
    found = [
        t
        for t in tokens
        if t.kind == "word"
        and t.lower in negations
        and not any(q.start <= t.start < q.end for q in unit.quantities)
        and not _compound(unit, t)
        and in_scope(unit, (t,), other)
    ]
    phrases = [
        tokens[a]
        for a, b in cue_positions(tokens, "negation_phrases")
        if in_scope(unit, tokens[a:b], other)
    ]
    return sorted(found + phrases, key=lambda t: t.start)


def _phrased(tokens: tuple[Token, ...]) -> set[int]:
    """Offsets of the words of negation phrases ("the first time in"): a cue there is a cue,
    not half of an opposite ("first" → "last" drops the phrase's negation, once)."""
    return {t.start for a, b in cue_positions(tokens, "negation_phrases") for t in tokens[a:b]}


def _compound(unit: Unit, t: Token) -> bool:
    """True for a word hyphenated to the next or last ("never-before-seen", "no-fly"): part of
    a compound word, which negates no clause."""
    a, b = t.start - unit.start, t.end - unit.start
    return unit.text[b : b + 1] == "-" or (a > 0 and unit.text[a - 1] == "-")


def _contrast(unit: Unit) -> bool:
    """True when ``unit`` sets one thing against another ("councils rather than an agency")."""
    return bool(unit.cues("contrasts")) or any(_contrasting(unit, t) for t in unit.tokens)


def _contrasting(unit: Unit, t: Token) -> bool:
    """True for a "not" that opens a contrasted phrase ("local councils, not an agency, …"),
    which denies the alternative, not the clause."""
    if t.lower != "not":
        return False
    i = t.start - unit.start - 1
    while i >= 0 and unit.text[i].isspace():
        i -= 1  # read back over spaces, not a copy of the text before each "not"
    return i >= 0 and unit.text[i] == ","


def _antonyms(claim: tuple[Token, ...], sentence: tuple[Token, ...]) -> list[tuple[Token, Token]]:
    """(claim word, sentence word) where the sentence has a word the claim does not, whose
    opposite the claim has and the sentence does not: "rose" → "fell"."""
    claim_keys = {t.key for t in claim}
    sentence_keys = {t.key for t in sentence}
    only_claim = {
        t.lower: t for t in claim if t.content and t.kind == "word" and t.key not in sentence_keys
    }
    swaps = []
    for t in sentence:
        if t.content and t.kind == "word" and t.key not in claim_keys:
            said = opposite_in(t.lower, only_claim)
            if said is not None:
                swaps.append((only_claim[said], t))
    return swaps
