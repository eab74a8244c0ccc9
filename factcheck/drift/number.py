"""number: a figure, percentage or approximation that differs from the claim's.

Why: a changed figure is the costliest error a rewrite can make and the easiest to miss.

PASS  claim "around 45 organizations"   sentence "about forty-five organisations"
FAIL  claim "around 45 organizations"   sentence "around 54 organizations"   (value)
FAIL  claim "more than 70 signers"      sentence "70 signers"                (approximation)

A figure the sentence takes from another claim (a merged sentence) is not drift. Limits: dates
written as words ("last August") are not figures; ranges count as two figures.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..numbers import Quantity
from . import Drift, Pair

ID = "number"
SEVERITY = "error"


def check(pair: Pair) -> Iterator[Drift]:
    claimed = pair.claim_unit.quantities
    if not claimed:
        return
    for found in pair.sentence.quantities:
        same = [c for c in claimed if c.same_value(found)]
        if same:
            if all(c.approx != found.approx for c in same):
                yield _drift(same[0], found, "approximation changed")
            continue
        if pair.source.has_figure(found):
            continue
        yield _drift(_nearest(claimed, found), found, "figure changed")


def _nearest(claimed: tuple[Quantity, ...], found: Quantity) -> Quantity:
    same_unit = [c for c in claimed if c.unit == found.unit] or list(claimed)
    return min(same_unit, key=lambda c: abs(c.value - found.value))


def _drift(expected: Quantity, found: Quantity, what: str) -> Drift:
    message = f"{what}: the claim says '{expected.text}', the rewrite says '{found.text}'"
    return Drift(ID, expected.text, found.text, found.start, found.end, message)
