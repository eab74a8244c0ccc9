"""The independent corruptions: changes a careless rewrite makes, found and written without
the checks' lexicons or analysis (reading.py), so that what compare catches of them measures
the checks rather than echoes them. CORRUPTIONS (corrupt.py) are the lexicon-built ones.

Each kind names the finding types that catch it; a kind no drift type is made for (a common
noun swapped, a sentence added) is caught by any drift or unsupported finding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..claims import ClaimSet
from .added import sentence_added
from .edit import Rewrite
from .modal import modal_added, modal_dropped
from .reading import Source, source
from .swap import noun_swapped, number_moved, speaker_swapped

ANY = frozenset[str]()  # caught by any drift or unsupported finding


@dataclass(frozen=True)
class Kind:
    """A maker of one independent corruption and the finding types that catch it."""

    make: Callable[[Source], list[Rewrite]]  # every corruption of the file, claim by claim
    caught_as: frozenset[str]


INDEPENDENT: dict[str, Kind] = {
    "modal-dropped": Kind(modal_dropped, frozenset({"hedge"})),
    "modal-added": Kind(modal_added, frozenset({"hedge"})),
    "speaker-swapped": Kind(speaker_swapped, frozenset({"attribution"})),
    "noun-swapped": Kind(noun_swapped, ANY),
    "number-moved": Kind(number_moved, frozenset({"number"})),
    "sentence-added": Kind(sentence_added, ANY),
}
"""The independent corruptions, after the issue's list: a modal or reporting verb made plain,
a statement credited to another actor, a noun swapped, a number moved, a sentence added."""


def independent_corruptions(claims: ClaimSet) -> tuple[Rewrite, ...]:
    """Every independent corruption of every claim, by kind (in INDEPENDENT order), then claim."""
    read = source(claims)
    return tuple(r for kind in INDEPENDENT.values() for r in kind.make(read))
