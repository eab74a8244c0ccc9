"""Corruptions that swap names: ``entity`` (a name for another name of the file) and
``attribution`` (who a statement or quote is credited to).

A substitute comes from another claim of the same file, shares no word with the claim it goes
into, and is of the same sort where the file tells: a speaker for a speaker, "the …" for
"the …" (an institution: "the AI Alliance" → "the Partnership on AI"), a bare name for a bare
name ("IBM" → "Google"). Among those, one of as many words from the nearest claim after.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import lexicon
from ..align import Unit
from ..claims import Claim, ClaimSet
from ..text import fold
from .edit import Edit, Rewrite, cues, items, matches, rewrite


@dataclass(frozen=True)
class Name:
    """A name as a claim writes it: ``text`` without a possessive ("IBM's" → "IBM")."""

    claim: int
    start: int
    text: str
    keys: frozenset[str]
    article: bool  # written "the …"
    speaker: bool  # a claim's speaker: its last word ends a speaker field ("LeCun")


@dataclass(frozen=True)
class File:
    """The claims file a corruption draws on: claims, their units and every name in them."""

    claims: tuple[Claim, ...]
    units: tuple[Unit, ...]
    names: tuple[Name, ...]


@dataclass(frozen=True)
class Credit:
    """Who a claim credits: ``start``/``end`` of the mention; ``article`` when a "the" stays
    before it; ``verb`` the end of the speech verb after a mention that is not a name ("the
    release reads" becomes "<name> said")."""

    start: int
    end: int
    article: bool
    reach: int  # end of the last name credited along with it ("Google, OpenAI and …")
    verb: int | None = None


Maker = Callable[[File, int], list[Rewrite]]  # the rewrites of one kind for claim i of a file


def every_claim(claims: ClaimSet, makers: Iterable[Maker]) -> tuple[Rewrite, ...]:
    """What each maker writes for each claim: by maker, then claim."""
    file = claims_file(claims)
    return tuple(r for make in makers for i in range(len(claims)) for r in make(file, i))


def claims_file(claims: ClaimSet) -> File:
    units = claims.analysis.claims.units  # the analysis every comparison with them reads
    surnames = {fold(c.speaker).split()[-1] for c in claims if c.speaker}
    names = []
    for i, (claim, unit) in enumerate(zip(claims, units, strict=True)):
        for e in unit.entities:
            text = _bare(e.text)
            if e.keys and not _quoted(unit, e.start) and not _calendar(text):
                said = fold(text).split()[-1] in surnames
                names.append(Name(i, e.start, text, e.keys, _article(claim.text, e.start), said))
    return File(tuple(claims), units, tuple(names))


def entity(file: File, i: int) -> list[Rewrite]:
    """Each name of the claim (outside quotes, not the one credited) swapped, one at a time."""
    claim = file.claims[i]
    credit = credited(file, i)
    out: list[Rewrite] = []
    seen: set[str] = set()
    for name in (n for n in file.names if n.claim == i):
        if name.text in seen or (credit and credit.start <= name.start < credit.reach):
            continue  # swapping who is credited is attribution drift
        seen.add(name.text)
        new = substitute(file, i, name.text, (name.article, name.speaker))
        if new is not None:
            out += rewrite("entity", claim, [Edit(name.start, name.start + len(name.text), new)])
    return out


def attribution(file: File, i: int) -> list[Rewrite]:
    """The credited mention replaced by another speaker (or name) of the file."""
    claim = file.claims[i]
    credit = credited(file, i)
    if credit is None:
        return []
    mention = claim.text[credit.start : credit.end]
    new = substitute(file, i, mention, (credit.article, bool(claim.speaker)))
    if new is None:
        return []
    if credit.verb is not None:
        return rewrite("attribution", claim, [Edit(credit.start, credit.verb, f"{new} said")])
    return rewrite("attribution", claim, [Edit(credit.start, credit.end, new)])


def credited(file: File, i: int) -> Credit | None:
    """The mention a claim credits with what it says: after "according to", the speaker's name
    or words ("the release") before the first speech cue, or else the first name before it."""
    claim = file.claims[i]
    text, found = claim.text, items(claim.text)
    verbs = matches(text, found, cues("attribution"))
    if not verbs:
        return None
    a, b = verbs[0]
    if [w.lower for w in found[a:b]] == ["according", "to"]:
        return _after(file, i, found[b].start) if b < len(found) else None
    before = [n for n in file.names if n.claim == i and n.start < found[a].start]
    speaker = _speaker_words(claim.speaker) if claim.speaker else set()
    named = [n for n in before if n.keys & speaker] if speaker else before
    if named:
        first = named[0]
        last = first if speaker else named[-1]
        start = first.start - 4 if speaker and first.article else first.start
        article = first.article and not speaker  # a speaker's "the" goes with the name
        return Credit(start, first.start + len(first.text), article, last.start + len(last.text))
    k = a - 1
    if speaker and k >= 0 and found[k].lower in speaker and not found[k].quoted:
        start = found[k - 1].start if k > 0 and found[k - 1].lower == "the" else found[k].start
        return Credit(start, found[k].end, False, found[k].end, verb=found[b - 1].end)
    return None


def _after(file: File, i: int, start: int) -> Credit | None:
    """What follows "according to": a name, or the words up to the next punctuation."""
    for n in file.names:
        if n.claim == i and n.start == start:
            return Credit(start, start + len(n.text), n.article, start + len(n.text))
    words = re.match(r"[^,.;:!?\"“”()]+", file.claims[i].text[start:])
    if words is None:
        return None
    end = start + len(words.group().rstrip())
    return Credit(start, end, False, end)


def substitute(file: File, i: int, mention: str, sort: tuple[bool, bool]) -> str | None:
    """A name of another claim for ``mention`` in claim ``i``: one sharing no word with the
    claim, of the same ``sort`` (article, speaker) and width where possible, nearest after."""
    n = len(file.claims)
    taken = _taken(file, i)
    pool = sorted(
        (c for c in file.names if c.claim != i and not c.keys & taken),
        key=lambda c: ((c.claim - i) % n, c.start),
    )
    width = len(mention.split())
    for tier in (
        [c for c in pool if (c.article, c.speaker) == sort and len(c.text.split()) == width],
        [c for c in pool if (c.article, c.speaker) == sort],
        [c for c in pool if c.article == sort[0]],
        pool,
    ):
        if tier:
            return tier[0].text
    return None


def _taken(file: File, i: int) -> set[str]:
    """Lower-case words of claim ``i`` and of its speaker: a substitute must use none of them."""
    words = {t.lower for t in file.units[i].tokens}
    speaker = file.claims[i].speaker
    return words | (_speaker_words(speaker) if speaker else set())


def _speaker_words(speaker: str) -> set[str]:
    stopwords = lexicon.words("stopwords")
    return {w for w in fold(speaker).split() if w not in stopwords}


def _article(text: str, start: int) -> bool:
    return text[:start].lower().endswith("the ")


def _quoted(unit: Unit, start: int) -> bool:
    return any(s <= start < t for s, t, _ in unit.quotes)


def _bare(name: str) -> str:
    """A name without its possessive: "IBM's" → "IBM"."""
    return re.sub(r"['’]s$", "", name)


def _calendar(name: str) -> bool:
    """Months and weekdays are dates, not actors to swap."""
    return name.lower() in lexicon.words("calendar")


def starts_with_name(file: File, i: int) -> bool:
    """True when claim ``i`` opens with a name (or "I"): its first letter stays a capital."""
    first = items(file.claims[i].text)[:1]
    return bool(first and first[0].lower == "i") or any(
        e.start == 0 for e in file.units[i].entities
    )
