"""The alignment's index finds what comparing every claim with every sentence finds (issue 9).

``align`` reads a sentence's candidate claims from an inverted index that leaves out each
claim's lightest words, and finds what a claim's frequent words can say on bit masks of the
windows. Both are shortcuts of a plain definition, written out here: a claim links to every
sentence sharing two words or more whose link score reaches LINK or whose coverage reaches
COVER, and its coverage is the best share of it one window (a sentence and the next) says.
Hypothesis draws claims and sentences from a small vocabulary, so that words recur, and
FREQUENT is lowered so that the bit masks are used.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import align
from factcheck.align import COVER, LINK, Claims, Unit, _mass, claim_units, region
from factcheck.text import segment

WORDS = "acme board sales rose fell quarter merger approved said year bank loan city plan".split()

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(
    lambda words: " ".join(words).capitalize() + "."
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


@pytest.mark.parametrize("frequent", [0, 1, 3])
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    claim_texts=st.lists(sentence, min_size=1, max_size=12),
    sentences=st.lists(sentence, min_size=1, max_size=14),
)
def test_index_finds_what_every_pair_finds(
    monkeypatch: pytest.MonkeyPatch, frequent: int, claim_texts: list[str], sentences: list[str]
) -> None:
    monkeypatch.setattr(align, "FREQUENT", frequent)
    claims = Claims.of(claim_units(claim_texts))
    text = " ".join(sentences)
    result = align.align(claims, text, segment(text))
    for unit, links in zip(result.sentences, result.links, strict=True):
        assert [(link.claim, link.score, link.coverage) for link in links] == plain_links(
            claims, unit
        )
    expected = plain_coverage(claims, result.sentences)
    assert result.coverage == pytest.approx(expected, abs=1e-12)


RARE = (
    "harbour bridge tunnel ferry museum garden library stadium clinic school market tower "
    "canal depot airport station theatre college hospital castle"
).split()


def test_a_claim_is_not_indexed_under_words_too_light_to_link_it() -> None:
    texts = [f"The board said {' '.join(RARE[i : i + 10])}." for i in range(0, len(RARE), 10)]
    claims = Claims.of(claim_units([*texts, "Acme approved the merger."]))
    keys = {t.text: t.key for u in claims.units for t in u.tokens}
    in_every = set(range(len(texts)))
    assert not in_every & set(claims.index.get(keys["said"], ()))
    assert not in_every & set(claims.index.get(keys["board"], ()))
    assert all(claims.index.get(keys[w]) for w in RARE + ["Acme", "approved", "merger"])
