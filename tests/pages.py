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
