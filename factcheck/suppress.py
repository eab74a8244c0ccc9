"""Inline suppressions: comments in a derivative that accept a finding where it is written.

The directives, in an HTML comment (Markdown, HTML or plain text) or, in any file, a line of
its own starting with ``#``::

    <!-- factcheck: ignore c012 -->                every finding about claim c012
    <!-- factcheck: ignore c012 number-drift -->   only its number drift
    <!-- factcheck: ignore unsupported -->         one rule, whatever the claim
    <!-- factcheck: ignore -->                     every finding
    <!-- factcheck: ignore-file c012 -->           the same, for the whole document
    # factcheck: ignore c012 -- a reason may follow two dashes

Targets are claim ids and rule ids (``omission``, ``unsupported``, ``<type>-drift``), separated
by spaces or commas; a finding is suppressed when it matches one of the claim ids (if any are
given) and one of the rules (if any are given).

Where ``ignore`` applies, as markdownlint's ``disable-line``/``disable-next-line`` and
yamllint's ``disable-line`` do: a comment that shares its line with text applies to the
sentence it is in (or, between sentences, the one it follows on that line); a comment alone on
its line applies to the next sentence. Omissions have no place in the document, so only
``ignore-file`` suppresses them.

Like ruff's RUF100, a directive that suppresses nothing is reported, and so are unknown
directives and rule ids (a target ending in "drift" or close to a rule id). A directive with an
unknown rule id suppresses nothing: a misspelt rule never silently widens a suppression.

Directives would be read as text by ``compare`` ("c012" has a figure in it); ``blank`` replaces
them with spaces, keeping every offset, line and column, for the text to compare.

Reading and applying directives takes time linear in the document and its findings, however
many directives and openers it holds: each line is read once, a sentence or a position is found
by bisection, and findings meet directives through a set of keys, not pair by pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import get_close_matches
from typing import NamedTuple

from . import drift
from .report import Finding, Report
from .text import line_col, offset_of, segment

Position = tuple[int, int]  # 1-based (line, column)
Scope = tuple[Position, Position]  # a sentence's start and end, end exclusive
Key = tuple[Scope | None, str | None, str | None]  # a scope or the file, a claim, a rule (or any)

RULES: frozenset[str] = frozenset(drift.RULES)
VERBS = ("ignore", "ignore-file")

_HTML_DIRECTIVE = re.compile(r"<!--[ \t]*factcheck:")
_LINE_DIRECTIVE = re.compile(r"[ \t]*#[ \t]*factcheck:(.*)")


@dataclass(frozen=True)
class Notice:
    """Something to warn about at a place in the document: an unused or unknown directive."""

    line: int
    column: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Suppression:
    """One ``ignore`` or ``ignore-file`` directive. ``scope`` is the (start, end) of the
    sentence it covers, end exclusive; ``None`` for the whole document."""

    line: int
    column: int
    directive: str
    claims: tuple[str, ...]
    rules: tuple[str, ...]
    scope: Scope | None


@dataclass(frozen=True)
class Suppressions:
    """The directives of one document, and the problems found reading them."""

    directives: tuple[Suppression, ...] = ()
    problems: tuple[Notice, ...] = ()


class _Directive(NamedTuple):
    """Where a directive stands (1-based line and column; ``start``, ``end`` offsets) and the
    words after ``factcheck:``."""

    line: int
    column: int
    start: int
    end: int
    body: str


def suppressions(text: str, compared: str | None = None) -> Suppressions:
    """The suppression directives of a derivative ``text`` (as read, before ``blank``).
    ``compared`` is the same-length text the comparison read (Markdown prepared, wrapped lines
    joined), whose sentences a directive's scope follows; by default ``blank(text)``."""
    sentences = segment(compared if compared is not None else blank(text))
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    directives: list[Suppression] = []
    problems: list[Notice] = []
    for d in _directives(text):
        words = [w for w in re.split(r"[\s,]+", d.body.split("--", 1)[0]) if w]
        verb = words[0] if words else ""
        if verb not in VERBS:
            problems.append(Notice(d.line, d.column, f"unknown directive 'factcheck: {verb}'"))
            continue
        targets = words[1:]
        unknown = [t for t in targets if _misspelt_rule(t)]
        problems += [Notice(d.line, d.column, _unknown_rule(t)) for t in unknown]
        if unknown:
            continue
        scope = None
        if verb == "ignore":
            i = _sentence(starts, ends, offset_of(text, d.line, 1), d.start)
            first, last = (starts[i], ends[i]) if i is not None else (len(text), len(text))
            scope = (line_col(text, first), line_col(text, last))
        rules = tuple(t for t in targets if t in RULES)
        claims = tuple(t for t in targets if t not in RULES)
        directive = text[d.start : d.end].strip()
        directives.append(Suppression(d.line, d.column, directive, claims, rules, scope))
    return Suppressions(tuple(directives), tuple(problems))


def apply(report: Report, found: Suppressions) -> tuple[Report, list[Notice]]:
    """``report`` without its suppressed findings (summary recounted), and a notice for each
    directive, or target of a directive, that suppressed nothing.

    A directive suppresses a finding in its scope (a sentence, or the whole file) whose claim is
    one of its claims and whose rule is one of its rules (any, where it names none). Both sides
    are reduced to keys (scope, claim or None for any, rule or None for any): a finding is
    suppressed when its keys meet a directive's, and a directive is used when its keys meet a
    finding's."""
    scopes = sorted({s.scope for s in found.directives if s.scope and s.scope[0] < s.scope[1]})
    keys = [_finding_keys(f, scopes) for f in report.findings]
    suppressing = {k for s in found.directives for k in _directive_keys(s)}
    kept = [f for f, k in zip(report.findings, keys, strict=True) if suppressing.isdisjoint(k)]
    seen = {k for finding_keys in keys for k in finding_keys}
    return report.with_findings(kept), list(_unused(found.directives, seen))


def blank(text: str) -> str:
    """``text`` with every directive replaced by spaces: what ``compare`` should read."""
    pieces, at = [], 0
    for d in _directives(text):
        pieces += [text[at : d.start], " " * (d.end - d.start)]
        at = d.end
    return "".join([*pieces, text[at:]])


def _directives(text: str) -> Iterator[_Directive]:
    """The directives of ``text``, line by line: a line that is a ``# factcheck:`` comment,
    or each ``<!-- factcheck: … -->`` up to the first ``-->`` after it on its line. Where a
    line's last ``-->`` comes before an opener, neither it nor a later opener has a closer: the
    line is done, with no scan to its end per opener."""
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        whole = _LINE_DIRECTIVE.match(line)
        if whole:
            yield _Directive(number, 1, start, start + len(line), whole.group(1))
        last = -1 if whole else line.rfind("-->")
        at = 0
        while (m := _HTML_DIRECTIVE.search(line, at)) is not None and last >= m.end():
            close = line.find("-->", m.end())
            yield _Directive(
                number, m.start() + 1, start + m.start(), start + close + 3, line[m.end() : close]
            )
            at = close + 3
        start += len(line) + 1


def _unused(directives: Iterable[Suppression], seen: set[Key]) -> Iterable[Notice]:
    """A notice for each directive none of whose keys a finding has, and for the targets of
    the others that no finding they suppressed named."""
    for s in directives:
        claims, rules = _or_any(s.claims), _or_any(s.rules)
        matched = {(c, r) for c in claims for r in rules if (s.scope, c, r) in seen}
        if not matched:
            yield Notice(s.line, s.column, f"unused suppression '{s.directive}'")
            continue
        used = {t for pair in matched for t in pair}
        idle = [t for t in s.claims + s.rules if t not in used]
        if idle:
            yield Notice(s.line, s.column, f"unused suppression of {', '.join(idle)}")


def _directive_keys(s: Suppression) -> set[Key]:
    """The keys of the findings ``s`` suppresses."""
    return {(s.scope, c, r) for c in _or_any(s.claims) for r in _or_any(s.rules)}


def _or_any(targets: tuple[str, ...]) -> set[str | None]:
    """``targets``, or None (any) when there are none."""
    named: set[str | None] = set(targets)
    return named or {None}


def _finding_keys(finding: Finding, scopes: list[Scope]) -> set[Key]:
    """The keys a directive suppressing ``finding`` would have: the whole file, or the one of
    the (sorted, never overlapping) sentence ``scopes`` the finding is in, with the finding's
    claim or any claim, and its rule or any rule."""
    places: list[Scope | None] = [None]
    if finding.line is not None and finding.column is not None:
        position = (finding.line, finding.column)
        i = bisect_right(scopes, position, key=lambda scope: scope[0]) - 1
        if i >= 0 and position < scopes[i][1]:
            places.append(scopes[i])
    claims, rules = (finding.claim_id, None), (finding.rule, None)
    return {(p, c, r) for p in places for c in claims for r in rules}


def _sentence(starts: list[int], ends: list[int], line_start: int, offset: int) -> int | None:
    """The index of the sentence that a line directive at ``offset`` covers (see the module
    docstring): the one it stands in, else the last before it on its line, else the first
    after it; None when no sentence follows. Sentences are sorted and never overlap."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < ends[i]:
        return i
    i = bisect_right(ends, offset) - 1
    if i >= 0 and ends[i] > line_start:
        return i
    i = bisect_left(starts, offset)
    return i if i < len(starts) else None


def _misspelt_rule(target: str) -> bool:
    """A target meant as a rule id but not one: it ends in "drift", or is close to a rule id.
    Anything else is a claim id, which the claims file may spell as it likes."""
    if target in RULES:
        return False
    return target.endswith("drift") or bool(get_close_matches(target, RULES, 1, 0.8))


def _unknown_rule(rule: str) -> str:
    return f"unknown rule '{rule}' (valid: {', '.join(sorted(RULES))})"
