"""quote: words inside quotation marks that the source's quote does not have.

Why: a quotation promises the speaker's exact words; a reworded or invented quote puts words
in someone's mouth.

PASS  source '"We welcome and expect more organizations to join"'  rewrite '"more organizations to join"'
FAIL  source '"We welcome and expect more organizations to join"'  rewrite '"We expect many more companies to join"'

A quoted passage passes when its words appear, in order, in a quote of the source or in a claim
(scare quotes around the report's own words), or in a source quote with a few words left out
at a time (not a negation: leaving out "not" changes the quote), or when it is a title or term
of a few words, each of them the report's ("the movie "Metropolis""). Editorial brackets
("[M]ore") are ignored.
Limits: single quotation marks are not read as quotes (they double as apostrophes).
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz, process

from .. import lexicon
from ..align import Unit
from ..text import quote_key
from . import Drift, Pair, Source

ID = "quote"
SEVERITY = "error"
SIMILAR = 60  # partial_ratio at which a quote is a changed version of a source quote
GAP = 3  # words a rewrite may leave out of a quotation at one place
TERM = 3  # words at most of a quoted title or term ("Metropolis", "shop assistant")


def check(pair: Pair) -> Iterator[Drift]:
    yield from _checked(pair.sentence, pair.source)


_last: list[tuple[Unit, Source, tuple[Drift, ...]]] = []  # (sentence, source, its drifts)


def _checked(sentence: Unit, source: Source) -> tuple[Drift, ...]:
    """The quote drifts of ``sentence``, which are the same for every claim it is paired with:
    kept for the last sentence checked, since compare checks a sentence's pairs in a row."""
    for unit, against, found in _last:
        if unit is sentence and against is source:
            return found
    found = tuple(_drifts(sentence, source))
    _last[:] = [(sentence, source, found)]
    return found


def _drifts(sentence: Unit, source: Source) -> Iterator[Drift]:
    for start, end, inner in sentence.quotes:
        key = quote_key(inner)
        if not key or _said(key, source) or _term(key, source):
            continue
        # the first quote of the highest partial_ratio, if that reaches SIMILAR (as max() would)
        best = process.extractOne(
            key, source.quotes, scorer=fuzz.partial_ratio, score_cutoff=SIMILAR
        )
        if best is not None:
            yield Drift(
                ID, best[0], inner, start, end, "the quotation's words differ from the source's"
            )
        else:
            yield Drift(ID, None, inner, start, end, "quoted words that no quote in the source has")


def _said(key: str, source: Source) -> bool:
    """True when a quote or a claim has the words of ``key`` in a row, or a quote has them with
    a few left out (``_elided``). Either needs every word of ``key``: only the passages with
    its rarest word are read."""
    padded, words = f" {key} ", set(key.split())
    if any(padded in f" {q} " or _elided(key, q) for q in source.quoted.holding(words)):
        return True
    return any(padded in f" {text} " for text in source.claimed.holding(words))


def _term(key: str, source: Source) -> bool:
    """True when ``key`` is a title, a term or a scare quote the report uses, quoted or not: a
    few words, each of them the report's ("the movie "Metropolis"", "guess "masseuse"" where
    the report has "A masseuse!"). Quotation marks around them name a thing; they do not put
    words in anyone's mouth."""
    words = key.split()
    return len(words) <= TERM and all(w in source.keys for w in words)


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
