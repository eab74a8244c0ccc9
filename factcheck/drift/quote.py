"""quote: words inside quotation marks that the source's quote does not have.

Why: a quotation promises the speaker's exact words; a reworded or invented quote puts words
in someone's mouth.

PASS  source '"We welcome and expect more organizations to join"'  rewrite '"more organizations to join"'
FAIL  source '"We welcome and expect more organizations to join"'  rewrite '"We expect many more companies to join"'

A quoted passage passes when its words appear, in order, in a quote of the source or in a claim
(scare quotes around the report's own words), or in a source quote with a few words left out
at a time (not a negation: leaving out "not" changes the quote). Editorial brackets ("[M]ore") are ignored.
Limits: single quotation marks are not read as quotes (they double as apostrophes).
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from .. import lexicon
from ..text import quote_key
from . import Drift, Pair

ID = "quote"
SEVERITY = "error"
SIMILAR = 60  # partial_ratio at which a quote is a changed version of a source quote
GAP = 3  # words a rewrite may leave out of a quotation at one place


def check(pair: Pair) -> Iterator[Drift]:
    for start, end, inner in pair.sentence.quotes:
        key = quote_key(inner)
        if not key or _said(key, pair):
            continue
        best = max(pair.source.quotes, key=lambda q: fuzz.partial_ratio(key, q), default=None)
        if best is not None and fuzz.partial_ratio(key, best) >= SIMILAR:
            yield Drift(
                ID, best, inner, start, end, "the quotation's words differ from the source's"
            )
        else:
            yield Drift(ID, None, inner, start, end, "quoted words that no quote in the source has")


def _said(key: str, pair: Pair) -> bool:
    padded = f" {key} "
    if any(padded in f" {q} " or _elided(key, q) for q in pair.source.quotes):
        return True
    return any(padded in f" {text} " for text in pair.source.texts)


def _elided(key: str, quote: str) -> bool:
    """True when the words of ``key`` are those of ``quote`` in order with a few left out (at
    most GAP at a time, never a negation): "strong indications of life within a decade" for
    "strong indications of life beyond Earth within a decade"."""
    words, source = key.split(), quote.split()
    negations = lexicon.words("negations")
    for start in (i for i, w in enumerate(source) if w == words[0]):
        j, ok = start, True
        for w in words[1:]:
            gap = source[j + 1 : j + 2 + GAP]
            if w not in gap:
                ok = False
                break
            skipped = gap[: gap.index(w)]
            if any(s in negations for s in skipped):
                ok = False
                break
            j += 1 + gap.index(w)
        if ok:
            return True
    return False
