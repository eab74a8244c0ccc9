"""hedge: speculation stated as fact, or a fact hedged.

Why: "presumably", "I'd venture to guess" and "may" mark what the author does not know; a
rewrite that drops them turns a guess into a reported fact (and adding one undermines a fact).

PASS  claim "I'd venture to guess IBM wants more exposure"  sentence "IBM could gain exposure"
FAIL  claim "It plans to use existing collaborations (the Partnership's, presumably)"
      sentence "It plans to use existing collaborations such as the Partnership"

A claim voicing an opinion ("I think", lexicon/opinions.txt) may be rendered with or without
a hedge. A sentence that reports a view ("Pat thinks", "the group suggests", lexicon/attitudes.txt)
does not state it as fact, so it may drop the hedge; nor does one that keeps the "if" of a hedged
condition ("if we could …" → "if they were able to …"). Any hedge matches any other: "could" keeps a guess a guess. A sentence that merges claims may
carry the hedge of any of them. Cues are lexicon/hedges.txt, and on the claim's side the
expectations of lexicon/expectations.txt ("is expected to"), which a sentence keeps with a
forward-looking word of its own (lexicon/forecasts.txt: "is due to", "the company expects").
Hedges count only where the other side says the words they bear on (drift.scope), as negations
do; "may 2" is a date.
Limits: hedges far outside the words the two sides share are not seen.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import lexicon
from ..align import Unit
from ..text import Token
from . import Drift, Pair, backed, counterpart, cue_positions, in_scope, position

CLOSE = 0.5  # least share of the claim the sentence must say
ID = "hedge"
SEVERITY = "error"
MARGIN = 4
SHORT_CLAIM = (
    30  # tokens: a short claim or sentence is in scope whole, a long one only near the shared words
)


def check(pair: Pair) -> Iterator[Drift]:
    if pair.link.coverage < CLOSE:
        return  # polarity and certainty are only comparable where the two say the same thing
    whole = len(pair.claim_unit.tokens) <= SHORT_CLAIM
    claim_tokens = pair.claim_unit.tokens if whole else pair.claim_window(MARGIN)
    opinions = (
        pair.claim_unit.cues("opinions") if whole else cue_positions(claim_tokens, "opinions")
    )
    if opinions:
        return  # "I think it's a one": an opinion may be reported with or without a hedge
    claimed = _hedges(claim_tokens, pair.claim_unit, pair.sentence.keys) or _hedges(
        claim_tokens, pair.claim_unit, pair.sentence.keys, "expectations"
    )
    short = len(pair.sentence.tokens) <= SHORT_CLAIM
    window = pair.sentence.tokens if short else pair.sentence_window(MARGIN)
    found = _hedges(window, pair.sentence, pair.source.keys)
    if bool(claimed) == bool(found) or not window:
        return
    # a hedge the claim lacks, which another claim of the sentence puts on these words, is that
    # claim's (while a hedge the claim has too is the claim's own)
    found = [w for w in found if not backed(pair, w, "hedges")]
    if not claimed and not found:
        return
    if found and any(_hedges(other.tokens, other, pair.sentence.keys) for other in pair.others):
        return  # the hedge is the one another claim of this sentence makes
    if claimed and _has(pair.sentence.tokens, "attitudes"):
        return  # "Pat thinks X" / "the email suggests X" does not state X as fact
    if claimed and _forecast(window, pair.claim_unit):
        return  # "is expected to open" → "is due to open", "the company expects": still ahead
    if (
        claimed
        and all(_conditional(pair.claim_unit, w) for w in claimed)
        and _has(window, "conditions")
    ):
        return  # "if we could recreate it" → "if they were able to recreate it": still a condition
    if found:
        words = found[0]
        yield Drift(
            ID, None, _text(words), words[0].start, words[-1].end, "a fact is hedged in the rewrite"
        )
    else:
        where = counterpart(pair, position(pair.claim_unit, claimed[0][-1]))
        yield Drift(
            ID,
            _text(claimed[0]),
            None,
            where.start,
            where.end,
            f"speculation stated as fact: the claim is hedged ('{_text(claimed[0])}')",
        )


def _hedges(
    tokens: tuple[Token, ...], unit: Unit, other: frozenset[str], cues: str = "hedges"
) -> list[tuple[Token, ...]]:
    """Hedges (lexicon ``cues``) among ``tokens`` (of ``unit``) whose scope the other side
    says."""
    spans = cue_positions(tokens, cues)
    out = []
    for a, b in spans:
        words = tokens[a:b]
        if len(words) == 1 and words[0].text[:1].isupper() and a > 0:
            continue  # "May" the month, "Perhaps" mid-title
        if _date(tokens, a, b):
            continue  # "on may 2": the month in lower-cased text
        if in_scope(unit, words, other):
            out.append(words)
    return out


def _date(tokens: tuple[Token, ...], a: int, b: int) -> bool:
    """True when the cue ``tokens[a:b]`` is a month next to a day number ("may 2", "2 may")."""
    if b - a != 1 or tokens[a].lower not in lexicon.words("calendar"):
        return False
    return any(0 <= i < len(tokens) and tokens[i].kind == "number" for i in (a - 1, b))


def _conditional(unit: Unit, words: tuple[Token, ...]) -> bool:
    """True when the hedge sits in an "if" clause: within three words after "if" or "unless"
    (lexicon/conditions.txt)."""
    i = position(unit, words[0])
    return _has(unit.tokens[max(0, i - 3) : i], "conditions")


def _has(tokens: tuple[Token, ...], cues: str) -> bool:
    """True when a word of ``tokens`` is in lexicon ``cues``: "thinks", "suggests" (attitudes)
    credit the statement to someone's view; "if" (conditions) makes it a condition."""
    words = lexicon.words(cues)
    return any(t.lower in words for t in tokens)


def _forecast(tokens: tuple[Token, ...], claim: Unit) -> bool:
    """True when ``tokens`` look ahead in words the claim does not use (lexicon/forecasts.txt:
    "is due to", "expects"): the sentence rewords the claim's expectation, not drops it."""
    return any(
        any(t.content and t.key not in claim.keys for t in tokens[a:b])
        for a, b in cue_positions(tokens, "forecasts")
    )


def _text(words: tuple[Token, ...]) -> str:
    return " ".join(dict.fromkeys(t.text for t in words))
