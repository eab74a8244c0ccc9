"""attribution: a statement or quote credited to another speaker or source.

Why: who said something is part of what was said. "Critics include Google and Microsoft" does
not license "Nvidia criticised it"; a quote moved from one person to another is misquoting.

PASS  claim "Google and Microsoft have been critics of Meta's approach"
      sentence "Microsoft and Google have criticised Meta's approach"
FAIL  claim "Google and Microsoft have been critics of Meta's approach"
      sentences "... Google, Microsoft and Nvidia ... These companies have been critics of Meta."
FAIL  claim '"The open platform will win," LeCun said'  sentence '"The open platform will win," Zuckerberg said'

The actors are the names before the attribution cue (lexicon/attribution.txt) in its clause (the
name that heads a phrase of names and a few lower-case words: "Russian newspaper Novaya Gazeta
says" credits the paper; a month is no actor), or
the name right after "according to" or after a cue that follows a quotation ('"…," said manager
Ruth Calloway'); a sentence that quotes three words or more of a claim's quotation says that
claim, however little else of it it says (compare.py); a sentence that opens with "They" or "These companies"
(lexicon/anaphors.txt) takes the list of names in the sentence before it, one with "He" or "The
company" its first name. Cues come in groups (speech, criticism, argument, praise): "X said" is
not compared with "Y criticised". Naming fewer of the claim's actors is not drift, nor is
crediting an actor the claim itself names (the claim's speaker may have been misread), unless
the sentence names the claim's actor too ("Smith said Jones misled" → "Jones said Smith
misled": roles swapped), nor is a sentence whose crediting words name the claim's actor
beside others that describe it ("Sheffield battery maker Brightwater says"; "according to her
daughter, the architect Claire Ellingham,"). Limits: passive voice ("was criticised by X") is read as X being the actor only with
"according to".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from rapidfuzz import fuzz

from .. import lexicon
from ..align import Unit
from ..entities import Entity, named_in, one_actor, same_actor
from . import Drift, Pair

ID = "attribution"
SEVERITY = "error"
SAME_QUOTE = 80


def check(pair: Pair) -> Iterator[Drift]:
    claimed, group = _claim_actors(pair)
    if not claimed:
        return
    claim_words = {k for e in claimed for k in e.keys}
    if pair.sentence.quotes and not _quotes_claim(pair):
        return
    actors, start, end, cue = _sentence_actors(pair)
    if cue != group:
        return  # "X said" does not attribute what "Y criticised"
    if _described(pair, claimed, actors, start, end):
        return
    names = pair.source.named
    sentence_words = pair.sentence.words
    # an actor the claim names is the claim's, whose speaker may have been misread ("Reality
    # star June Shannon"), unless the sentence names the claimed actor too: roles swapped
    misread = not any(same_actor(c, sentence_words) for c in claimed if c.keys)
    in_claim = pair.claim_unit.words if misread else frozenset()
    extra = [
        e
        for e in actors
        if e.keys
        and not same_actor(e, claim_words)
        and not named_in(e, in_claim)
        and not any(one_actor(e, c, names) for c in claimed)
    ]
    if extra:
        expected = pair.claim.speaker or ", ".join(dict.fromkeys(e.text for e in claimed))
        found = ", ".join(dict.fromkeys(e.text for e in actors))
        yield Drift(
            ID,
            expected,
            found,
            start,
            end,
            f"credited to {found}; the report credits it to {expected}",
        )


def _described(
    pair: Pair, claimed: list[Entity], actors: list[Entity], start: int, end: int
) -> bool:
    """True when the words that credit the sentence (``start``–``end``) name the claim's actor
    after the names read as its actors, which then describe it ("Sheffield battery maker
    Brightwater Cells Ltd says"). Where the actors read include one of the claim's, another
    beside it is an actor added or swapped ("Llama, OpenAI and Microsoft")."""
    credited = {t.lower for t in pair.sentence.tokens if start <= t.start < end}
    read = {k for e in actors for k in e.keys}
    named = [c for c in claimed if c.keys]
    return any(named_in(c, credited) for c in named) and not any(named_in(c, read) for c in named)


def _quotes_claim(pair: Pair) -> bool:
    claim_quotes = [q for _, _, q in pair.claim_unit.quotes]
    return any(
        fuzz.partial_ratio(q, c) >= SAME_QUOTE
        for _, _, q in pair.sentence.quotes
        for c in claim_quotes
    )


def _claim_actors(pair: Pair) -> tuple[list[Entity], str | None]:
    actors, _, _, group = _actors(pair.claim_unit)
    if pair.claim.speaker:
        named = [e for e in pair.claim_unit.entities if e.text in pair.claim.speaker]
        speaker = Entity(
            pair.claim.speaker, 0, 0, frozenset(w.lower() for w in pair.claim.speaker.split())
        )
        return [*named, speaker], group or "speech"
    return actors, group


def _sentence_actors(pair: Pair) -> tuple[list[Entity], int, int, str | None]:
    actors, start, end, group = _actors(pair.sentence)
    if actors or group is None or pair.previous is None:
        return actors, start, end, group
    first = tuple(t.lower for t in pair.sentence.tokens[:2])
    kinds = lexicon.table("anaphors")
    for phrase in lexicon.phrases("anaphors"):
        if first[: len(phrase)] == phrase:
            named = [e for e in pair.previous.entities if e.keys]
            if kinds[" ".join(phrase)] == "one":
                return named[:1], start, end, group
            return _listed(pair.previous), start, end, group
    return [], start, end, group


def _actors(unit: Unit) -> tuple[list[Entity], int, int, str | None]:
    """Names credited with what ``unit`` says, the span from its clause to the cue, and the
    cue's group (speech, criticism…): the names before the first cue in its clause, or the
    name right after "according to"."""
    cues = unit.cues("attribution")
    if not cues:
        return [], 0, 0, None
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
        return after, cue_start, _appositive(unit, after[0].end if after else cue_end), group
    clause = _clause_start(unit, cue_start)
    subject = _first_run([e for e in names if clause <= e.start and e.end <= cue_start], unit)
    subject = _head(subject, names, unit, cue_start)
    if not subject and _follows_quote(unit, cue_start):
        after = _named_after(unit, names, b)  # '"…," said manager Ruth Calloway'
        return after, cue_start, after[0].end if after else cue_end, group
    return subject, max(clause, unit.start), cue_end, group


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
    runs = _runs([e for e in names if not e.text.endswith(("'s", "’s"))], unit)
    return runs[0] if runs else []


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


def _runs(names: list[Entity], unit: Unit) -> list[list[Entity]]:
    """Names grouped into lists joined only by commas and "and"."""
    runs: list[list[Entity]] = []
    for e in names:
        gap = unit.text[runs[-1][-1].end - unit.start : e.start - unit.start] if runs else ""
        if runs and gap.strip() and gap.strip(" ,").removeprefix("and").strip() == "":
            runs[-1].append(e)
        else:
            runs.append([e])
    return [[e for e in run if e.keys] for run in runs if any(e.keys for e in run)]


def _listed(unit: Unit) -> list[Entity]:
    """The longest list of names: what "these companies" refers to."""
    return max(_runs(list(unit.entities), unit), key=len, default=[])
