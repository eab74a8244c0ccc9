"""The self-test: each corruption and paraphrase on hand-made claims, determinism, scoring,
the ``selftest`` command, and the issue's bar on the repository's claims.yaml."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from runner import run

import factcheck.selftest
from factcheck import drift
from factcheck.batch import load_claim_set
from factcheck.claims import Claim, ClaimSet, load_claims
from factcheck.cli import ExitCode
from factcheck.report import Finding, Report, Summary
from factcheck.selftest import (
    CORRUPTIONS,
    INDEPENDENT,
    PARAPHRASES,
    Bars,
    DriftScore,
    ParaphraseScore,
    SelfTest,
    corruptions,
    paraphrases,
    selftest,
)

CLAIMS_YAML = str(Path(__file__).resolve().parent.parent / "claims.yaml")


def claim_set(*claims: str | tuple[str, str]) -> ClaimSet:
    """Claims c001, c002, … from texts, or (text, speaker) pairs."""
    made = []
    for n, c in enumerate(claims, start=1):
        text, speaker = c if isinstance(c, tuple) else (c, None)
        made.append(Claim(f"c{n:03d}", text, speaker=speaker))
    return ClaimSet(tuple(made), path="claims.yaml")


@pytest.fixture(scope="module")
def seed_claims() -> ClaimSet:
    return load_claim_set(CLAIMS_YAML)


@pytest.fixture(scope="module")
def seed_result(seed_claims: ClaimSet) -> SelfTest:
    return selftest(seed_claims)


# corruptions: one per drift check, each the intended edit

CORRUPTION_CASES: list[tuple[str, tuple[str | tuple[str, str], ...], list[str]]] = [
    (
        "number",
        ("The council approved around 45 new homes.",),
        [
            "The council approved around 91 new homes.",
            "The council approved above 45 new homes.",
        ],
    ),
    ("number", ("Turnout rose to 80% this year.",), ["Turnout rose to 40% this year."]),
    (
        "number",
        ("The firm hired forty-five people in 2021.",),
        ["The firm hired ninety-one people in 2021.", "The firm hired forty-five people in 2022."],
    ),
    (
        "entity",
        ("The board hired IBM in May.", "The board later fired Google."),
        ["The board hired Google in May.", "The board later fired IBM."],
    ),
    ("negation", ("Nvidia isn't a member of the group.",), ["Nvidia is a member of the group."]),
    ("negation", ("The plan will work.",), ["The plan will not work."]),
    ("negation", ("IBM has stiff competition.",), ["IBM does not have stiff competition."]),
    ("negation", ("IBM has been a member.",), ["IBM has not been a member."]),
    ("negation", ("None of the members voted.",), ["All of the members voted."]),
    ("negation", ("It is no accident.",), ["It is an accident."]),
    ("negation", ("It spans not just chips but software.",), []),
    ("hedge", ("Perhaps the plan will work; time will tell.",), ["The plan will work."]),
    ("hedge", ("The plan, presumably, could fail.",), ["The plan will fail."]),
    ("hedge", ("The plan will work.",), ["The plan may work."]),
    ("hedge", ("Nvidia isn't a member.",), ["Nvidia reportedly is not a member."]),
    ("hedge", ("Members include AMD.",), ["Reportedly, members include AMD."]),
    (
        "quote",
        ('"We welcome more organizations," she said.',),
        ['"We embrace more organizations," she said.'],
    ),
    (
        "attribution",
        (
            ('"We will win," Jane Doe said.', "Jane Doe"),
            ('"It is over," John Roe said.', "John Roe"),
        ),
        ['"We will win," John Roe said.', '"It is over," Jane Doe said.'],
    ),
    (
        "attribution",
        (
            ('"More is coming," the release reads.', "the city press release"),
            ('"We will finish by spring," Tom Becker said.', "Tom Becker"),
        ),
        ['"More is coming," Tom Becker said.'],
    ),
    ("attribution", ("Meta announced the deal.", "IBM declined."), []),
]


@pytest.mark.parametrize(
    ("kind", "claims", "expected"),
    CORRUPTION_CASES,
    ids=[f"{kind}-{n}" for n, (kind, _, _) in enumerate(CORRUPTION_CASES)],
)
def test_corruption(
    kind: str, claims: tuple[str | tuple[str, str], ...], expected: list[str]
) -> None:
    made = [r.text for r in corruptions(claim_set(*claims)) if r.kind == kind]
    assert made == expected


def test_one_corruption_per_drift_check() -> None:
    assert sorted(CORRUPTIONS) == sorted(check.ID for check in drift.CHECKS)


# paraphrases: each faithful rewording


PARAPHRASE_CASES: list[tuple[str, str, list[str]]] = [
    ("clause-order", '"We will win," the mayor said.', ['The mayor said: "We will win."']),
    (
        "clause-order",
        "According to the mayor, the plan works.",
        ["The plan works, according to the mayor."],
    ),
    (
        "clause-order",
        "The plan works, according to the mayor.",
        ["According to the mayor, the plan works."],
    ),
    (
        "spelling",
        "The organization will analyze the color of the center.",
        ["The organisation will analyse the colour of the centre."],
    ),
    (
        "spelling",
        "The organisation's programme is ready.",
        ["The organization's programme is ready."],
    ),
    ("number-words", "About 45 people came.", ["About forty-five people came."]),
    ("number-words", "Forty-five people came.", ["45 people came."]),
    ("contraction", "It isn't over.", ["It is not over."]),
    ("contraction", "The plan is not over.", ["The plan isn't over."]),
    ("percent", "Turnout was 80%.", ["Turnout was 80 percent."]),
    ("percent", "Turnout was 80 per cent.", ["Turnout was 80%."]),
    ("approximation", "Around 45 people came.", ["About 45 people came."]),
    ("hedge-synonym", "Perhaps it rains.", ["Maybe it rains."]),
    ("name-order", "The board hired IBM and Google.", ["The board hired Google and IBM."]),
    ("name-order", "The board hired IBM and Google, then Apple.", []),
]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    PARAPHRASE_CASES,
    ids=[f"{kind}-{n}" for n, (kind, _, _) in enumerate(PARAPHRASE_CASES)],
)
def test_paraphrase(kind: str, text: str, expected: list[str]) -> None:
    assert [r.text for r in paraphrases(claim_set(text)) if r.kind == kind] == expected


def test_rewrites_of_claims_yaml_are_deterministic_and_change_the_claim(
    seed_claims: ClaimSet,
) -> None:
    texts = {c.id: c.text for c in seed_claims}
    for make, kinds in ((corruptions, CORRUPTIONS), (paraphrases, PARAPHRASES)):
        first = make(seed_claims)
        assert first == make(seed_claims)
        assert all(r.text != texts[r.claim_id] and r.change for r in first)
        assert {r.kind for r in first} <= set(kinds)
    assert {r.kind for r in corruptions(seed_claims)} == set(CORRUPTIONS)


# scoring, with the engine's judgment replaced


def fake_compare(types: set[str], unsupported: bool = False) -> Any:
    def compare(claims: ClaimSet, text: str, path: str = "-", cutoffs: object = None) -> Report:
        found = [
            Finding("drift", t, "error", f"{t} drifted", claim_id="c001") for t in sorted(types)
        ]
        if unsupported:
            found.append(Finding("unsupported", None, "warning", "new"))
        found.append(Finding("omission", None, "info", "omitted", claim_id="c002"))
        return Report(path, Summary(1, 2, 1, 1, len(types), 0, 0.0), tuple(found))

    return compare


CLAIMS = claim_set(
    "The council approved around 45 new homes and will build them.",
    '"We welcome more organizations," IBM said.',
)


def test_caught_needs_a_finding_of_the_corrupted_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare({"number"}))
    result = selftest(CLAIMS)
    scores = {s.type: s for s in result.drift}
    assert list(scores) == list(CORRUPTIONS)
    assert scores["number"].caught == scores["number"].applicable == 2
    assert scores["negation"].caught == 0
    assert scores["negation"].flagged == scores["negation"].applicable > 0
    assert [m.found for m in scores["negation"].misses][0] == ("number-drift c001: number drifted",)
    assert result.paraphrases.flagged == result.paraphrases.total > 0


def test_omissions_do_not_flag_a_paraphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare(set()))
    result = selftest(CLAIMS)
    assert result.paraphrases.flagged == 0 and result.paraphrases.misses == ()
    assert all(s.caught == s.flagged == 0 for s in result.drift)
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare(set(), unsupported=True))
    assert selftest(CLAIMS).paraphrases.flagged == selftest(CLAIMS).paraphrases.total


def test_bars() -> None:
    bars = Bars(min_catch=0.9, max_flag=0.1)
    nothing = DriftScore("quote", 0, 0, 0, ())
    assert bars.catches(nothing) and bars.catches(DriftScore("number", 10, 9, 9, ()))
    assert not bars.catches(DriftScore("number", 10, 8, 9, ()))
    assert bars.keeps_clean(ParaphraseScore(10, 1, ()))
    assert not bars.keeps_clean(ParaphraseScore(10, 2, ()))
    result = SelfTest(2, (nothing,), (), ParaphraseScore(10, 2, ()))
    assert not result.passes(bars) and result.passes(Bars(0.9, 0.2))


# the command


def _claim_count() -> int:
    return len(load_claims(Path(CLAIMS_YAML).read_text(encoding="utf-8"), CLAIMS_YAML))


def test_selftest_json_has_the_documented_shape(seed_result: SelfTest) -> None:
    result = run("selftest", CLAIMS_YAML, "--format", "json")
    doc = json.loads(result.stdout)
    assert set(doc) == {
        "version",
        "claims",
        "bars",
        "passed",
        "drift",
        "independent",
        "paraphrases",
    }
    assert doc["version"] == 2
    assert doc["claims"] == {"path": CLAIMS_YAML, "count": _claim_count()}
    assert doc["bars"] == {"min_catch": 0.95, "min_independent": 0.9, "max_flag": 0.05}
    assert [d["type"] for d in doc["drift"]] == list(CORRUPTIONS)
    assert [d["type"] for d in doc["independent"]] == list(INDEPENDENT)
    scores = doc["drift"] + doc["independent"]
    misses = [m for d in scores for m in d["misses"]] + doc["paraphrases"]["misses"]
    for d in scores:
        assert set(d) == {
            "type",
            "applicable",
            "caught",
            "flagged",
            "catch_rate",
            "caught_as",
            "passed",
            "misses",
        }
        assert d["caught"] <= d["flagged"] <= d["applicable"]
        assert d["catch_rate"] == round(d["caught"] / d["applicable"], 4)
        assert d["passed"] == (d["catch_rate"] >= (0.9 if d in doc["independent"] else 0.95))
        assert len(d["misses"]) == d["applicable"] - d["caught"]
    paraphrased = doc["paraphrases"]
    assert set(paraphrased) == {"total", "flagged", "flag_rate", "passed", "misses"}
    assert len(paraphrased["misses"]) == paraphrased["flagged"] <= paraphrased["total"]
    for miss in misses:
        assert set(miss) == {"claim_id", "kind", "change", "text", "found"}
        assert all(isinstance(f, str) for f in miss["found"])
    assert doc["passed"] == seed_result.passes(Bars())
    assert result.exit_code == (ExitCode.OK if doc["passed"] else ExitCode.FINDINGS)


def test_selftest_text_prints_a_table_of_lexicon_built_and_one_of_independent_kinds() -> None:
    bars = ("--min-catch", "0", "--min-independent", "0", "--max-flag", "1")
    result = run("selftest", CLAIMS_YAML, *bars)
    assert result.exit_code == ExitCode.OK
    lines = result.stdout.splitlines()
    assert lines[0] == f"{CLAIMS_YAML}: {_claim_count()} claims"
    header = ["kind", "corruptions", "caught", "catch", "rate", "any", "finding", "caught", "as"]
    built = 4 + len(CORRUPTIONS) + 1  # title, blank, table title, header, rows, blank
    assert lines[2].startswith("lexicon-built corruptions") and lines[3].split() == header
    assert [line.split()[0] for line in lines[4 : built - 1]] == list(CORRUPTIONS)
    assert [line.split()[-1] for line in lines[4 : built - 1]] == list(CORRUPTIONS)
    assert lines[built].startswith("independent corruptions") and lines[built + 1].split() == header
    rows = lines[built + 2 : built + 2 + len(INDEPENDENT)]
    assert [line.split()[0] for line in rows] == list(INDEPENDENT)
    assert [line.split()[-1] for line in rows] == [
        ", ".join(sorted(k.caught_as)) or "any" for k in INDEPENDENT.values()
    ]
    assert any(line.startswith("paraphrases: ") for line in lines)
    assert lines[-1].startswith("selftest passed")


def test_selftest_exits_1_when_a_rate_misses_its_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare(set()))
    assert run("selftest", CLAIMS_YAML).exit_code == ExitCode.FINDINGS


def test_selftest_input_errors_exit_2(tmp_path: Path) -> None:
    missing = run("selftest", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == ExitCode.INPUT_ERROR
    assert missing.stderr.startswith("factcheck: error: ") and "nope.yaml" in missing.stderr
    assert run("selftest", CLAIMS_YAML, "--min-catch", "1.5").exit_code == ExitCode.INPUT_ERROR


# the issue's bar: at least 95% of lexicon-built corruptions caught for every drift type, under
# 5% of paraphrases flagged. Measured figures for the reason: `factcheck selftest claims.yaml`.


def test_claims_yaml_meets_the_issue_bar(seed_result: SelfTest) -> None:
    low = [(s.type, s.rate) for s in seed_result.drift if s.rate is not None and s.rate < 0.95]
    assert low == []
    assert seed_result.paraphrases.rate is not None and seed_result.paraphrases.rate < 0.05


def test_selftest_of_an_empty_claims_file_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "claims.yaml"
    empty.write_text("version: 1\nclaims: []\n", encoding="utf-8")
    result = run("selftest", str(empty))
    assert result.exit_code == ExitCode.INPUT_ERROR


# The independent kinds measure the checks, and the issue's bar for them (90% caught per kind)
# is not met yet. The figures measured on claims.yaml, (corruptions, caught): the corruptions
# are made the same way every run, and a kind may be caught more often, never less. Raise a
# floor when the checks improve.

MEASURED = {
    "modal-dropped": (6, 5),
    "modal-added": (36, 32),
    "speaker-swapped": (11, 10),
    "noun-swapped": (24, 0),
    "number-moved": (2, 2),
    "sentence-added": (46, 18),
}


def test_claims_yaml_independent_kinds_are_caught_no_less_than_measured(
    seed_result: SelfTest,
) -> None:
    found = {s.type: (s.applicable, s.caught) for s in seed_result.independent}
    assert {k: a for k, (a, _) in found.items()} == {k: a for k, (a, _) in MEASURED.items()}
    assert [k for k, (_, caught) in found.items() if caught < MEASURED[k][1]] == []
