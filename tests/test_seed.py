"""The seed pair end to end, through the CLI, against tests/seed_expectations.yaml.

Skipped where ../shared/seeds is absent: the seed texts are third-party and not in the repo.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
REPORT = SEEDS / "000_3d2add79a7257919.txt"
REWRITE = SEEDS / "003_dc6938d0a2aab671.txt"
EXPECT = yaml.safe_load(
    (Path(__file__).parent / "seed_expectations.yaml").read_text(encoding="utf-8")
)

pytestmark = pytest.mark.skipif(not REWRITE.exists(), reason="../shared/seeds is absent")


def run(claims: Path, *, stdin: bool = False) -> dict:
    args = [
        sys.executable,
        "-m",
        "factcheck",
        "compare",
        str(claims),
        "-" if stdin else str(REWRITE),
        "--format",
        "json",
    ]
    text = REWRITE.read_text(encoding="utf-8") if stdin else None
    done = subprocess.run(args, input=text, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 1, done.stderr  # drift findings are errors: the check fails
    return json.loads(done.stdout)["documents"][0]


def findings_for(doc: dict, opening: str) -> list[dict]:
    return [f for f in doc["findings"] if f["sentence"] and f["sentence"].startswith(opening)]


@pytest.fixture(scope="module", params=["claims.yaml", "stdin", "report"])
def document(request: pytest.FixtureRequest) -> dict:
    if request.param == "report":
        return run(REPORT)
    return run(ROOT / "claims.yaml", stdin=request.param == "stdin")


@pytest.mark.parametrize(
    "item", EXPECT["must_flag"], ids=lambda i: f"{i['rule']}:{i['sentence'][:20]}"
)
def test_changed_sentences_are_flagged(document: dict, item: dict) -> None:
    rules = [
        f["type"] and f"{f['type']}-drift" or f["kind"]
        for f in findings_for(document, item["sentence"])
    ]
    assert item["rule"] in rules


@pytest.mark.parametrize("opening", EXPECT["must_pass"])
def test_faithful_sentences_are_left_alone(document: dict, opening: str) -> None:
    assert findings_for(document, opening) == []


def test_page_clutter_is_never_a_finding(document: dict) -> None:
    for f in document["findings"]:
        for text in (f["sentence"] or "", f["claim"] or ""):
            assert not any(c.lower() in text.lower() for c in EXPECT["clutter"]), text


def test_omissions_with_the_curated_claims() -> None:
    doc = run(ROOT / "claims.yaml")
    omitted = {f["claim_id"] for f in doc["findings"] if f["kind"] == "omission"}
    assert set(EXPECT["omitted"]) <= omitted
    assert not set(EXPECT["covered"]) & omitted
