"""Markdown → plain text of the same length: markup blanked, prose kept where it stands.

Block structure comes from markdown-it-py (installed with rich): code blocks, thematic breaks,
setext underlines and table separator rows are blanked, the line breaks inside a paragraph
become spaces. Line by line, blockquote markers, list bullets and heading markers are blanked;
inline, link and image syntax, emphasis and code backticks, HTML tags and comments, and
backslashes of escapes. A link keeps its text, an image keeps nothing: alt text is no prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml
from markdown_it import MarkdownIt

from ..errors import InputError

_FENCE = re.compile(r"---[ \t]*\n")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_PREFIX = re.compile(
    r"^[ \t]*(?:>[ \t]?)*"  # blockquote markers
    r"(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))?"  # a list bullet
    r"(?:[ \t]*#{1,6}(?=[ \t]|$))?",  # an ATX heading's marker
    re.MULTILINE,
)
_CLOSING_HASHES = re.compile(r"(?<=[ \t])#+[ \t]*$", re.MULTILINE)
_LINK_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)"
_BLANK_WHOLE = re.compile(
    r"<!--[\s\S]*?-->"  # comments (suppressions are read from the original)
    r"|!\[[^\]\n]*\](?:" + _LINK_TARGET + r"|\[[^\]\n]*\])"  # images
    r"|^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$"  # link reference definitions
    r"|<(?:https?|ftp|mailto):[^\s<>]*>"  # autolinks
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",  # inline HTML tags
    re.MULTILINE,
)
_LINK = re.compile(r"(\[)([^\]\n]*)(\](?:" + _LINK_TARGET + r"|\[[^\]\n]*\]))")
_DELIMITED = (
    re.compile(r"(`+)([^`\n](?:.*?[^`\n])?)(\1)"),  # inline code
    re.compile(r"(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])(\1)"),
    re.compile(r"(?<![\w_])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_])(\1)(?![\w_])"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)(~~)"),
)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def front_matter(text: str, name: str) -> tuple[dict[str, object], str]:
    """The metadata of a leading YAML block between ``---`` lines, and ``text`` with the block
    blanked. Text without front matter has no metadata."""
    opening = _FENCE.match(text)
    closing = _FENCE_END.search(text, opening.end()) if opening else None
    if opening is None or closing is None:
        return {}, text
    try:
        data = yaml.safe_load(text[opening.end() : closing.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        raise InputError(f"{name}{line}: front matter is not valid YAML") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{name}:2: front matter is not a mapping of keys to values")
    return {str(k): v for k, v in data.items()}, _blank(text, [(0, closing.end())])


def strip(text: str) -> str:
    """``text`` with its Markdown markup blanked; the same length, prose at the same offsets."""
    spans, soft = _blocks(text, _line_starts(text))
    text = _blank(text, spans)
    text = _blank(text, (m.span() for m in _BLANK_WHOLE.finditer(text)))
    escapes = list(_ESCAPE.finditer(text))  # an escaped character is prose, never markup
    escaped = text
    text = _blank(text, (m.span() for m in _PREFIX.finditer(text)))
    text = _blank(text, (m.span() for m in _CLOSING_HASHES.finditer(text)))
    text = _blank(text, _markers(text, _LINK))
    for pattern in _DELIMITED:
        text = _blank(text, _markers(text, pattern))
    chars = list(_blank(text, (m.span() for m in escapes)))
    for m in escapes:
        chars[m.end()] = escaped[m.end()]
    for offset in soft:
        chars[offset] = " "
    return "".join(chars)


def _blocks(text: str, starts: list[int]) -> tuple[list[tuple[int, int]], list[int]]:
    """Spans to blank whole (code, rules, underlines, table separators) and the offsets of the
    line breaks inside paragraphs."""
    blank: list[tuple[int, int]] = []
    soft: list[int] = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block", "hr"):
            blank.append((starts[first], starts[last] - 1))
        elif token.type == "heading_open" and token.markup in ("=", "-"):
            blank.append((starts[last - 1], starts[last] - 1))
        elif token.type == "table_open":
            blank.append((starts[first + 1], starts[first + 2] - 1))
            rows = range(starts[first], starts[last] - 1)
            blank += [(i, i + 1) for i in rows if text[i] == "|" and text[i - 1] != "\\"]
        elif token.type == "paragraph_open":
            soft += [starts[n] - 1 for n in range(first + 1, last)]
    return blank, soft


def _line_starts(text: str) -> list[int]:
    """Offset of each line's first character, and one past the end (as if text ended in a
    line break), so that ``starts[n] - 1`` is where line ``n - 1`` ends."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if not text.endswith("\n"):
        starts.append(len(text) + 1)
    return starts


def _markers(text: str, pattern: re.Pattern[str]) -> Iterable[tuple[int, int]]:
    """Spans of ``pattern``'s delimiters (its first and last groups), not of what they
    enclose."""
    for m in pattern.finditer(text):
        yield m.span(1)
        yield m.span(m.lastindex or 1)


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span's characters but line breaks made spaces."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
