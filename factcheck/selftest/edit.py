"""Surface edits of a claim's text, for the self-test's corruptions and paraphrases.

A Rewrite is a claim's own text with a few words changed, so everything the edit does not touch
stays byte for byte. The words are Items: a surface word, or one part of a contraction ("isn't"
is the items ``is`` and ``not``, lexicon/contractions.txt), each with the span of its surface
word. Editing one part of a contraction writes the rest of it out: dropping ``not`` from "isn't"
leaves "is".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..claims import Claim
from ..text import fold, quoted

_ITEM = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*")
_DIGITS = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w]|[.,]\d)")
_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "dozen", "k", "m", "bn", "tn"}


@dataclass(frozen=True)
class Rewrite:
    """A derivative made from one claim: a corruption of one drift type, or a paraphrase.

    ``kind`` is the drift type or the paraphrase's kind; ``change`` says what was edited."""

    kind: str
    claim_id: str
    text: str
    change: str


@dataclass(frozen=True)
class Item:
    """A word, a number, or one part of a contraction; ``start``/``end`` span its surface word."""

    lower: str
    start: int
    end: int
    quoted: bool = False


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Figure:
    """A number in a claim, in digits ("45", "1,200", "3.5") or words ("forty-five")."""

    start: int
    end: int
    value: float
    spelled: bool


def items(text: str) -> tuple[Item, ...]:
    spans = [(s, e) for s, e, _ in quoted(text)]
    expand = lexicon.table("contractions")
    out = []
    for m in _ITEM.finditer(text):
        surface = fold(m.group())
        inside = any(s <= m.start() < e for s, e in spans)
        for lower in expand.get(surface, surface).split():
            out.append(Item(lower, m.start(), m.end(), inside))
    return tuple(out)


def cues(name: str) -> tuple[str, ...]:
    """The phrases of lexicon file ``name``, whether a plain list or a table (phrase, tab, value)."""
    return tuple(entry.split("\t", 1)[0] for entry in lexicon.entries(name))


def matches(text: str, found: Sequence[Item], phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Item ranges [a, b) where one of ``phrases`` occurs outside quotations, left to right, the
    longest phrase first, not overlapping. Words of a phrase are separated by spaces only."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(p.split()) for p in phrases), key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    lowers = [w.lower for w in found]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(found):
        for phrase in index.get(lowers[i], ()):
            b = i + len(phrase)
            if tuple(lowers[i:b]) == phrase and _plain(text, found[i:b]):
                out.append((i, b))
                i = b - 1
                break
        i += 1
    return out


def _plain(text: str, run: Sequence[Item]) -> bool:
    gaps = (text[a.end : b.start] for a, b in zip(run, run[1:], strict=False))
    return not any(w.quoted for w in run) and all(not g.strip() for g in gaps)


def edit(text: str, found: Sequence[Item], a: int, b: int, new: str) -> Edit:
    """Replace items [a, b) with the words ``new`` ("" drops them), keeping the case of the
    surface word it starts; a contraction the range cuts through is written out."""
    first, last = found[a], found[b - 1]
    before = [w.lower for w in found[:a] if w.start == first.start]
    after = [w.lower for w in found[b:] if w.start == last.start]
    words = [*before, *new.split(), *after]
    piece = " ".join("I" if w == "i" else w for w in words)
    return Edit(first.start, last.end, cased(piece, text[first.start : last.end]))


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, str]:
    """``text`` with ``edits`` made, and a description of them ("'is' → 'is not'")."""
    ordered = sorted(edits, key=lambda e: e.start)
    out = text
    for e in reversed(ordered):
        out = out[: e.start] + e.new + out[e.end :]
    if any(not e.new for e in ordered):
        out = tidy(out)
    if text[:1].isupper():
        out = out[:1].upper() + out[1:]
    change = "; ".join(f"'{text[e.start : e.end]}' → '{e.new}'" for e in ordered)
    return out, change


def rewrite(kind: str, claim: Claim, edits: Sequence[Edit]) -> list[Rewrite]:
    """The claim with ``edits`` made, as a one-element list; empty when nothing changed."""
    text, change = apply(claim.text, edits)
    return [Rewrite(kind, claim.id, text, change)] if text != claim.text else []


def tidy(text: str) -> str:
    """Repair what dropping words leaves: doubled spaces, commas around nothing, a comma
    before a full stop or a bracket."""
    text = re.sub(r" {2,}", " ", text)
    text = text.replace(", ,", "")  # a parenthetical dropped whole: "X, presumably, Y"
    text = re.sub(r" +([,.;:!?)])", r"\1", text)
    text = re.sub(r"\( +", "(", text)
    text = re.sub(r"[,;:]+(?=[,.;:!?)])", "", text)
    return text.lstrip(" ,;:")


def cased(new: str, old: str) -> str:
    """``new`` in the case of ``old``: "IBM"-style capitals, a capital initial, or as is."""
    if len(old) > 1 and old.isupper() and len(new.split()) == 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def figures(text: str) -> list[Figure]:
    """Figures outside quotations; "one" alone and scale words ("million") are not figures."""
    inside = [(s, e) for s, e, _ in quoted(text)]
    found = [
        Figure(m.start(), m.end(), float(m.group().replace(",", "")), False)
        for m in _DIGITS.finditer(text)
    ]
    for m in _spelled().finditer(text):
        value = sum(_number_words()[w] for w in re.split(r"[- ]", m.group().lower()))
        if m.group().lower() != "one":
            found.append(Figure(m.start(), m.end(), value, True))
    return sorted(
        (f for f in found if not any(s <= f.start < e for s, e in inside)), key=lambda f: f.start
    )


def spell(n: float) -> str | None:
    """Number words for a whole number below 100 ("forty-five"); None for others."""
    if n != int(n) or not 0 <= n < 100:
        return None
    names = {int(v): w for w, v in _number_words().items()}
    if n < 20 or n % 10 == 0:
        return names[int(n)]
    return f"{names[int(n) // 10 * 10]}-{names[int(n) % 10]}"


@cache
def _number_words() -> dict[str, float]:
    table = lexicon.table("number_words")
    return {w: float(v) for w, v in table.items() if w not in _SCALES}


@cache
def _spelled() -> re.Pattern[str]:
    words = _number_words()
    tens = "|".join(w for w, v in words.items() if v >= 20)
    units = "|".join(w for w, v in words.items() if 0 < v < 10)
    small = "|".join(w for w, v in words.items() if v < 20)
    return re.compile(rf"\b(?:(?:{tens})(?:[- ](?:{units}))?|{small})\b", re.IGNORECASE)
