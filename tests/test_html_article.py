"""HTML pages read like the article: page furniture (cookie banners, comments, newsletter boxes,
related stories, ad slots, share bars) is not text to check, and findings still point into the
page as written.

The pages under data/html are our own, built the way news sites build theirs (pages.py;
benchmarks/html_extraction.py measures the same pages).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hang import finishes_within
from pages import PAGES, sidecar, words

from factcheck.cli import run
from factcheck.inputs import prepare

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_a_page_reads_as_its_article(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    prepared = prepare(text, "html").text
    assert len(prepared) == len(text)
    article, furniture = sidecar(page)
    assert article and furniture
    found = words(prepared)
    assert [s for s in article if words(s) not in found] == []
    assert [s for s in furniture if words(s) in found] == []


def test_findings_on_a_page_without_article_point_into_the_page(capsys) -> None:
    page = DATA / "html" / "harbourton-storybody.html"
    code = run(["compare", str(DATA / "claims.yaml"), str(page), "--format", "json"])
    assert code == 1
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    lines = page.read_text(encoding="utf-8").splitlines()
    body = range(19, 27)  # the story's paragraphs, between the ad slots
    located = [f for f in findings if f["kind"] != "omission"]
    assert [(f["kind"], f["line"]) for f in located if f["line"] not in body] == []
    hedge = next(f for f in located if f["type"] == "hedge")
    assert (hedge["claim_id"], hedge["line"], hedge["column"]) == ("c006", 24, 51)
    assert lines[23][50:].startswith("need to borrow")


def test_markup_named_furniture_goes_with_what_it_holds() -> None:
    text = (
        "<body><div class='story'><p>The council approved the budget on Tuesday, by nine votes"
        " to two.</p><div id=comment-7><p>Outrageous, the budget is far too large.</p></div>"
        "<p hidden>Hidden text.</p><p style='display: none'>More hidden text.</p>"
        "<div role=dialog>Subscribe now.</div><p>Reid, not a fan, voted against.</p></div>"
        "<div class='related-stories'><p>Council to vote on the parks plan.</p></div></body>"
    )
    assert prepare(text, "html").text.split() == (
        "The council approved the budget on Tuesday, by nine votes to two. "
        "Reid, not a fan, voted against.".split()
    )


def test_a_list_of_links_inside_the_story_is_not_article_text() -> None:
    text = (
        "<body><div><p>The strike ended on Tuesday after the union accepted the offer.</p>"
        "<p>Read also: <a href=x>How one strike slows a whole region</a></p>"
        "<h2><a href=y>What the deal means</a></h2>"
        "<p>The port said the backlog would take two weeks to clear, at the least.</p></div></body>"
    )
    kept = prepare(text, "html").text
    assert "Read also" not in kept and "slows" not in kept
    assert "What the deal means" in " ".join(kept.split())


@pytest.mark.parametrize(
    "unit",
    ["<div class=comment>", "<div><p>a, b, c, d, e, f, g, h, i, j, k, l, m, n</p>", "</span>"],
)
def test_reading_many_elements_takes_linear_time(unit: str) -> None:
    text = "<body><p>Kept text.</p>" + unit * (1_000_000 // len(unit))
    with finishes_within(30):
        prepared = prepare(text, "html").text
    assert len(prepared) == len(text)


def test_a_fragment_keeps_its_headline_and_story() -> None:
    text = (
        "<h1>Council backs budget</h1><div><p>The council approved the budget, by nine votes"
        " to two.</p><p>The mayor said it puts residents first.</p></div>"
        "<div class=comments><p>A comment that is long enough to count as a paragraph.</p></div>"
    )
    assert prepare(text, "html").text.split() == (
        "Council backs budget The council approved the budget, by nine votes to two. "
        "The mayor said it puts residents first.".split()
    )
