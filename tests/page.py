"""An HTML page read back for tests (html.parser): its elements, its marks, whether it nests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "source", "wbr", "area", "base", "col"}


@dataclass
class Mark:
    """A ``<mark>``: its attributes, the words it marks (its label left out) and its label."""

    attrs: dict[str, str]
    words: str = ""
    label: str = ""


@dataclass
class Page:
    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    text: str = ""
    problems: list[str] = field(default_factory=list)  # end tags that close nothing open


def read(html: str) -> Page:
    """``html`` parsed: every element, every mark, the text; a page whose tags do not nest
    has ``problems``."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    page = reader.page
    page.problems += [f"<{tag}> never closed" for tag, _ in reader.stack]
    return page


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, Mark | None]] = []
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        if tag in VOID:
            return
        mark = Mark(values) if tag == "mark" else None
        if mark is not None:
            self.page.marks.append(mark)
        if tag == "a" and "label" in values.get("class", "").split():
            self.in_label += 1
        self.stack.append((tag, mark))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.page.problems.append(
                f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}"
            )
            return
        if tag == "a" and self.in_label:
            self.in_label -= 1
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.page.text += data
        marks = [mark for _, mark in self.stack if mark is not None]
        if self.in_label and marks:
            marks[-1].label += data  # a label belongs to the mark it ends
            return
        for mark in marks:
            mark.words += data
