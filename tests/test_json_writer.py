"""The indented JSON writer of the json, sarif and gitlab formats writes what the standard
library's ``json.dumps(value, indent=2, ensure_ascii=False)`` writes, byte for byte."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.render.json import indented

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(values)
def test_indented_writes_what_json_writes(value: object) -> None:
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)
