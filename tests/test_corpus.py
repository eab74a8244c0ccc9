"""The corpus of our own reports and rewrites (tests/corpus/, issue 10) is well formed: eight
documents of different kinds, each with its report, a faithful and a drifted rewrite, and
annotations that point at words the drifted rewrite has once and the report says. A faithful
rewrite must pass clean: no error-severity finding. What factcheck catches of the drifted
rewrites is measured by ``benchmarks/corpus.py``, not asserted here: the corpus measures the
checks and must not be fitted to them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import factcheck

CORPUS = Path(__file__).parent / "corpus"
TYPES = {
    "number", "bound", "name", "noun-swap", "negation", "antonym", "hedge-dropped",
    "hedge-added", "quote-words", "quote-speaker", "attribution", "framing", "new-actor",
    "new-figure",
}  # fmt: skip
ADDITIONS = {"hedge-added", "framing", "new-actor", "new-figure"}  # nothing in the report
DOCUMENTS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def test_the_corpus_has_eight_kinds_of_report() -> None:
    assert len(DOCUMENTS) >= 8


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_corpus_document_is_annotated_where_its_words_are(name: str) -> None:
    folder = CORPUS / name
    report, faithful, drifted = (
        (folder / f).read_text(encoding="utf-8")
        for f in ("report.txt", "faithful.txt", "drifted.txt")
    )
    assert report.strip() and faithful.strip() and drifted.strip()
    changes = yaml.safe_load((folder / "drifted.yaml").read_text(encoding="utf-8"))["changes"]
    assert len(changes) >= 7
    for change in changes:
        assert change["type"] in TYPES, change
        assert drifted.count(change["found"]) == 1, change
        if change["type"] in ADDITIONS:
            assert change["expected"] is None, change
        else:
            assert change["expected"] and change["expected"] in report, change


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_faithful_rewrite_passes_clean(name: str) -> None:
    folder = CORPUS / name
    claims = factcheck.extract((folder / "report.txt").read_text(encoding="utf-8"))
    report = factcheck.compare(claims, (folder / "faithful.txt").read_text(encoding="utf-8"))
    errors = [
        f"{f.rule} {f.claim_id} {f.line}:{f.column}"
        for f in report.findings
        if f.severity == "error"
    ]
    assert errors == []
