"""Property-based tests over hostile input (hypothesis; the strategies are in fuzzing.py).

Whatever the rewrite, claims file, configuration, baseline or evaluate input: exit status 0,
1 or 2 only, never a traceback, one error line for status 2, no input changed (the claims file
above all), the same output on a second run; through the API, a Report or an InputError.

The ``ci`` profile (the default) runs a fixed, derandomised budget that fits in a test run;
``benchmarks/fuzz.py`` runs 10,000 examples and more, and counts.
"""

from __future__ import annotations

from fuzzing import compare_cases, evaluate_cases, other_cases, problems, run_case, texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck

settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci")


@given(compare_cases())
def test_compare_on_hostile_input_exits_0_1_or_2_and_changes_no_input(case: dict) -> None:
    first = run_case(case)
    assert problems(first) == [], (case, first)
    again = run_case(case)
    assert (again.code, again.stdout, again.stderr) == (first.code, first.stdout, first.stderr)


@given(other_cases())
def test_extract_and_selftest_on_hostile_input_exit_0_1_or_2_and_change_no_input(
    case: dict,
) -> None:
    outcome = run_case(case)
    assert problems(outcome) == [], (case, outcome)


@given(evaluate_cases())
def test_evaluate_on_hostile_input_exits_0_or_2_and_changes_no_input(case: dict) -> None:
    outcome = run_case(case)
    assert problems(outcome) == [], (case, outcome)
    assert outcome.code in (0, 2)


@given(texts, st.text(max_size=30) | texts)
def test_the_api_returns_a_report_or_raises_input_error(report: str, rewrite: str) -> None:
    try:
        claims = factcheck.extract(report)
        first = factcheck.compare(claims, rewrite).to_dict()
    except factcheck.InputError:
        return
    assert factcheck.compare(claims, rewrite).to_dict() == first


@given(texts)
def test_loading_any_claims_text_gives_claims_or_input_error(text: str) -> None:
    try:
        factcheck.load_claims(text, "claims.yaml")
    except factcheck.InputError as exc:
        assert len(str(exc).splitlines()) == 1
