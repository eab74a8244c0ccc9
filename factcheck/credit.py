"""Who a sentence credits with what it says: the names before its attribution cue, or after
"according to", or after a speech verb that follows a quotation. Read by extract (a quote's
speaker) and by the attribution check (who a claim and a sentence credit), so both read one
rule.

The actors are the names before the first attribution cue (lexicon/attribution.txt) in its
clause, the name that heads a phrase of names and a few lower-case words ("Russian newspaper
Novaya Gazeta says" credits the paper; a month is no actor); the name right after "according
to", through an appositive naming it ("according to her daughter, the architect Claire
Ellingham,"); or the name after a cue that follows a quotation ('"…," said manager Ruth
Calloway'). An unnamed source ("according to one estimate", "said her daughter") is a
pseudo-name of its content words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from . import lexicon
from .align import Unit
from .entities import Entity


class Credit(NamedTuple):
    """The names credited (``actors``), the span of the words that credit them (``start``,
    ``end``) and the cue's group (speech, criticism…; None where there is no cue)."""

    actors: list[Entity]
    start: int
    end: int
    group: str | None


def credit(unit: Unit) -> Credit:
    """Names credited with what ``unit`` says, the span from its clause to the cue, and the
    cue's group (speech, criticism…): the names before the first cue in its clause, or the
    name right after "according to"."""
    cues = unit.cues("attribution")
    if not cues:
        return Credit([], 0, 0, None)
    a, b = cues[0]
    words = [t.lower for t in unit.tokens[a:b]]
    group = lexicon.table("attribution")[" ".join(words)]
    cue_start, cue_end = unit.tokens[a].start, unit.tokens[b - 1].end
    calendar = lexicon.words("calendar")
    names = [e for e in _unquoted(unit) if not e.keys <= calendar]  # "On 1 April it reported"
    if words == ["according", "to"]:
        nxt = unit.tokens[b] if b < len(unit.tokens) else None
        first = [e for e in names if nxt is not None and e.start == nxt.start]
        after = _headed(first, names, unit) or _source_words(unit, b)
        return Credit(
            after, cue_start, _appositive(unit, after[0].end if after else cue_end), group
        )
    clause = _clause_start(unit, cue_start)
    subject = _first_run([e for e in names if clause <= e.start and e.end <= cue_start], unit)
    subject = _head(subject, names, unit, cue_start)
    if not subject and _follows_quote(unit, cue_start):
        after = _named_after(unit, names, b)  # '"…," said manager Ruth Calloway'
        return Credit(after, cue_start, after[0].end if after else cue_end, group)
    return Credit(subject, max(clause, unit.start), cue_end, group)


def _follows_quote(unit: Unit, cue_start: int) -> bool:
    """True when the cue comes right after a quotation ('"…," said'): its speaker follows it."""
    return any(
        unit.text[end - unit.start : cue_start - unit.start].strip("\"”’' ,") == ""
        for _, end, _ in unit.quotes
        if end <= cue_start
    )


def _named_after(unit: Unit, names: list[Entity], i: int) -> list[Entity]:
    """The first name after token ``i`` in its phrase (up to a comma), or the phrase's words as
    an unnamed source ("said her daughter")."""
    end = _phrase_end(unit, i)
    start = unit.tokens[i].start if i < len(unit.tokens) else end
    return [e for e in names if start <= e.start and e.end <= end][:1] or _source_words(unit, i)


def _phrase_end(unit: Unit, i: int) -> int:
    """Offset of the first comma from token ``i`` on, or of the unit's end."""
    stop = unit.text.find(",", unit.tokens[i].start - unit.start) if i < len(unit.tokens) else -1
    return unit.start + stop if stop >= 0 else unit.start + len(unit.text)


def _appositive(unit: Unit, end: int) -> int:
    """``end`` moved past an appositive naming what ends there ("according to her daughter, the
    architect Claire Ellingham, she …"): a part between two commas that holds a name."""
    rest = unit.text[end - unit.start :]
    if not rest.startswith(","):
        return end
    close = rest.find(",", 1)
    if close < 0:
        return end
    stop = end + close
    return stop if any(end < e.start and e.end <= stop for e in unit.entities) else end


def _unquoted(unit: Unit) -> list[Entity]:
    """The names of ``unit`` outside its quotes (which are in order and never overlap, so only
    the last quote opening before a name can hold it)."""
    opens = [start for start, _, _ in unit.quotes]
    out = []
    for e in unit.entities:
        k = bisect_right(opens, e.start)
        if k == 0 or unit.quotes[k - 1][1] <= e.start:
            out.append(e)
    return out


def _source_words(unit: Unit, i: int) -> list[Entity]:
    """An unnamed source ("according to one estimate") as a pseudo-name of its content words,
    up to the next comma."""
    stop = _phrase_end(unit, i)
    words = [t for t in unit.tokens[i:] if t.end <= stop]
    keys = frozenset(t.lower for t in words if t.content)
    if not keys:
        return []
    return [
        Entity(
            unit.text[words[0].start - unit.start : words[-1].end - unit.start],
            words[0].start,
            words[-1].end,
            keys,
        )
    ]


_CLAUSE = re.compile(
    r"[;:]|\b(?:that|which|who|but|while|because|although|whereas)\b", re.IGNORECASE
)


def _clause_start(unit: Unit, cue_start: int) -> int:
    """Offset where the clause holding the cue begins."""
    before = unit.text[: cue_start - unit.start]
    bounds = [m.end() for m in _CLAUSE.finditer(before)]
    return unit.start + (bounds[-1] if bounds else 0)


def _first_run(names: list[Entity], unit: Unit) -> list[Entity]:
    """The first list of names ("Google, OpenAI and Microsoft"), leaving out possessives, which
    describe rather than act ("Yann LeCun, Meta's chief AI scientist, said")."""
    found = runs([e for e in names if not e.text.endswith(("'s", "’s"))], unit)
    return found[0] if found else []


def _head(subject: list[Entity], names: list[Entity], unit: Unit, cue_start: int) -> list[Entity]:
    """The name right before the cue where ``subject`` and a few lower-case words lead up to
    it as one phrase: "Russian newspaper Novaya Gazeta says" credits the paper."""
    if not subject:
        return subject
    headed = _headed(subject, [e for e in names if e.end <= cue_start], unit)
    if unit.text[headed[-1].end - unit.start : cue_start - unit.start].strip():
        return subject
    return headed


def _headed(first: list[Entity], names: list[Entity], unit: Unit) -> list[Entity]:
    """The name that heads the phrase ``first`` opens, through a few lower-case words at a time
    ("Spanish paper SPORT"); ``first`` where no name follows so."""
    if not first:
        return first
    head = first[-1]
    for e in names:
        if e.start >= head.end and e.keys and _describes(unit, head, e):
            head = e
    return first if head is first[-1] else [head]


_NOUNS = re.compile(r"(?: [a-z]+){1,3} ")  # a few lower-case words, nothing else between


def _describes(unit: Unit, first: Entity, then: Entity) -> bool:
    """True when ``first`` and a few lower-case words before ``then`` make one phrase that
    ``then`` heads ("Sheffield battery maker Brightwater", "Benfica boss Jorge Jesus")."""
    gap = unit.text[first.end - unit.start : then.start - unit.start]
    stopwords = lexicon.words("stopwords")  # "Google and Microsoft", "reporters at Apple"
    return _NOUNS.fullmatch(gap) is not None and not any(w in stopwords for w in gap.split())


def runs(names: list[Entity], unit: Unit) -> list[list[Entity]]:
    """Names grouped into lists joined only by commas and "and"."""
    found: list[list[Entity]] = []
    for e in names:
        gap = unit.text[found[-1][-1].end - unit.start : e.start - unit.start] if found else ""
        if found and gap.strip() and gap.strip(" ,").removeprefix("and").strip() == "":
            found[-1].append(e)
        else:
            found.append([e])
    return [[e for e in run if e.keys] for run in found if any(e.keys for e in run)]
