"""HTML → the page's main text, of the same length: tags and page furniture blanked.

The main text is the content of ``<article>`` (or ``<main>``) when the page has one, else of
``<body>`` (else the whole page), less scripts, styles, navigation, headers, footers, asides,
forms and preformatted code. Tags become spaces; a block element's tags (``<p>``, ``<h2>``,
``<li>``, ``<br>``…) become a line break, so a heading stays on a line of its own, and a line
break inside a block becomes space, as a browser shows it. Character references are left for
``decode_entities``.

The markup is read by a scanner of our own, in one pass and in time linear in the text, where
the standard library's ``html.parser`` reads an unterminated tag or comment again from each
``<`` that follows it. It finds what ``html.parser`` finds in a well-formed page; at the end of
the text it reads as a browser does: a comment, declaration or tag still open there (``<a
b='…``, ``<!--…``) runs to the end, and a ``<![`` that names no marked section is a bogus
comment rather than an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

SKIPPED = frozenset(
    "script style nav header footer aside form noscript template svg pre button select".split()
)
BLOCKS = frozenset(
    """p div br hr h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody caption
    section article main blockquote figure figcaption header footer nav aside pre""".split()
)
_RAW_TEXT_END = {  # the end of an element whose content is text, never markup
    name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")
}
_MAIN = re.compile(r"<(article|main)[\s>/]", re.IGNORECASE)
_BODY = re.compile(r"<body[\s>/]", re.IGNORECASE)
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_END_TAG = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_IN_TAG = re.compile(r">|=+\s*(?:(['\"])|[^>\s]*)")  # a tag's end, or an attribute's value
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


def strip(text: str) -> str:
    """``text`` with everything but its main text blanked; the same length."""
    main = _MAIN.search(text)
    scope = main.group(1).lower() if main else ("body" if _BODY.search(text) else None)
    chars = [" "] * len(text)
    inside = 0 if scope else 1
    skipped = 0
    at = 0
    for m in _markup(text):
        if inside and not skipped:
            chars[at : m.start] = text[at : m.start].replace("\n", " ")
        if m.kind == "start" and m.name == scope:
            inside += 1
        if m.kind == "start" and m.name in SKIPPED:
            skipped += 1
        if m.kind == "end" and m.name == scope and inside:
            inside -= 1
        if m.kind == "end" and m.name in SKIPPED and skipped:
            skipped -= 1
        if m.kind != "other" and m.name in BLOCKS:
            chars[m.start] = "\n"
        at = m.end
    if inside and not skipped:
        chars[at:] = text[at:].replace("\n", " ")
    return "".join(chars)


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
