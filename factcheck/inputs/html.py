"""HTML → the page's article text, of the same length: tags and page furniture blanked.

The page is read once into its elements (``read``): each with its parent, whether it is
furniture, and how much text it holds. Furniture is what a reader skips: scripts, styles,
navigation, site headers, footers, asides, forms, captions, dialogs and preformatted code; an
element a role (``navigation``, ``dialog``…), the ``hidden`` attribute or an inline
``display: none`` hides; and an element whose class or id names furniture
(``lexicon/page_furniture.txt``: cookie banners, comments, newsletter boxes, share bars, ad
slots, related stories). readability-lxml, where it is installed (``readability_lxml.py``), or
else ``article.py``, scoring elements by their paragraphs, then picks the runs of text that
hold the article; they, less furniture, are the text. Tags become spaces; a block
element's tags (``<p>``, ``<h2>``, ``<li>``, ``<br>``…) become a line break, so a heading stays
on a line of its own, and a line break inside a block becomes space, as a browser shows it.
Character references are left for ``decode_entities``.

The markup is read by a scanner of our own, in one pass and in time linear in the text, where
the standard library's ``html.parser`` reads an unterminated tag or comment again from each
``<`` that follows it. It finds what ``html.parser`` finds in a well-formed page; at the end of
the text it reads as a browser does: a comment, declaration or tag still open there (``<a
b='…``, ``<!--…``) runs to the end, and a ``<![`` that names no marked section is a bogus
comment rather than an error. Elements nest as a browser nests them where it matters for
reading: an end tag closes the elements opened inside it, an end tag with nothing to close is
ignored, a ``<p>`` or another block closes an open ``<p>``, and a list item or table cell the
one before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from .. import lexicon

SKIPPED = frozenset(
    """script style nav footer aside form noscript template svg pre button select head title
    iframe object figcaption dialog""".split()
)  # and a <header> outside an <article>: the site's, not the story's
SKIPPED_ROLES = frozenset(
    "alertdialog banner complementary contentinfo dialog menu menubar navigation search".split()
)
BLOCKS = frozenset(
    """p div br hr h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody caption
    section article main blockquote figure figcaption header footer nav aside pre""".split()
)
MARKS = ("class", "id", "itemprop")  # what a reader of classes and ids needs of an element
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_CLOSES_P = BLOCKS - {"br", "hr", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "caption"}
_SIBLINGS = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr",)}
_SIBLINGS |= {"td": ("td", "th"), "th": ("td", "th"), "option": ("option",)}
_RAW_TEXT_END = {  # the end of an element whose content is text, never markup
    name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")
}
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_END_TAG = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_IN_TAG = re.compile(r">|=+\s*(?:(['\"])|[^>\s]*)")  # a tag's end, or an attribute's value
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NAME_PARTS = re.compile(r"[-_:.]+")
_COMMENT_END = re.compile(r"--\s*>")
_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
_SECTION_ENDS = {
    **dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), re.compile(r"]\s*]\s*>")),
    **dict.fromkeys(("if", "else", "endif"), re.compile(r"]\s*>")),
}


class _Markup(NamedTuple):
    """A tag, comment or declaration from ``start`` to ``end``. ``kind`` is ``start``,
    ``end`` or ``empty`` (``<br/>``) for a tag named ``name``, ``other`` for the rest."""

    start: int
    end: int
    kind: str
    name: str = ""


@dataclass(slots=True)
class Element:
    """An element of the page. ``text`` and ``links`` count the visible characters (not
    spaces) of its content that is not furniture, all of it and inside links; ``own`` and
    ``commas`` those of the text whose nearest block it is (a paragraph's, a cell's).
    ``last`` is the index of its last descendant: elements are numbered in document order.
    ``start`` is the offset of its start tag; ``marks`` its attributes that name what it holds
    (``MARKS``), for readability-lxml."""

    name: str
    parent: int
    furniture: bool
    content: bool  # its class or id names article text (lexicon/page_content.txt)
    in_article: bool
    in_link: bool
    block: int  # the nearest block: itself or an ancestor, -1 for none
    last: int = 0
    text: int = 0
    links: int = 0
    own: int = 0
    commas: int = 0
    start: int = 0
    marks: tuple[tuple[str, str], ...] = ()


@dataclass
class Page:
    """A page read once: its elements, its runs of text (start, end, element; -1 for text in
    no element), the offsets of its block tags and of its ``<h1>`` elements."""

    elements: list[Element] = field(default_factory=list)
    texts: list[tuple[int, int, int]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)


def strip(text: str) -> str:
    """``text`` with everything but its article text blanked; the same length. readability-lxml
    chooses the article where it is installed and reads the page, the built-in elsewhere."""
    from .article import kept
    from .readability_lxml import chosen

    page = read(text)
    keep = kept(page, chosen(page, text))
    chars = [" "] * len(text)
    for k, (start, end, _) in enumerate(page.texts):
        if keep(k):
            chars[start:end] = text[start:end].replace("\n", " ")
    for at in page.breaks:
        chars[at] = "\n"
    return "".join(chars)


def read(text: str) -> Page:
    """The elements and runs of text of ``text``, in one pass."""
    page = Page()
    stack: list[int] = []
    open_names: dict[str, int] = {}
    at = 0
    for m in _markup(text):
        if at < m.start:
            _add_text(page, text, at, m.start, stack[-1] if stack else -1)
        if m.kind != "other" and m.name in BLOCKS:
            page.breaks.append(m.start)
        if m.kind == "start" and m.name not in VOID:
            _close_implied(page, stack, open_names, m.name)
            _open(page, stack, open_names, m, text[m.start : m.end])
        elif m.kind == "end" and open_names.get(m.name):
            while _close(page, stack, open_names) != m.name:
                pass
        at = m.end
    if at < len(text):
        _add_text(page, text, at, len(text), stack[-1] if stack else -1)
    while stack:
        _close(page, stack, open_names)
    return page


def _add_text(page: Page, text: str, start: int, end: int, at: int) -> None:
    page.texts.append((start, end, at))
    element = page.elements[at] if at >= 0 else None
    if element is None or element.furniture:
        return
    chunk = text[start:end]
    visible = len(chunk) - sum(chunk.count(space) for space in " \n\t\r\f")
    element.text += visible
    element.links += visible if element.in_link else 0
    if element.block >= 0:
        block = page.elements[element.block]
        block.own += visible
        block.commas += chunk.count(",")


def _close_implied(page: Page, stack: list[int], open_names: dict[str, int], name: str) -> None:
    """Close what a start tag ``name`` closes: ``<body>`` an open ``<head>``, a block an open
    ``<p>``, a list item or cell the item or cell before it."""
    if name == "body" and open_names.get("head"):
        while _close(page, stack, open_names) != "head":
            pass
    top = page.elements[stack[-1]].name if stack else None
    if (name in _CLOSES_P and top == "p") or top in _SIBLINGS.get(name, ()):
        _close(page, stack, open_names)


def _open(page: Page, stack: list[int], open_names: dict[str, int], m: _Markup, tag: str) -> None:
    name = m.name
    parent = stack[-1] if stack else -1
    up = page.elements[parent] if stack else None
    attributes = _attributes(tag, name) if len(tag) > len(name) + 3 else {}
    furniture, content = _names(attributes) if attributes else (False, False)
    in_article = name == "article" or (up is not None and up.in_article)
    furniture = (
        furniture
        or name in SKIPPED
        or (name == "header" and not in_article)
        or attributes.get("role", "").strip().lower() in SKIPPED_ROLES
        or "hidden" in attributes
        or attributes.get("aria-hidden", "").strip().lower() == "true"
        or bool(_HIDDEN_STYLE.search(attributes.get("style", "")))
        or (up is not None and up.furniture)
    )
    index = len(page.elements)
    block = index if name in BLOCKS or name == "body" else up.block if up else -1
    in_link = name == "a" or (up is not None and up.in_link)
    marks = tuple((key, attributes[key]) for key in MARKS if key in attributes)
    page.elements.append(
        Element(
            name, parent, furniture, content, in_article, in_link, block, start=m.start, marks=marks
        )
    )
    if name == "h1" and not furniture:
        page.headings.append(index)
    stack.append(index)
    open_names[name] = open_names.get(name, 0) + 1


def _close(page: Page, stack: list[int], open_names: dict[str, int]) -> str:
    """Close the innermost open element; its name."""
    index = stack.pop()
    element = page.elements[index]
    open_names[element.name] -= 1
    element.last = len(page.elements) - 1
    if element.parent >= 0:
        parent = page.elements[element.parent]
        parent.text += element.text
        parent.links += element.links
    return element.name


def _attributes(tag: str, name: str) -> dict[str, str]:
    """The attributes of a start tag, names in lower case; the first of a name counts."""
    found: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(tag, 1 + len(name), len(tag) - 1):
        value = m.group(2) if m.group(2) is not None else m.group(3) or m.group(4) or ""
        found.setdefault(m.group(1).lower(), value)
    return found


def _names(attributes: dict[str, str]) -> tuple[bool, bool]:
    """Whether an element's class or id names furniture, and whether it names article text."""
    names = f"{attributes.get('class', '')} {attributes.get('id', '')}".lower()
    furniture, content = _furniture(), _content()
    parts = [p for name in names.split() for p in (name, *_NAME_PARTS.split(name))]
    named = any(p in furniture or (p.endswith("s") and p[:-1] in furniture) for p in parts)
    return named, any(word in names for word in content)


@cache
def _furniture() -> frozenset[str]:
    return lexicon.words("page_furniture")


@cache
def _content() -> tuple[str, ...]:
    return lexicon.entries("page_content")


def _markup(text: str) -> Iterator[_Markup]:
    """The markup of ``text`` in order; what lies between is text. A script or style's content
    is text up to its end tag, found with one search."""
    at = text.find("<")
    while at >= 0:
        m = _markup_at(text, at)
        if m is None:
            at = text.find("<", at + 1)
            continue
        yield m
        end = m.end
        if m.kind == "start" and m.name in _RAW_TEXT_END:
            close = _RAW_TEXT_END[m.name].search(text, end)
            if close is None:
                yield _Markup(end, len(text), "other")
                return
            yield _Markup(close.start(), close.end(), "end", m.name)
            end = close.end()
        at = text.find("<", end)


def _markup_at(text: str, at: int) -> _Markup | None:
    """The markup that starts with the ``<`` at ``at``, running to the end of the text when
    nothing closes it; None for a ``<`` that is text."""
    if (name := _TAG_NAME.match(text, at + 1)) is not None:
        return _start_tag(text, at, name)
    if text.startswith("</", at):
        return _end_tag(text, at)
    if text.startswith("<!--", at):
        close = _COMMENT_END.search(text, at + 4)
        return _Markup(at, close.end() if close else len(text), "other")
    if text.startswith("<![", at):
        section = _SECTION_NAME.match(text, at + 3)
        section_end = _SECTION_ENDS.get(section.group().lower()) if section else None
        if section_end is not None:
            close = section_end.search(text, at + 3)
            return _Markup(at, close.end() if close else len(text), "other")
    if text.startswith(("<!", "<?"), at):
        return _Markup(at, _past(text, ">", at + 2), "other")
    return None


def _start_tag(text: str, at: int, name: re.Match[str]) -> _Markup:
    """A start tag: it ends at the first ``>`` outside an attribute's quoted value, and is
    ``empty`` when a ``/`` that is no part of a bare value stands before that ``>``."""
    i = bare_end = name.end()
    while (stop := _IN_TAG.search(text, i)) is not None:
        if stop.group() == ">":
            empty = text[stop.start() - 1] == "/" and stop.start() != bare_end
            kind = "empty" if empty else "start"
            return _Markup(at, stop.end(), kind, name.group().lower())
        if stop.group(1):
            i = _past(text, stop.group(1), stop.end())
        else:
            i = bare_end = stop.end()
    return _Markup(at, len(text), "other")


def _end_tag(text: str, at: int) -> _Markup:
    """An end tag, up to the first ``>``; a bogus comment where no tag name follows ``</``."""
    close = text.find(">", at + 2)
    if close < 0:
        return _Markup(at, len(text), "other")
    found, tolerated = _END_TAG.match(text, at), _TAG_NAME.match(text, at + 2)
    name = found.group(1) if found else tolerated.group() if tolerated else None
    if name is None:
        return _Markup(at, close + 1, "other")
    return _Markup(at, close + 1, "end", name.lower())


def _past(text: str, closer: str, at: int) -> int:
    """The offset just past the first ``closer`` from ``at``; the end of the text if none."""
    found = text.find(closer, at)
    return found + len(closer) if found >= 0 else len(text)
