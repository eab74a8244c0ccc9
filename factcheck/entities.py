"""Named actors in text: people, organisations, products and places, found by capitalisation.

A name is a run of capitalised words, joined across "of", "on", "for" and "&" ("Partnership on
AI", "University of Tokyo"). A capitalised first word of a sentence only starts a name when the
word is also known as a name elsewhere (``known``), has capitals inside ("IBM", "OpenAI"), or is
followed by another capitalised word ("Sriram Raghavan told…"); when the words after it are a
name by themselves ("Author JK Rowling", "Former US"), the first word is left out of the keys.
A letter alone is no name word (the "Q" of "Q3"), and an acronym's plural is the acronym
("GANs" is "GAN").
Two mentions are the same actor when they share a distinctive word: "the Alliance" is "the AI
Alliance"; "AI" alone is too generic to identify anyone (lexicon/generic_names.txt).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from . import lexicon
from .text import Token, lower_words

_JOINERS = {"of", "on", "for", "&", "de", "del", "van", "von"}


@dataclass(frozen=True)
class Entity:
    text: str
    start: int
    end: int
    keys: frozenset[str]  # distinctive lower-case words; empty for generic names like "AI"


def mentions(
    tokens: Sequence[Token], text: str, known: Collection[str] = (), offset: int = 0
) -> tuple[Entity, ...]:
    """Names among ``tokens`` (one sentence). ``known`` holds lower-case words known to be parts
    of names in the wider document; they also identify names in lower-cased text."""
    out: list[Entity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.text[:1].isupper() or tok.lower in known) or not _starts_name(tokens, i, known):
            i += 1  # a name starts with a capital, or with a word known to be a name's
            continue
        j = i + 1
        while j < len(tokens):
            if _is_name_word(tokens[j], known) and _adjacent(
                text, tokens[j - 1], tokens[j], offset
            ):
                j += 1
            elif _joins(tokens, j, known):
                j += 2
            else:
                break
        start, end = tokens[i].start, tokens[j - 1].end
        first = i + 1 if _by_position(tokens, i, known) and _rest_names(tokens[i + 1 : j]) else i
        words = {_key(t) for t in tokens[first:j] if t.lower not in _JOINERS}
        keys = frozenset(w for w in words if w not in lexicon.words("generic_names"))
        out.append(Entity(text[start - offset : end - offset], start, end, keys))
        i = j
    return tuple(out)


def _key(tok: Token) -> str:
    """A name word's lower-case form; an acronym's plural is the acronym ("GANs": "gan")."""
    return tok.lower[:-1] if _plural_acronym(tok.text) else tok.lower


def _plural_acronym(text: str) -> bool:
    """True for an acronym with a plural "s" ("GANs")."""
    stem = text[:-1]
    return text.endswith("s") and len(stem) > 1 and stem.isalpha() and stem.isupper()


def _joins(tokens: Sequence[Token], j: int, known: Collection[str]) -> bool:
    """'of', 'on', 'for' between two name words ("Partnership on AI"), but not before a day or
    month ("White on Thursday")."""
    if tokens[j].lower not in _JOINERS or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return (
        nxt.text[:1].isupper()
        and _is_name_word(nxt, known)
        and nxt.lower not in lexicon.words("calendar")
    )


def _adjacent(text: str, a: Token, b: Token, offset: int) -> bool:
    """Only spaces between two tokens: a comma or a bracket ends a name."""
    return text[a.end - offset : b.start - offset].strip(" -") == ""


def _is_name_word(tok: Token, known: Collection[str]) -> bool:
    """A word of two letters or more: a letter alone is a pronoun ("I"), an article ("A"), an
    initial read apart from its name, a label ("Plan B") or part of a code ("Q3", "4Q", ":D")."""
    if tok.kind != "word" or len(tok.text) < 2:
        return False
    if tok.text[:1].isupper():
        return True
    return tok.lower in known and tok.lower not in lexicon.words("stopwords")


def _by_position(tokens: Sequence[Token], i: int, known: Collection[str]) -> bool:
    """True when the word at ``i`` may owe its capital to opening the sentence ("Former US
    talk show host", "Author JK Rowling"): it stays in the name's text, and out of its keys
    when the words after it are a name by themselves (``_rest_names``)."""
    tok = tokens[i]
    return _opens(tokens, i) and tok.lower not in known and not _distinctive_case(tok.text)


def _opens(tokens: Sequence[Token], i: int) -> bool:
    """True when the word at ``i`` opens the sentence (after a symbol at most)."""
    return i == 0 or tokens[i - 1].kind == "symbol" and i == 1


def _rest_names(rest: Sequence[Token]) -> bool:
    """True when the words after an opening word are a name by themselves: two words or more
    ("JK Rowling") or an acronym ("US"). "Jordan" alone may be the surname of "Louis Jordan",
    whose first name keeps it apart from "Frank Jordan"."""
    return len(rest) >= 2 or len(rest) == 1 and _acronym(rest[0].text)


def _starts_name(tokens: Sequence[Token], i: int, known: Collection[str]) -> bool:
    tok = tokens[i]
    if not _is_name_word(tok, known):
        return False
    if tok.lower in lexicon.words("stopwords") and "." not in tok.text:
        return False  # "US" may be the pronoun shouted; "U.S." is a name
    if tok.lower in _cues():
        return False
    if _opens(tokens, i) and tok.text[:1].isupper() and not _distinctive_case(tok.text):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        two_words = (
            nxt is not None
            and nxt.text[:1].isupper()
            and nxt.kind == "word"
            and nxt.start == tok.end + 1
        )
        return tok.lower in known or two_words
    return True


@cache
def _cues() -> frozenset[str]:
    """Hedges and negations: "May", "Not" open a sentence, not a name."""
    return lexicon.words("hedges") | lexicon.words("negations")


def _distinctive_case(word: str) -> bool:
    """'IBM', 'OpenAI', 'iPhone': capitals beyond the first letter mark a name anywhere."""
    return any(c.isupper() for c in word[1:])


def knows(tokens: Sequence[Token], known: Collection[str]) -> bool:
    """True when the names among ``tokens`` depend on ``known``: a word of it is in lower case
    there, or opens the sentence (where a capital alone does not make a name)."""
    return any(
        t.lower in known and (i <= 1 or not t.text[:1].isupper()) for i, t in enumerate(tokens)
    )


def name_words(entities: Sequence[Entity]) -> frozenset[str]:
    """All distinctive words of ``entities`` as they are written: the ``known`` set for another
    text. An acronym's plural keyed as the acronym ("LEDs": "led") is no known word: "who led
    the study" names nobody."""
    return frozenset(k for e in entities for k in e.keys & lower_words(e.text))


def named_in(entity: Entity, words: Collection[str]) -> bool:
    """True when every distinctive word of ``entity`` is among ``words``, under its own name or
    an alias ("U.K." where the report says "British"): "Concept Teacher" is not named where only
    "Concept Learner" is."""
    return all(_said(k, words) for k in entity.keys)


@dataclass(frozen=True)
class Names:
    """A report's names, made ready once for what every sentence asks of them (``in_report``,
    ``one_actor``), so that a question costs the same however many names the report has."""

    entities: tuple[Entity, ...]

    @cached_property
    def spelled(self) -> frozenset[str]:
        """Every distinctive word of the names and every name's initials: what an acronym may
        stand for."""
        keys = frozenset(k for n in self.entities for k in n.keys)
        return keys | frozenset(_initials(n.text) for n in self.entities)

    @cached_property
    def _holding(self) -> dict[str, tuple[frozenset[str], ...]]:
        """Each distinctive word → the distinct key sets of the names that have it."""
        found: dict[str, dict[frozenset[str], None]] = {}
        for n in self.entities:
            for k in n.keys:
                found.setdefault(k, {})[n.keys] = None
        return {k: tuple(sets) for k, sets in found.items()}

    def join(self, keys: frozenset[str]) -> bool:
        """True when one name has every word of ``keys``: only names with its rarest word are
        read."""
        if not keys:
            return bool(self.entities)
        return any(keys <= n for n in min((self._holding.get(k, ()) for k in keys), key=len))


def _names(names: Collection[Entity] | Names) -> Names:
    return names if isinstance(names, Names) else Names(tuple(names))


def in_report(entity: Entity, words: Collection[str], names: Collection[Entity] | Names) -> bool:
    """True when a report with lower-case ``words`` and mentions ``names`` names ``entity``. An
    acronym ("U.S.", "WHO") must be one of its names, their initials ("United States") or an
    alias ("U.K." for "British"): the pronoun "us" among its words does not name the United
    States."""
    if not _acronym(entity.text):
        return named_in(entity, words)
    spelled = _names(names).spelled
    return all(k in spelled or _alias_in(k, words) for k in entity.keys)


def _abbreviates(short: Entity, long: Entity) -> bool:
    """True when ``short`` is an acronym of ``long``'s initials: "U.S." of "United States"."""
    return _acronym(short.text) and "".join(sorted(short.keys)) == _initials(long.text)


def _acronym(text: str) -> bool:
    """One word of initials: "U.S.", "WHO", "GANs" (not "U.S. Senate", not "Mr.")."""
    letters = text.replace(".", "")
    dotted = text.endswith(".") and len(letters) * 2 == len(text)
    if _plural_acronym(letters):
        letters = letters[:-1]
    return 2 <= len(letters) <= 5 and letters.isalpha() and (dotted or letters.isupper())


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper()).lower()


def same_actor(entity: Entity, words: Collection[str]) -> bool:
    """True when ``entity`` shares a distinctive word with ``words`` (or is too generic to tell)."""
    return not entity.keys or any(_said(k, words) for k in entity.keys)


def shares_name(a: Entity, b: Entity) -> bool:
    """True when a distinctive word of ``a`` names one of ``b``'s ("U.K." and "British")."""
    return any(_said(k, b.keys) for k in a.keys)


def _said(key: str, words: Collection[str]) -> bool:
    """True when ``key`` is among ``words`` as itself or an alias (lexicon/aliases.txt: "uk",
    "british"; "georgia", "georgian")."""
    return key in words or _alias_in(key, words)


def _alias_in(key: str, words: Collection[str]) -> bool:
    return any(a in words for a in _aliases().get(key, ()))


@cache
def _aliases() -> dict[str, frozenset[str]]:
    """lexicon/aliases.txt: a place or people under another name ("uk", "british")."""
    found: dict[str, set[str]] = {}
    for line in lexicon.entries("aliases"):
        a, b = line.split("\t")
        found.setdefault(a, set()).add(b)
    return {k: frozenset(v) for k, v in found.items()}


def one_actor(a: Entity, b: Entity, names: Collection[Entity] | Names) -> bool:
    """True when ``names`` (a report's) make ``a`` and ``b`` one actor: a mention with the words
    of both ("Stan Freberg" for "Freberg" and "stan"; "Comedian Ben Elton" for "comedian"), or a
    word of each is an alias of the other's ("Georgia", "Georgian"), or one spells the other's
    initials ("U.S.", "United States"). "Louis Jordan" and "Frank Jordan" are two; so are
    "Julia" and "Julian"."""
    if not a.keys or not b.keys:
        return False
    if all(_said(k, b.keys) for k in a.keys) and all(_said(k, a.keys) for k in b.keys):
        return True
    if _abbreviates(a, b) or _abbreviates(b, a):
        return True
    return _names(names).join(a.keys | b.keys)
