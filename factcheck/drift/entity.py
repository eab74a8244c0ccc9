"""entity: a person, organisation, product or place swapped for another, or added.

Why: "Microsoft criticised Meta" and "Google criticised Meta" overlap in every other word.

PASS  claim "members include AMD and Intel"  sentence "AMD and Intel are members"
FAIL  claim "members include AMD and Intel"  sentence "members include AMD and Nvidia"  (swap)
FAIL  claim "members include AMD and Intel"  sentence "members include AMD, Intel and Apple"
      (added: Apple is nowhere in the report)

A name from another claim is a swap only when it stands where the claim's missing name stood
(the words on either side agree); otherwise the sentence merges two claims or describes the
actor another way ("White pleaded guilty" → "An Australian pleaded guilty"), nor when the report
names both as one actor ("Stan Freberg": "Freberg" → "stan freberg"). Limits: names in
lower-cased text are found only when the report names them too.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..entities import Entity, in_report, named_in, one_actor, shares_name
from . import Drift, Pair, same_slot

ID = "entity"
SEVERITY = "error"


def check(pair: Pair) -> Iterator[Drift]:
    claim_words = pair.claim_unit.words
    sentence_words = pair.sentence.words
    missing = _missing(pair.claim_unit.entities, pair.sentence.entities, sentence_words)
    for e in pair.sentence.entities:
        if not e.keys or named_in(e, claim_words):
            continue
        if not in_report(e, pair.source.words, pair.source.named):
            yield Drift(ID, None, e.text, e.start, e.end, f"'{e.text}' is not named in the report")
            continue
        # any mention of a left-out name may be the one replaced
        mentions = [c for c in pair.claim_unit.entities if any(shares_name(c, m) for m in missing)]
        slot = [
            m
            for m in mentions
            if same_slot(pair.claim_unit, m, pair.sentence, e)
            and not one_actor(m, e, pair.source.named)
        ]
        if slot:
            yield Drift(
                ID,
                slot[0].text,
                e.text,
                e.start,
                e.end,
                f"'{slot[0].text}' in the claim became '{e.text}'",
            )


def _missing(
    claimed: tuple[Entity, ...], found: tuple[Entity, ...], words: frozenset[str]
) -> list[Entity]:
    """Names of the claim the sentence leaves out, counting mentions: a claim naming IBM twice
    and a sentence naming it once leave one IBM out."""
    out = []
    for i, e in enumerate(claimed):
        if not e.keys:
            continue
        nth = sum(1 for c in claimed[:i] if shares_name(c, e))
        if not named_in(e, words) or sum(1 for f in found if shares_name(f, e)) <= nth:
            out.append(e)
    return out
