"""Renderers for ``factcheck evaluate``: the measured judgment as a table or as JSON.

``pairs_per_second`` is the one measured (not derived) figure; everything else is a pure
function of the labelled pairs and the engine, so it is the same on every run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from rich.text import Text

from ..evaluate import Judgment, Metrics, Scores
from .location import one_line


def evaluation_dict(metrics: Metrics, pairs_per_second: float) -> dict[str, Any]:
    return {"version": 1, **metrics.to_dict(), "pairs_per_second": round(pairs_per_second, 1)}


def render_json(metrics: Metrics, pairs_per_second: float, out: TextIO) -> None:
    json.dump(evaluation_dict(metrics, pairs_per_second), out, indent=2, ensure_ascii=False)
    out.write("\n")


def render_text(
    metrics: Metrics, pairs_per_second: float, out: TextIO, *, color: bool | None = None
) -> None:
    from rich.console import Console
    from rich.table import Table

    # names come from the labelled file: never markup, never escape sequences
    console = Console(
        file=out,
        force_terminal=color,
        no_color=color is False,
        width=100,
        markup=False,
        emoji=False,
        highlight=False,
    )
    table = Table(
        "slice", "pairs", "balanced acc.", "precision", "recall", "F1", "tp", "fp", "tn", "fn"
    )
    table.add_row(*_row("all", metrics.overall))
    for name, s in sorted(metrics.by_dataset.items()):
        table.add_row(*_row(f"dataset {name}", s))
    for name, s in sorted(metrics.by_domain.items()):
        if name not in metrics.by_dataset:
            table.add_row(*_row(f"  {name}", s))
    console.print(table)
    errors = Table("error type (inconsistent pairs)", "caught", "total", "recall")
    for name, (caught, total) in sorted(metrics.recall_by_error_type.items()):
        errors.add_row(Text(one_line(name)), str(caught), str(total), f"{caught / total:.1%}")
    if metrics.recall_by_error_type:
        console.print(errors)
    rules = Table("rule (pairs it fired on)", "right", "fired", "precision")
    for name, (right, fired) in sorted(metrics.precision_by_rule.items()):
        rules.add_row(Text(one_line(name)), str(right), str(fired), f"{right / fired:.1%}")
    if metrics.precision_by_rule:
        console.print(rules)
    console.print(
        f"consistency threshold that maximises balanced accuracy: {metrics.best_threshold} "
        f"(balanced accuracy {metrics.best_threshold_balanced_accuracy:.1%})"
    )
    console.print(f"throughput: {pairs_per_second:.1f} pairs/s")


def _row(name: str, s: Scores) -> list[str | Text]:
    counts = [str(n) for n in (s.tp, s.fp, s.tn, s.fn)]
    return [
        Text(one_line(name)),
        str(s.pairs),
        f"{s.balanced_accuracy:.1%}",
        f"{s.precision:.1%}",
        f"{s.recall:.1%}",
        f"{s.f1:.1%}",
        *counts,
    ]


def misjudged_jsonl(judgments: Sequence[Judgment]) -> str:
    """One JSON object a line for each pair judged against its label, with the report."""
    lines = []
    for j in judgments:
        if j.correct:
            continue
        record = {
            "id": j.pair.id,
            "dataset": j.pair.dataset,
            "domain": j.pair.domain,
            "label": "inconsistent" if j.pair.inconsistent else "consistent",
            "judged": "inconsistent" if j.flagged else "consistent",
            "error_types": list(j.pair.error_types),
            "derivative": j.pair.derivative,
            "report": j.report.to_dict(),
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
