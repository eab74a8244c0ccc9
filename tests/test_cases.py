"""Judgment cases as data: tests/cases/<rule id>/<name>.yaml holds claims, a derivative and the
findings expected of it as ``rule claim-id line:col`` (``omission claim-id`` for omissions).
A ``pass-`` case expects none: a faithful rewrite must stay clean."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck import compare, load_claims

CASES = sorted(Path(__file__).parent.joinpath("cases").glob("*/*.yaml"))


def found(case: dict) -> list[str]:
    claims = load_claims(yaml.safe_dump({"version": 1, "claims": case["claims"]}), "case")
    report = compare(claims, case["derivative"])
    out = []
    for f in report.findings:
        if f.kind == "omission":
            out.append(f"omission {f.claim_id}")
        else:
            out.append(f"{f.rule} {f.claim_id or '-'} {f.line}:{f.column}")
    return sorted(out)


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_case(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path.stem.startswith("pass-"):
        assert case["expect"] == [], "a pass- case expects no finding"
    assert found(case) == sorted(case["expect"])


def test_every_drift_type_has_failing_and_passing_cases() -> None:
    from factcheck.drift import CHECKS

    folders = {p.parent.name: set() for p in CASES}
    for p in CASES:
        folders[p.parent.name].add(p.stem.split("-")[0])
    for check in CHECKS:
        assert folders.get(f"{check.ID}-drift") == {"fail", "pass"}, check.ID
