"""Renderers for ``factcheck selftest``: the catch rates as a table (text) or as JSON.

Both are deterministic (no timings). The text format is a table per drift type, the
paraphrases' false-flag rate, then every miss, to study; the JSON format (``version`` 1,
documented in the README) has the same numbers and misses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from ..claims import ClaimSet
from ..selftest import Bars, DriftScore, Miss, ParaphraseScore, SelfTest
from .location import one_line

VERSION = 1
COLUMNS = ("drift type", "corruptions", "caught", "catch rate", "any drift")
WIDTHS = (12, 11, 6, 10, 9)


def render_json(claims: ClaimSet, result: SelfTest, bars: Bars, out: TextIO) -> None:
    json.dump(selftest_dict(claims, result, bars), out, indent=2, ensure_ascii=False)
    out.write("\n")


def selftest_dict(claims: ClaimSet, result: SelfTest, bars: Bars) -> dict[str, Any]:
    return {
        "version": VERSION,
        "claims": {"path": claims.path or "-", "count": result.claims},
        "bars": {"min_catch": bars.min_catch, "max_flag": bars.max_flag},
        "passed": result.passes(bars),
        "drift": [_drift(s, bars) for s in result.drift],
        "paraphrases": _paraphrases(result.paraphrases, bars),
    }


def _drift(score: DriftScore, bars: Bars) -> dict[str, Any]:
    return {
        "type": score.type,
        "applicable": score.applicable,
        "caught": score.caught,
        "flagged": score.flagged,
        "catch_rate": _rounded(score.rate),
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
    out.write(f"{claims.path or '-'}: {result.claims} claims\n\n{_row(COLUMNS)}\n")
    for s in result.drift:
        row = _row((s.type, str(s.applicable), str(s.caught), _percent(s.rate), str(s.flagged)))
        out.write(row + ("" if bars.catches(s) else f"  below {bars.min_catch:.0%}") + "\n")
    p = result.paraphrases
    out.write(f"\nparaphrases: {p.total}, wrongly flagged {p.flagged} ({_percent(p.rate)})")
    out.write(("" if bars.keeps_clean(p) else f"  above {bars.max_flag:.0%}") + "\n")
    _misses(out, "corruptions not caught", [m for s in result.drift for m in s.misses])
    _misses(out, "paraphrases flagged", list(p.misses))
    verdict = "passed" if result.passes(bars) else "failed"
    out.write(
        f"\nselftest {verdict}: the bar is {bars.min_catch:.0%} caught for every drift type "
        f"and at most {bars.max_flag:.0%} of paraphrases flagged\n"
    )


def _row(cells: Sequence[str]) -> str:
    """Table cells padded to COLUMNS' widths: the first left-aligned, numbers right-aligned."""
    padded = [cells[0].ljust(WIDTHS[0])]
    padded += [c.rjust(w) for c, w in zip(cells[1:], WIDTHS[1:], strict=True)]
    return "  ".join(padded)


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
