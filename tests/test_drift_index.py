"""The drift checks' indexes of a claims file find what reading all of it finds (issue 9).

The quote, entity, attribution and number checks, and compare's unsupported names, used to read
every quote, claim text, name or figure of the claims file for each sentence. ``Source`` and
``Names`` now index them once. The plain definitions are written out here and compared with the
indexed lookups on small random inputs: words from a small vocabulary so that they recur,
figures a hair apart, names that share words, quotes of random letters for the fuzzy match.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from factcheck.align import Unit, claim_units
from factcheck.drift import Drift, Source, quote
from factcheck.entities import (
    Entity,
    Names,
    _acronym,
    _alias_in,
    _initials,
    in_report,
    named_in,
    one_actor,
)
from factcheck.numbers import Quantity
from factcheck.text import quote_key

WORDS = "we expect more firms to join not the plan".split()

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)
letters = st.text("ab c", max_size=40)


def source(claims: Sequence[str] = (), quotes: Sequence[str] = ()) -> Source:
    return Source(claim_units(claims), frozenset(), frozenset(), (), tuple(quotes))


def plain_said(key: str, src: Source) -> bool:
    padded = f" {key} "
    if any(padded in f" {q} " or quote._elided(key, q) for q in src.quotes):
        return True
    return any(padded in f" {text} " for text in src.texts)


def plain_quote_check(sentence: Unit, src: Source) -> list[Drift]:
    out = []
    for start, end, inner in sentence.quotes:
        key = quote_key(inner)
        if not key or plain_said(key, src):
            continue
        best = max(src.quotes, key=lambda q: fuzz.partial_ratio(key, q), default=None)
        if best is not None and fuzz.partial_ratio(key, best) >= quote.SIMILAR:
            message = "the quotation's words differ from the source's"
            out.append(Drift(quote.ID, best, inner, start, end, message))
        else:
            message = "quoted words that no quote in the source has"
            out.append(Drift(quote.ID, None, inner, start, end, message))
    return out


@st.composite
def key_and_source(draw: st.DrawFn) -> tuple[str, Source]:
    """A source, and a run of words that is often a quote's or a claim's with words left out."""
    quotes = [quote_key(q) for q in draw(st.lists(words, max_size=6))]
    claims = draw(st.lists(words, max_size=4))
    src = source(claims, quotes)
    passages = [*src.quotes, *src.texts]
    from_passage: bool = draw(st.booleans())
    if passages and from_passage:
        chosen = draw(st.sampled_from(passages)).split()
        kept = draw(st.lists(st.booleans(), min_size=len(chosen), max_size=len(chosen)))
        key = " ".join(w for w, k in zip(chosen, kept, strict=True) if k) or chosen[0]
    else:
        key = quote_key(draw(words))
    return key, src


@settings(max_examples=500, deadline=None, derandomize=True)
@given(key_and_source())
@example(("we expect to join", source([], ["we expect more firm to join"])))
@example(("we expect to join", source([], ["we expect not more firm to join"])))
@example(("the plan", source(["We expect the plan."], [])))
def test_a_quote_is_said_where_a_quote_or_claim_of_its_rarest_word_says_it(
    case: tuple[str, Source],
) -> None:
    key, src = case
    assert quote._said(key, src) == plain_said(key, src)


def test_a_passage_index_reads_only_passages_with_the_rarest_word() -> None:
    src = source([], ["we expect more", "more firm", "the plan", "more"])
    assert src.quoted.holding({"more", "firm"}) == ["more firm"]
    assert src.quoted.holding({"more", "join"}) == []
    assert src.quoted.holding(set()) == list(src.quotes)


def quoting(inners: list[str]) -> Unit:
    return claim_units([" and ".join(f'they said "{q}"' for q in inners) + "."])[0]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    inners=st.lists(words | letters.filter(str.strip), min_size=1, max_size=3),
    quotes=st.lists(words | letters, max_size=8),
    claims=st.lists(words, max_size=3),
)
@example(inners=["ab ab"], quotes=["ab ac", "ab ac", "ab ab c"], claims=[])  # equal best scores
def test_a_changed_quote_is_matched_with_the_first_best_source_quote(
    inners: list[str], quotes: list[str], claims: list[str]
) -> None:
    sentence = quoting(inners)
    src = source(claims, quotes)
    assert list(quote._checked(sentence, src)) == plain_quote_check(sentence, src)


def test_a_sentence_is_checked_once_against_each_source() -> None:
    sentence = quoting(["we expect more firms"])
    first, second = source([], ["we expect many firms"]), source([], ["a b c"])
    assert [d.expected for d in quote._checked(sentence, first)] == ["we expect many firms"]
    assert quote._checked(sentence, first) is quote._checked(sentence, first)
    assert [d.expected for d in quote._checked(sentence, second)] == [None]


NAME_WORDS = "United States Nations World Health Stan Freberg Georgia Georgian UK British".split()
ACRONYMS = ["US", "U.S.", "UN", "WHO", "WH", "SF", "UK", "GB"]


def entity(text: str) -> Entity:
    keys = frozenset(w.lower().replace(".", "") for w in text.split()) - {"the"}
    return Entity(text, 0, len(text), keys)


name = st.one_of(
    st.sampled_from(ACRONYMS),
    st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3).map(" ".join),
    st.just("the"),  # a name with no distinctive word
).map(entity)


def plain_in_report(e: Entity, words: frozenset[str], names: list[Entity]) -> bool:
    if not _acronym(e.text):
        return named_in(e, words)
    spelled = {k for n in names for k in n.keys} | {_initials(n.text) for n in names}
    return all(k in spelled or _alias_in(k, words) for k in e.keys)


def plain_one_actor(a: Entity, b: Entity, names: list[Entity]) -> bool:
    """What names no name decides (aliases, initials), or a name with the words of both."""
    if one_actor(a, b, []):
        return True
    both = a.keys | b.keys
    return bool(a.keys and b.keys) and any(both <= n.keys for n in names)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(
    a=name,
    b=name,
    names=st.lists(name, max_size=8),
    words=st.frozensets(st.sampled_from([w.lower() for w in NAME_WORDS] + ["us", "gb"])),
)
@example(a=entity("Stan"), b=entity("Freberg"), names=[entity("Stan Freberg")], words=frozenset())
@example(a=entity("US"), b=entity("UN"), names=[entity("United States")], words=frozenset())
def test_names_made_ready_once_answer_as_the_list_of_names_does(
    a: Entity, b: Entity, names: list[Entity], words: frozenset[str]
) -> None:
    ready = Names(tuple(names))
    expected = plain_in_report(a, words, names)
    assert in_report(a, words, names) == in_report(a, words, ready) == expected
    expected = plain_one_actor(a, b, names)
    assert one_actor(a, b, names) == one_actor(a, b, ready) == expected


def test_names_of_a_source_are_made_ready_once() -> None:
    names = (entity("Stan Freberg"), entity("United States"))
    src = Source((), frozenset(), frozenset(), (), (), names=names)
    assert src.named is src.named
    assert src.named.entities == src.names
    assert one_actor(entity("Stan"), entity("Freberg"), src.named)
    assert in_report(entity("US"), src.words, src.named)
    assert not in_report(entity("UN"), src.words, src.named)


VALUES = [0.0, 1.0, 45.0, -3.0, 1e12, 1e-10, math.inf, -math.inf, math.nan]
NUDGES = [0.0, 5e-10, -5e-10, 1e-9, -1e-9, 1.0000001e-9, 1.5e-9, -1.5e-9, 2e-9, 3e-9, 1e-6]


@st.composite
def value(draw: st.DrawFn) -> float:
    """A value, often a hair from another: same_value allows 1e-9 of the larger one."""
    base = draw(st.sampled_from(VALUES) | st.floats(-1e15, 1e15))
    nudge = draw(st.sampled_from(NUDGES))
    return base + nudge * max(1.0, abs(base)) if draw(st.booleans()) else base + nudge


quantity = st.builds(
    Quantity,
    value(),
    st.sampled_from([None, "$", "€", "%", "year", "day"]),
    st.sampled_from([None, "approx", "over", "under"]),
    st.just(0),
    st.just(1),
    st.just("x"),
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(quantities=st.lists(quantity, max_size=10), found=quantity, copy=st.booleans())
def test_a_qualified_figure_is_found_among_the_claims_by_value(
    quantities: list[Quantity], found: Quantity, copy: bool
) -> None:
    if copy and quantities:  # a claim's own value, with the found figure's unit and qualifier
        found = Quantity(quantities[0].value, found.unit, found.approx, 0, 1, "x")
    src = Source((), frozenset(), frozenset(), tuple(quantities), ())
    plain = any(q.approx == found.approx and q.same_value(found) for q in quantities)
    assert src.has_quantity(found) == plain


def test_a_figure_within_a_billionth_is_the_same_figure() -> None:
    claimed = Quantity(45.0, None, "approx", 0, 1, "about 45")
    src = Source((), frozenset(), frozenset(), (claimed,), ())
    assert src.has_quantity(Quantity(45.0 + 4e-8, None, "approx", 0, 1, "about 45"))
    assert not src.has_quantity(Quantity(45.0 + 1e-7, None, "approx", 0, 1, "about 45"))
    assert not src.has_quantity(Quantity(45.0, None, "over", 0, 1, "over 45"))
