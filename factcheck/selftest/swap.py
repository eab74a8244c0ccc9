"""Independent swaps: a claim given a part of another claim of the same report.

- ``speaker-swapped``: what a claim credits to someone (after "according to", before or after
  a reporting verb of reporting.txt, between a quotation and its verb) credited to another
  actor the report names: one another claim credits, or else another name;
- ``noun-swapped``: a common noun or adjective (known by its ending, suffixes.txt) swapped for
  a word with the same ending from another claim, a word in a named slot ("IBM's audience")
  first;
- ``number-moved``: a figure replaced by a figure of the same kind (money, percentage, year,
  count) from another claim, one with the same unit first.

A substitute comes from the nearest claim after (the file read as a ring) and shares no word
with the claim it goes into.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .edit import Edit, Rewrite, cased, rewrite
from .modal import table
from .reading import Source, Span, data, outside, quotations, words
from .ring import Ring, nearest, ring, rings

_LEADS = {"the", "a", "an", "of", "on", "for"}
Ending = tuple[str, bool]  # a noun or adjective ending and whether a plural "s" follows


def speaker_swapped(source: Source) -> list[Rewrite]:
    credits = [credited(source, i) for i in range(len(source.claims))]
    actors = _actors(source, credits)
    return [r for i in range(len(credits)) for r in _swapped(source, i, credits[i], actors)]


def _swapped(
    source: Source, i: int, credit: Span | None, actors: tuple[Ring[str], ...]
) -> list[Rewrite]:
    if credit is None:
        return []
    claim = source.claims[i]
    taken = _lower_words(claim.text)
    for candidates in actors:
        actor = nearest(candidates, i, taken)
        if actor is not None:
            if claim.text[: credit.start].lower().endswith("the "):  # "the Alliance says"
                credit = Span(credit.start - 4, credit.end, "the " + credit.text)
            edit = Edit(credit.start, credit.end, cased(actor, credit.text))
            return rewrite("speaker-swapped", claim, [edit])
    return []


def _actors(source: Source, credits: list[Span | None]) -> tuple[Ring[str], ...]:
    """Who the report names, in the order a claim looks for another actor: the names claims
    credit, all names, then what else claims credit ("the release")."""
    named = [{n.text for n in names} for names in source.names]
    found = [(j, c) for j, c in enumerate(credits) if c is not None]
    credited_names = [(j, _written(source, j, c)) for j, c in found if c.text in named[j]]
    names = [(j, _written(source, j, n)) for j, spans in enumerate(source.names) for n in spans]
    others = [(j, c.text) for j, c in found if c.text not in named[j]]
    return tuple(ring(_candidates(listed)) for listed in (credited_names, names, others))


def _candidates(actors: list[tuple[int, str]]) -> Iterator[tuple[int, str, frozenset[str]]]:
    """(claim, actor, the actor's words but "the" and the like), none of which is all such."""
    for j, actor in actors:
        rest = frozenset(_lower_words(actor) - _LEADS)
        if rest:
            yield j, actor, rest


def _written(source: Source, j: int, name: Span) -> str:
    """A name with the "the" claim ``j`` writes before it ("the AI Alliance")."""
    article = source.claims[j].text[: name.start].lower().endswith("the ")
    return f"the {name.text}" if article else name.text


def credited(source: Source, i: int) -> Span | None:
    """Who claim ``i`` credits: the words after "according to", else the first name between
    the last quotation (or the start) and the first reporting verb that owns nothing there
    ("Delmont's counsel, Peter Kaminski, said"), else the few words there but an auxiliary
    ("the release reads", "the defense had argued"), else the name after the verb ('" said
    Jane Doe')."""
    text = source.claims[i].text
    verb = _reporting_verb(text)
    if verb is None:
        return None
    if verb.text.lower() == "according to":
        m = re.match(r" ?[^,.;:!?\"“”()]+", text[verb.end :])
        return _trimmed(text, verb.end, verb.end + len(m.group())) if m else None
    opened = max((e for _, e in quotations(text) if e <= verb.start), default=0)
    names = [n for n in source.names[i] if opened <= n.start and n.end <= verb.start]
    names = [n for n in names if not re.match(r"['’]s\b", text[n.end :])]  # "Delmont's"
    if names:
        return names[0]
    stretch = list(re.finditer(r"[^\s,]+", text[: verb.start]))
    stretch = [m for m in stretch if m.start() >= opened]
    while stretch and stretch[-1].group().lower() in data("verbs"):
        stretch.pop()  # "the defense had argued"
    if 0 < len(stretch) <= 4:
        return _trimmed(text, stretch[0].start(), stretch[-1].end())
    after = [n for n in source.names[i] if n.start >= verb.end]
    return after[0] if not stretch and after else None


def _reporting_verb(text: str) -> Span | None:
    quotes = quotations(text)
    verbs = "|".join(re.escape(v) for v in sorted(data("reporting"), key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w'’-])(?:{verbs})(?![\w'’-])", text, re.IGNORECASE):
        if outside(quotes, m.start()):
            return Span(m.start(), m.end(), m.group())
    return None


def _trimmed(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip(" ,"))
    end -= len(piece) - len(piece.rstrip(" ,"))
    return Span(start, end, text[start:end])


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", text)}


def noun_swapped(source: Source) -> list[Rewrite]:
    nouns = [_nouns(source, j) for j in range(len(source.claims))]
    by_ending = rings(
        (_ending(w.text), j, w.text, frozenset({w.text}))
        for j, found in enumerate(nouns)
        for w in found
    )
    return [r for i in range(len(nouns)) for r in _noun_swapped(source, i, nouns[i], by_ending)]


def _noun_swapped(
    source: Source, i: int, nouns: list[Span], by_ending: dict[Ending | None, Ring[str]]
) -> list[Rewrite]:
    claim = source.claims[i]
    taken = _lower_words(claim.text)
    for word in nouns:
        fresh = nearest(by_ending[_ending(word.text)], i, taken)
        if fresh is not None:
            edit = Edit(word.start, word.end, cased(fresh, word.text))
            return rewrite("noun-swapped", claim, [edit])
    return []


def _nouns(source: Source, i: int) -> list[Span]:
    """Lower-case words of claim ``i`` with a noun or adjective ending, outside quotations and
    constructions the other corruptions change: those in a named slot first."""
    text = source.claims[i].text
    skip = _changed_elsewhere()
    found = [
        w
        for w in words(text)
        if w.text.isalpha() and w.text.islower() and w.text not in skip and _ending(w.text)
    ]
    ends = {n.end for n in source.names[i]}
    slot = [w for w in found if w.start - 1 in ends or text[: w.start].endswith(("'s ", "’s "))]
    return slot + [w for w in found if w not in slot]


@cache
def _changed_elsewhere() -> frozenset[str]:
    """Reporting verbs and the words of modal constructions: the other kinds change those."""
    return frozenset(data("reporting")) | {w for h, _ in table() for w in h.split()}


@cache
def _ending(word: str) -> Ending | None:
    """The noun or adjective ending of ``word`` and whether a plural "s" follows it."""
    for suffix in sorted(data("suffixes"), key=len, reverse=True):
        for plural in (False, True):
            if word.endswith(suffix + "s" * plural) and len(word) >= len(suffix) + plural + 3:
                return suffix, plural
    return None


def number_moved(source: Source) -> list[Rewrite]:
    figures = [(j, n) for j, numbers in enumerate(source.numbers) for n in numbers]
    by_unit = rings(((n.kind, n.unit), j, n.text, frozenset({_value(n)})) for j, n in figures)
    by_kind = rings(((n.kind, ""), j, n.text, frozenset({_value(n)})) for j, n in figures)
    return [r for i in range(len(source.claims)) for r in _moved(source, i, by_unit, by_kind)]


def _moved(
    source: Source,
    i: int,
    by_unit: dict[tuple[str, str], Ring[str]],
    by_kind: dict[tuple[str, str], Ring[str]],
) -> list[Rewrite]:
    """Each figure of the claim replaced, one at a time, by one of another claim with another
    value: of the same kind and unit where one is, else of the same kind; nearest claim first."""
    claim = source.claims[i]
    out = []
    for number in source.numbers[i]:
        value = {_value(number)}
        other = nearest(by_unit[number.kind, number.unit], i, value)
        if other is None:
            other = nearest(by_kind[number.kind, ""], i, value)
        if other is not None:
            out += rewrite("number-moved", claim, [Edit(number.start, number.end, other)])
    return out


def _value(number: Span) -> str:
    return re.sub(r"[^\d.]", "", number.text)
