"""Inline suppressions: comments in a derivative that accept a finding where it is written.

The directives, in an HTML comment (Markdown, HTML or plain text) or, in any file, a line of
its own starting with ``#``::

    <!-- factcheck: ignore c012 -->                every finding about claim c012
    <!-- factcheck: ignore c012 number-drift -->   only its number drift
    <!-- factcheck: ignore unsupported -->         one rule, whatever the claim
    <!-- factcheck: ignore -->                     every finding
    <!-- factcheck: ignore-file c012 -->           the same, for the whole document
    <!-- factcheck: ignore-start c012 -->          the same, from here to the next ignore-end
    <!-- factcheck: ignore-end -->                 ends every range open
    # factcheck: ignore c012 -- a reason may follow two dashes

Targets are claim ids and rule ids (``omission``, ``unsupported``, ``<type>-drift``), separated
by spaces or commas; a finding is suppressed when it matches one of the claim ids (if any are
given) and one of the rules (if any are given).

Where ``ignore`` applies, as markdownlint's ``disable-line``/``disable-next-line`` and
yamllint's ``disable-line`` do: a comment that shares its line with text applies to the
sentence it is in (or, between sentences, the one it follows on that line); a comment alone on
its line applies to the next sentence. A range, as ESLint's ``disable``/``enable`` comments,
applies to every finding between its ``ignore-start`` and the next ``ignore-end`` (which takes
no targets and ends every range then open); one never ended runs to the end of the document,
with a warning, and an ``ignore-end`` with no range to end is a warning too. Omissions have no
place in the document, so only ``ignore-file`` suppresses them.

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from difflib import get_close_matches
from typing import NamedTuple

from . import drift
from .report import Finding, Report
from .text import line_col, offset_of, segment

Position = tuple[int, int]  # 1-based (line, column)
Scope = tuple[Position, Position]  # a sentence's start and end, end exclusive
Key = tuple[Scope | None, str | None, str | None]  # a scope or the file, a claim, a rule (or any)
RangeKey = tuple[Position, str | None, str | None]  # the end of a group of ranges, a claim, a rule

RULES: frozenset[str] = frozenset(drift.RULES)
VERBS = ("ignore", "ignore-file", "ignore-start", "ignore-end")
END = (1 << 30, 0)  # after every position: where a range that no ignore-end closes ends
UNCLOSED = "'ignore-start' without 'ignore-end': it runs to the end of the document"

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
    """One ``ignore``, ``ignore-file`` or ``ignore-start`` directive. ``scope`` is the (start,
    end) of what it covers, end exclusive: the sentence of an ``ignore``, from an
    ``ignore-start`` to its ``ignore-end`` (``ranged``); ``None`` for the whole document."""

    line: int
    column: int
    directive: str
    claims: tuple[str, ...]
    rules: tuple[str, ...]
    scope: Scope | None
    ranged: bool = False


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
    ranges = _Ranges()
    for d in _directives(text):
        words = [w for w in re.split(r"[\s,]+", d.body.split("--", 1)[0]) if w]
        verb, targets = (words[0] if words else ""), words[1:]
        if verb not in VERBS:
            problems.append(Notice(d.line, d.column, f"unknown directive 'factcheck: {verb}'"))
            continue
        if verb == "ignore-end":
            problems += ranges.end(d, targets)
            continue
        if verb == "ignore-start":
            ranges.start(d)
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
        suppression = Suppression(d.line, d.column, directive, claims, rules, scope)
        (ranges.opened if verb == "ignore-start" else directives).append(suppression)
    problems += ranges.end(None, [])
    found = sorted([*directives, *ranges.closed], key=lambda s: (s.line, s.column))
    return Suppressions(tuple(found), tuple(problems))


class _Ranges:
    """The ``ignore-start`` directives read so far: those still open, and those an
    ``ignore-end`` (or the end of the document) closed, their scope set. ``starting`` is where
    the first ``ignore-start`` since the last ``ignore-end`` stands, even one that names an
    unknown rule (and so suppresses nothing): an ``ignore-end`` after it is not stray."""

    def __init__(self) -> None:
        self.opened: list[Suppression] = []
        self.closed: list[Suppression] = []
        self.starting: Position | None = None

    def start(self, d: _Directive) -> None:
        self.starting = self.starting or (d.line, d.column)

    def end(self, d: _Directive | None, targets: list[str]) -> list[Notice]:
        """Close every open range at ``d``, an ``ignore-end`` (None: the end of the document),
        and the notices that calls for."""
        problems = []
        if d is None and self.starting:
            line, column = self.starting
            problems.append(Notice(line, column, UNCLOSED))
        elif d is not None and targets:
            problems.append(Notice(d.line, d.column, "'ignore-end' takes no targets"))
        elif d is not None and not self.starting:
            problems.append(Notice(d.line, d.column, "'ignore-end' without 'ignore-start'"))
        end = (d.line, d.column) if d is not None else END
        self.closed += [
            replace(s, scope=((s.line, s.column), end), ranged=True) for s in self.opened
        ]
        self.opened, self.starting = [], None
        return problems


def apply(report: Report, found: Suppressions) -> tuple[Report, list[Notice]]:
    """``report`` without its suppressed findings (summary recounted), and a notice for each
    directive, or target of a directive, that suppressed nothing.

    A directive suppresses a finding in its scope (a sentence, a range, or the whole file)
    whose claim is one of its claims and whose rule is one of its rules (any, where it names
    none). Both sides are reduced to keys (scope, claim or None for any, rule or None for any):
    a finding is suppressed when its keys meet a directive's, and a directive is used when its
    keys meet a finding's. Ranges, which may overlap, meet findings through ``_RangeIndex``."""
    ranges = _RangeIndex([s for s in found.directives if s.ranged])
    others = [s for s in found.directives if not s.ranged]
    scopes = sorted({s.scope for s in others if s.scope and s.scope[0] < s.scope[1]})
    keys = [_finding_keys(f, scopes) for f in report.findings]
    suppressing = {k for s in others for k in _directive_keys(s)}
    in_range = [ranges.covers(f) for f in report.findings]
    kept = [
        f
        for f, k, covered in zip(report.findings, keys, in_range, strict=True)
        if not covered and suppressing.isdisjoint(k)
    ]
    seen = {k for finding_keys in keys for k in finding_keys}

    def met(s: Suppression, claim: str | None, rule: str | None) -> bool:
        return ranges.met(s, claim, rule) if s.ranged else (s.scope, claim, rule) in seen

    return report.with_findings(kept), list(_unused(found.directives, met))


class _RangeIndex:
    """The ranges of a document (``ignore-start`` … ``ignore-end``), met by findings in time
    linear in both, however many ranges overlap. An ``ignore-end`` closes every open range, so
    the ranges that end at one place form a group, and groups never overlap: a finding is in
    at most one group (found by bisection), and in those of its ranges that start before it.
    Per group and key (claim or any, rule or any), the earliest start decides whether a
    finding is suppressed, and the last finding with the key which ranges it used: those that
    start before it."""

    def __init__(self, ranges: Iterable[Suppression]) -> None:
        self.earliest: dict[
            RangeKey, Position
        ] = {}  # (a group's end, claim, rule) → earliest start
        self.last: dict[RangeKey, Position] = {}  # (a group's end, claim, rule) → the last finding
        for s in ranges:
            assert s.scope is not None, "a range has a scope"
            start, end = s.scope
            for _, claim, rule in _directive_keys(s):
                key = (end, claim, rule)
                self.earliest[key] = min(self.earliest.get(key, start), start)
        self.ends = sorted({end for end, _, _ in self.earliest})

    def covers(self, finding: Finding) -> bool:
        """True when a range suppresses ``finding``; the keys it met are noted as used."""
        if finding.line is None or finding.column is None:
            return False  # an omission: only ignore-file suppresses it
        position = (finding.line, finding.column)
        i = bisect_right(self.ends, position)  # the group that ends first after the finding
        if i == len(self.ends):
            return False
        covered = False
        for claim in (finding.claim_id, None):
            for rule in (finding.rule, None):
                key = (self.ends[i], claim, rule)
                if self.earliest.get(key, END) <= position:
                    covered = True
                    self.last[key] = max(self.last.get(key, position), position)
        return covered

    def met(self, s: Suppression, claim: str | None, rule: str | None) -> bool:
        """True when a finding in range ``s`` had the key (claim, rule)."""
        assert s.scope is not None, "a range has a scope"
        start, end = s.scope
        return self.last.get((end, claim, rule), (0, 0)) >= start


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


def _unused(
    directives: Iterable[Suppression], met: Callable[[Suppression, str | None, str | None], bool]
) -> Iterable[Notice]:
    """A notice for each directive none of whose keys a finding ``met``, and for the targets
    of the others that no finding they suppressed named."""
    for s in directives:
        claims, rules = _or_any(s.claims), _or_any(s.rules)
        matched = {(c, r) for c in claims for r in rules if met(s, c, r)}
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
