"""Quantities in text: digits or number words, with scale, unit and approximation.

"forty-five" and "45" are the same value; "80 percent", "80 per cent" and "80%" the same unit;
"$1.2 billion" and "1.2bn dollars" the same amount; "30-day" and "one-year" are spans of time
with their unit; "third" and "3rd" ordinals. "around 45" carries the approximation class
``approx`` (as do "nearly", "almost"); "more than 70" and "70 or more" ``over``; "up to 3"
``under`` (classes in lexicon/approximations.txt and approximations_after.txt).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .text import Token

_CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥"}
_CURRENCY_WORDS = {"dollar": "$", "euro": "€", "pound": "£", "yen": "¥"}
_LOOSE = {
    None,
    "$",
    "€",
    "£",
    "¥",
}  # units a bare figure may stand for ("5 million" for "$5 million")
_SUFFIXES = {"k", "m", "bn", "tn"}  # scales written onto the digits: "22.6M", "3bn"
_SCALES = _SUFFIXES | {"hundred", "thousand", "million", "billion", "trillion"}
_TIME = {"second", "minut", "hour", "day", "week", "month", "year", "decad", "century"}  # keys
_CLOCK = {"am", "pm"}  # "7 am" is the time "7am"
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
ORDINAL = "ordinal"  # the unit of "third" and "3rd"
_SMALL_WORDS_ALONE = {"one", "two"}  # too often not figures ("one of", "the two companies")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None  # "%", "$", ... or None
    approx: str | None  # "approx" | "over" | "under" | None
    start: int
    end: int
    text: str

    def comparable(self, other: Quantity) -> bool:
        """True when the two measure the same kind of thing: one unit, two spans of time, or
        two counts or sums ("5 million" may be "$5 million"); an ordinal only with an ordinal."""
        if self.unit == other.unit:
            return True
        if self.unit in _TIME and other.unit in _TIME:
            return True
        return self.unit in _LOOSE and other.unit in _LOOSE

    def same_value(self, other: Quantity) -> bool:
        if self.unit and other.unit and self.unit != other.unit:
            return False
        if self.unit != other.unit and (self.unit not in _LOOSE or other.unit not in _LOOSE):
            return False  # "30%" is a share, "Q3" a label, "30" a count
        return abs(self.value - other.value) <= 1e-9 * max(1.0, abs(self.value))


@cache
def _ordinals() -> dict[str, float]:
    return {w: float(v) for w, v in lexicon.table("ordinals").items()}


@cache
def _starts() -> frozenset[str]:
    """The words a figure can start with: number words, ordinals, "dozen"."""
    return frozenset(_number_words()) | frozenset(_ordinals()) | {"dozen"}


@cache
def _number_words() -> dict[str, float]:
    return {w: float(v) for w, v in lexicon.table("number_words").items()}


def quantities(tokens: Sequence[Token], text: str, offset: int = 0) -> tuple[Quantity, ...]:
    """Every quantity among ``tokens``; ``text`` is the string their offsets point into,
    shifted by ``offset``."""
    out: list[Quantity] = []
    starts = _starts()
    i = 0
    while i < len(tokens):
        if tokens[i].kind != "number" and tokens[i].lower not in starts:
            i += 1  # neither digits nor a number word nor an ordinal: no figure starts here
            continue
        value, j = _value(tokens, i)
        if value is None:
            i += 1
            continue
        first, last = i, j - 1
        unit = None
        if first > 0 and tokens[first - 1].lower in _CURRENCY_SYMBOLS:
            first -= 1
            unit = _CURRENCY_SYMBOLS[tokens[first].lower]
        unit, last = _unit_after(tokens, last, unit)
        unit, first, last = _glued(tokens, first, last, unit)
        if tokens[i].lower in _ordinals():
            unit = ORDINAL
        approx, first = _approximation(tokens, first)
        if approx is None:
            approx, last = _approximation_after(tokens, last)
        start, end = tokens[first].start, tokens[last].end
        out.append(Quantity(value, unit, approx, start, end, text[start - offset : end - offset]))
        i = last + 1
    return tuple(out)


def _value(tokens: Sequence[Token], i: int) -> tuple[float | None, int]:
    """The number starting at token ``i`` and the index after it, digits or words, with scale."""
    words = _number_words()
    tok = tokens[i]
    if tok.kind == "number":
        value, j = float(tok.lower), i + 1
    elif tok.lower in _ordinals():
        if i > 0 and tokens[i - 1].lower in ("a", "an"):
            return None, i  # "a second chance", "waited a second": another, or a moment
        return _ordinals()[tok.lower], i + 1
    elif tok.lower == "dozen" and i > 0 and tokens[i - 1].lower == "a":
        return 12.0, i + 1
    elif tok.lower in words and tok.lower not in _SCALES and tok.lower != "dozen":
        parsed, j = _word_number(tokens, i)
        if parsed is None:
            return None, i
        value = parsed
    else:
        return None, i
    while j < len(tokens) and tokens[j].lower in _SCALES:
        if tokens[j].lower in _SUFFIXES and tokens[j].start != tokens[j - 1].end:
            break  # "5m" is five million; "5 m" is five metres
        value *= words[tokens[j].lower]
        j += 1
    return value, j


def _word_number(tokens: Sequence[Token], i: int) -> tuple[float | None, int]:
    """'forty five', 'one hundred and twenty', 'twenty-one' → value (hyphens are not tokens)."""
    words = _number_words()
    total, current, j = 0.0, 0.0, i
    while j < len(tokens):
        low = tokens[j].lower
        if low == "and" and j > i and j + 1 < len(tokens) and tokens[j + 1].lower in words:
            j += 1
            continue
        if low not in words or low in (
            "k",
            "m",
            "bn",
            "tn",
            "dozen",
            "million",
            "billion",
            "trillion",
        ):
            break
        n = words[low]
        if n == 100:
            current = max(current, 1.0) * 100
        elif n == 1000:
            total += max(current, 1.0) * 1000
            current = 0.0
        else:
            current += n
        j += 1
    # "one-year", "for two weeks"; a sentence that opens "One day …" tells a story
    timed = j < len(tokens) and tokens[j].key in _TIME and i > 0
    if j == i + 1 and tokens[i].lower in _SMALL_WORDS_ALONE and not timed:
        return None, i
    return total + current, j


def _glued(
    tokens: Sequence[Token], first: int, last: int, unit: str | None
) -> tuple[str | None, int, int]:
    """Letters written onto a number make it a label or an ordinal, not a count: "Q3", "F1",
    "31st". The letters become its unit, so "Q3" never equals a plain 3; "31st" and "third"
    share the unit ORDINAL."""
    if (
        first > 0
        and tokens[first - 1].kind == "word"
        and tokens[first - 1].end == tokens[first].start
    ):
        return tokens[first - 1].lower, first - 1, last
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if (
        nxt is not None
        and nxt.kind == "word"
        and nxt.start == tokens[last].end
        and nxt.lower not in _SUFFIXES
    ):
        return (ORDINAL if nxt.lower in _ORDINAL_SUFFIXES else nxt.lower), first, last + 1
    return unit, first, last


def _unit_after(tokens: Sequence[Token], last: int, unit: str | None) -> tuple[str | None, int]:
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is None:
        return unit, last
    if nxt.lower == "%" or nxt.lower == "percent":
        return "%", last + 1
    if nxt.lower == "per" and last + 2 < len(tokens) and tokens[last + 2].lower == "cent":
        return "%", last + 2
    if nxt.lower in _CLOCK and tokens[last].kind == "number" and float(tokens[last].lower) <= 12:
        return nxt.lower, last + 1  # "7 pm", "7 p.m." as "7pm"
    if nxt.key in _TIME and unit is None:
        return nxt.key, last + 1  # "30-day", "two years": a span of time
    if nxt.key in _CURRENCY_WORDS and unit is None:
        return _CURRENCY_WORDS[nxt.key], last + 1
    return unit, last


def _approximation_after(tokens: Sequence[Token], last: int) -> tuple[str | None, int]:
    """The class of words just after token ``last`` ("or more", "plus"), and where they end."""
    classes = lexicon.table("approximations_after")
    for n in (2, 1):
        phrase = " ".join(t.lower for t in tokens[last + 1 : last + 1 + n])
        if len(tokens) > last + n and phrase in classes:
            return classes[phrase], last + n
    return None, last


@cache
def _approximation_ends() -> frozenset[str]:
    """The last word of each phrase of lexicon/approximations.txt."""
    return frozenset(phrase.split()[-1] for phrase in lexicon.table("approximations"))


def _approximation(tokens: Sequence[Token], first: int) -> tuple[str | None, int]:
    """The approximation class of the words just before token ``first``, and where they start."""
    if first == 0 or tokens[first - 1].lower not in _approximation_ends():
        return None, first  # no phrase of the lexicon ends with the word before
    classes = lexicon.table("approximations")
    for n in (3, 2, 1):
        if first - n >= 0:
            phrase = " ".join(t.lower for t in tokens[first - n : first])
            if phrase in classes:
                return classes[phrase], first - n
    return None, first
