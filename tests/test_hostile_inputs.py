"""Hostile inputs: text crafted to make preparing a document slow or wrong."""

from __future__ import annotations

import pytest
from hang import finishes_within

from factcheck import suppress
from factcheck.inputs import prepare
from factcheck.report import Finding, Report, Summary

# linear time: Markdown, HTML, suppression comments
#
# Each hang guard prepares about a megabyte that took the former quadratic code minutes or
# hours; linear code takes well under a second. The guards fail, rather than hang, at 30 s.

MEGABYTE = 1_000_000


def repeated(unit: str, size: int = MEGABYTE) -> str:
    return unit * (size // len(unit))


@pytest.mark.parametrize("unit", ["*a ", "**a ", "_a ", "__a ", "~~a ", "[a ", "![", "a <!-- "])
def test_markdown_openers_without_closers(unit: str) -> None:
    text = repeated(unit)
    with finishes_within(30):
        prepared = prepare(text, "markdown").text
    assert prepared == text  # nothing closes, so nothing is markup


def test_markdown_comment_openers_from_the_start_of_a_line() -> None:
    text = repeated("<!-- ")
    with finishes_within(30):
        prepared = prepare(text, "markdown").text
    assert prepared == " " * len(text)  # a comment block never closed: no reader sees it


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


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("# T\n\n<!--Meta said so.\n\nMore prose.\n", ["T"]),  # to the end, as CommonMark
        ("> <!-- open\n> quoted\n\nAfter the quote.\n", ["After", "the", "quote."]),
        ("<!-- a --> trailing text\n", ["trailing", "text"]),  # closed: only the comment goes
    ],
)
def test_markdown_comment_block_never_closed_is_no_text(text: str, kept: list[str]) -> None:
    prepared = prepare(text, "markdown").text
    assert prepared.split() == kept and len(prepared) == len(text)


def test_unterminated_directives_on_one_line() -> None:
    text = repeated("<!-- factcheck: ")
    with finishes_within(30):
        found = suppress.suppressions(text)
        blanked = suppress.blank(text)
    assert found == suppress.Suppressions() and blanked == text


def _number_drift_on_every_line(lines: int) -> Report:
    """A report of a.md with a number drift of claim c001 at column 21 of each line."""
    findings = [
        Finding("drift", "number", "warning", "m", claim_id="c001", line=n, column=21)
        for n in range(1, lines + 1)
    ]
    return Report("a.md", Summary(lines, 1, 1, 0, lines, 0, 1.0), tuple(findings))


def test_many_directives_each_suppress_their_sentence() -> None:
    text = repeated("The Alliance counts 45 members. <!-- factcheck: ignore c001 -->\n")
    lines = text.count("\n")
    report = _number_drift_on_every_line(lines)
    with finishes_within(30):
        found = suppress.suppressions(text)
        blanked = suppress.blank(text)
        kept, unused = suppress.apply(report, found)
    assert len(found.directives) == lines and found.problems == ()
    assert found.directives[-1].scope == ((lines, 1), (lines, 32))
    assert "factcheck" not in blanked and len(blanked) == len(text)
    assert kept.findings == () and unused == []


def test_many_file_directives_meet_many_findings() -> None:
    text = repeated("Text. <!-- factcheck: ignore-file unsupported number-drift -->\n")
    lines = text.count("\n")
    findings = [
        Finding("unsupported", None, "warning", "m", line=n, column=1) for n in range(1, lines)
    ]
    report = Report("a.md", Summary(lines, 1, 1, 0, 0, lines, 1.0), tuple(findings))
    with finishes_within(30):
        kept, unused = suppress.apply(report, suppress.suppressions(text))
    assert kept.findings == ()
    assert len(unused) == lines and unused[0].message == "unused suppression of number-drift"


@pytest.mark.parametrize(
    ("text", "directives"),
    [
        ("a <!-- factcheck: ignore c001 --> b -->", ["<!-- factcheck: ignore c001 -->"]),
        ("a <!-- factcheck: ignore c001\n--> b", []),  # a directive closes on its own line
        (
            "<!-- factcheck: <!-- factcheck: ignore -->",
            ["<!-- factcheck: <!-- factcheck: ignore -->"],
        ),
        (
            "# factcheck: ignore <!-- factcheck: ignore -->",
            ["# factcheck: ignore <!-- factcheck: ignore -->"],
        ),
        (
            "<!-- factcheck: ignore --><!-- factcheck: x -->-->",
            ["<!-- factcheck: ignore -->", "<!-- factcheck: x -->"],
        ),
    ],
)
def test_a_directive_runs_to_the_first_closer_on_its_line(text: str, directives: list[str]) -> None:
    expected = text
    for directive in directives:
        expected = expected.replace(directive, " " * len(directive), 1)
    assert suppress.blank(text) == expected


def test_directive_positions_and_scopes_on_later_lines() -> None:
    text = "First one.\n\nSecond one. <!-- factcheck: ignore c001 --> Third one.\n<!-- factcheck: ignore -->\n"
    found = suppress.suppressions(text)
    assert [(d.line, d.column, d.scope) for d in found.directives] == [
        (3, 13, ((3, 1), (3, 12))),  # the sentence it follows on its line
        (4, 1, ((5, 1), (5, 1))),  # alone on its line, with no sentence after it: nothing
    ]


@pytest.mark.parametrize(
    "unit", ["<a ", "<a b='", "<!-- ", "<! ", "<? ", "</ ", "</a ", "<![CDATA[ "]
)
def test_html_unterminated_markup_runs_to_the_end(unit: str, html_reader: str) -> None:
    text = "<p>Kept text. " + repeated(unit)
    with finishes_within(30):
        prepared = prepare(text, "html").text
    assert len(prepared) == len(text) and prepared.split() == ["Kept", "text."]


def test_html_unclosed_attribute_quotes_repeated(html_reader: str) -> None:
    text = repeated("<p>text <a b='")
    with finishes_within(30):
        prepared = prepare(text, "html").text
    assert len(prepared) == len(text) and set(prepared.split()) == {"text"}


def test_html_unclosed_script(html_reader: str) -> None:
    text = "<p>Kept.</p><script>" + repeated("</scrip <p>")
    with finishes_within(30):
        prepared = prepare(text, "html").text
    assert prepared.split() == ["Kept."]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<p><a title='x>y' href=\"a'b\">Kept</a></p>", ["Kept"]),  # > and ' inside values
        ("<p>Kept <!-- x\n--> too</p>", ["Kept", "too"]),  # a comment closes on a later line
        ("<p>Kept <!-- never closed</p>", ["Kept"]),
        ("<p>Kept <a b='never closed</p>", ["Kept"]),
        ("<p>Kept <![ x> too</p>", ["Kept", "too"]),  # html.parser raised AssertionError
        ("<p>Kept &#; <b>too</b> &#; <i>and</i></p>", ["Kept", "&#;", "too", "&#;", "and"]),
        ("<p>a <script>x = '</p>';</script>b</p>", ["a", "b"]),
        ("<p>1 < 2 and 3<4</p>", ["1", "<", "2", "and", "3<4"]),
    ],
)
def test_html_markup_extent(text: str, words: list[str], html_reader: str) -> None:
    prepared = prepare(text, "html").text
    assert prepared.split() == words and len(prepared) == len(text)


def test_html_block_tags_break_lines_where_they_stand(html_reader: str) -> None:
    text = "<body><h1>Title</h1><p>One<br/>two</p><nav>Menu</nav></body>"
    prepared = prepare(text, "html").text
    breaks = [i for i, c in enumerate(prepared) if c == "\n"]
    assert breaks == [
        text.index(tag) for tag in ("<h1", "</h1", "<p", "<br", "</p", "<nav", "</nav")
    ]
    assert [line.strip() for line in prepared.split("\n") if line.strip()] == [
        "Title",
        "One",
        "two",
    ]


def test_many_overlapping_ranges_meet_many_findings() -> None:
    text = repeated("The Alliance counts 45 members. <!-- factcheck: ignore-start c001 -->\n")
    lines = text.count("\n")
    text += "<!-- factcheck: ignore-end -->\n"
    report = _number_drift_on_every_line(lines)
    with finishes_within(30):
        found = suppress.suppressions(text)
        kept, unused = suppress.apply(report, found)
    assert len(found.directives) == lines and found.problems == ()
    assert all(s.scope == ((s.line, 33), (lines + 1, 1)) for s in found.directives)
    # each range starts after its line's finding: the first finding is outside every range
    assert [f.line for f in kept.findings] == [1]
    assert len(unused) == 1 and unused[0].line == lines
