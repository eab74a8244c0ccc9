"""number: a figure, percentage or approximation that differs from the claim's.

Why: a changed figure is the costliest error a rewrite can make and the easiest to miss.

PASS  claim "around 45 organizations"   sentence "about forty-five organisations"
FAIL  claim "around 45 organizations"   sentence "around 54 organizations"   (value)
FAIL  claim "more than 70 signers"      sentence "70 signers"                (bound dropped)

A figure the sentence takes from another claim (a merged sentence) is not drift, unless it
stands where the claim's own figure stood ("44% are inactive" for "41% are inactive"). A bare
figure restates the claim's approximate one ("nearly 5%" → "5%") but not a bound ("more than
70" → "70"); a qualifier of another class ("more than" → "fewer than", "exactly") changes it,
unless another claim has the figure so qualified. Limits: dates
written as words ("last August") are not figures; ranges count as two figures. An ordinal ("third") is compared only in a figure's place.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..numbers import ORDINAL, Quantity
from . import Drift, Pair, same_slot

ID = "number"
SEVERITY = "error"


def check(pair: Pair) -> Iterator[Drift]:
    said = _said(pair)
    for found in pair.sentence.quantities:
        claimed = [c for c in pair.claim_unit.quantities if c.comparable(found)]
        if not claimed:
            continue  # nothing of its kind to compare with: a new figure is unsupported's
        slot = [
            c
            for c in claimed
            if same_slot(pair.claim_unit, c, pair.sentence, found)
            and (c.same_value(found) or c not in said)
        ]
        if found.unit == ORDINAL and not slot:
            continue  # "first", "second" are figures only in a figure's place
        same = slot or [c for c in claimed if c.same_value(found)]
        if same and not any(c.same_value(found) for c in same):
            if not _theirs(pair, found):
                yield _drift(same[0], found, "figure changed")  # another figure in its place
        elif same:
            values = [c for c in same if c.same_value(found)]
            changed = all(_changed(c.approx, found.approx) for c in values)
            if changed and not pair.source.has_quantity(found):
                yield _drift(same[0], found, "approximation changed")
        elif not pair.source.has_figure(found):
            yield _drift(_nearest(claimed, found), found, "figure changed")


def _theirs(pair: Pair, found: Quantity) -> bool:
    """True when another claim the sentence says gives ``found`` in the same place: two claims
    of one pattern ("an increase of $0.10 over our prior guidance", "… of $125 million over …")
    merged into one sentence, whose figure is the other claim's."""
    return any(
        q.same_value(found) and same_slot(unit, q, pair.sentence, found)
        for unit in pair.linked
        if unit is not pair.claim_unit
        for q in unit.quantities
    )


def _said(pair: Pair) -> set[Quantity]:
    """The claim's figures the sentence gives in their own place: a figure beside one of them
    stands in a reordered clause ("joined in 1961 and in 1987 became"), not in its place (while
    two figures that swapped places are each in the other's)."""
    return {
        c
        for c in pair.claim_unit.quantities
        if any(
            c.same_value(q) and same_slot(pair.claim_unit, c, pair.sentence, q)
            for q in pair.sentence.quantities
        )
    }


def _changed(claimed: str | None, found: str | None) -> bool:
    """True when a figure's qualifier changed what it says: another class, or a bound ("more
    than", "up to") dropped. A bare figure may restate an approximate one ("nearly 5%" → "5%")."""
    if found is None:
        return claimed in ("over", "under")
    return claimed != found


def _nearest(claimed: list[Quantity], found: Quantity) -> Quantity:
    same_unit = [c for c in claimed if c.unit == found.unit] or list(claimed)
    return min(same_unit, key=lambda c: abs(c.value - found.value))


def _drift(expected: Quantity, found: Quantity, what: str) -> Drift:
    message = f"{what}: the claim says '{expected.text}', the rewrite says '{found.text}'"
    return Drift(ID, expected.text, found.text, found.start, found.end, message)
