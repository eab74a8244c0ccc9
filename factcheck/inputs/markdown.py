"""Markdown → plain text of the same length: markup blanked, prose kept where it stands.

Block structure comes from markdown-it-py (installed with rich): code blocks, thematic breaks,
setext underlines and table separator rows are blanked, the line breaks inside a paragraph
become spaces. Line by line, blockquote markers, list bullets and heading markers are blanked;
inline, link and image syntax, emphasis and code backticks, HTML tags and comments, and
backslashes of escapes. A link keeps its text, an image keeps nothing: alt text is no prose.

Every step takes time linear in the text, whatever it holds: no pattern scans ahead from one
opener after another to a closer that is not there (``*a *a *a``, ``<!-- <!--``, ``[[[``).
Where that changed what is blanked, it is now what CommonMark reads: a ``]`` closes the nearest
``[`` before it, and a run of backticks pairs with the next run of the same length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import yaml
from markdown_it import MarkdownIt

from ..errors import InputError, YamlLoader, load_yaml
from ..text import line_starts

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
    r"<!--"  # a comment, closed in _whole (suppressions are read from the original)
    r"|!\[[^\[\]\n]*\](?:" + _LINK_TARGET + r"|\[[^\]\n]*\])"  # images
    r"|^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$"  # link reference definitions
    r"|<(?:https?|ftp|mailto):[^\s<>]*>"  # autolinks
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",  # inline HTML tags
    re.MULTILINE,
)
_LINK = re.compile(r"(\[)([^\[\]\n]*)(\](?:" + _LINK_TARGET + r"|\[[^\]\n]*\]))")
_BACKTICKS = re.compile(r"`+")
_STARS = re.compile(r"\*+")
_UNDERSCORES = re.compile(r"(?<![\w_])_{1,3}(?=[^\s_])"), re.compile(r"(?<=[^\s_])_{1,3}(?![\w_])")
_TILDES = re.compile(r"(?=~~\S)"), re.compile(r"(?<=\S)(?=~~)")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def front_matter(text: str, name: str) -> tuple[dict[str, object], str]:
    """The metadata of a leading YAML block between ``---`` lines, and ``text`` with the block
    blanked. Text without front matter has no metadata."""
    opening = _FENCE.match(text)
    closing = _FENCE_END.search(text, opening.end()) if opening else None
    if opening is None or closing is None:
        return {}, text
    block = text[opening.end() : closing.start()]
    try:
        for _ in yaml.parse(block, Loader=YamlLoader):  # the syntax first, for the line
            pass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        raise InputError(f"{name}{line}: front matter is not valid YAML") from None
    _, data = load_yaml(block, f"{name}:2", "front matter")  # an alias, a 5,000-digit number…
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{name}:2: front matter is not a mapping of keys to values")
    return {str(k): v for k, v in data.items()}, _blank(text, [(0, closing.end())])


def strip(text: str) -> str:
    """``text`` with its Markdown markup blanked; the same length, prose at the same offsets."""
    spans, soft = _blocks(text, _line_starts(text))
    text = _blank(text, spans)
    text = _blank(text, _whole(text))
    escapes = list(_ESCAPE.finditer(text))  # an escaped character is prose, never markup
    escaped = text
    text = _blank(text, (m.span() for m in _PREFIX.finditer(text)))
    text = _blank(text, (m.span() for m in _CLOSING_HASHES.finditer(text)))
    text = _blank(text, _markers(text, _LINK))
    for marker, pairs in (("`", _code), ("*", _stars), ("_", _underscores), ("~", _tildes)):
        text = _blank(text, _in_lines(text, marker, pairs))
    chars = list(_blank(text, (m.span() for m in escapes)))
    for m in escapes:
        chars[m.end()] = escaped[m.end()]
    for offset in soft:
        chars[offset] = " "
    return "".join(chars)


def _blocks(text: str, starts: list[int]) -> tuple[list[tuple[int, int]], list[int]]:
    """Spans to blank whole (code, rules, underlines, table separators, a comment never closed)
    and the offsets of the line breaks inside paragraphs."""
    blank: list[tuple[int, int]] = []
    soft: list[int] = []
    # Only block tokens are read: inline parsing would take most of the time, for nothing.
    for token in MarkdownIt("commonmark").enable("table").disable("inline").parse(text):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block", "hr") or _open_comment(token.content, token.type):
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


def _open_comment(content: str, kind: str) -> bool:
    """True for an HTML block that opens a comment and never closes it: CommonMark runs it to
    the end of the document (or its container), and no reader sees the text in it."""
    return kind == "html_block" and content.lstrip().startswith("<!--") and "-->" not in content


def _line_starts(text: str) -> list[int]:
    """Offset of each line's first character, and one past the end (as if text ended in a
    line break), so that ``starts[n] - 1`` is where line ``n - 1`` ends."""
    starts = list(line_starts(text))
    if not text.endswith("\n"):
        starts.append(len(text) + 1)
    return starts


def _whole(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``_BLANK_WHOLE``'s matches, a comment running from its ``<!--`` to the first
    ``-->`` after it, across lines. A ``<!--`` with no ``-->`` after it stays text, found so by
    one look at the last ``-->`` of the text rather than a scan to the end per opener."""
    last_closer = text.rfind("-->")
    at = 0
    while (m := _BLANK_WHOLE.search(text, at)) is not None:
        start, end = m.span()
        if m.group() == "<!--":
            if last_closer < end:
                at = start + 1
                continue
            end = text.find("-->", end) + 3
        yield start, end
        at = end


def _in_lines(
    text: str, marker: str, pairs: Callable[[str], Iterable[tuple[int, int]]]
) -> Iterator[tuple[int, int]]:
    """The spans ``pairs`` finds in each line of ``text`` that has ``marker``, as offsets into
    ``text``: emphasis and code never pair across a line break."""
    start = 0
    for line in text.split("\n"):
        if marker in line:
            yield from ((start + a, start + b) for a, b in pairs(line))
        start += len(line) + 1


def _code(line: str) -> Iterator[tuple[int, int]]:
    """Backticks of inline code: a run of them pairs with the next run of the same length, as
    CommonMark reads it (the regex this replaces also took ``a` or `b`` for one span)."""
    runs = [m.span() for m in _BACKTICKS.finditer(line)]
    return _same_length(runs, runs)


def _stars(line: str) -> Iterator[tuple[int, int]]:
    """Stars of emphasis, paired in one pass as the lazy regex this replaced paired them: the
    last ``k`` stars of a run before a non-space with the first ``k`` of the first later run
    after a non-space that has ``k``; ``k`` is as large as the run, three and the longest such
    run still to come allow, and the rest of that later run may open again (``*a**b*`` is two
    pairs). Knowing the longest run to come, a run never looks ahead in vain."""
    runs = [m.span() for m in _STARS.finditer(line)]
    opens = [end < len(line) and not line[end].isspace() for _, end in runs]
    closes = [start > 0 and not line[start - 1].isspace() for start, _ in runs]
    longest_after = [0] * len(runs)
    for i in range(len(runs) - 2, -1, -1):
        start, end = runs[i + 1]
        longest_after[i] = max(longest_after[i + 1], end - start if closes[i + 1] else 0)
    i, resume = 0, 0
    while i < len(runs):
        start, end = max(runs[i][0], resume), runs[i][1]
        k = min(end - start, 3, longest_after[i])
        if not opens[i] or k < 1:
            i += 1
            continue
        j = i + 1
        while not closes[j] or runs[j][1] - runs[j][0] < k:
            j += 1
        yield end - k, end
        yield runs[j][0], runs[j][0] + k
        resume, i = runs[j][0] + k, j


def _underscores(line: str) -> Iterator[tuple[int, int]]:
    """One to three underscores outside a word, paired with as many at the end of a word."""
    openers, closers = ([m.span() for m in p.finditer(line)] for p in _UNDERSCORES)
    return _same_length(openers, closers)


def _tildes(line: str) -> Iterator[tuple[int, int]]:
    """Two tildes before a non-space, paired with two after one: ``~~struck~~``."""
    openers, closers = ([(m.start(), m.start() + 2) for m in p.finditer(line)] for p in _TILDES)
    return _same_length(openers, closers)


def _same_length(
    openers: list[tuple[int, int]], closers: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Each opener, left to right, with the first closer of its length that starts after a
    character of content; an opener inside an earlier pair is skipped. For each length, the
    search for a closer resumes where the previous one stopped, so each closer is passed once."""
    by_length: dict[int, list[tuple[int, int]]] = {}
    for start, end in closers:
        by_length.setdefault(end - start, []).append((start, end))
    passed = dict.fromkeys(by_length, 0)
    resume = 0
    for start, end in openers:
        same = by_length.get(end - start, [])
        if start < resume or not same:
            continue
        i = passed[end - start]
        while i < len(same) and same[i][0] <= end:
            i += 1
        passed[end - start] = i
        if i < len(same):
            yield start, end
            yield same[i]
            resume = same[i][1]


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
