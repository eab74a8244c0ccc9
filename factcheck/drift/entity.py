"""entity: a person, organisation, product or place swapped for another, or added.

Why: "Microsoft criticised Meta" and "Google criticised Meta" overlap in every other word.

PASS  claim "members include AMD and Intel"  sentence "AMD and Intel are members"
FAIL  claim "members include AMD and Intel"  sentence "members include AMD and Nvidia"  (swap)
FAIL  claim "members include AMD and Intel"  sentence "members include AMD, Intel and Apple"
      (added: Apple is nowhere in the report)

A name from another claim is a swap only when it stands where the claim's missing name stood
(a neighbouring word is shared); otherwise the sentence merges two claims. Limits: names in
lower-cased text are found only when the report names them too.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..align import Unit
from ..entities import Entity, same_actor
from . import Drift, Pair

ID = "entity"
SEVERITY = "error"
MARGIN = 2


def check(pair: Pair) -> Iterator[Drift]:
    claim_words = {t.lower for t in pair.claim_unit.tokens}
    sentence_words = {t.lower for t in pair.sentence.tokens}
    missing = [e for e in pair.claim_unit.entities if e.keys and not same_actor(e, sentence_words)]
    for e in pair.sentence_entities(MARGIN):
        if not e.keys or same_actor(e, claim_words):
            continue
        if not same_actor(e, pair.source.words):
            yield Drift(ID, None, e.text, e.start, e.end, f"'{e.text}' is not named in the report")
            continue
        slot = [
            m for m in missing if _neighbours(m, pair.claim_unit) & _neighbours(e, pair.sentence)
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


def _neighbours(entity: Entity, unit: Unit) -> set[str]:
    """Keys of the nearest content word on each side of ``entity``."""
    before = [t for t in unit.tokens if t.end <= entity.start and t.content]
    after = [t for t in unit.tokens if t.start >= entity.end and t.content]
    return {t.key for t in before[-1:] + after[:1]}
