"""The self-test's independent corruptions: each kind on hand-made claims, their scoring and
bars, and their independence from the checks' lexicons (no file of factcheck/lexicon read,
none of the checks' modules imported)."""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest
from runner import run
from test_selftest import fake_compare

import factcheck.selftest
from factcheck import drift, lexicon
from factcheck.batch import load_claim_set
from factcheck.claims import Claim, ClaimSet
from factcheck.cli import ExitCode
from factcheck.selftest import (
    CORRUPTIONS,
    INDEPENDENT,
    Bars,
    DriftScore,
    ParaphraseScore,
    SelfTest,
    independent_corruptions,
    selftest,
)
from factcheck.selftest.ring import nearest, ring

ROOT = Path(__file__).resolve().parent.parent
CLAIMS_YAML = str(ROOT / "claims.yaml")
PACKAGE = ROOT / "factcheck" / "selftest"
MODULES = (
    "independent",
    "reading",
    "modal",
    "swap",
    "added",
    "ring",
)  # the independent corruptions


def claim_set(*texts: str) -> ClaimSet:
    claims = tuple(Claim(f"c{n:03d}", text) for n, text in enumerate(texts, start=1))
    return ClaimSet(claims, path="claims.yaml")


# each kind: claims in, the corrupted texts out (by claim)

CASES: list[tuple[str, tuple[str, ...], list[str]]] = [
    ("modal-dropped", ("The plan could fail.",), ["The plan will fail."]),
    (
        "modal-dropped",
        ("The council is expected to open the centre in May.",),
        ["The council will open the centre in May."],
    ),
    (
        "modal-dropped",
        ("Perhaps the board will agree; it reportedly is split.",),
        ["The board will agree; it is split."],
    ),
    ("modal-dropped", ("I'd wager it's no accident.",), ["It's no accident."]),
    ("modal-dropped", ('"It may rain," she said.',), []),
    (
        "modal-added",
        ("Members include AMD.", "The members will vote."),
        ["Allegedly, members include AMD.", "The members are likely to vote."],
    ),
    ("modal-added", ("The plan will work.",), ["The plan could work."]),
    ("modal-added", ("Nvidia is not a member.",), ["Allegedly, Nvidia is not a member."]),
    ("modal-added", ("The plan could work.",), []),
    (
        "speaker-swapped",
        ('"We will win," Jane Doe said.', '"It is over," John Roe said.'),
        ['"We will win," John Roe said.', '"It is over," Jane Doe said.'],
    ),
    (
        "speaker-swapped",
        ('"More is coming," the release reads.', "Tom Becker said the plan works."),
        ['"More is coming," Tom Becker reads.', "The release said the plan works."],
    ),
    (
        "speaker-swapped",
        ("According to the mayor, taxes rose.", "Helen Marsh warned of cuts."),
        ["According to Helen Marsh, taxes rose.", "The mayor warned of cuts."],
    ),
    (
        "speaker-swapped",
        ("The Alliance says it grew.", "Meta said no."),
        ["Meta says it grew.", "The Alliance said no."],
    ),
    (
        "speaker-swapped",
        ("The defense had argued it was safe.", "Rosa Whitfield said no."),
        ["Rosa Whitfield had argued it was safe.", "The defense said no."],
    ),
    (
        "speaker-swapped",
        ("Delmont's counsel, Peter Kaminski, said it would appeal.", "Judge Harold Osei told us."),
        [
            "Delmont's counsel, Judge Harold Osei, said it would appeal.",
            "Peter Kaminski told us.",
        ],
    ),
    ("speaker-swapped", ("The plan works.", "The board met."), []),
    (
        "noun-swapped",
        ("The regional council approved the development.", "The national agency rejected it."),
        ["The national council approved the development.", "The regional agency rejected it."],
    ),
    (
        "noun-swapped",
        ("The members voted.", "The signers agreed."),
        ["The signers voted.", "The members agreed."],
    ),
    ("noun-swapped", ("The organizations voted.", "The organization agreed."), []),
    (
        "number-moved",
        (
            "The firm hired 45 people in 2021.",
            "A rival hired 70 people in 2019.",
            "Sales rose 12%.",
        ),
        [
            "The firm hired 70 people in 2021.",
            "The firm hired 45 people in 2019.",
            "A rival hired 45 people in 2019.",
            "A rival hired 70 people in 2021.",
        ],
    ),
    (
        "number-moved",
        ("The plan costs £1.4 billion.", "Each grant is £7,500."),
        ["The plan costs £7,500.", "Each grant is £1.4 billion."],
    ),
    (
        "sentence-added",
        ("IBM is a member.", "Meta will lead the group.", "The board has approved it."),
        [
            "IBM is a member. Meta has approved it.",
            "Meta will lead the group. The board is a member.",
            "The board has approved it. IBM will lead the group.",
        ],
    ),
    ("sentence-added", ("IBM is a member.", "Meta will lead the group."), []),
    (
        "sentence-added",
        ("The agency, which was dismissed, said no.", "IBM is a member.", "Meta will lead."),
        ["The agency, which was dismissed, said no. IBM will lead."],
    ),
]


@pytest.mark.parametrize(
    ("kind", "claims", "expected"),
    CASES,
    ids=[f"{kind}-{n}" for n, (kind, _, _) in enumerate(CASES)],
)
def test_independent_corruption(kind: str, claims: tuple[str, ...], expected: list[str]) -> None:
    assert [r.text for r in independent_corruptions(claim_set(*claims)) if r.kind == kind] == (
        expected
    )


def test_every_kind_has_a_case() -> None:
    assert {kind for kind, _, expected in CASES if expected} == set(INDEPENDENT)


def test_independent_kinds_are_their_own_and_caught_as_drift_types() -> None:
    assert not set(INDEPENDENT) & set(CORRUPTIONS)
    types = {check.ID for check in drift.CHECKS}
    assert all(kind.caught_as <= types for kind in INDEPENDENT.values())


def test_independent_corruptions_of_claims_yaml_are_deterministic_and_change_the_claim() -> None:
    claims = load_claim_set(CLAIMS_YAML)
    texts = {c.id: c.text for c in claims}
    made = independent_corruptions(claims)
    assert made == independent_corruptions(load_claim_set(CLAIMS_YAML))
    assert all(r.text != texts[r.claim_id] and r.change for r in made)
    assert {r.kind for r in made} == set(INDEPENDENT)


# independence: the words of these corruptions come from the report and the self-test's own
# lists, never from the lexicons the checks read


def test_making_independent_corruptions_reads_no_lexicon_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claims = load_claim_set(CLAIMS_YAML)
    read: list[str] = []
    for cached in (lexicon.entries, lexicon.words, lexicon.table, lexicon.phrases):
        cached.cache_clear()
    monkeypatch.setattr(lexicon, "path", lambda name: read.append(name) or "")
    try:
        made = independent_corruptions(claims)
    finally:
        for cached in (lexicon.entries, lexicon.words, lexicon.table, lexicon.phrases):
            cached.cache_clear()
    assert made and read == []


def test_a_lexicon_read_would_be_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: the lexicon-built corruptions read the checks' files."""
    read: list[str] = []
    lexicon.entries.cache_clear()
    monkeypatch.setattr(lexicon, "path", lambda name: read.append(name) or lexicon_path(name))
    try:
        factcheck.selftest.corruptions(claim_set("The plan will work."))
    finally:
        lexicon.entries.cache_clear()
    assert read


def lexicon_path(name: str) -> str:
    return str(resources.files("factcheck.lexicon").joinpath(f"{name}.txt"))


ALLOWED = {
    "..claims": None,
    "..lexicon": {"lines"},  # reads a list given by its path, none of the checks' own
    ".edit": {"Edit", "Rewrite", "cased", "rewrite"},  # surface edits, no word list
    **{f".{m}": None for m in MODULES},
}


@pytest.mark.parametrize("module", MODULES)
def test_independent_modules_import_none_of_the_checks(module: str) -> None:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("factcheck") for a in node.names), module
        if isinstance(node, ast.ImportFrom) and node.level:
            source = "." * node.level + (node.module or "")
            assert source in ALLOWED, f"{module} imports {source}"
            names = ALLOWED[source]
            assert names is None or {a.name for a in node.names} <= names, module


DATA = sorted(p.stem for p in PACKAGE.glob("*.txt"))


@pytest.mark.parametrize("name", DATA)
def test_selftest_lists_are_sorted_and_unique(name: str) -> None:
    text = (PACKAGE / f"{name}.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == sorted(set(lines)), name


def test_selftest_lists_are_not_copies_of_the_checks_lexicons() -> None:
    """Written from English grammar, not the checks' files: each has constructions the
    check's lexicon lacks (so the checks are measured on words they were not given)."""
    hedges = set(lexicon.entries("hedges"))
    hedged = {line.split("\t", 1)[0] for line in factcheck.selftest.reading.data("modals")}
    speech = set(lexicon.table("attribution"))
    assert len(hedged - hedges) >= 10
    assert set(factcheck.selftest.reading.data("reporting")) - speech


# scoring, with compare's judgment replaced


CLAIMS = claim_set(
    "The regional council could approve 45 homes, Jane Doe said.",
    "The national agency will build 70 homes.",
    "Tom Becker is a member of the board.",
)


def test_an_independent_kind_is_caught_as_its_drift_types(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare({"hedge"}))
    scores = {s.type: s for s in selftest(CLAIMS).independent}
    assert list(scores) == list(INDEPENDENT) and all(s.independent for s in scores.values())
    assert scores["modal-dropped"].caught == scores["modal-dropped"].applicable == 1
    assert scores["speaker-swapped"].caught == 0 < scores["speaker-swapped"].applicable
    assert scores["speaker-swapped"].flagged == scores["speaker-swapped"].applicable
    assert scores["noun-swapped"].caught == scores["noun-swapped"].applicable > 0


def test_a_kind_no_drift_type_is_made_for_is_caught_by_an_unsupported_finding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare(set(), unsupported=True))
    scores = {s.type: s for s in selftest(CLAIMS).independent}
    assert scores["sentence-added"].caught == scores["sentence-added"].applicable > 0
    assert scores["number-moved"].caught == 0 < scores["number-moved"].applicable
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare(set()))
    scores = {s.type: s for s in selftest(CLAIMS).independent}
    assert all(s.caught == s.flagged == 0 for s in scores.values())
    assert len(scores["sentence-added"].misses) == scores["sentence-added"].applicable


def test_independent_kinds_have_their_own_bar() -> None:
    bars = Bars(min_catch=0.95, max_flag=0.05, min_independent=0.5)
    built = DriftScore("hedge", 10, 9, 9, ())
    measured = DriftScore("modal-added", 10, 6, 6, (), independent=True)
    assert not bars.catches(built) and bars.catches(measured)
    clean = ParaphraseScore(10, 0, ())
    assert SelfTest(1, (), (measured,), clean).passes(bars)
    assert not SelfTest(1, (), (measured,), clean).passes(Bars(min_independent=0.7))
    assert not SelfTest(1, (built,), (measured,), clean).passes(bars)


def test_selftest_exits_1_when_an_independent_kind_misses_its_bar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(factcheck.selftest, "compare", fake_compare(set()))
    lenient = ("--min-catch", "0", "--max-flag", "1")
    assert run("selftest", CLAIMS_YAML, *lenient, "--min-independent", "0").exit_code == 0
    assert run("selftest", CLAIMS_YAML, *lenient).exit_code == ExitCode.FINDINGS


# the ring a swap takes its substitute from: built once per file, searched per claim


def test_nearest_takes_the_first_candidate_after_the_claim_with_no_word_of_it() -> None:
    words = ["Person Ann", "Person Bo", "Company Cy", "Person Di", "Eve"]
    candidates = ring((j, w, frozenset(w.lower().split())) for j, w in enumerate(words))
    assert nearest(candidates, 0, {"person", "company"}) == "Eve"
    assert nearest(candidates, 4, {"eve"}) == "Person Ann"  # round the ring
    assert nearest(candidates, 1, {"person"}) == "Company Cy"
    assert nearest(candidates, 4, {"person", "company"}) is None  # never its own
