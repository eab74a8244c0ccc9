"""Faithful paraphrases: each claim reworded without changing what it says, one way at a time.

- ``clause-order``: a quote put after its attribution ('"X," the release reads.' → 'The release
  reads: "X."'), or a leading clause moved to the end or a trailing one to the front ("According
  to one estimate, X." ↔ "X, according to one estimate."; lexicon/clause_openers.txt);
- ``spelling``: American spellings made British, or British American (the regular pairs of
  lexicon/spelling.txt: -ize/-ise, -or/-our, -er/-re, -ense/-ence, -og/-ogue), inside quotations
  too, as British house styles do;
- ``number-words``: a whole number under 100 written in words, or number words in digits;
- ``contraction``: the first contraction written out ("isn't" → "is not"), or else one made;
- ``percent``: "80%" ↔ "80 percent";
- ``approximation``: an approximation for its synonym ("around 45" → "about 45");
- ``hedge-synonym``: a hedge for another ("perhaps" → "maybe"; lexicon/hedge_synonyms.txt);
- ``name-order``: two names joined by "and" swapped ("Intel and AMD" → "AMD and Intel"), where
  nothing (a comma, a possessive) may hang on the second.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..claims import ClaimSet
from ..text import fold
from .edit import Edit, Rewrite, cased, edit, figures, items, matches, rewrite, spell
from .names import File, Maker, Name, every_claim, starts_with_name

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTE_FIRST = re.compile(r"([\"“])(?P<quote>[^\"”]+?),([\"”]) (?P<credit>[^\"“”]+?)\.(?P<rest>.*)")
_LEAD = re.compile(r"(?P<lead>[^,\"“”]+), (?P<main>[^\"“”].*?)(?P<stop>[.!?])")
_TAIL = re.compile(r"(?P<main>.+),(?P<close>[\"”]?) (?P<tail>[^,\"“”]+?)(?P<stop>[.!?])")
_VERB_E = ("", "s", "d", "r", "rs", "~ing", "~ation", "~ations")  # "~": the final e dropped
_REGULAR = (  # the part that differs (British, American) and the endings both take alike
    ("isation", "ization", ("", "s", "al")),
    ("ise", "ize", _VERB_E),
    ("yse", "yze", _VERB_E),
    ("our", "or", ("", "s", "ed", "ing", "able")),
    ("tre", "ter", ("", "s")),
    ("ence", "ense", ("", "s")),
    ("ogue", "og", ("", "s")),
    ("lled", "led", ("",)),
)
CLAUSE_WORDS = 10  # a clause longer than this is not moved


def paraphrases(claims: ClaimSet) -> tuple[Rewrite, ...]:
    """Every paraphrase of every claim, by kind (in PARAPHRASES order), then claim."""
    return every_claim(claims, PARAPHRASES.values())


def clause_order(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text = claim.text
    m = _QUOTE_FIRST.fullmatch(text)
    if m:
        new = f"{_capital(m['credit'])}: {m[1]}{m['quote']}.{m[3]}{m['rest']}"
        return [Rewrite("clause-order", claim.id, new, "quote put after its attribution")]
    name = starts_with_name(file, i)
    m = _LEAD.fullmatch(text)
    if m and _opens_clause(m["lead"]):
        new = f"{_capital(m['main'])}, {_lower(m['lead'], name)}{m['stop']}"
        return [Rewrite("clause-order", claim.id, new, f"'{m['lead']}' moved to the end")]
    m = _TAIL.fullmatch(text)
    if m and _opens_clause(m["tail"]):
        new = f"{_capital(m['tail'])}, {_lower(m['main'], name)}{m['stop']}{m['close']}"
        return [Rewrite("clause-order", claim.id, new, f"'{m['tail']}' moved to the front")]
    return []


def _opens_clause(clause: str) -> bool:
    words = fold(clause).split()
    return 0 < len(words) <= CLAUSE_WORDS and words[0] in lexicon.words("clause_openers")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower(text: str, name: bool) -> str:
    return text if name else text[:1].lower() + text[1:]


def spelling(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    respell = _respellings()
    edits = []
    for m in _WORD.finditer(claim.text):
        word = re.sub(r"['’]s$", "", m.group())  # "organisation's": respell the noun
        if fold(word) in respell:
            new = cased(respell[fold(word)], word)
            edits.append(Edit(m.start(), m.start() + len(word), new))
    return rewrite("spelling", claim, edits)


@cache
def _respellings() -> dict[str, str]:
    """Each form of a regular spelling pair ("organizes"), mapped to the other spelling's."""
    out: dict[str, str] = {}
    for uk, us in lexicon.table("spelling").items():
        endings = next((e for a, b, e in _REGULAR if uk.replace(a, b) == us), ())
        for ending in endings:
            cut = 1 if ending.startswith("~") else 0
            british, american = (
                uk[: len(uk) - cut] + ending[cut:],
                us[: len(us) - cut] + ending[cut:],
            )
            out[british], out[american] = american, british
    return out


def number_words(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text = claim.text
    for fig in figures(text):
        written = text[fig.start : fig.end]
        if text[fig.end : fig.end + 1] == "%":
            continue
        new = f"{fig.value:g}" if fig.spelled else spell(fig.value)
        if new and "," not in written and "." not in written:
            return rewrite("number-words", claim, [Edit(fig.start, fig.end, cased(new, written))])
    return []


def contraction(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text, found = claim.text, items(claim.text)
    table = lexicon.table("contractions")
    for m in _WORD.finditer(text):
        key = fold(m.group())
        quoted = any(w.quoted for w in found if w.start == m.start())
        has_been = key.endswith("'s") and text[m.end() :].lstrip().startswith("been")
        if key in table and not quoted and not has_been:
            return rewrite(
                "contraction", claim, [Edit(m.start(), m.end(), cased(table[key], m.group()))]
            )
    made = {full: short for short, full in table.items()}
    for a, b in matches(text, found, made):
        start, end = found[a].start, found[b - 1].end
        short = made[" ".join(w.lower for w in found[a:b])]
        return rewrite("contraction", claim, [Edit(start, end, cased(short, text[start:end]))])
    return []


def percent(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    m = re.search(r"(?<=\d)%", claim.text) or re.search(
        r"(?<=\d) ?(?:percent|per cent)\b", claim.text, re.IGNORECASE
    )
    if m is None:
        return []
    new = " percent" if m.group() == "%" else "%"
    return rewrite("percent", claim, [Edit(m.start(), m.end(), new)])


def approximation(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text, found = claim.text, items(claim.text)
    table = lexicon.table("approximation_synonyms")
    starts = {f.start for f in figures(text)}
    for a, b in matches(text, found, table):
        after = text[found[b - 1].end :]
        if len(text) - len(after.lstrip(" $€£¥")) in starts:
            start, end = found[a].start, found[b - 1].end
            new = cased(table[" ".join(w.lower for w in found[a:b])], text[start:end])
            return rewrite("approximation", claim, [Edit(start, end, new)])
    return []


def hedge_synonym(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text, found = claim.text, items(claim.text)
    table = lexicon.table("hedge_synonyms")
    for a, b in matches(text, found, table):
        new = table[" ".join(w.lower for w in found[a:b])]
        return rewrite("hedge-synonym", claim, [edit(text, found, a, b, new)])
    return []


def name_order(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text = claim.text
    names = [n for n in file.names if n.claim == i]
    for left, right in zip(names, names[1:], strict=False):
        start, end = left.start - 4 * left.article, right.start + len(right.text)
        between = text[left.start + len(left.text) : right.start - 4 * right.article]
        if between == " and " and text[end : end + 1] not in (",", "'", "’"):
            new = f"{_written(right)} and {_written(left)}"
            return rewrite("name-order", claim, [Edit(start, end, new)])
    return []


def _written(name: Name) -> str:
    return f"the {name.text}" if name.article else name.text


PARAPHRASES: dict[str, Maker] = {
    "clause-order": clause_order,
    "spelling": spelling,
    "number-words": number_words,
    "contraction": contraction,
    "percent": percent,
    "approximation": approximation,
    "hedge-synonym": hedge_synonym,
    "name-order": name_order,
}
