"""A synthetic news corpus for ``benchmarks/speed.py``: a claims file of any number of claims
and a rewrite of any number of sentences, whose words are distributed like real text's, so that
the work of matching them grows as it would on real input.

A claim is one news statement built from parts: a subject (a person, an organisation or a noun
phrase), a verb, an object (a noun phrase) and up to three complements (a figure with its unit,
a place, a year). Every draw comes from ``random.Random`` seeded by the sizes, so one size gives
the same bytes on every run and machine.

- **Content words** (nouns, adjectives) are ranks of an open vocabulary drawn by a
  Zipf–Mandelbrot law, P(rank r) ∝ 1/(r + 2.7), over the first V ranks, where V grows with the
  text drawn from as Heaps' law says: V = 8·T^0.6 nouns for T content words (about 400 for 100
  claims, 6,500 for 10k claims, 27,000 for the unrelated sentences of 10k claims × 100k
  sentences) and a third as many adjectives. The top ranks are common news words
  ("government", "plan", "council"; "new", "public"), so common words are common (the top noun
  is in one claim in twenty, one of the top ten in a quarter of them) while most words are
  rare; the rest are made-up words of two or three syllables, none of them English or a word
  of factcheck's lexicons. No claim shares its words with every other: the longer the file,
  the more words it has. A claim has 11 words on average, 7 of them content words.
- **Verbs**: 40 common verbs, Zipf-drawn.
- **Names**: people (a first name from 60 and a made-up surname), organisations (a made-up name
  and a suffix: Group, Council, Bank, …) and places (made-up), each from a pool that grows with
  the claims (people C/4, organisations C/6, places C/10, at least 10 of each) and Zipf-drawn,
  so a few main actors recur and most are named a handful of times.
- **Figures**: 60% of claims carry a figure with its unit ($4.2 million, 37 percent, 1,240
  workers, 15 kilometres), each value drawn afresh; 40% a year (1990–2024), 40% a place.
- **Modes**: 10% quotes ('"…," said NAME.' or 'NAME said: "…"', the speaker in the claims
  file), 10% hedged (may, could, reportedly, is expected to), 10% negated (did not, never), 10%
  attributed ("According to ORG, …"), the rest plain. Claims with a figure or a quote, and the
  first two, are key.

A rewrite of S sentences, in paragraphs of 3 to 6 sentences:

- 45% reworded claims, in the report's order (S > C goes round the claims again): the last
  complement moved to the front, the passive voice, a complement dropped, or an attribution
  moved to the end; a quote is reported indirectly or re-attributed ('"…," NAME said'). Of
  these, 10% change the figure, 5% swap the subject for another name of the report, 5% of quotes
  change a word inside the quote, and a hedged or negated claim loses its hedge or its negation
  one time in five.
- 10% two claims merged into one sentence with ", and".
- 45% unrelated sentences, drawn the same way from the vocabulary of the whole corpus (claims
  and rewrite: larger, so they bring words of their own) and from name pools that run past the
  report's (new actors).
"""

from __future__ import annotations

import bisect
import json
import random
from dataclasses import dataclass, replace

COMMON_NOUNS = (
    "government plan city council company market report project budget school price "
    "growth water energy health police court road housing tax bank study data network "
    "service contract industry union election policy hospital bridge station airport fund "
    "deal share profit program system board team office group community family child "
    "student teacher worker business economy country state region village farm river "
    "forest coast port harbour railway tunnel library museum park stadium festival "
    "campaign survey review agreement investment loan debt rate target strategy research "
    "technology software vaccine drug treatment climate emission fuel power grid"
).split()
COMMON_ADJECTIVES = (
    "new public local national major federal annual regional private first final early "
    "former senior digital green rural urban global financial economic social medical "
    "political military foreign domestic electric coastal northern southern eastern "
    "western central historic independent joint temporary permanent"
).split()
VERBS: tuple[tuple[str, str], ...] = tuple(
    (pair.partition("/")[0], pair.partition("/")[2])
    for pair in (
        "approve/approved fund/funded announce/announced review/reviewed delay/delayed "
        "expand/expanded audit/audited launch/launched build/built sign/signed "
        "propose/proposed support/supported finance/financed design/designed manage/managed "
        "complete/completed test/tested publish/published restore/restored upgrade/upgraded "
        "acquire/acquired extend/extended inspect/inspected renovate/renovated plan/planned "
        "study/studied examine/examined present/presented deliver/delivered operate/operated "
        "order/ordered award/awarded introduce/introduced replace/replaced host/hosted "
        "organise/organised prepare/prepared negotiate/negotiated back/backed "
        "document/documented"
    ).split()
)
FIRST_NAMES = (
    "Maria Tom Ana James Fatima Wei Olga Samuel Priya Lucas Amara Daniel Sofia Kenji Grace "
    "Omar Elena David Chloe Ahmed Laura Mateo Hannah Ivan Nadia Peter Yuki Carlos Zainab "
    "Michael Leila Jonas Ruth Diego Mei Thomas Aisha Paul Ingrid Kofi Sarah Andre Lina Victor "
    "Emma Rafael Noor George Julia Tariq Anna Felix Rosa Hugo Clara Sean Irene Malik Eva Karl"
).split()
ORG_SUFFIXES = (
    "Group Council Bank Institute Labs Partners University Foundation Trust Holdings Agency "
    "Authority Energy Health Systems"
).split()
UNIT_NOUNS = ("workers", "homes", "pupils", "patients", "residents", "jobs", "vehicles")
HEDGES = ("may", "could", "reportedly", "is expected to")
NEGATIONS = ("did not", "never")
CONSONANTS = "bdfgklmnprtvz"
VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
FINALS = ("k", "rn", "x", "sk", "v", "lt")
WORDS_PER_CLAIM = 7  # content words of a claim, on average: what Heaps' law counts


def heaps(tokens: int) -> int:
    """Vocabulary size of a text of ``tokens`` content words (Heaps' law)."""
    return max(60, int(8 * tokens**0.6))


class Zipf:
    """Ranks 0, 1, 2, … with P(r) ∝ 1/(r + 1 + q)^s; ``draw`` picks among the first n."""

    def __init__(self, q: float = 2.7, s: float = 1.0) -> None:
        self.q, self.s = q, s
        self.cumulative: list[float] = []

    def draw(self, rng: random.Random, n: int) -> int:
        while len(self.cumulative) < n:
            last = self.cumulative[-1] if self.cumulative else 0.0
            rank = len(self.cumulative)
            self.cumulative.append(last + 1 / (rank + 1 + self.q) ** self.s)
        return bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[n - 1], 0, n)


class MadeUp:
    """An open word list: ``head`` first, then made-up words, the same for a rank every time."""

    def __init__(self, seed: str, head: tuple[str, ...] | list[str] = (), ending: str = "") -> None:
        self.rng = random.Random(seed)
        self.ending = ending
        self.words = list(head)
        self.seen = set(head)

    def __getitem__(self, rank: int) -> str:
        while len(self.words) <= rank:
            syllables = self.rng.choice((2, 2, 3, 3, 3))
            word = "".join(
                self.rng.choice(CONSONANTS) + self.rng.choice(VOWELS) for _ in range(syllables)
            )
            word += self.rng.choice(FINALS) + self.ending
            if word not in self.seen:
                self.seen.add(word)
                self.words.append(word)
        return self.words[rank]


NOUNS = MadeUp("nouns", COMMON_NOUNS)
ADJECTIVES = MadeUp("adjectives", COMMON_ADJECTIVES, ending="ic")
SURNAMES = MadeUp("surnames")
ORG_NAMES = MadeUp("organisations")
PLACES = MadeUp("places")
WORD_LAW = Zipf()
NAME_LAW = Zipf(q=1.0)
VERB_LAW = Zipf(q=2.0)


@dataclass(frozen=True)
class Sizes:
    """How many distinct words and names a text draws from."""

    nouns: int
    adjectives: int
    people: int
    organisations: int
    places: int

    @classmethod
    def of(cls, claims: int, sentences: int = 0) -> Sizes:
        nouns = heaps(WORDS_PER_CLAIM * (claims + sentences))
        return cls(
            nouns,
            max(20, nouns // 3),
            max(10, (claims + sentences) // 4),
            max(10, (claims + sentences) // 6),
            max(10, (claims + sentences) // 10),
        )


@dataclass(frozen=True)
class Statement:
    """One news statement in parts, so that it can be said again in other words."""

    subject: str
    verb: tuple[str, str]  # base form, past tense
    obj: str
    figure: tuple[int, int] | None  # (unit kind, value)
    others: tuple[str, ...]  # a place, a year
    mode: str  # plain, hedge, negation, quote, attributed
    cue: str = ""  # the hedge, the negation, or the attributing organisation
    speaker: str = ""
    quote_form: int = 0

    def complements(self) -> list[str]:
        shown = [figure_text(*self.figure)] if self.figure else []
        return shown + list(self.others)

    def verb_phrase(self, passive: bool = False) -> str:
        base, past = self.verb
        cue = self.cue if self.mode in ("hedge", "negation") else ""
        if not passive:
            return {
                "": past,
                "may": f"may {base}",
                "could": f"could {base}",
                "reportedly": f"reportedly {past}",
                "is expected to": f"is expected to {base}",
                "did not": f"did not {base}",
                "never": f"never {past}",
            }[cue]
        return {
            "": f"was {past}",
            "may": f"may be {past}",
            "could": f"could be {past}",
            "reportedly": f"was reportedly {past}",
            "is expected to": f"is expected to be {past}",
            "did not": f"was not {past}",
            "never": f"was never {past}",
        }[cue]

    def clause(self, complements: list[str] | None = None) -> str:
        shown = self.complements() if complements is None else complements
        return " ".join([self.subject, self.verb_phrase(), self.obj, *shown])

    def text(self) -> str:
        if self.mode == "quote":
            if self.quote_form == 0:
                return f'"{cap(self.clause())}," said {self.speaker}.'
            return f'{self.speaker} said: "{cap(self.clause())}."'
        if self.mode == "attributed":
            return f"According to {self.cue}, {self.clause()}."
        return cap(self.clause()) + "."


@dataclass(frozen=True)
class Claim:
    id: str
    statement: Statement
    key: bool

    @property
    def text(self) -> str:
        return self.statement.text()


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def uncap(text: str) -> str:
    """``text`` as the second half of a sentence: a leading article or preposition lower-cased."""
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "In", "At", "By", "For", "Over", "According"):
        return f"{first.lower()} {rest}"
    return text


def figure_text(kind: int, value: int) -> str:
    if kind == 0:
        return f"at a cost of ${value / 10:.1f} million"
    if kind == 1:
        return f"by {value % 97 + 2} percent"
    if kind == 2:
        return f"over {value % 900 + 3} kilometres"
    return f"for {value:,} {UNIT_NOUNS[(kind - 3) % len(UNIT_NOUNS)]}"


def person(rng: random.Random, sizes: Sizes) -> str:
    rank = NAME_LAW.draw(rng, sizes.people)
    return f"{FIRST_NAMES[rank * 7 % len(FIRST_NAMES)]} {SURNAMES[rank].capitalize()}"


def organisation(rng: random.Random, sizes: Sizes) -> str:
    rank = NAME_LAW.draw(rng, sizes.organisations)
    return f"{ORG_NAMES[rank].capitalize()} {ORG_SUFFIXES[rank * 5 % len(ORG_SUFFIXES)]}"


def noun(rng: random.Random, sizes: Sizes) -> str:
    return NOUNS[WORD_LAW.draw(rng, sizes.nouns)]


def adjective(rng: random.Random, sizes: Sizes) -> str:
    return ADJECTIVES[WORD_LAW.draw(rng, sizes.adjectives)]


def subject(rng: random.Random, sizes: Sizes) -> str:
    r = rng.random()
    if r < 0.35:
        return person(rng, sizes)
    if r < 0.75:
        return organisation(rng, sizes)
    return f"the {adjective(rng, sizes)} {noun(rng, sizes)}"


def obj(rng: random.Random, sizes: Sizes) -> str:
    r = rng.random()
    if r < 0.5:
        return f"the {adjective(rng, sizes)} {noun(rng, sizes)}"
    if r < 0.8:
        return f"the {noun(rng, sizes)} {noun(rng, sizes)}"
    return f"the {noun(rng, sizes)} of {PLACES[NAME_LAW.draw(rng, sizes.places)].capitalize()}"


def statement(rng: random.Random, sizes: Sizes) -> Statement:
    kind = rng.randrange(4)
    kind += rng.randrange(len(UNIT_NOUNS)) if kind == 3 else 0
    figure = (kind, rng.randint(11, 9999)) if rng.random() < 0.6 else None
    others = []
    if rng.random() < 0.4:
        others.append(f"in {PLACES[NAME_LAW.draw(rng, sizes.places)].capitalize()}")
    if rng.random() < 0.4:
        others.append(f"in {rng.randint(1990, 2024)}")
    verb = VERBS[VERB_LAW.draw(rng, len(VERBS))]
    parts = Statement(subject(rng, sizes), verb, obj(rng, sizes), figure, tuple(others), "plain")
    r = rng.random()
    if r < 0.1:
        return replace(parts, mode="quote", speaker=person(rng, sizes), quote_form=rng.randrange(2))
    if r < 0.2:
        return replace(parts, mode="hedge", cue=rng.choice(HEDGES))
    if r < 0.3:
        return replace(parts, mode="negation", cue=rng.choice(NEGATIONS))
    if r < 0.4:
        return replace(parts, mode="attributed", cue=organisation(rng, sizes))
    return parts


def make_claims(n: int) -> list[Claim]:
    """``n`` claims, the same for the same ``n``."""
    rng = random.Random(f"claims {n}")
    sizes = Sizes.of(n)
    claims = []
    for i in range(n):
        s = statement(rng, sizes)
        key = i < 2 or s.figure is not None or s.mode == "quote"
        claims.append(Claim(f"c{i + 1:05d}", s, key))
    return claims


def claims_yaml(claims: list[Claim]) -> str:
    """The claims file (JSON strings are YAML double-quoted scalars)."""
    lines = ["version: 1", "source: synthetic news report", "claims:"]
    for c in claims:
        lines += [f"- id: {c.id}", f"  text: {json.dumps(c.text)}"]
        if c.key:
            lines.append("  key: true")
        if c.statement.speaker:
            lines.append(f"  speaker: {json.dumps(c.statement.speaker)}")
    return "\n".join(lines) + "\n"


def drifted(s: Statement, rng: random.Random, sizes: Sizes) -> Statement:
    """``s`` with the changes a careless rewrite makes, now and then."""
    if s.figure and rng.random() < 0.1:
        kind, value = s.figure
        s = replace(s, figure=(kind, value + rng.randint(1, 9)))
    if rng.random() < 0.05:
        s = replace(s, subject=rng.choice((person, organisation))(rng, sizes))
    if s.mode == "quote" and rng.random() < 0.05:
        s = replace(s, obj=f"the {adjective(rng, sizes)} {noun(rng, sizes)}")
    if s.mode in ("hedge", "negation") and rng.random() < 0.2:
        s = replace(s, mode="plain", cue="")
    return s


def reworded(s: Statement, rng: random.Random) -> str:
    """``s`` said again: parts moved, the voice changed, or a complement left out."""
    complements = s.complements()
    if s.mode == "quote":
        if rng.random() < 0.5:
            return f"{s.speaker} said {uncap(s.clause())}."
        return f'"{cap(s.clause())}," {s.speaker} said.'
    if s.mode == "attributed" and rng.random() < 0.5:
        return f"{cap(s.clause())}, according to {s.cue}."
    lead = f"According to {s.cue}, " if s.mode == "attributed" else ""
    r = rng.random()
    if r < 0.4 and complements:
        first = complements.pop()
        body = " ".join([s.subject, s.verb_phrase(), s.obj, *complements])
        return f"{lead}{cap(first)}, {body}." if not lead else f"{lead}{first}, {body}."
    if r < 0.7:
        body = " ".join([cap(s.obj), s.verb_phrase(passive=True), "by", s.subject, *complements])
        return f"{lead}{uncap(body) if lead else body}."
    if len(complements) > 1:
        complements.pop(rng.randrange(len(complements)))
    return f"{lead}{s.clause(complements)}." if lead else cap(s.clause(complements)) + "."


def rewrite(claims: list[Claim], n: int, seed: str = "") -> list[list[str]]:
    """A rewrite of ``claims`` in ``n`` sentences, as paragraphs of sentences."""
    rng = random.Random(f"rewrite {len(claims)} {n} {seed}")
    report = Sizes.of(len(claims))
    everything = Sizes.of(len(claims), n)
    sentences = []
    for i in range(n):
        at = int((i + rng.random()) * len(claims) / max(n * 0.55, 1)) % len(claims)
        r = rng.random()
        if r < 0.45:
            sentences.append(reworded(drifted(claims[at].statement, rng, report), rng))
        elif r < 0.55:
            first = reworded(drifted(claims[at].statement, rng, report), rng)
            second = reworded(claims[rng.randrange(len(claims))].statement, rng)
            sentences.append(f"{first[:-1]}, and {uncap(second)}")
        else:
            sentences.append(statement(rng, everything).text())
    paragraphs, start = [], 0
    while start < n:
        size = rng.randint(3, 6)
        paragraphs.append(sentences[start : start + size])
        start += size
    return paragraphs


def text_of(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
