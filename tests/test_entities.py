from __future__ import annotations

from factcheck.entities import Entity, in_report


def name(text: str) -> Entity:
    return Entity(text, 0, len(text), frozenset(w.lower().replace(".", "") for w in text.split()))


def test_an_acronym_is_named_by_a_name_or_its_initials_not_by_a_word() -> None:
    assert not in_report(name("U.S."), {"us"}, [])
    assert in_report(name("U.S."), set(), [name("United States")])
    assert in_report(name("WHO"), set(), [name("World Health Organization")])


def test_a_name_holding_initials_is_named_by_its_words() -> None:
    assert in_report(name("U.S. Senate"), {"us", "senate"}, [])
