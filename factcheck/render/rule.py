"""Renderers for ``factcheck rule``: what rules check, as plain text or JSON.

A list is one line (or one object) a rule: its id, default severity and summary. A rule in
full adds its documentation and its two examples (``rules.yaml``): one that fires, with the
finding it gives, and one that does not.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any, TextIO

from ..rules import Example, Rule, examples

WIDTH = 79  # columns prose is filled to: whole lines in an 80-column terminal


def render_list(rules: Sequence[Rule], out: TextIO) -> None:
    """One line a rule: id, default severity, summary."""
    width = max(len(rule.id) for rule in rules)
    for rule in rules:
        out.write(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}\n")


def render_text(rules: Sequence[Rule], out: TextIO) -> None:
    """Each rule in full, separated by a blank line."""
    for n, rule in enumerate(rules):
        fires, passes = examples()[rule.id]
        out.write("\n" if n else "")
        out.write(f"{rule.id} (default severity: {rule.severity})\n\n{_filled(rule.doc)}\n\n")
        out.write(f"Example that fires:\n{_example(fires)}\n")
        out.write(f"Example that does not fire:\n{_example(passes)}")


def render_json(rules: Sequence[Rule], out: TextIO, *, full: bool) -> None:
    """An array of the rules (id, severity, summary; with ``full``, their documentation and
    examples too)."""
    objects = [_full(rule) if full else _brief(rule) for rule in rules]
    json.dump(objects, out, indent=2, ensure_ascii=False)
    out.write("\n")


def render_one_json(rule: Rule, out: TextIO) -> None:
    """One rule in full, as a JSON object."""
    json.dump(_full(rule), out, indent=2, ensure_ascii=False)
    out.write("\n")


def _filled(doc: str) -> str:
    """``doc`` with each paragraph of prose filled to ``WIDTH`` columns (a check's docstring
    is wrapped as source is, some lines longer); a paragraph of PASS/FAIL examples, whose
    columns line up, is kept as written."""
    paragraphs = []
    for paragraph in doc.split("\n\n"):
        if not paragraph.startswith(("PASS", "FAIL")):
            paragraph = textwrap.fill(
                " ".join(paragraph.split()), WIDTH, break_long_words=False, break_on_hyphens=False
            )
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _example(example: Example) -> str:
    """The example's claims, rewrite and finding, one a line under labels in a column."""
    lines = [(f"claim c{n}", text) for n, text in enumerate(example.claims, 1)]
    lines.append(("rewrite", example.rewrite))
    if example.finding:
        lines.append(("finding", example.finding))
    return "".join(f"  {label + ':':<10} {text}\n" for label, text in lines)


def _brief(rule: Rule) -> dict[str, Any]:
    return {"id": rule.id, "severity": rule.severity, "summary": rule.summary}


def _full(rule: Rule) -> dict[str, Any]:
    fires, passes = examples()[rule.id]
    shown = {"fires": fires, "passes": passes}
    return _brief(rule) | {
        "documentation": rule.doc,
        "examples": {
            name: {"claims": list(e.claims), "rewrite": e.rewrite, "finding": e.finding}
            for name, e in shown.items()
        },
    }
