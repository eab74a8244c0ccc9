"""`factcheck evaluate`: the labelled-pairs format, the metrics, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.evaluate import (
    Judgment,
    LabelledPair,
    Scores,
    best_threshold,
    judge,
    load_pairs,
    metrics,
)
from factcheck.report import Report, Summary

DATA = Path(__file__).parent / "data" / "labelled.jsonl"


def test_scores_follow_their_definitions() -> None:
    s = Scores(tp=6, fp=2, tn=8, fn=4)
    assert s.balanced_accuracy == pytest.approx((6 / 10 + 8 / 10) / 2)
    assert s.precision == pytest.approx(6 / 8)
    assert s.recall == pytest.approx(6 / 10)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "x.jsonl:2: not a JSON object"),
        ('{"source": "a", "derivative": "b"}', "x.jsonl:2: record has no 'label' text"),
        ('{"source": "a", "derivative": "b", "label": "maybe"}', "x.jsonl:2: label must be"),
        ("[1, 2]", "x.jsonl:2: each line must be a JSON object"),
    ],
)
def test_bad_records_name_their_line(line: str, message: str) -> None:
    good = '{"source": "a b c", "derivative": "a b", "label": "consistent"}'
    with pytest.raises(InputError, match=message):
        load_pairs(f"{good}\n{line}\n", "x.jsonl")


def test_no_pairs_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no labelled pairs"):
        load_pairs("\n\n", "x.jsonl")


def test_pairs_are_judged_with_the_compare_engine() -> None:
    pairs = load_pairs(DATA.read_text(encoding="utf-8"), "labelled.jsonl")
    judged = {p.id: judge(p).flagged for p in pairs}
    assert judged == {"p1": False, "p2": True, "p3": True, "p4": False, "p5": True, "p6": False}
    m = metrics([judge(p) for p in pairs])
    assert m.overall.balanced_accuracy == 1.0
    assert m.recall_by_error_type == {"number": (1, 1), "negation": (1, 1), "entity": (1, 1)}
    assert m.precision_by_rule["number-drift"] == (1, 1)
    assert sum(fired for _, fired in m.precision_by_rule.values()) >= 3
    assert set(m.by_domain) == {"city/local"}


def _judgment(inconsistent: bool, consistency: float) -> Judgment:
    pair = LabelledPair("x", "s", "d", inconsistent)
    return Judgment(pair, Report("x", Summary(1, 1, 1, 0, 0, 0, consistency)))


def test_best_threshold_separates_by_consistency() -> None:
    judgments = [
        _judgment(True, 0.2),
        _judgment(True, 0.4),
        _judgment(False, 0.8),
        _judgment(False, 0.9),
    ]
    cut, ba = best_threshold(judgments)
    assert 0.4 < cut <= 0.8
    assert ba == 1.0


def test_command_reports_json_and_writes_misjudged_pairs(tmp_path: Path) -> None:
    data = tmp_path / "pairs.jsonl"
    lines = DATA.read_text(encoding="utf-8").splitlines()
    flipped = json.loads(lines[0]) | {"label": "inconsistent", "id": "wrong-label"}
    data.write_text("\n".join([*lines, json.dumps(flipped)]) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        app, ["evaluate", str(data), "--format", "json", "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["overall"]["pairs"] == 7
    assert out["overall"]["confusion"] == {"tp": 3, "fp": 0, "tn": 3, "fn": 1}
    assert set(out) >= {
        "by_dataset",
        "by_domain",
        "recall_by_error_type",
        "consistency_threshold",
        "pairs_per_second",
    }
    (misjudged,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert misjudged["id"] == "wrong-label" and misjudged["judged"] == "consistent"


def test_command_text_output_and_input_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(DATA), "--color", "never"])
    assert result.exit_code == 0
    assert "100.0%" in result.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2
