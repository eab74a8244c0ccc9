"""Hostile inputs: text crafted to make preparing a document slow or wrong."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest

from factcheck.inputs import prepare

# linear time: Markdown, HTML, suppression comments
#
# Each hang guard prepares about a megabyte that took the former quadratic code minutes or
# hours; linear code takes well under a second. The guards fail, rather than hang, at 30 s.

MEGABYTE = 1_000_000


@contextmanager
def finishes_within(seconds: int) -> Iterator[None]:
    """Fail the test when its block runs longer than ``seconds``."""

    def timeout(signum: int, frame: FrameType | None) -> None:
        pytest.fail(f"still running after {seconds} s: time quadratic in the input?")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def repeated(unit: str, size: int = MEGABYTE) -> str:
    return unit * (size // len(unit))


@pytest.mark.parametrize("unit", ["*a ", "**a ", "_a ", "__a ", "~~a ", "[a ", "![", "<!-- "])
def test_markdown_openers_without_closers(unit: str) -> None:
    text = repeated(unit)
    with finishes_within(30):
        prepared = prepare(text, "markdown").text
    assert prepared == text  # nothing closes, so nothing is markup


def test_markdown_backticks_pair_along_a_line() -> None:
    text = repeated("`a `b ")
    with finishes_within(30):
        prepared = prepare(text, "markdown").text
    assert prepared == text.replace("`", " ")


def test_markdown_text_then_unclosed_comments() -> None:
    text = repeated("text ", MEGABYTE // 2) + repeated("<!--", MEGABYTE // 2)
    with finishes_within(30):
        prepared = prepare(text, "markdown").text
    assert prepared == text


def test_markdown_comment_openers_closed_once_at_the_end() -> None:
    text = "Kept. " + repeated("<!-- x ") + "--> Kept."
    with finishes_within(30):
        prepared = prepare(text, "markdown").text
    assert prepared.split() == ["Kept.", "Kept."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold** and *it* and ~~struck~~", "  bold   and  it  and   struck  "),
        ("*a _b* c_", " a  b  c "),  # each delimiter pairs on its own
        ("2 * 3 and *b*", "2 * 3 and  b "),  # a star before a space opens nothing
        ("*a and b", "*a and b"),
        ("snake_case_name", "snake_case_name"),
        ("`a` or `b`", " a  or  b "),  # two code spans, as CommonMark reads them
        ("``a ` b``", "  a ` b  "),
        ("*a\nb*", "*a b*"),  # emphasis never pairs across a line break
    ],
)
def test_markdown_delimiter_pairs(text: str, expected: str) -> None:
    assert prepare(text, "markdown").text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a [b](c) d", "[a  b     d"),  # a ] closes the nearest [ before it
        ("[[`x`](u)] y", "[  x     ] y"),
        ("![a [b](c)", "![a  b    "),
        ("a <!-- unclosed", "a <!-- unclosed"),
    ],
)
def test_markdown_brackets_and_comments(text: str, expected: str) -> None:
    assert prepare(text, "markdown").text == expected


@pytest.mark.parametrize(
    "text",
    ["a <!-- x\ny --> b", "a <!-- x\n\ny --> b", "a <!-- x <!-- y --> b", "a <!---> x --> b"],
)
def test_markdown_comment_runs_to_the_first_closer_after_it(text: str) -> None:
    prepared = prepare(text, "markdown").text
    assert prepared.split() == ["a", "b"] and len(prepared) == len(text)
