"""Report text → claims: main-text detection, claim units, speakers, key marks, stable ids.

Main text: a page's lines are its blocks. Everything from a stop marker on ("Recommended
Stories", "Made with", lexicon/stop_markers.txt) once the body began is page furniture (a marker
above the body, "Sign up for our newsletter", is furniture of its own), as are lines matching
lexicon/clutter.txt (bylines, image credits, view counters) and short lines with no sentence
punctuation (section headings, author names).

Claims: each body sentence that asserts something (not a question, at least four words, some
of them content words, or three with a figure: "She was 86."), cut at semicolons into separate claims where the part after the
semicolon stands alone: not inside a quotation or brackets, not opening with a verb. Ids are
``c001``, ``c002``… in report order. A claim is ``key`` when it is in the lede (the first five
claims), carries a figure, quotes someone by name, or names three or more actors: what a
faithful rewrite should keep.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from . import lexicon
from .align import Unit, tokenized_claim_units
from .claims import Claim, ClaimSet
from .credit import credit
from .errors import require_unicode
from .text import Sentence, Token, cut, line_col, lower_words, segment, tokenize

MIN_WORDS = 4
LEDE = 5  # the first claims: who did what, which a rewrite must keep
HEADING_WORDS = 8
LONGEST = 2000  # tokens: a longer sentence is checked as consecutive pieces of at most this
# many, each a sentence of its own (its findings quote the piece; words a cut parts, as in "5 |
# million", are read apart). Real sentences are far shorter: 115 words at most in the benchmark
# data, 720 tokens where a page glues sentences without a space after the stop. The bound keeps
# what one sentence costs, and the text each of its findings repeats, from growing with the
# square of its length.


def main_text(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each block of the page that is body text, in order."""
    return tuple((m.start(), m.end()) for m in _lines(text) if _is_body(m.group().strip()))


def _lines(text: str) -> Iterator[re.Match[str]]:
    """The page's lines up to the first stop marker ("Recommended Stories") after the body
    began: a marker above the body ("Sign up for our newsletter") is furniture of its own."""
    began = False
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        low = line.lower()
        if any(low.startswith(marker) for marker in lexicon.entries("stop_markers")):
            if began:
                return
            continue
        began = began or _is_body(line)
        yield m


def _is_body(line: str) -> bool:
    return not any(p.search(line) for p in _clutter()) and not _is_heading(line)


@cache
def _clutter() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in lexicon.entries("clutter"))


def _is_heading(line: str) -> bool:
    return len(line.split()) < HEADING_WORDS and not re.search(r"[.!?:\"”]$", line)


def body_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of the main text, numbered in order; one of more than LONGEST tokens is cut
    into pieces of at most LONGEST tokens, each a sentence."""
    found = [
        piece
        for start, end in main_text(text)
        for sentence in segment(text, start, end)
        for piece in cut(text, sentence, LONGEST)
    ]
    return tuple(Sentence(i, s.start, s.end, s.text) for i, s in enumerate(found))


def asserts(sentence: str, tokens: tuple[Token, ...]) -> bool:
    """True for a sentence that states something checkable (not a question, not a fragment),
    from its text and its tokens."""
    if sentence.rstrip(" .\"'”’)").endswith("?"):
        return False
    words = len([t for t in tokens if t.kind != "symbol"])
    if any(t.kind == "number" for t in tokens):
        return words >= MIN_WORDS - 1  # "She was 86.": a figure is checkable however short
    return words >= MIN_WORDS and sum(t.content for t in tokens) >= 2


def extract(text: str, source: str | None = None, original: str | None = None) -> ClaimSet:
    """The claims of a report, ready for review, with their analysis (``ClaimSet.analysis``)
    made as they were found; ``InputError`` for text that is not valid Unicode. ``original``
    is the file as written when ``text`` is it prepared (``inputs.prepare``: markup blanked,
    every offset kept): each claim's line is its line there, and its words are those of the
    prose, the blanks a tag left between them closed up."""
    require_unicode(text, source or "-")
    sentences = body_sentences(text)
    if original is not None:
        sentences = tuple(replace(s, text=" ".join(s.text.split())) for s in sentences)
    tokens = [tokenize(s.text) for s in sentences]
    pieces = list(_pieces(original or text, sentences, tokens))
    units = tokenized_claim_units([(piece, tokens) for piece, _, tokens in pieces])
    claims = []
    speaker = None
    for n, ((piece, line, _), unit) in enumerate(zip(pieces, units, strict=True), start=1):
        speaker = _speaker(unit, speaker)
        quoted = bool(unit.quotes) and speaker is not None
        key = (
            n <= LEDE
            or bool(unit.quantities)
            or quoted
            or len({e.text for e in unit.entities if e.keys}) >= 3
        )
        claims.append(Claim(f"c{n:03d}", piece, line, key, speaker if unit.quotes else None))
    words = _words(text, sentences, tokens)
    return ClaimSet(tuple(claims), source=source, words=words).analysed(units)


def _words(
    text: str, sentences: Sequence[Sentence], tokens: Sequence[tuple[Token, ...]]
) -> frozenset[str]:
    """The lower-case words of every line up to the stop marker: a body line's are those of
    the tokens of its sentences, which are all of it but white space; a line of page furniture
    is read here, as is a line with a sentence cut where no space was (its first word read
    apart from the word before)."""
    words: set[str] = set()
    k = 0
    for m in _lines(text):
        first = k
        while k < len(sentences) and sentences[k].start < m.end():
            k += 1
        starts = [sentences[i].start for i in range(first, k)]
        if starts and all(s == m.start() or text[s - 1].isspace() for s in starts):
            words.update(t.lower for i in range(first, k) for t in tokens[i])
        else:
            words.update(lower_words(m.group()))
    return frozenset(words)


def _pieces(
    text: str, sentences: Sequence[Sentence], sentence_tokens: Sequence[tuple[Token, ...]]
) -> Iterator[tuple[str, int, tuple[Token, ...]]]:
    """Each claim's text, line (in ``text``, where its sentence starts) and tokens: a body
    sentence that asserts something, or each of its clauses (``clauses``) that does."""
    for sentence, tokens in zip(sentences, sentence_tokens, strict=True):
        if not asserts(sentence.text, tokens):
            continue
        line, _ = line_col(text, sentence.start)
        parts = clauses(sentence.text)
        if parts == [sentence.text.strip()]:
            yield sentence.text, line, tokens
            continue
        for part in parts:
            tokens = tokenize(part)
            if asserts(part, tokens):
                yield part, line, tokens


def clauses(sentence: str) -> list[str]:
    """The parts of a sentence between semicolons that stand alone: a part that opens with a
    verb has no subject of its own ("…; joined McLaren in 2010") and stays with the part
    before, as does one after a semicolon inside a quotation or brackets."""
    parts: list[str] = []
    start = 0
    for m in re.finditer(r";\s+", sentence):
        before, after = sentence[start : m.start()], sentence[m.end() :]
        if _enclosed(sentence[: m.start()]) or _opens_with_verb(after):
            continue
        parts.append(before.strip())
        start = m.end()
    return [*parts, sentence[start:].strip()]


def _enclosed(before: str) -> bool:
    """True when a quotation or a bracket opened in ``before`` is still open."""
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    return straight or curly or before.count("(") > before.count(")")


def _opens_with_verb(part: str) -> bool:
    """True when ``part`` starts with a lower-case verb: an auxiliary ("was", "will"), an
    irregular form ("took") or a regular past ("joined"); where a subject would stand."""
    first = re.match(r"[a-z]+", part)
    if not first:
        return False
    word = first.group()
    return word in _verbs() or (word.endswith("ed") and len(word) > 4)


@cache
def _verbs() -> frozenset[str]:
    """Auxiliaries and irregular verb forms (lexicon/auxiliaries.txt, irregular_verbs.txt)."""
    auxiliaries = lexicon.table("auxiliaries")
    return frozenset(auxiliaries) | frozenset(lexicon.table("irregular_verbs"))


_PRONOUN = re.compile(r"\b(?:he|she)\s+(?:said|added|says|told|wrote)\b", re.IGNORECASE)


def _speaker(unit: Unit, previous: str | None) -> str | None:
    """Who a sentence quotes: a name in the words that credit it (credit.py; a full name
    first), "the release" for a release's words; the previous speaker for "he added" or a quote
    that carries on."""
    if _PRONOUN.search(unit.text):
        return previous
    said = credit(unit)
    if said.group is None:
        return previous if unit.text.lstrip().startswith(('"', "“")) else None
    names = [  # the names in the words that credit it, outside quotations
        e
        for e in unit.entities
        if e.keys
        and said.start <= e.start
        and e.end <= said.end
        and not any(a <= e.start < b for a, b, _ in unit.quotes)
    ]
    if not names:
        return "the release" if "release" in unit.text.lower() else previous
    full = [e for e in names if " " in e.text.strip()]
    return (full or names)[0].text
