"""Corruptions: each claim changed the way a careless rewrite changes it, one drift at a time.

One function per drift type returns the corrupted versions of one claim (none where the type
does not apply). Words inside quotations are left alone by all but ``quote``.

- ``number``: a figure changed (× 2 + 1; half a share that would pass 100%; a year + 1), and an
  approximation changed to one of another class ("around 45" → "above 45");
- ``entity``: a name swapped for a name of another claim (names.py);
- ``negation``: a negation dropped ("isn't" → "is", "none of" → "all of"), or else one added
  at the first auxiliary ("will" → "will not", "has" → "does not have");
- ``hedge``: a hedged claim's hedges dropped ("perhaps", "could" → "will"), or else an unhedged
  claim hedged ("will" → "may", "is" → "reportedly is", "Reportedly, …");
- ``quote``: one word inside each quotation reworded (lexicon/rewordings.txt);
- ``attribution``: the speaker or name a statement is credited to replaced (names.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import lexicon
from ..claims import ClaimSet
from ..text import fold, quoted
from .edit import (
    Edit,
    Figure,
    Item,
    Rewrite,
    cased,
    cues,
    edit,
    figures,
    items,
    matches,
    rewrite,
    spell,
)
from .names import File, Maker, attribution, entity, every_claim, starts_with_name

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DO_SUPPORT = {"has": "does not have", "have": "do not have", "had": "did not have"}
_OTHER_CLASS = {"approx": "over", "over": "under", "under": "over"}
_QUOTE_MARKS = "\"“'‘"


def corruptions(claims: ClaimSet) -> tuple[Rewrite, ...]:
    """Every corruption of every claim, by drift type (in CORRUPTIONS order), then claim."""
    return every_claim(claims, CORRUPTIONS.values())


def number(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text, found = claim.text, items(claim.text)
    classes = lexicon.table("approximations")
    approximations = matches(text, found, classes)
    out = []
    for fig in figures(text):
        out += rewrite("number", claim, [Edit(fig.start, fig.end, _changed(text, fig))])
        for a, b in approximations:
            gap = text[found[b - 1].end : fig.start]
            if found[b - 1].end <= fig.start and not gap.strip(" $€£¥"):
                other = _other_approximation(classes, " ".join(w.lower for w in found[a:b]))
                out += rewrite("number", claim, [edit(text, found, a, b, other)])
    return out


def _other_approximation(classes: dict[str, str], phrase: str) -> str:
    """The first approximation of the opposite class: "around" → "above" → "almost"."""
    wanted = _OTHER_CLASS.get(classes[phrase])
    same = [p for p, c in classes.items() if c == wanted]
    return (same or [p for p, c in classes.items() if c != classes[phrase]])[0]


def _changed(text: str, fig: Figure) -> str:
    """Another value for a figure, written the way the figure is (digits, words, separators)."""
    written = text[fig.start : fig.end]
    share = text[fig.end : fig.end + 9].lower().startswith(("%", " percent", " per cent"))
    if re.fullmatch(r"1[89]\d\d|20\d\d", written):
        new = fig.value + 1
    elif share and fig.value * 2 + 1 > 100:
        new = fig.value / 2
    else:
        new = fig.value * 2 + 1
    if fig.spelled:
        return cased(spell(new) or f"{new:g}", written)
    decimals = len(written.split(".")[1]) if "." in written else 0
    return f"{new:,.{decimals}f}" if "," in written else f"{new:.{decimals}f}"


def negation(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text, found = claim.text, items(claim.text)
    flips = lexicon.table("negation_flips")
    for a, b in matches(text, found, flips):
        phrase = " ".join(w.lower for w in found[a:b])
        if flips[phrase] != phrase:  # an entry mapped to itself is an idiom ("not just")
            new = _affirmed(flips[phrase], found, b)
            return rewrite("negation", claim, [edit(text, found, a, b, new)])
    auxiliaries = lexicon.table("auxiliaries")
    for a, b in matches(text, found, auxiliaries):
        new = _negated(found, a, auxiliaries)
        return rewrite("negation", claim, [edit(text, found, a, b, new)])
    return []


def _affirmed(new: str, found: Sequence[Item], b: int) -> str:
    """The flip table's value: "-" drops the cue; "a" becomes "an" or nothing as English needs."""
    if new == "-":
        return ""
    if new != "a":
        return new
    following = found[b].lower if b < len(found) else ""
    if following.endswith("s"):
        return ""
    return "an" if following[:1] in ("a", "e", "i", "o", "u") else "a"


def _negated(found: Sequence[Item], a: int, auxiliaries: dict[str, str]) -> str:
    """ "is" → "is not"; "has" as a main verb → "does not have" ("has been" → "has not been")."""
    lower = found[a].lower
    following = found[a + 1].lower if a + 1 < len(found) else ""
    participle = following == "been" or following.endswith(("ed", "en", "wn", "ne"))
    if lower in _DO_SUPPORT and not participle:
        return _DO_SUPPORT[lower]
    return auxiliaries[lower]


def hedge(file: File, i: int) -> list[Rewrite]:
    claim = file.claims[i]
    text, found = claim.text, items(claim.text)
    hedges = [
        (a, b)
        for a, b in matches(text, found, cues("hedges"))
        if not (b - a == 1 and found[a].start > 0 and text[found[a].start].isupper())  # "May"
    ]
    if not hedges:
        return _hedged(file, i, found)
    drops = lexicon.table("hedge_drops")
    edits = []
    for a, b in hedges:
        phrase = " ".join(w.lower for w in found[a:b])
        new = drops.get(phrase, "")
        if new != phrase:  # an entry mapped to itself cannot be dropped ("whether")
            edits.append(edit(text, found, a, b, new))
    return rewrite("hedge", claim, edits) if edits else []


def _hedged(file: File, i: int, found: Sequence[Item]) -> list[Rewrite]:
    """An unhedged claim hedged: its first auxiliary made a guess, or "Reportedly," before it."""
    claim = file.claims[i]
    text = claim.text
    auxiliaries = matches(text, found, lexicon.table("auxiliaries"))
    if auxiliaries:
        a = auxiliaries[0][0]
        new = lexicon.table("hedge_adds").get(found[a].lower, f"reportedly {found[a].lower}")
        return rewrite("hedge", claim, [edit(text, found, a, a + 1, new)])
    if not text or text[0] in _QUOTE_MARKS:
        return []
    first = text if starts_with_name(file, i) else text[:1].lower() + text[1:]
    return [Rewrite("hedge", claim.id, f"Reportedly, {first}", "'' → 'Reportedly,'")]


def quote(file: File, i: int) -> list[Rewrite]:
    """One word reworded in each quotation: a content word where the table has one."""
    claim = file.claims[i]
    table, stopwords = lexicon.table("rewordings"), lexicon.words("stopwords")
    out = []
    for start, end, _ in quoted(claim.text):
        words = [m for m in _WORD.finditer(claim.text, start, end) if fold(m.group()) in table]
        words.sort(key=lambda m: fold(m.group()) in stopwords)
        if words:
            m = words[0]
            new = cased(table[fold(m.group())], m.group())
            out += rewrite("quote", claim, [Edit(m.start(), m.end(), new)])
    return out


CORRUPTIONS: dict[str, Maker] = {
    "number": number,
    "entity": entity,
    "negation": negation,
    "hedge": hedge,
    "quote": quote,
    "attribution": attribution,
}
"""One corruption per drift type (the ids of drift/ CHECKS), in the README's order."""
