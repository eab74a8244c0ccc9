"""The alignment's index finds what comparing every claim with every sentence finds (issue 9).

``align`` reads a sentence's candidate claims from an inverted index, finds the claims that
share only common words with it on bit masks of the claims, and finds what a claim's frequent
words can say on bit masks of the windows. Both are shortcuts of a plain definition, written out here: a claim links to every
sentence sharing two words or more whose link score reaches LINK or whose coverage reaches
COVER, and its coverage is the best share of it one window (a sentence and the next) says.
Hypothesis draws claims and sentences from a small vocabulary, so that words recur, and
COMMON and FREQUENT are lowered so that the bit masks are used.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import align
from factcheck.align import COVER, FUZZY, LINK, Claims, Unit, _mass, claim_units, region
from factcheck.text import segment

WORDS = "acme board sales rose fell quarter merger approved said year bank loan city plan".split()
PLACES = (
    "harbour bridge tunnel ferry museum garden library stadium clinic school market tower "
    "canal depot airport station theatre college hospital castle council police court "
    "prison chapel cinema arena factory warehouse pier lighthouse quarry orchard vineyard"
).split()

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(
    lambda words: " ".join(words).capitalize() + "."
)


def patched(examples: int) -> Any:
    """Hypothesis settings for a property run under monkeypatch (idempotent per example)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


def plain_links(claims: Claims, unit: Unit) -> list[tuple[int, float, float]]:
    weights = claims.weights
    total = _mass(unit.keys, weights)
    found = []
    for i, claim in enumerate(claims.units):
        shared = claim.keys & unit.keys
        if len(shared) < 2 or total == 0:
            continue
        said = _mass(shared, weights)
        coverage, precision = said / claims.mass[i], said / total
        score = 2 * coverage * precision / (coverage + precision)
        if score >= LINK or coverage >= COVER:
            assert region(claim, shared) != (0, 0)
            found.append((i, score, coverage))
    return sorted(found, key=lambda link: (-link[1], link[0]))


def plain_coverage(claims: Claims, units: tuple[Unit, ...]) -> list[float]:
    out = []
    for claim, whole in zip(claims.units, claims.mass, strict=True):
        best = 0.0
        for j in range(len(units)):
            keys = units[j].keys | units[j + 1].keys if j + 1 < len(units) else units[j].keys
            best = max(best, _mass(claim.keys & keys, claims.weights) / whole)
        out.append(best if whole else 1.0)
    return out


@pytest.mark.parametrize(("common", "frequent"), [(0, 0), (1, 1), (3, 3), (100, 100)])
@patched(60)
@given(
    claim_texts=st.lists(sentence, min_size=1, max_size=12),
    sentences=st.lists(sentence, min_size=1, max_size=14),
)
def test_index_finds_what_every_pair_finds(
    monkeypatch: pytest.MonkeyPatch,
    common: int,
    frequent: int,
    claim_texts: list[str],
    sentences: list[str],
) -> None:
    monkeypatch.setattr(align, "COMMON", common)
    monkeypatch.setattr(align, "FREQUENT", frequent)
    claims = Claims.of(claim_units(claim_texts))
    text = " ".join(sentences)
    result = align.align(claims, text, segment(text))
    for unit, links in zip(result.sentences, result.links, strict=True):
        assert [(link.claim, link.score, link.coverage) for link in links] == plain_links(
            claims, unit
        )
    expected = plain_coverage(claims, result.sentences)
    assert list(result.coverage) == expected


def test_a_word_of_many_claims_is_a_bit_mask_of_them_lightest_first() -> None:
    texts = [f"The board said the {w} plan." for w in PLACES] + ["Acme approved the merger."]
    claims = Claims.of(claim_units(texts))
    keys = {t.text: t.key for u in claims.units for t in u.tokens}
    assert keys["board"] in claims.masks
    assert keys["Acme"] not in claims.masks
    assert claims.index[keys["Acme"]] == (len(PLACES),)
    by_rank = [claims.mass[i] for i in claims.ranks]
    assert by_rank == sorted(claims.mass) == list(claims.sorted_mass)
    mask = claims.masks[keys["board"]]
    assert {claims.ranks[r] for r in range(len(texts)) if mask >> r & 1} == set(range(len(PLACES)))


@pytest.mark.parametrize("scanned", [0, 10_000])
@patched(200)
@given(
    word=st.text("aeinrst", min_size=5, max_size=14),
    vocabulary=st.lists(st.text("aeinrst", min_size=5, max_size=16), min_size=1, max_size=30),
)
def test_a_respelling_is_sought_among_words_of_a_length_that_can_match(
    monkeypatch: pytest.MonkeyPatch, scanned: int, word: str, vocabulary: list[str]
) -> None:
    monkeypatch.setattr(align, "SPELLINGS_SCANNED", scanned)
    from rapidfuzz import fuzz, process

    claims = Claims.of(claim_units([" ".join(vocabulary)]))
    everywhere = process.extractOne(word, claims.spellings, scorer=fuzz.ratio, score_cutoff=FUZZY)
    near = claims.respellings.near(word)
    assert process.extractOne(word, near, scorer=fuzz.ratio, score_cutoff=FUZZY) == (
        None if everywhere is None else (everywhere[0], everywhere[1], near.index(everywhere[0]))
    )


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.dictionaries(st.text("abcdefgh", min_size=1, max_size=4), st.floats(0.5, 12.0)))
def test_a_weight_total_does_not_depend_on_the_order_of_a_set(weights: dict[str, float]) -> None:
    """A set's order changes with Python's string hashing from one run to the next: a total
    that depended on it ranked equally good claims differently in two runs."""
    keys = frozenset(weights)
    weights[""] = 1.0
    assert _mass(keys, weights) == sum(weights[k] for k in sorted(keys))


def test_equally_heavy_sets_of_frequent_words_give_the_exact_best() -> None:
    """Two sets of words of equal weights, said in different windows: their totals, added in
    word order, differ in the last bit, and the coverage is the larger, as comparing every
    window gives (the first set found was kept once: 0.49999999999999994 for 0.5)."""
    claims = Claims.of(
        claim_units(
            ["baa bab bac caa cab cac", "bab cac cab bac fila", "cac bac filb", "cac bac filc"]
            + ["fild", "file", "filf", "filg", "filh", "fili"]
        )
    )
    text = "\n".join(["baa bab cac.", "zzz.", "zzz.", "bac caa cab.", "zzz.", "zzz."] * 12)
    result = align.align(claims, text, segment(text))
    assert result.coverage[0] == plain_coverage(claims, result.sentences)[0] == 0.5


def test_spellings_are_in_order_of_first_use_and_long_ones_are_not_indexed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An order of the claims' own (a set's changes from run to run), so that of two spellings
    equally close the same one is chosen every run; and a spelling longer than any sought word
    can match costs no deletions (a 25-letter one has 55,899)."""
    long = "abcdefghijklmnopqrstuvwxy"
    claims = Claims.of(claim_units(["Zorbaxq met zorbaxw.", f"Quirkle {long} marmot."]))
    assert claims.spellings == ("zorbaxq", "zorbaxw", "quirkl", long, "marmot")
    monkeypatch.setattr(align, "SPELLINGS_SCANNED", 0)
    respellings = align.Respellings(claims.spellings)
    assert respellings.near("zorbax") == ("zorbaxq", "zorbaxw")
    assert respellings.index is not None and max(map(len, respellings.index)) <= 15
