"""The claims file: every loader error names path:line; dump and load round-trip."""

from __future__ import annotations

import pytest

from factcheck.claims import CLAIM_FIELDS, Claim, ClaimSet, dump_claims, load_claims
from factcheck.errors import InputError

GOOD_HEAD = "version: 1\nclaims:\n- id: c001\n  text: The council approved 45 buses.\n"

# (claims file text, line the error must name, words the message must contain)
MALFORMED = [
    pytest.param(GOOD_HEAD + "- id: c007\n  key: true\n", 5, ["c007", "'text'"], id="no-text"),
    pytest.param(GOOD_HEAD + "- id: c007\n  text: '  '\n", 5, ["c007", "'text'"], id="blank-text"),
    pytest.param(GOOD_HEAD + "- text: Two.\n", 5, ["'id'"], id="no-id"),
    pytest.param(GOOD_HEAD + "- id: c001\n  text: Two.\n", 5, ["duplicate", "c001"], id="dup-id"),
    pytest.param(
        GOOD_HEAD + "- id: c002\n  txt: Two.\n", 6, ["'txt'", *CLAIM_FIELDS], id="unknown-field"
    ),
    pytest.param("version: 1\nsauce: x\nclaims: []\n", 2, ["'sauce'"], id="unknown-top-field"),
    pytest.param(GOOD_HEAD + "- id: c002\n  text: [Two.\n", 7, ["invalid YAML"], id="bad-yaml"),
    pytest.param("version: 1\nclaims: all of them\n", 2, ["list"], id="claims-not-a-list"),
    pytest.param("version: 1\n", 1, ["'claims'"], id="no-claims"),
    pytest.param("- id: c001\n  text: One.\n", 1, ["mapping"], id="top-is-a-list"),
    pytest.param(GOOD_HEAD + "- Two.\n", 5, ["mapping"], id="claim-not-a-mapping"),
    pytest.param("version: 2\nclaims: []\n", 1, ["version"], id="unknown-version"),
    pytest.param(GOOD_HEAD + "  key: maybe\n", 5, ["c001", "'key'"], id="key-not-boolean"),
    pytest.param(GOOD_HEAD + "  line: three\n", 5, ["c001", "'line'"], id="line-not-a-number"),
    pytest.param(
        GOOD_HEAD + "- id: c002\n  text: [a, b]\n", 6, ["single value"], id="text-is-a-list"
    ),
]


@pytest.mark.parametrize(("text", "line", "words"), MALFORMED)
def test_loader_error_names_path_and_line(text: str, line: int, words: list[str]) -> None:
    with pytest.raises(InputError) as raised:
        load_claims(text, "claims.yaml")
    message = str(raised.value)
    assert message.startswith(f"claims.yaml:{line}: "), message
    assert "\n" not in message
    for word in words:
        assert word in message


def test_empty_claims_file_names_the_path() -> None:
    with pytest.raises(InputError, match=r"^claims\.yaml: "):
        load_claims("# nothing yet\n", "claims.yaml")


def test_minimal_claims_file() -> None:
    claims = load_claims("claims:\n- id: a\n  text: One.\n", "claims.yaml")
    assert claims.claims == (Claim("a", "One.", file_line=2),)
    assert claims.source is None


def test_file_line_locates_each_claim() -> None:
    claims = load_claims(GOOD_HEAD + "- id: c002\n  text: Two.\n", "claims.yaml")
    assert [c.file_line for c in claims] == [3, 5]


ROUND_TRIP = ClaimSet(
    (
        Claim("c001", "The council approved a budget of 412 million dollars.", 3, True),
        Claim("c002", "It is 6% more: up from 388 million.", 3, False),
        Claim(
            "c003",
            '"This budget puts residents first," said Mayor Elena Vásquez.',
            5,
            True,
            "Mayor Elena Vásquez",
        ),
        Claim("c004", "- yes: #1 'quoted' [sic] {x} true", None, False),
        Claim("c005", "A claim " + "long enough to be folded by the YAML emitter, " * 4, 9, True),
    ),
    source="reports/harbourton budget.txt",
)


def test_dump_then_load_round_trips() -> None:
    text = dump_claims(ROUND_TRIP)
    loaded = load_claims(text, "claims.yaml")
    assert loaded.source == ROUND_TRIP.source
    assert loaded.path == "claims.yaml"
    fields = [(c.id, c.text, c.line, c.key, c.speaker) for c in loaded]
    assert fields == [(c.id, c.text.strip(), c.line, c.key, c.speaker) for c in ROUND_TRIP]


def test_dump_is_deterministic_and_commented() -> None:
    assert dump_claims(ROUND_TRIP) == dump_claims(ROUND_TRIP)
    assert dump_claims(ROUND_TRIP).startswith("# ")
    assert "Vásquez" in dump_claims(ROUND_TRIP)  # readable, not \\u-escaped
