"""Lossless text handling: sentences and tokens with character offsets, and comparison keys.

Normalisation never replaces the text a user sees: a Token keeps its (start, end) in the original
string and carries a separate ``key`` used only for comparison (lower case, British spellings
folded to American, contractions expanded, a light suffix stem).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from . import lexicon


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """A word, number, symbol or placeholder ("UNK", "XXX": a word left out). ``lower`` is the
    folded surface form, ``key`` its stem;
    ``content`` is true for numbers and for words that carry meaning (not stopwords). A tuple:
    a text makes thousands of them, once, and every stage after reads them."""

    text: str
    start: int
    end: int
    lower: str
    key: str
    kind: str  # "word" | "number" | "symbol" | "placeholder"
    content: bool = False


@dataclass(frozen=True)
class Document:
    """A text and its sentences; line and column are derived from offsets on demand."""

    text: str
    sentences: tuple[Sentence, ...]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        return line_col(self.text, offset)


@lru_cache(maxsize=4)
def line_starts(text: str) -> tuple[int, ...]:
    """The offset where each line of ``text`` begins. Kept for the last few texts, so that
    finding after finding is placed by bisection, not by counting lines from the start."""
    return (0, *(m.end() for m in re.finditer("\n", text)))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset of ``text``."""
    starts = line_starts(text)
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column of ``text``."""
    return line_starts(text)[line - 1] + column - 1


_TOKEN = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<initials>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<symbol>[$€£¥%])"
)
_CONTRACTIONS = {
    "n't": "not",
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
    "'d": "would",
    "'m": "am",
}
_IRREGULAR = {"won't": ("will", "not"), "can't": ("can", "not"), "shan't": ("shall", "not")}
_BOUNDARY = re.compile(
    # "… end. Next" (cased text); tried only from the first stop of a run, so a run of stops
    # that ends no sentence is read once, not again from each of its stops
    r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9])"
    r"|(?<=\s)[.!?](?=\s+\S)"  # "… end . next" (tokenised text, any case)
)
_NOT_SPACE = re.compile(r"\S")


@cache
def _run_on() -> re.Pattern[str]:
    """A sentence glued to the next without a stop: "… a caption The next …"
    (lexicon/run_on_openers.txt)."""
    words = "|".join(sorted(w.capitalize() for w in lexicon.words("run_on_openers")))
    return re.compile(rf"(?<=[a-z0-9%])(?= (?:{words}) [a-z])")


# ANSI escape sequences (CSI "ESC [ … m" or the one-byte CSI; OSC "ESC ] … BEL", only when
# terminated, so that an open one cannot swallow the rest of a line; two-character escapes),
# then control characters: C0 but tab and line feed, DEL, C1
_CONTROLS = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def inert(text: str) -> str:
    """``text`` from a document, a path or a claims file, safe to print to a terminal or a CI
    log: escape sequences and control characters (but tab and line feed) removed, so a
    rewrite cannot recolour, retitle or rewrite the screen of whoever reads the findings."""
    return _CONTROLS.sub("", text)


def blank_controls(text: str) -> str:
    """``text`` with each escape sequence and control character made spaces, the length kept:
    "\x1b[31m" is no figure "31", and no word is split or joined by a control character."""
    return _CONTROLS.sub(lambda m: " " * len(m.group()), text)


def fold(text: str) -> str:
    """Lower case with typographic quotes, apostrophes and dashes made plain."""
    return text.lower().translate(_FOLD)


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text``; offsets are shifted by ``offset`` so they point into a larger text."""
    out: list[Token] = []
    append, new = out.append, tuple.__new__
    for m in _TOKEN.finditer(text):
        start = m.start() + offset
        for surface, lower, key, kind, content in _read(text, m):
            append(new(Token, (surface, start, start + len(surface), lower, key, kind, content)))
    return tuple(out)


def lower_words(text: str) -> set[str]:
    """The ``lower`` form of every token of ``text``, without making the tokens."""
    return {form[1] for m in _TOKEN.finditer(text) for form in _read(text, m)}


def _read(text: str, m: re.Match[str]) -> tuple[_Form, ...]:
    """What a token match of ``text`` says."""
    start = m.start()
    if start and m.lastgroup == "word" and text[start - 1] in "'’":
        return _after_apostrophe(m.group())
    return _forms(m.group(), m.lastgroup or "")


_Form = tuple[str, str, str, str, bool]  # surface, lower, key, kind, content


@lru_cache(maxsize=1 << 16)
def _forms(surface: str, group: str) -> tuple[_Form, ...]:
    """What a token's surface says, by the group of _TOKEN it matched: one form, or two for a
    contraction ("isn't": "is", "not"). Words recur, so each surface is read once, and its
    tokens share one copy of it."""
    if group == "number":
        value = surface.replace(",", "")
        return ((surface, value, value, "number", True),)
    if group == "initials":  # "U.K.", "e.g.": one word, compared without dots
        lower = fold(surface).replace(".", "")
        return ((surface, lower, lower, "word", lower not in _stopwords() and len(lower) > 1),)
    if group == "symbol":
        return ((surface, surface, surface, "symbol", False),)
    return _word_forms(surface, fold(surface))


def _after_apostrophe(surface: str) -> tuple[_Form, ...]:
    """A word right after an apostrophe: tokenised text's "you 're", "we 've"."""
    folded = fold(surface)
    if folded not in _placeholders() and "'" + folded in _CONTRACTIONS:
        folded = _CONTRACTIONS["'" + folded]
    return _word_forms(surface, folded)


def _word_forms(surface: str, folded: str) -> tuple[_Form, ...]:
    if folded in _placeholders():  # "UNK", "$XXX": a word left out, never a claim
        return ((surface, folded, folded, "placeholder", False),)
    return tuple((surface, *_word(lower)) for lower in _expand(folded))


def _word(lower: str) -> tuple[str, str, str, bool]:
    return (lower, word_key(lower), "word", len(lower) > 1 and lower not in _stopwords())


def _expand(word: str) -> tuple[str, ...]:
    if "'" not in word:
        return (word,)
    if word == "n't":  # tokenised text: "did n't"
        return ("not",)
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, full in _CONTRACTIONS.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)], full)
    if word.endswith("'s"):
        return (word[:-2],)
    return (word.replace("'", ""),)


@cache
def word_key(lower: str) -> str:
    """The comparison key of a lower-case word: an irregular verb form made its base ("lost"
    → "lose"), stemmed, then British spelling folded."""
    stem = _stem(_irregular().get(lower, lower))
    return _spelling().get(stem, stem)


def _stem(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed", "ly"):
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        if len(base) >= 4:
            word = base
        elif suffix != "ly" and len(base) == 3 and any(c in "aeiouy" for c in base):
            # "taking" → "take", "lived" → "live", "freed" → "free", "aimed" → "aim", "flying"
            # → "fly"; "string" stays
            word = base + "e" if _lost_e(base) else base
        break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _lost_e(base: str) -> bool:
    """A three-letter stem that lost a final e: consonant, vowel, consonant ("tak", "liv"), or
    consonant and e ("fre" of "freed"; not "see" of "seeing")."""
    vowels = "aeiou"
    if base[2] == "e":
        return base[1] not in vowels
    return base[0] not in vowels and base[1] in vowels and base[2] not in vowels + "wxy"


@cache
def _spelling() -> dict[str, str]:
    return {_stem(uk): _stem(us) for uk, us in lexicon.table("spelling").items()}


@cache
def _irregular() -> dict[str, str]:
    return lexicon.table("irregular_verbs")


@cache
def _placeholders() -> frozenset[str]:
    return lexicon.words("placeholders")


@cache
def _stopwords() -> frozenset[str]:
    return lexicon.words("stopwords")


def segment(text: str, start: int = 0, end: int | None = None) -> tuple[Sentence, ...]:
    """Split ``text[start:end]`` into sentences at line breaks and sentence-final punctuation.

    A boundary after a known abbreviation ("U.S.", "Dr.") or a single initial is not a boundary;
    under-splitting is preferred, because alignment also tries pairs of adjacent sentences. One
    boundary has no stop: a capitalised "The", "He"… followed by a lower-case word mid-line
    (lexicon/run_on_openers.txt), where captions and transcripts run sentences together; it
    also splits the rare "a film called The best years", which alignment joins back.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        cut = line_start
        bounds = [*_BOUNDARY.finditer(line.group()), *_run_on().finditer(line.group())]
        for b in sorted(bounds, key=lambda b: b.start()):
            stop = line_start + b.end()
            if not _is_abbreviation(text, line_start + b.start()):
                spans.append((cut, stop))
                cut = stop
        spans.append((cut, line_start + len(line.group())))
    sentences: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            sentences.append(Sentence(len(sentences), s, e, text[s:e]))
    return tuple(sentences)


def cut(text: str, sentence: Sentence, words: int) -> tuple[Sentence, ...]:
    """``sentence`` of ``text`` as consecutive pieces of at most ``words`` tokens each: a
    sentence too long to check whole is checked a piece at a time. Each cut falls before the
    last token within reach that follows white space, so "7%" or "U.S." stays whole; text
    without white space is cut between tokens."""
    if sentence.end - sentence.start <= words:  # a token is a character at least
        return (sentence,)
    starts = [m.start() for m in _TOKEN.finditer(text, sentence.start, sentence.end)]
    bounds = [sentence.start]
    first = 0  # the token the current piece starts with
    while first + words < len(starts):
        spaced = (k for k in range(first + words, first, -1) if text[starts[k] - 1].isspace())
        first = next(spaced, first + words)
        bounds.append(starts[first])
    if len(bounds) == 1:
        return (sentence,)
    bounds.append(sentence.end)
    pieces = []
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        piece = text[start:end].rstrip()
        pieces.append(Sentence(sentence.index, start, start + len(piece), piece))
    return tuple(pieces)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    begin = dot
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].lower()
    if len(word) == 1 and word.isalpha() and text[begin].isupper():
        return True
    if word in lexicon.words("number_abbreviations"):
        return next_char(text, dot + 1).isdigit()  # "No. 5", but "… say no. The"
    return word in lexicon.words("abbreviations") or word.rstrip(".") in lexicon.words(
        "abbreviations"
    )


def next_char(text: str, offset: int) -> str:
    """The first character of ``text`` from ``offset`` on that is not white space ("" if none),
    found without copying the rest of the text."""
    found = _NOT_SPACE.search(text, offset)
    return found.group() if found else ""


def document(text: str) -> Document:
    return Document(text, segment(text))


# a quotation ends at its line's end; a curly one also where another opens, so that a line of
# opening marks without a closing one is read once, not from each mark to the end of the line
_QUOTE = re.compile(r"\"([^\"\n]{2,}?)\"|“([^“”\n]{2,}?)”")


def quoted(text: str, offset: int = 0) -> tuple[tuple[int, int, str], ...]:
    """(start, end, inner text) of each double-quoted passage; offsets shifted by ``offset``.
    Of two opening marks before one closing mark (“a “b”), the second opens the quote."""
    out = []
    for m in _QUOTE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        out.append((m.start(group) + offset, m.end(group) + offset, m.group(group)))
    return tuple(out)


def quote_key(text: str) -> str:
    """Comparison form of quoted words: keys (so "utilise" is "utilize"), editorial brackets
    and punctuation dropped."""
    return " ".join(t.key for t in tokenize(text.replace("[", "").replace("]", "")))
