"""number: a figure, percentage or approximation that differs from the claim's.

Why: a changed figure is the costliest error a rewrite can make and the easiest to miss.

PASS  claim "around 45 organizations"   sentence "about forty-five organisations"
FAIL  claim "around 45 organizations"   sentence "around 54 organizations"   (value)
FAIL  claim "more than 70 signers"      sentence "fewer than 70 signers"     (approximation)

A figure the sentence takes from another claim (a merged sentence) is not drift, unless it
stands where the claim's own figure stood ("44% are inactive" for "41% are inactive"). A bare
figure restates the claim's approximate one ("nearly 5%" → "5%"); a qualifier of another class
("more than" → "fewer than", "exactly") changes it, unless another claim has the figure so
qualified. Limits: dates
written as words ("last August") are not figures; ranges count as two figures. An ordinal ("third") is compared only in a figure's place.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..numbers import ORDINAL, Quantity
from . import Drift, Pair, same_slot

ID = "number"
SEVERITY = "error"


def check(pair: Pair) -> Iterator[Drift]:
    claimed = pair.claim_unit.quantities
    if not claimed:
        return
    for found in pair.sentence.quantities:
        slot = [c for c in claimed if same_slot(pair.claim_unit, c, pair.sentence, found)]
        if found.unit == ORDINAL and not slot:
            continue  # "first", "second" are figures only in a figure's place
        same = slot or [c for c in claimed if c.same_value(found)]
        if same and not any(c.same_value(found) for c in same):
            yield _drift(same[0], found, "figure changed")  # another figure in the claim's place
        elif same and found.approx is not None:
            if all(c.approx != found.approx for c in same if c.same_value(found)) and not any(
                q.approx == found.approx and q.same_value(found) for q in pair.source.quantities
            ):
                yield _drift(same[0], found, "approximation changed")
        elif not pair.source.has_figure(found):
            yield _drift(_nearest(claimed, found), found, "figure changed")


def _nearest(claimed: tuple[Quantity, ...], found: Quantity) -> Quantity:
    same_unit = [c for c in claimed if c.unit == found.unit] or list(claimed)
    return min(same_unit, key=lambda c: abs(c.value - found.value))


def _drift(expected: Quantity, found: Quantity, what: str) -> Drift:
    message = f"{what}: the claim says '{expected.text}', the rewrite says '{found.text}'"
    return Drift(ID, expected.text, found.text, found.start, found.end, message)
