"""Each text is read once (issue 9): what extract reuses instead of reading again is what
reading again would give.

A report's words (every line's up to the stop marker, page furniture included) are taken from
the tokens of its body sentences, which extract has made anyway, and only the other lines are
read: the same words as reading every line, on any text, including sentences cut into pieces
where no space was (LONGEST lowered so that they are) and words after an apostrophe, which
read differently at the start of a piece.
"""

from __future__ import annotations

import importlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.text import lower_words, quote_key

extract_module = importlib.import_module("factcheck.extract")

FRAGMENTS = (
    *"The Board said we 're not 5 U.S. ’re ' ’ won't Acme rose fell Recommended Stories".split(),
    *("5're", "9’ve", "'re", "-n't"),
    *(" ", " ", "\n", "\n\n", ".", ". ", "? ", "!", ";", ":", '"', "“", "”", "By Jo Smith\n"),
)
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@pytest.mark.parametrize("longest", [2, 3, 2000])
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=texts)
def test_a_reports_words_are_those_of_every_line(
    monkeypatch: pytest.MonkeyPatch, longest: int, text: str
) -> None:
    monkeypatch.setattr(extract_module, "LONGEST", longest)
    lines = extract_module._lines(text)
    assert factcheck.extract(text).words == {w for m in lines for w in lower_words(m.group())}


def test_a_line_cut_where_no_space_was_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "LONGEST", 3)
    text = "Acme said 5're5're5're5're5're done."
    pieces = [s.text for s in extract_module.body_sentences(text)]
    assert "re5're" in pieces  # a piece that starts with "re", read alone as "re", not "are"
    assert (
        factcheck.extract(text).words == lower_words(text) == {"acme", "said", "5", "are", "done"}
    )


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    claims=st.lists(
        st.lists(st.sampled_from(FRAGMENTS + ("[M]ore", "]", "[")), max_size=12).map("".join),
        min_size=1,
        max_size=5,
    )
)
def test_a_claims_quote_form_is_read_from_its_tokens(claims: list[str]) -> None:
    """A claim's whole text as a quote is compared in quote_key() form; it is made from the
    tokens the analysis already has, where no bracket is to be dropped."""
    claim_set = factcheck.load_claims(
        "claims:\n"
        + "".join(
            f"- id: c{i}\n  text: {json.dumps(t.strip() or 'x')}\n" for i, t in enumerate(claims)
        )
    )
    source = claim_set.analysis.source
    assert source.texts == tuple(quote_key(c.text) for c in claim_set.claims)
