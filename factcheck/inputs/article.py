"""Which elements of a page hold its article: a readability-style choice by paragraphs.

Each block of at least ``PARAGRAPH`` visible characters of its own (not furniture) scores
1, one more a comma, and one more a hundred characters up to three. A paragraph (``<p>``, a
list item, a heading…) gives its score to its parent and half to the grandparent; a block that
holds loose text itself (a ``<div>`` or a cell of ``<br>``-separated lines) to itself and half to
its parent. The best element, its score less the share of its text inside links and weighed up
when its class or id names article text (``lexicon/page_content.txt``), holds the article; an
``<article>`` around it is the article, headline and all. Beside it, under the same parent, are
kept: the elements from the one holding the page's last ``<h1>`` before it (the headline, a
standfirst), a sibling that scores a fifth of the best (the story goes on after an ad slot),
and a sibling paragraph of over 80 characters mostly outside links. A page with no block
long enough keeps all its text but furniture.

Where readability-lxml chose the article's runs of text (``readability_lxml.py``), its choice
replaces this one; the headline and a standfirst before it are added as here, and lists of
links are dropped as here.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate

from .html import BLOCKS, Element, Page

PARAGRAPH = 25  # visible characters a block needs to count as a paragraph
PARAGRAPHS = frozenset("p li dt dd blockquote pre h1 h2 h3 h4 h5 h6 caption".split())
CONTENT_WEIGHT = 1.25  # a candidate whose class or id names article text
SIBLING_SHARE = 0.2  # of the best score, for a sibling to be kept
LONG_SIBLING = 80  # characters of a sibling paragraph kept on its own
SIBLING_LINKS = 0.25  # most share of its text in links
LINKS = 0.5  # a block with more of its text in links is a list of links, not article text


def kept(page: Page, chosen: set[int] | None = None) -> Callable[[int], bool]:
    """Whether run ``k`` of ``page.texts`` is article text: chosen (by readability-lxml when
    ``chosen`` is given, with the headline before it; else inside the elements that hold the
    article), not furniture, and not in a block mostly made of links ("Read also: …", a list
    of topics)."""
    elements, texts = page.elements, page.texts
    roots = article(page) if chosen is None else []
    if roots is None:
        return lambda k: texts[k][2] < 0 or not elements[texts[k][2]].furniture
    steps = [0] * (len(elements) + 1)  # -1 over the article, +1 over each list of links:
    for i in roots:  # an element is kept where they add up to -1 (the roots are disjoint)
        steps[i] -= 1
        steps[elements[i].last + 1] += 1
    for i, element in enumerate(elements):
        if _link_list(element):
            steps[i] += 1
            steps[element.last + 1] -= 1
    cover = list(accumulate(steps))
    if chosen is None:
        return lambda k: (i := texts[k][2]) >= 0 and cover[i] == -1 and not elements[i].furniture
    runs = chosen | _headline(page, chosen)
    return lambda k: (
        k in runs and ((i := texts[k][2]) < 0 or cover[i] == 0 and not elements[i].furniture)
    )


def article(page: Page) -> list[int] | None:
    """The elements that hold the article, in order; None when no block is long enough."""
    elements = page.elements
    scores = {i: _weighed(elements[i], score) for i, score in _scores(elements).items()}
    if not scores:
        return None
    top = max(scores, key=lambda i: (scores[i], -i))
    best = _around(elements, top)
    parent = elements[best].parent
    heading = _heading(page, best)
    if parent < 0 or (heading is not None and elements[heading].parent != parent):
        return [best] if heading is None else [heading, best]  # no siblings, or a headline apart
    least = SIBLING_SHARE * scores[top]
    return [
        i
        for i in _children(elements, parent)
        if i == best
        or (heading is not None and heading <= i < best)
        or scores.get(i, 0.0) >= least
        or _long_paragraph(elements[i])
    ]


def _headline(page: Page, chosen: set[int]) -> set[int]:
    """The runs from the page's last ``<h1>`` before the first of ``chosen`` up to it: the
    headline and a standfirst, which readability-lxml leaves out."""
    first = min(chosen)
    before = [h for h in page.headings if page.elements[h].start < page.texts[first][0]]
    if not before:
        return set()
    start = page.elements[before[-1]].start
    return {k for k in range(first) if page.texts[k][0] > start}


def _scores(elements: list[Element]) -> dict[int, float]:
    """Each candidate's score from the paragraphs under it."""
    scores: dict[int, float] = {}
    for i, element in enumerate(elements):
        if element.furniture or element.own < PARAGRAPH:
            continue
        score = 1 + element.commas + min(element.own / 100, 3)
        holder = element.parent if element.name in PARAGRAPHS else i
        if holder < 0:
            continue
        scores[holder] = scores.get(holder, 0.0) + score
        grandparent = elements[holder].parent
        if grandparent >= 0:
            scores[grandparent] = scores.get(grandparent, 0.0) + score / 2
    return scores


def _weighed(element: Element, score: float) -> float:
    links = element.links / element.text if element.text else 0.0
    return score * (1 - links) * (CONTENT_WEIGHT if element.content else 1.0)


def _around(elements: list[Element], best: int) -> int:
    """The ``<article>`` that holds ``best``, else ``best``."""
    at = best
    while at >= 0 and elements[at].in_article:
        if elements[at].name == "article":
            return at
        at = elements[at].parent
    return best


def _heading(page: Page, best: int) -> int | None:
    """The page's last ``<h1>`` before ``best``, or the sibling of ``best`` that holds it; None
    when there is none."""
    elements = page.elements
    before = [h for h in page.headings if elements[h].last < best]
    if not before:
        return None
    at = before[-1]
    while elements[at].parent >= 0 and elements[at].parent != elements[best].parent:
        at = elements[at].parent
    return at if elements[at].parent == elements[best].parent else before[-1]


def _children(elements: list[Element], parent: int) -> list[int]:
    found = []
    child = parent + 1
    while child <= elements[parent].last:
        found.append(child)
        child = elements[child].last + 1
    return found


def _link_list(element: Element) -> bool:
    """A block mostly made of links; a heading that links to its story is a heading."""
    heading = element.name in PARAGRAPHS and element.name.startswith("h")
    return element.name in BLOCKS and not heading and element.links > LINKS * element.text


def _long_paragraph(element: Element) -> bool:
    return (
        element.name in PARAGRAPHS
        and not element.furniture
        and element.text > LONG_SIBLING
        and element.links <= SIBLING_LINKS * element.text
    )
