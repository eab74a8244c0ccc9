"""Our own news-like HTML pages (data/html), for the tests and benchmarks/html_extraction.py.

Each ``NAME.html`` has a sidecar ``NAME.article.txt``: the article's sentences, one a line, the
headline first (then standfirst, body, subheadings; not bylines, captions, banners, comments or
teasers), then, each after ``- ``, furniture that must not be read as article text.

Two groups: ``PAGES``, the pages the built-in reader (inputs/article.py) was written against,
and ``HELD_OUT`` (data/html/held-out), pages in other site styles written afterwards and
measured, never studied: no reader is changed to suit them, so they show how a reader does on
pages it has not seen.
"""

from __future__ import annotations

import re
from pathlib import Path

HTML = Path(__file__).parent / "data" / "html"
PAGES = sorted(HTML.glob("*.html"))
HELD_OUT = sorted((HTML / "held-out").glob("*.html"))


def sidecar(page: Path) -> tuple[list[str], list[str]]:
    """The article sentences of ``page`` and the furniture listed after them."""
    lines = page.with_suffix(".article.txt").read_text(encoding="utf-8").splitlines()
    return [x for x in lines if not x.startswith("- ")], [
        x[2:] for x in lines if x.startswith("- ")
    ]


def words(text: str) -> str:
    """``text`` as lower-case words joined by single spaces, padded: a whole-word search, which
    punctuation, quotes and line breaks do not disturb."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


ARTICLE_BODY = (  # schema.org's articleBody beside a longer thread of letters with no telling name
    "<body><div class='col'><div itemprop='articleBody'>"
    "<p>The council approved the budget on Tuesday, by nine votes to two.</p>"
    "<p>The mayor said the budget puts residents first.</p></div></div>"
    "<div class='col'><div class='thread'>"
    "<p>Nine votes to two, again, on a budget that raises the rates, cuts the buses, and adds"
    " nothing for us.</p>"
    "<p>Residents first, she says, while the library, the pool, and the park wait another"
    " year.</p>"
    "<p>Two councillors read it, then, and voted against it, which is more than the rest"
    " did.</p></div></div></body>"
)
