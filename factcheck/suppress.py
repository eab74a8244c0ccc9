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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches

from . import drift
from .report import Finding, Report
from .text import Sentence, line_col, segment

Position = tuple[int, int]  # 1-based (line, column)

RULES: frozenset[str] = frozenset(drift.RULES)
VERBS = ("ignore", "ignore-file")

_DIRECTIVE = re.compile(
    r"<!--[ \t]*factcheck:(?P<html>[^\n]*?)-->|^[ \t]*#[ \t]*factcheck:(?P<line>[^\n]*)$",
    re.MULTILINE,
)


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
    scope: tuple[Position, Position] | None

    def matches(self, finding: Finding) -> bool:
        if self.claims and finding.claim_id not in self.claims:
            return False
        if self.rules and finding.rule not in self.rules:
            return False
        if self.scope is None:
            return True
        if finding.line is None or finding.column is None:
            return False
        start, end = self.scope
        return start <= (finding.line, finding.column) < end

    def used_targets(self, finding: Finding) -> set[str]:
        """The targets that matched ``finding`` (``ignore`` alone has none)."""
        return {t for t in (finding.claim_id, finding.rule) if t in self.claims + self.rules}


@dataclass(frozen=True)
class Suppressions:
    """The directives of one document, and the problems found reading them."""

    directives: tuple[Suppression, ...] = ()
    problems: tuple[Notice, ...] = ()


def suppressions(text: str, compared: str | None = None) -> Suppressions:
    """The suppression directives of a derivative ``text`` (as read, before ``blank``).
    ``compared`` is the same-length text the comparison read (Markdown prepared, wrapped lines
    joined), whose sentences a directive's scope follows; by default ``blank(text)``."""
    sentences = segment(compared if compared is not None else blank(text))
    directives: list[Suppression] = []
    problems: list[Notice] = []
    for m in _DIRECTIVE.finditer(text):
        line, column = line_col(text, m.start())
        body = (m.group("html") if m.group("html") is not None else m.group("line")) or ""
        words = [w for w in re.split(r"[\s,]+", body.split("--", 1)[0]) if w]
        verb = words[0] if words else ""
        if verb not in VERBS:
            problems.append(Notice(line, column, f"unknown directive 'factcheck: {verb}'"))
            continue
        targets = words[1:]
        unknown = [t for t in targets if _misspelt_rule(t)]
        problems += [Notice(line, column, _unknown_rule(t)) for t in unknown]
        if unknown:
            continue
        scope = None if verb == "ignore-file" else _scope(text, sentences, m.start())
        rules = tuple(t for t in targets if t in RULES)
        claims = tuple(t for t in targets if t not in RULES)
        directives.append(Suppression(line, column, m.group().strip(), claims, rules, scope))
    return Suppressions(tuple(directives), tuple(problems))


def apply(report: Report, found: Suppressions) -> tuple[Report, list[Notice]]:
    """``report`` without its suppressed findings (summary recounted), and a notice for each
    directive, or target of a directive, that suppressed nothing."""
    used: dict[int, set[str]] = {}
    kept = []
    for finding in report.findings:
        matching = [i for i, s in enumerate(found.directives) if s.matches(finding)]
        for i in matching:
            used.setdefault(i, set()).update(found.directives[i].used_targets(finding))
        if not matching:
            kept.append(finding)
    return report.with_findings(kept), list(_unused(found.directives, used))


def blank(text: str) -> str:
    """``text`` with every directive replaced by spaces: what ``compare`` should read."""
    return _DIRECTIVE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _unused(directives: Iterable[Suppression], used: dict[int, set[str]]) -> Iterable[Notice]:
    for i, s in enumerate(directives):
        if i not in used:
            yield Notice(s.line, s.column, f"unused suppression '{s.directive}'")
            continue
        idle = [t for t in s.claims + s.rules if t not in used[i]]
        if idle:
            yield Notice(s.line, s.column, f"unused suppression of {', '.join(idle)}")


def _scope(text: str, sentences: tuple[Sentence, ...], offset: int) -> tuple[Position, Position]:
    """The sentence a line directive at ``offset`` covers (see the module docstring); an empty
    scope when no sentence follows."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    if line_end < 0:
        line_end = len(text)
    on_line = [s for s in sentences if s.start < line_end and s.end > line_start]
    containing = [s for s in on_line if s.start <= offset < s.end]
    before = [s for s in on_line if s.end <= offset]
    after = [s for s in sentences if s.start >= offset]
    chosen = (containing or before[-1:] or after[:1]) if on_line else after[:1]
    if not chosen:
        end = line_col(text, len(text))
        return end, end
    return line_col(text, chosen[0].start), line_col(text, chosen[0].end)


def _misspelt_rule(target: str) -> bool:
    """A target meant as a rule id but not one: it ends in "drift", or is close to a rule id.
    Anything else is a claim id, which the claims file may spell as it likes."""
    if target in RULES:
        return False
    return target.endswith("drift") or bool(get_close_matches(target, RULES, 1, 0.8))


def _unknown_rule(rule: str) -> str:
    return f"unknown rule '{rule}' (valid: {', '.join(sorted(RULES))})"
