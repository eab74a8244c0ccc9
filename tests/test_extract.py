"""Claim units a reader would accept: report text in, claim units, speakers and key marks out."""

from __future__ import annotations

import pytest

import factcheck

CLAUSES = [  # (report, the claim texts extract makes of it)
    (
        "Sales rose 5% in the quarter; profits fell 3% on higher costs.",
        ["Sales rose 5% in the quarter", "profits fell 3% on higher costs."],
    ),
    (  # a part after ";" with no subject stays with the part before
        "He spent six years at the Lotus team; joined McLaren in 2010 as a test driver.",
        ["He spent six years at the Lotus team; joined McLaren in 2010 as a test driver."],
    ),
    (
        "The plant closed in March; was sold to a rival group in June.",
        ["The plant closed in March; was sold to a rival group in June."],
    ),
    (  # a semicolon inside a quotation does not cut it
        '"She did not care whether people liked her numbers; she cared whether they were'
        ' right," said Professor Alan Reddick.',
        [
            '"She did not care whether people liked her numbers; she cared whether they were'
            ' right," said Professor Alan Reddick.'
        ],
    ),
    (  # a sentence with a figure is a claim however short
        "Margaret Ellingham has died at her home in Oban. She was 86. Tributes came in.",
        ["Margaret Ellingham has died at her home in Oban.", "She was 86."],
    ),
    (  # nor does one inside brackets
        "Two airlines (British Airways; Flybe) serve the island from several airports.",
        ["Two airlines (British Airways; Flybe) serve the island from several airports."],
    ),
]


@pytest.mark.parametrize(("report", "expected"), CLAUSES)
def test_claim_units(report: str, expected: list[str]) -> None:
    assert [c.text for c in factcheck.extract(report)] == expected


KEY_REPORT = (
    "The council approved the new library on Tuesday. "
    "Work will start in the spring next year. "
    "The old building will be sold to a developer. "
    "Residents had asked for a larger reading room. "
    "The architect has designed several schools in the region. "
    "The site was once a railway goods yard for many decades. "
    "The library will cost $4.2 million to build and equip. "
    'Mayor Tom Becker said: "We will finish the library by spring." '
    "The mayor thanked the volunteers for their patience and support."
)
KEYS = [True] * 5 + [False, True, True, False]  # the lede, a figure, a named speaker's quote


def test_key_marks() -> None:
    assert [c.key for c in factcheck.extract(KEY_REPORT)] == KEYS


SPEAKERS = [  # (report, the speaker of each claim)
    (
        '"It is a great day for the city," said manager Ruth Calloway on Monday.',
        ["Ruth Calloway"],
    ),
    ('"We did not panic when they scored," said Ruth Calloway.', ["Ruth Calloway"]),
    ('Mayor Tom Becker said: "We will finish the library by spring."', ["Mayor Tom Becker"]),
    (  # a name after "said" that no quote precedes is what was said, not who said it
        'The report said Harbour City had spent "far too much" on the old bridge.',
        [None],
    ),
]


@pytest.mark.parametrize(("report", "expected"), SPEAKERS)
def test_speakers(report: str, expected: list[str | None]) -> None:
    assert [c.speaker for c in factcheck.extract(report)] == expected


def test_a_stop_marker_above_the_body_does_not_end_it() -> None:
    report = (
        "Sign up for our science newsletter and get the week's discoveries.\n"
        "Astronomers have found water vapour in the atmosphere of a planet 120 light years away.\n"
        "Recommended Stories\n"
        "Another story that is not part of the report at all, with its own claims.\n"
    )
    texts = [c.text for c in factcheck.extract(report)]
    assert texts == [
        "Astronomers have found water vapour in the atmosphere of a planet 120 light years away."
    ]
