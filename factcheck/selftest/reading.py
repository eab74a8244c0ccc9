"""The self-test's own reading of a claims file, for the independent corruptions.

The lexicon-built corruptions (corrupt.py, names.py) find what to change with the checks' own
word lists and the checks' own analysis, so a check catches them by construction. This module
reads a claims file with none of that: its word lists are the ``*.txt`` files beside it, and
names and numbers are found by their shape (capitals, digits) with the report itself as
evidence. What it finds is what an independent corruption changes.

- a *name*: a run of capitalised words ("Housing Minister Priya Natarajan", "the Partnership on
  AI"), joined by "of", "on" or "for"; a sentence's first word only where the report writes it
  capitalised somewhere else mid-sentence, it has a capital after its first letter ("IBM"), or
  it opens a name and the report never writes it in lower case ("Tom Becker said");
- a *number*: digits with their currency sign and scale ("£1.4 billion"), of a kind: money, a
  percentage, a year or a count.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..claims import Claim, ClaimSet
from ..lexicon import lines

_QUOTE = re.compile(r'"[^"]*"|“[^”]*”')
_WORD = re.compile(r"[^\W\d_][\w&'’.-]*(?<![.'’-])")
_JOINS = ("of", "on", "for")
_NUMBER = re.compile(
    r"(?P<sign>[$£€¥])?(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w]|[.,]\d)"
    r"(?P<scale> (?:thousand|million|billion|trillion)\b)?(?P<percent>%| percent\b| per cent\b)?"
)


@dataclass(frozen=True)
class Span:
    """Words of a claim: ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Number(Span):
    """A figure with its sign and scale; ``kind`` is money, percent, year or count; ``unit``
    the word after a count ("45 organizations": "organizations"), else its kind."""

    kind: str = "count"
    unit: str = ""


@dataclass(frozen=True)
class Source:
    """The claims, with each claim's names and numbers outside quotations."""

    claims: tuple[Claim, ...]
    names: tuple[tuple[Span, ...], ...]
    numbers: tuple[tuple[Number, ...], ...]
    lower: frozenset[str]  # words the report writes in lower case: not names


@cache
def data(name: str) -> tuple[str, ...]:
    """The lines of the self-test's own word list ``<name>.txt``, comments left out."""
    return lines(os.path.join(os.path.dirname(__file__), f"{name}.txt"))


def source(claims: ClaimSet) -> Source:
    texts = [c.text for c in claims]
    capitals = {w for t in texts for w in _midsentence_capitals(t)}
    lower = frozenset(w.text for t in texts for w in words(t) if w.text.islower())
    names = tuple(tuple(find_names(t, capitals, lower)) for t in texts)
    numbers = tuple(tuple(find_numbers(t)) for t in texts)
    return Source(tuple(claims), names, numbers, lower)


def quotations(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTE.finditer(text)]


def outside(spans: Sequence[tuple[int, int]], start: int) -> bool:
    """True when ``start`` is in none of ``spans``, which are in order and do not overlap."""
    k = bisect_right(spans, start, key=lambda span: span[0])
    return k == 0 or spans[k - 1][1] <= start


def words(text: str) -> list[Span]:
    """The words of ``text`` outside quotations."""
    quotes = quotations(text)
    return [
        Span(m.start(), m.end(), m.group())
        for m in _WORD.finditer(text)
        if outside(quotes, m.start())
    ]


def _midsentence_capitals(text: str) -> set[str]:
    found = words(text)
    return {w.text for w in found if w.text[:1].isupper() and not _opens(text, w.start)}


def _opens(text: str, start: int) -> bool:
    """True where a sentence starts: nothing before, or a full stop, colon or the like."""
    k = start
    while k and text[k - 1] == " ":
        k -= 1
    return not k or text[k - 1] in ".!?:"


def _capital(word: Span, text: str, capitals: set[str]) -> bool:
    if not word.text[:1].isupper():
        return False
    bare = re.sub(r"['’]s$", "", word.text)
    return not _opens(text, word.start) or bare in capitals or any(c.isupper() for c in bare[1:])


def find_names(text: str, capitals: set[str], lower: frozenset[str]) -> list[Span]:
    """Runs of capitalised words outside quotations, without a possessive "'s". A sentence's
    first word starts the run of a name right after it unless the report writes it in lower
    case ("Tom Becker said", but "The Alliance says")."""
    runs: list[list[Span]] = []
    found = words(text)
    for k, w in enumerate(found):
        opener = k + 1 < len(found) and _capital(found[k + 1], text, capitals)
        opener = opener and _adjacent(text, w, found[k + 1]) and w.text.lower() not in lower
        if not (_capital(w, text, capitals) or (opener and w.text[:1].isupper())):
            continue
        if re.fullmatch(r"I(['’]\w+)?", w.text):
            continue
        joining = _joining(text, runs[-1], found, k) if runs else []
        if joining:
            runs[-1] += joining
        else:
            runs.append([w])
    return [_span(text, run) for run in runs]


def _joining(text: str, run: list[Span], found: list[Span], k: int) -> list[Span]:
    """The words that join ``found[k]`` to ``run``, ending just before it ("Partnership" +
    "on AI"); none where it starts a run of its own."""
    w = found[k]
    if k >= 1 and run[-1] == found[k - 1] and _adjacent(text, found[k - 1], w):
        return [w]
    if k < 2 or run[-1] != found[k - 2] or found[k - 1].text not in _JOINS:
        return []
    joined = _adjacent(text, found[k - 2], found[k - 1]) and _adjacent(text, found[k - 1], w)
    return [found[k - 1], w] if joined else []


def _adjacent(text: str, a: Span, b: Span) -> bool:
    return text[a.end : b.start] == " " and not re.search(r"['’]s$", a.text)


def _span(text: str, run: Sequence[Span]) -> Span:
    start, end = run[0].start, run[-1].end
    if re.search(r"['’]s$", run[-1].text):
        end -= 2
    return Span(start, end, text[start:end])


def find_numbers(text: str) -> list[Number]:
    """Figures outside quotations, each of a kind and with a unit."""
    quotes = quotations(text)
    out = []
    for m in _NUMBER.finditer(text):
        if not outside(quotes, m.start()):
            continue
        kind = _kind(m)
        unit = kind
        if kind == "count":
            after = re.match(r" ([a-z]+)", text[m.end() :])
            unit = after.group(1) if after else ""
        out.append(Number(m.start(), m.end(), m.group(), kind, unit))
    return out


def _kind(m: re.Match[str]) -> str:
    if m["sign"]:
        return "money"
    if m["percent"]:
        return "percent"
    if re.fullmatch(r"1[89]\d\d|20\d\d", m.group()):
        return "year"
    return "count"
