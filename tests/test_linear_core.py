"""Linear time on any input (issue 8): a run of sentence stops and one sentence of 800 KB, over
which the core once took hours and minutes, are read in seconds, with the right result. The
large tests run under a hang guard (hang.finishes_within): past HANG seconds they fail with a
message instead of hanging the test run. The small ones pin how stops end sentences and how a
sentence too long to check whole is checked in pieces.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hang import finishes_within

import factcheck
from factcheck.extract import LONGEST, body_sentences
from factcheck.text import Sentence, cut, line_col, offset_of, segment, tokenize

HANG = 30  # seconds

CLAIMS = factcheck.load_claims(
    """version: 1
claims:
- id: c001
  text: Acme's sales rose 5% in the fourth quarter.
- id: c002
  text: The board has not approved the merger.
"""
)
SAID = "acme's sales rose 5% in the fourth quarter, the board has not approved the merger"
DRIFTED = "acme's sales rose 7% in the fourth quarter, the board has approved the merger"


def one_sentence(clause: str, size: int) -> str:
    """``clause`` said again and again, joined by commas, up to ``size`` characters: one
    sentence without a stop."""
    return ", ".join([clause] * (size // (len(clause) + 2) + 1))


def spans(sentences: tuple[Sentence, ...]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sentences]


@pytest.mark.parametrize("after", ["", " and it goes on."])
@pytest.mark.parametrize("stops", [".", "?!", "!?."])
def test_a_run_of_stops_is_read_once(stops: str, after: str) -> None:
    text = "word" + stops * (300_000 // len(stops)) + after
    with finishes_within(HANG):
        report = factcheck.compare(CLAIMS, text)
        sentences = segment(text)
    assert spans(sentences) == [(0, len(text))]
    assert report.summary.sentences == 1


def test_a_run_of_stops_before_a_sentence_ends_the_sentence() -> None:
    text = "It is over" + "." * 300_000 + " Then he left."
    with finishes_within(HANG):
        sentences = segment(text)
    assert spans(sentences) == [(0, len(text) - 14), (len(text) - 13, len(text))]


def test_every_drift_of_one_long_sentence_is_found() -> None:
    text = one_sentence(DRIFTED, 800_000)
    with finishes_within(HANG):
        report = factcheck.compare(CLAIMS, text)
    figures = [m.start() + 1 for m in re.finditer("7%", text)]
    assert [f.column for f in report.findings if f.type == "number"] == figures
    pieces = len(body_sentences(text))
    assert report.summary.sentences == pieces > 1
    assert Counter(f.type for f in report.findings) == {"number": len(figures), "negation": pieces}


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        ("Wait... What?! No.", ["Wait...", "What?!", "No."]),
        ("He won!!! Then he left.", ["He won!!!", "Then he left."]),
        ('She said "no?!" Then left.', ['She said "no?!"', "Then left."]),
        ("So it ends..... and goes on.", ["So it ends..... and goes on."]),
        ("Really?!?! Yes.", ["Really?!?!", "Yes."]),
        ("it ended . then it began", ["it ended .", "then it began"]),
        ("word" + "." * 50, ["word" + "." * 50]),
    ],
)
def test_a_run_of_stops_ends_a_sentence_where_the_next_begins(text: str, stops: list[str]) -> None:
    assert [s.text for s in segment(text)] == stops


def test_a_long_sentence_is_cut_into_pieces_of_at_most_longest_tokens() -> None:
    text = one_sentence("the U.S. grew 7% in 2023", 60_000)
    (sentence,) = segment(text)
    pieces = cut(text, sentence, LONGEST)
    assert len(pieces) > 1
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    for piece, after in zip(pieces, pieces[1:], strict=False):
        assert text[piece.start : piece.end] == piece.text
        assert text[piece.end : after.start].isspace()  # cut at a space: "7%", "U.S." stay whole
    assert all(len(tokenize(p.text)) <= LONGEST for p in pieces)


def test_a_sentence_of_longest_tokens_is_not_cut() -> None:
    text = " ".join(["word"] * LONGEST)
    (sentence,) = segment(text)
    assert cut(text, sentence, LONGEST) == (sentence,)


@pytest.mark.parametrize("piece", [0, 1, 2])
def test_drift_in_any_piece_of_a_long_sentence_is_found(piece: int) -> None:
    clauses = [SAID] * (5 * LONGEST // 2 // len(tokenize(SAID)))  # two and a half pieces
    at = len(clauses) * (2 * piece + 1) // 6  # in the middle of a piece
    clauses[at] = SAID.replace("5%", "7%")
    text = ", ".join(clauses)
    report = factcheck.compare(CLAIMS, text)
    found = [(f.type, f.column - 1) for f in report.findings]
    assert report.summary.sentences == 3
    assert found == [("number", text.index("7%"))]


def test_line_and_column_round_trip_through_the_line_index() -> None:
    text = "one\n\ntwo three\nfour\n"
    assert line_col(text, text.index("three")) == (3, 5)
    for offset in range(len(text) + 1):
        assert offset_of(text, *line_col(text, offset)) == offset
