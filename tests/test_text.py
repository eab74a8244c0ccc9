from __future__ import annotations

import pytest

from factcheck.numbers import quantities
from factcheck.text import segment, tokenize

SEGMENTS = [
    ("The U.S. economy grew 3.5% in 2023. Analysts were surprised.", 2),
    ("Dr. Smith arrived on Monday. She spoke briefly.", 2),
    ("J. K. Rowling wrote it. It sold well.", 2),
    ('"We will win," she said. The crowd cheered.', 2),
    ('He said, "It is over." Then he left.', 2),
    ("The U.S. Senate voted 51-49 on Tuesday.", 1),
    ("First line without a stop\nSecond line.", 2),
    ("They stayed close ahead of their showdown The bond between them remains strong.", 2),
    ("He reads The Guardian every day and met them in The Hague.", 1),
    ("He wore No. 9 for the club.", 1),
    ("You shouldn't say no. The favourite is Vaughan.", 2),
]


@pytest.mark.parametrize(("text", "count"), SEGMENTS)
def test_segment_counts(text: str, count: int) -> None:
    assert len(segment(text)) == count


def test_segment_keeps_offsets_into_the_original() -> None:
    text = "  One sentence here.   Another one follows.\n\nA third."
    for s in segment(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_tokens_fold_contractions_spelling_and_hyphens() -> None:
    lowers = [t.lower for t in tokenize("Nvidia isn't open-source")]
    assert lowers == ["nvidia", "is", "not", "open", "source"]
    keys = {t.key for t in tokenize("organisations utilise")}
    assert keys == {t.key for t in tokenize("organizations utilize")}


@pytest.mark.parametrize(
    "forms",
    [
        ("take", "taking"),
        ("aim", "aimed", "aiming"),
        ("live", "lived", "living"),
        ("fly", "flying"),
        ("try", "trying"),
        ("free", "freed", "freeing"),
        ("see", "seeing"),
    ],
)
def test_short_verbs_share_one_key_across_forms(forms: tuple[str, ...]) -> None:
    assert len({t.key for t in tokenize(" ".join(forms))}) == 1


def test_different_words_keep_different_keys() -> None:
    words = "red bed need used during string hundred car care rat rate win wine not note ear early"
    assert len({t.key for t in tokenize(words)}) == len(words.split())


VALUES = [
    ("around 45 organizations", 45, None, "approx"),
    ("about forty-five groups", 45, None, "approx"),
    ("one hundred and twenty people", 120, None, None),
    ("80 percent of images", 80, "%", None),
    ("80 per cent of images", 80, "%", None),
    ("80% of images", 80, "%", None),
    ("$1.2 billion in funding", 1.2e9, "$", None),
    ("raised $22.6M last year", 22.6e6, "$", None),
    ("more than 70 signers", 70, None, "over"),
    ("no more than 44 per cent", 44, "%", "under"),
    ("70 or more residents", 70, None, "over"),
    ("as many as 300 jobs", 300, None, "under"),
    ("between 7 pm and", 7, "pm", None),
    ("a 30-day trial", 30, "day", None),
    ("the one-year anniversary", 1, "year", None),
    ("a dozen eggs", 12, None, None),
    ("1,500 jobs", 1500, None, None),
    ("Q3 revenue", 3, "q", None),
    ("on May 31st", 31, "ordinal", None),
    ("the third quarter", 3, "ordinal", None),
]


@pytest.mark.parametrize(("text", "value", "unit", "approx"), VALUES)
def test_quantities(text: str, value: float, unit: str | None, approx: str | None) -> None:
    (q,) = quantities(tokenize(text), text)
    assert (q.value, q.unit, q.approx) == (pytest.approx(value), unit, approx)


@pytest.mark.parametrize(
    "text", ["One day the council met.", "He waited a second.", "It was a second chance."]
)
def test_idioms_are_not_figures(text: str) -> None:
    assert quantities(tokenize(text), text) == ()


def test_lone_small_number_words_are_not_figures() -> None:
    text = "one of the two companies"
    assert quantities(tokenize(text), text) == ()


def test_tokenised_contractions_are_words() -> None:
    lowers = [t.lower for t in tokenize("she did n't say you 're right")]
    assert lowers == ["she", "did", "not", "say", "you", "are", "right"]


def test_labels_and_ordinals_are_not_counts() -> None:
    def first(text: str):  # type: ignore[no-untyped-def]
        return quantities(tokenize(text), text)[0]

    assert not first("Q3").same_value(first("3 quarters"))
    assert not first("31st").same_value(first("31 days"))
    assert first("$5 million").same_value(first("5 million"))
