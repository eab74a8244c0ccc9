"""Markdown and HTML inputs: markup blanked, findings located in the original file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pages import ARTICLE_BODY

import factcheck
from factcheck import InputError
from factcheck.cli import run
from factcheck.inputs import claims_path, in_original, kind_for, prepare

CLAIMS = factcheck.load_claims(
    "version: 1\nclaims:\n"
    "- id: c001\n  text: The AI Alliance counts around 45 organizations among its membership.\n"
    "  key: true\n",
    "claims.yaml",
)

MARKDOWN = """\
---
title: The alliance
claims: ../claims.yaml
---
# The *AI* Alliance

The [AI Alliance](https://example.com/alliance "home") counts **more than 50**
organizations among its membership.

```text
The AI Alliance counts 99 organizations among its membership.
```
"""

HTML = """\
<html><head><title>The alliance</title><script>var members = 99;</script></head>
<body><nav>The AI Alliance counts 77 organizations</nav>
<article><h1>The AI Alliance</h1>
<p>The <a href="https://example.com/alliance">AI Alliance</a> counts
more than 50 organizations among its membership.</p></article>
<footer>The AI Alliance counts 88 organizations among its membership.</footer></body></html>
"""

SAMPLES = [
    ("markdown", MARKDOWN),
    ("html", HTML),
    ("markdown", "no front matter, *no* newline at the end"),
    ("markdown", "---\n---\n> quote\n>\n> - [x](y) ![i](j) `c` ~~s~~ \\*e\\*\n\n    code\n"),
    (
        "markdown",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nText\n===\n\n***\n<!-- factcheck:\nignore -->\n",
    ),
    (
        "markdown",
        "[t][r] <https://x.y> AT&amp;T didn&#8217;t &nbsp; <b>bold</b>\n\n[r]: https://z\n",
    ),
    ("html", "<p>AT&amp;T didn&#8217;t &copy &#x2014; &bogus; <b>x</b><br/>y</p><!-- c -->"),
    ("html", "<div><script>if (a < b) {}</script>unclosed <p>para"),
    ("html", "plain text, no tags at all"),
    ("text", "Plain **text** is left alone.\n"),
]


@pytest.mark.parametrize(("kind", "text"), SAMPLES)
def test_prepared_text_keeps_every_offset(kind: str, text: str, html_reader: str) -> None:
    prepared = prepare(text, kind)
    assert len(prepared.text) == len(text)
    assert prepared.original == text
    if "&" not in text:  # decoding an entity pulls the rest of its word up to it
        assert all(k.isspace() or k == o for k, o in zip(prepared.text, text, strict=True))


def test_markdown_finding_is_located_in_the_original() -> None:
    prepared = prepare(MARKDOWN, "markdown", "a.md")
    report = in_original(factcheck.compare(CLAIMS, prepared.text, "a.md"), prepared)
    drifts = [(f.type, f.claim_id, f.line, f.column) for f in report.findings if f.kind == "drift"]
    assert drifts == [("number", "c001", 7, 65)]
    assert MARKDOWN.splitlines()[6][64:].startswith("more than 50")
    assert all(f.kind != "unsupported" for f in report.findings)  # no URL, no code, no metadata


def test_wrapped_sentence_keeps_its_line_breaks_for_end_positions() -> None:
    text = "The AI Alliance counts around 45\norganizations among its members,\nsays IBM.\n"
    prepared = prepare(text.replace("around 45", "more than 50"), "markdown")
    assert "\n" not in prepared.text.rstrip("\n")  # one paragraph, one sentence
    report = in_original(factcheck.compare(CLAIMS, prepared.text), prepared)
    drift = next(f for f in report.findings if f.kind == "drift")
    assert (drift.line, drift.column) == (1, 24)
    assert drift.sentence is not None and drift.sentence.count("\n") == 2


def test_links_keep_their_text_and_images_go() -> None:
    text = prepare("See [the AI Alliance](https://x.y/z) ![a logo](logo.png).\n", "markdown").text
    assert text.split() == ["See", "the", "AI", "Alliance", "."]


def test_code_blocks_are_not_checked() -> None:
    text = prepare(MARKDOWN, "markdown").text
    assert "99" not in text and "```" not in text and "https" not in text
    assert "*" not in text and "#" not in text


def test_front_matter_is_metadata_not_text() -> None:
    prepared = prepare(MARKDOWN, "markdown", "articles/a.md")
    assert prepared.metadata == {"title": "The alliance", "claims": "../claims.yaml"}
    assert "alliance" not in prepared.text.split("#")[0]
    assert prepared.text.count("\n") >= MARKDOWN.count("\n") - 1
    assert claims_path(prepared, "articles/a.md") == "claims.yaml"
    assert claims_path(prepare("text", "markdown"), "a.md") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\nbody\n", "a.md:3: front matter is not valid YAML"),
        ("---\n- a list\n---\nbody\n", "a.md:2: front matter is not a mapping"),
    ],
)
def test_bad_front_matter_is_an_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        prepare(text, "markdown", "a.md")


def test_html_main_text_only(html_reader: str) -> None:
    prepared = prepare(HTML, "html")
    for furniture in ("77", "88", "99", "var", "title", "href"):
        assert furniture not in prepared.text
    report = in_original(factcheck.compare(CLAIMS, prepared.text, "a.html"), prepared)
    drifts = [(f.type, f.line, f.column) for f in report.findings if f.kind == "drift"]
    assert drifts == [("number", 5, 1)]
    assert HTML.splitlines()[4].startswith("more than 50")


def test_html_entities_are_decoded_in_place(html_reader: str) -> None:
    text = prepare("<p>It didn&#8217;t &mdash; AT&amp;T&nbsp;said.</p>", "html").text
    assert text.split() == ["It", "didn’t", "—", "AT&T", "said."]


def test_suppression_comments_stay_in_the_original() -> None:
    source = "Text.\n<!-- factcheck: ignore c001 -->\n"
    prepared = prepare(source, "markdown")
    assert "factcheck" not in prepared.text and "ignore c001" in prepared.original


@pytest.mark.parametrize(
    ("path", "override", "stdin_filename", "kind"),
    [
        ("a.md", None, None, "markdown"),
        ("a.MARKDOWN", None, None, "markdown"),
        ("a/b.html", None, None, "html"),
        ("b.htm", None, None, "html"),
        ("a.txt", None, None, "text"),
        ("README", None, None, "text"),
        ("a.txt", "markdown", None, "markdown"),
        ("a.md", "text", None, "text"),
        ("-", None, None, "text"),
        ("-", None, "post.md", "markdown"),
        ("-", "html", "post.md", "html"),
        ("a.txt", None, "post.md", "text"),
    ],
)
def test_kind_for(path: str, override: str | None, stdin_filename: str | None, kind: str) -> None:
    assert kind_for(path, override, stdin_filename) == kind


def test_unknown_input_format() -> None:
    with pytest.raises(InputError, match="unknown input format 'rst'"):
        kind_for("a.rst", "rst")


def test_cli_input_formats_are_the_inputs_kinds() -> None:
    from factcheck.cli import InputFormat
    from factcheck.inputs import KINDS

    assert tuple(f.value for f in InputFormat) == KINDS


# extract, and compare with a report in place of claims, read the report as compare reads a
# rewrite: its prose, each claim on its line in the file as written

PAGE = Path(__file__).parent / "data" / "html" / "harbourton-storybody.html"
TAG = re.compile(r"</?[a-zA-Z]|\w+=[\"']")

WRAPPED_MARKDOWN = """\
---
title: Budget
---
# Harbourton approves a **412 million dollar** budget

The [Harbourton city council](https://example.com/council) approved a budget of
**412 million dollars** on Tuesday, an increase of 6 percent over last year.

- The largest share, 140 million dollars, goes to public transport.
"""


def extracted(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert run(["extract", *args]) == 0
    claims: list[dict[str, object]] = yaml.safe_load(capsys.readouterr().out)["claims"]
    return claims


def test_extract_reads_an_html_report_as_its_article(
    capsys: pytest.CaptureFixture[str], html_reader: str
) -> None:
    claims = extracted(capsys, str(PAGE))
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    assert [c for c in claims if TAG.search(str(c["text"]))] == []
    assert [c["line"] for c in claims] == [16, 19, 20, 22, 23, 24, 26]  # in the page as written
    for claim in claims:
        assert str(claim["text"])[:30] in lines[int(str(claim["line"])) - 1]
    assert not any("partners" in str(c["text"]) or "Brightwater" in str(c["text"]) for c in claims)


def test_extract_input_format_overrides_the_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], html_reader: str
) -> None:
    report = tmp_path / "page.txt"
    report.write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    as_text = extracted(capsys, str(report))
    assert any(TAG.search(str(c["text"])) for c in as_text)
    as_html = extracted(capsys, str(report), "--input-format", "html")
    assert [c["text"] for c in as_html] == [c["text"] for c in extracted(capsys, str(PAGE))]


def test_extract_reads_html_with_the_reader_compare_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("readability")  # its choice differs from the built-in's on this page
    report = tmp_path / "report.txt"
    report.write_text(ARTICLE_BODY, encoding="utf-8")
    claims = extracted(capsys, str(report), "--input-format", "html")
    assert [c["text"] for c in claims] == [
        "The council approved the budget on Tuesday, by nine votes to two.",
        "The mayor said the budget puts residents first.",
    ]


def test_extract_reads_a_markdown_report_as_prose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.md"
    report.write_text(WRAPPED_MARKDOWN, encoding="utf-8")
    claims = extracted(capsys, str(report))
    assert [(c["text"], c["line"]) for c in claims] == [
        (
            "The Harbourton city council approved a budget of 412 million dollars on Tuesday, "
            "an increase of 6 percent over last year.",
            6,
        ),
        ("The largest share, 140 million dollars, goes to public transport.", 9),
    ]


def test_a_report_in_place_of_claims_is_read_by_its_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rewrite = tmp_path / "rewrite.txt"
    rewrite.write_text("The Harbourton city council approved a budget on Tuesday.\n")
    assert run(["compare", str(PAGE), str(rewrite), "--format", "concise"]) == 0
    omitted = [line.split(": ")[0] for line in capsys.readouterr().out.splitlines()]
    assert omitted[:2] == [f"{PAGE}:16:1", f"{PAGE}:20:1"]  # claims c001 and c003, in the page
