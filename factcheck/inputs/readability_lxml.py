"""Which runs of a page's text are its article, as readability-lxml (the ``html`` extra) sees it.

The library has been tried on more of the web than our own chooser (``article.py``), but it
gives cleaned HTML, with no offsets into the page. So it is not given the page: it is given the
page as ``html.py`` read it, rebuilt. The elements that are not furniture, with the attributes
it reads (``html.MARKS``: class, id, itemprop), and each run of text wrapped in a ``<span>``
numbered after the run. The runs whose span is in its summary are the article: ``strip`` keeps
them where they stand, so offsets, lines and columns into the page stay those of the page.

Rebuilding also bounds the library's work on hostile pages: the rebuilt page has no scripts,
no furniture, three attributes an element at most (lxml's parser takes time quadratic in a
tag's attributes) and values without quotes or ``=`` (its attribute cleaner rescans the page
once a match). A page of more than ``MOST_NODES`` tags and runs of text, an element holding more than
``MOST_HELD`` (the library takes time quadratic in them) and a page nested deeper than
``DEEPEST`` (libxml2 stops at 256 levels) are left to the built-in chooser, as is a page the
library fails on, and every page when the library is not installed.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

from .html import Page

MOST_NODES = 40_000  # start tags, end tags and runs of text: some 13,000 elements
MOST_HELD = 2_000  # in one element: the library inserts each into a list
DEEPEST = 200
RUN = "data-factcheck-run"  # the attribute that numbers a run's <span>
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
_RAW_TEXT = frozenset("plaintext xmp listing textarea noembed noframes title".split())
_UNSAFE = re.compile(r"[\"'<>&=]")


def chosen(page: Page, text: str) -> set[int] | None:
    """The indices (into ``page.texts``) of the runs readability-lxml takes for the article;
    None when it is not installed, the page is too large or deep, it fails, or it finds no
    article: its summary is then the whole ``<body>``, and the built-in's choice is better."""
    reader = _reader()
    rebuilt = _rebuilt(page, text) if reader is not None else None
    if reader is None or not rebuilt:
        return None
    try:
        runs: set[int] | None = reader(rebuilt)
    except Exception:  # a library's failure on a hostile page: the built-in reads it instead
        return None
    return runs or None


@cache
def _reader() -> Any:
    """A function from rebuilt HTML to the runs the library keeps; None when not installed."""
    try:
        from readability import Document
    except ImportError:
        return None
    # Its failures are ours to report, or not: its logger writes nothing, no traceback above all.
    logging.getLogger("readability").setLevel(logging.CRITICAL + 1)

    class Marked(Document):  # type: ignore[misc]
        """Notes the runs in the summary, or None when it is the whole ``<body>``, then drops
        their spans before the summary is measured (it retries less strictly below 250
        characters): the library's own choice, unchanged."""

        runs: set[int] | None = None

        def get_clean_html(self) -> Any:
            spans = [span for span in self.html.iter("span") if span.get(RUN) is not None]
            whole = self.html.tag == "body" or self.html.find(".//body") is not None
            self.runs = None if whole else {int(span.get(RUN)) for span in spans}
            for span in spans:
                span.drop_tag()
            return super().get_clean_html()

    def read(rebuilt: str) -> set[int] | None:
        document = Marked(rebuilt)
        document.summary(html_partial=True)
        return document.runs

    return read


def _rebuilt(page: Page, text: str) -> str | None:
    """The page's elements that are not furniture and its runs of text in them, as HTML; None
    when it has too many of them, too many in one element or nested too deep."""
    elements = page.elements
    out: list[str] = []
    stack: list[int] = []  # the open elements
    held = [0]  # the elements and runs each open element holds so far, the page's top first
    following = 0  # the next element to open
    for k, (start, end, at) in enumerate(page.texts):
        while following < len(elements) and elements[following].start < start:
            element = elements[following]
            if element.furniture:
                following = element.last + 1
                continue
            _close_to(element.parent, stack, held, out, page)
            marks = "".join(f' {key}="{_UNSAFE.sub(" ", value)}"' for key, value in element.marks)
            out.append(f"<{_name(element.name)}{marks}>")
            held[-1] += 1
            stack.append(following)
            held.append(0)
            following += 1
            if len(stack) > DEEPEST or held[-2] > MOST_HELD or len(out) > MOST_NODES:
                return None
        if at >= 0 and elements[at].furniture:
            continue
        _close_to(at, stack, held, out, page)
        run = text[start:end].replace("<", "&lt;")
        out.append(f'<span {RUN}="{k}">{run}</span>' if run.strip() else run)
        held[-1] += 1
        if held[-1] > MOST_HELD or len(out) > MOST_NODES:
            return None
    _close_to(-1, stack, held, out, page)
    return "".join(out)


def _close_to(parent: int, stack: list[int], held: list[int], out: list[str], page: Page) -> None:
    """Close the open elements inside ``parent`` (-1: all of them)."""
    while stack and stack[-1] != parent:
        out.append(f"</{_name(page.elements[stack.pop()].name)}>")
        held.pop()


def _name(name: str) -> str:
    """``name``, or ``span`` for a name libxml2 would misread (a stray character, an element
    whose content it reads as text)."""
    return name if _NAME.match(name) and name not in _RAW_TEXT else "span"
