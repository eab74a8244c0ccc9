"""Renderers for ``factcheck selftest``: the catch rates as a table (text) or as JSON.

Both are deterministic (no timings). The text format is two tables, a row per kind of
corruption: the lexicon-built kinds (one per drift type), then the independent kinds, which
measure the checks; then the paraphrases' false-flag rate and every miss, to study. The JSON
format (``version`` 2) has the same numbers and misses: ``drift`` the lexicon-built kinds,
``independent`` the independent ones, each with the finding types that catch it
(``caught_as``; empty: a finding of any type).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from ..claims import ClaimSet
from ..selftest import Bars, DriftScore, Miss, ParaphraseScore, SelfTest
from .location import one_line

VERSION = 2
COLUMNS = ("kind", "corruptions", "caught", "catch rate", "any finding", "caught as")
WIDTHS = (15, 11, 6, 10, 11, 0)
TABLES = (
    ("lexicon-built corruptions", "words from the checks' own lexicons: caught by construction"),
    ("independent corruptions", "from the report and the self-test's own lists: a measure"),
)


def render_json(claims: ClaimSet, result: SelfTest, bars: Bars, out: TextIO) -> None:
    json.dump(selftest_dict(claims, result, bars), out, indent=2, ensure_ascii=False)
    out.write("\n")


def selftest_dict(claims: ClaimSet, result: SelfTest, bars: Bars) -> dict[str, Any]:
    return {
        "version": VERSION,
        "claims": {"path": claims.path or "-", "count": result.claims},
        "bars": {
            "min_catch": bars.min_catch,
            "min_independent": bars.min_independent,
            "max_flag": bars.max_flag,
        },
        "passed": result.passes(bars),
        "drift": [_drift(s, bars) for s in result.drift],
        "independent": [_drift(s, bars) for s in result.independent],
        "paraphrases": _paraphrases(result.paraphrases, bars),
    }


def _drift(score: DriftScore, bars: Bars) -> dict[str, Any]:
    return {
        "type": score.type,
        "applicable": score.applicable,
        "caught": score.caught,
        "flagged": score.flagged,
        "catch_rate": _rounded(score.rate),
        "caught_as": sorted(score.caught_as),
        "passed": bars.catches(score),
        "misses": [m.to_dict() for m in score.misses],
    }


def _paraphrases(score: ParaphraseScore, bars: Bars) -> dict[str, Any]:
    return {
        "total": score.total,
        "flagged": score.flagged,
        "flag_rate": _rounded(score.rate),
        "passed": bars.keeps_clean(score),
        "misses": [m.to_dict() for m in score.misses],
    }


def _rounded(rate: float | None) -> float | None:
    return None if rate is None else round(rate, 4)


def render_text(claims: ClaimSet, result: SelfTest, bars: Bars, out: TextIO) -> None:
    out.write(f"{claims.path or '-'}: {result.claims} claims\n")
    for (title, note), scores in zip(TABLES, (result.drift, result.independent), strict=True):
        out.write(f"\n{title} ({note}):\n{_row(COLUMNS)}\n")
        for s in scores:
            cells = (s.type, str(s.applicable), str(s.caught), _percent(s.rate), str(s.flagged))
            row = _row((*cells, ", ".join(sorted(s.caught_as)) or "any"))
            out.write(row + ("" if bars.catches(s) else f"  below {bars.bar(s):.0%}") + "\n")
    p = result.paraphrases
    out.write(f"\nparaphrases: {p.total}, wrongly flagged {p.flagged} ({_percent(p.rate)})")
    out.write(("" if bars.keeps_clean(p) else f"  above {bars.max_flag:.0%}") + "\n")
    scores = (*result.drift, *result.independent)
    _misses(out, "corruptions not caught", [m for s in scores for m in s.misses])
    _misses(out, "paraphrases flagged", list(p.misses))
    verdict = "passed" if result.passes(bars) else "failed"
    out.write(
        f"\nselftest {verdict}: the bar is {bars.min_catch:.0%} caught for every lexicon-built "
        f"kind, {bars.min_independent:.0%} for every independent kind, and at most "
        f"{bars.max_flag:.0%} of paraphrases flagged\n"
    )


def _row(cells: Sequence[str]) -> str:
    """Table cells padded to COLUMNS' widths: the first left-aligned, numbers right-aligned,
    the last as it is."""
    padded = [cells[0].ljust(WIDTHS[0])]
    padded += [c.rjust(w) for c, w in zip(cells[1:-1], WIDTHS[1:-1], strict=True)]
    return "  ".join([*padded, cells[-1]])


def _misses(out: TextIO, title: str, misses: list[Miss]) -> None:
    if not misses:
        return
    out.write(f"\n{title}:\n")
    for m in misses:
        out.write(f"  {m.kind} {one_line(m.claim_id)}: {one_line(m.change)}\n")
        out.write(f"    rewrite: {one_line(m.text)}\n")
        for found in m.found or ("nothing",):
            out.write(f"    found:   {one_line(found)}\n")


def _percent(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.1%}"


RENDERERS: dict[str, Callable[[ClaimSet, SelfTest, Bars, TextIO], None]] = {
    "text": render_text,
    "json": render_json,
}
