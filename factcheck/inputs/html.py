"""HTML → the page's main text, of the same length: tags and page furniture blanked.

The main text is the content of ``<article>`` (or ``<main>``) when the page has one, else of
``<body>`` (else the whole page), less scripts, styles, navigation, headers, footers, asides,
forms and preformatted code. Tags become spaces; a block element's tags (``<p>``, ``<h2>``,
``<li>``, ``<br>``…) become a line break, so a heading stays on a line of its own, and a line
break inside a block becomes a space, as a browser shows it. Parsed with the standard library's
``html.parser``; character references are left for ``decode_entities``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = frozenset(
    "script style nav header footer aside form noscript template svg pre button select".split()
)
BLOCKS = frozenset(
    """p div br hr h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody caption
    section article main blockquote figure figcaption header footer nav aside pre""".split()
)
_MAIN = re.compile(r"<(article|main)[\s>/]", re.IGNORECASE)
_BODY = re.compile(r"<body[\s>/]", re.IGNORECASE)


def strip(text: str) -> str:
    """``text`` with everything but its main text blanked; the same length."""
    main = _MAIN.search(text)
    scope = main.group(1).lower() if main else ("body" if _BODY.search(text) else None)
    parser = _MainText(text, scope)
    parser.feed(text)
    parser.close()
    return "".join(parser.chars)


class _MainText(HTMLParser):
    """Copies the characters of text in scope and outside skipped elements, at their offsets."""

    def __init__(self, text: str, scope: str | None) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.chars = [" "] * len(text)
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.scope = scope
        self.inside = 0 if scope else 1
        self.skipped = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.scope:
            self.inside += 1
        if tag in SKIPPED:
            self.skipped += 1
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == self.scope and self.inside:
            self.inside -= 1
        if tag in SKIPPED and self.skipped:
            self.skipped -= 1
        self._break(tag)

    def _break(self, tag: str) -> None:
        if tag in BLOCKS:
            self.chars[self._offset()] = "\n"

    def handle_data(self, data: str) -> None:
        self._keep(len(data))

    def handle_entityref(self, name: str) -> None:
        self._keep(self._reference(len(name) + 1))

    def handle_charref(self, name: str) -> None:
        self._keep(self._reference(len(name) + 2))

    def _reference(self, length: int) -> int:
        """The length of a reference of ``length`` characters before its optional ``;``."""
        end = self._offset() + length
        return length + (self.text[end : end + 1] == ";")

    def _keep(self, length: int) -> None:
        """Copy ``length`` characters from the current position; line breaks become spaces."""
        if not self.inside or self.skipped:
            return
        start = self._offset()
        for i in range(start, min(start + length, len(self.text))):
            self.chars[i] = " " if self.text[i] == "\n" else self.text[i]
