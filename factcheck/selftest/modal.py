"""Independent hedge corruptions, from the self-test's own modals.txt rather than the hedge
check's lexicon:

- ``modal-dropped``: every modal or hedging construction of a claim written in its plain form
  ("could fail" → "will fail", "is expected to open" → "will open", "Perhaps X" → "X");
- ``modal-added``: a claim with none made a guess at its first plain verb ("will" → "might",
  "is" → "is believed to be", "has" → "may have"), or else opened with a hedge ("Apparently,
  X"); the construction taken from the table in turn, claim by claim.

Where English agreement needs it, "are …" goes after a plural subject and "is …" elsewhere.
"""

from __future__ import annotations

import re
from functools import cache

from .edit import Edit, Rewrite, cased, rewrite
from .reading import Source, data, outside, quotations

_QUOTE_MARKS = "\"“'‘"
_PLURAL = ("they", "we", "you", "i")


@cache
def table() -> tuple[tuple[str, str], ...]:
    """(hedged, plain) pairs of modals.txt."""
    return tuple((h, p) for h, _, p in (line.partition("\t") for line in data("modals")))


@cache
def _pattern(phrase: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())
    return re.compile(rf"(?<![\w'’-]){body}(?![\w'’-])", re.IGNORECASE)


def constructions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, hedged form) of each construction outside quotations, the longest first
    where two overlap; a capital mid-sentence is a name ("May"), not a modal."""
    quotes, taken = quotations(text), list[tuple[int, int, str]]()
    for hedged in sorted({h for h, _ in table()}, key=len, reverse=True):
        for m in _pattern(hedged).finditer(text):
            free = all(m.end() <= s or e <= m.start() for s, e, _ in taken)
            lower = m.start() == 0 or m.group()[0].islower()
            if free and lower and outside(quotes, m.start()):
                taken.append((m.start(), m.end(), hedged))
    return sorted(taken)


def modal_dropped(source: Source) -> list[Rewrite]:
    return [r for i in range(len(source.claims)) for r in _dropped(source, i)]


def _dropped(source: Source, i: int) -> list[Rewrite]:
    claim = source.claims[i]
    edits = [
        Edit(s, e, cased(_plain(claim.text, s, h), claim.text[s:e]))
        for s, e, h in constructions(claim.text)
    ]
    return rewrite("modal-dropped", claim, edits)


def _plain(text: str, start: int, hedged: str) -> str:
    """The plain form of ``hedged`` that agrees with the subject before ``start``: "may be
    closed" → "is closed" after "The bridge", "are closed" after "The bridges"."""
    forms = [p for h, p in table() if h == hedged]
    unfit = _UNFIT[_plural(text, start)]
    return next((f for f in forms if f not in unfit), forms[0])


_UNFIT = {True: ("is", "was", "has"), False: ("are", "were", "have")}


def modal_added(source: Source) -> list[Rewrite]:
    return [r for i in range(len(source.claims)) for r in _added(source, i)]


def _added(source: Source, i: int) -> list[Rewrite]:
    claim = source.claims[i]
    text = claim.text
    if constructions(text):
        return []
    verb = _plain_verb(text)
    if verb is not None:
        start, end = verb
        options = _agreeing(text, start, [h for h, p in table() if p == text[start:end]])
        return rewrite("modal-added", claim, [Edit(start, end, options[i % len(options)])])
    if not text or text[0] in _QUOTE_MARKS:
        return []
    opener = [h for h, p in table() if not p][i % sum(1 for _, p in table() if not p)]
    first = text if _named_first(source, i) else text[:1].lower() + text[1:]
    joint = ", " if " " not in opener else " "
    new = f"{opener[:1].upper()}{opener[1:]}{joint}{first}"
    return [Rewrite("modal-added", claim.id, new, f"'' → '{opener}'")]


def _plain_verb(text: str) -> tuple[int, int] | None:
    """The first plain verb a table entry hedges, outside quotations and not negated."""
    quotes = quotations(text)
    forms = "|".join(sorted({p for _, p in table() if p}))
    for m in re.finditer(rf"(?<![\w'’-])(?:{forms})(?![\w'’-])", text):
        after, before = text[m.end() : m.end() + 5], text[: m.start()]
        negated = after.startswith((" not", "n't", "n’t"))
        if outside(quotes, m.start()) and not negated and not before.endswith("to "):
            return m.span()
    return None


def _agreeing(text: str, start: int, options: list[str]) -> list[str]:
    """Options for "will": "are …" after a plural subject, "is …" after another."""
    unfit = "is " if _plural(text, start) else "are "
    return [o for o in options if not o.startswith(unfit)]


def _plural(text: str, start: int) -> bool:
    """True when the word before ``start`` is a plural subject ("they", "the talks")."""
    before = text[:start].split()
    last = before[-1].lower() if before else ""
    return last in _PLURAL or (last.endswith("s") and not last.endswith(("ss", "'s", "’s")))


def _named_first(source: Source, i: int) -> bool:
    """True when the claim's first word keeps its capital after a hedge: a name, "I", or a
    word the report never writes in lower case and that is no contraction ("They'll")."""
    text = source.claims[i].text
    first = text.split(" ", 1)[0]
    if any(n.start == 0 for n in source.names[i]) or re.match(r"I\b", text):
        return True
    return first.lower() not in source.lower and not re.search(r"['’](?:ll|re|ve|d)$", first)
