"""Renderers against golden files, from hand-built reports (independent of the engine).

Regenerate the goldens after an intended change with ``FACTCHECK_UPDATE_GOLDEN=1 pytest
tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import io
import json

import pytest
from golden import check_golden

from factcheck.claims import Claim, ClaimSet
from factcheck.render import RENDERERS, Run, View, renderer
from factcheck.report import Finding, Report, Summary

CLAIMS = ClaimSet(
    (
        Claim("c001", "The council approved a budget of 412 million dollars on Tuesday.", 3, True),
        Claim("c002", "It includes 45 new electric buses.", 3, True),
        Claim("c003", '"This budget puts residents first," said Mayor Elena Vásquez.', 5, True),
        Claim("c004", "The bus order may be delayed until 2026.", 5, False),
    ),
    path="claims.yaml",
)

# deliberately out of order: renderers sort by Finding.sort_key
FINDINGS = (
    Finding(
        "omission", None, "warning", "key claim c002 is not covered",
        claim_id="c002", claim=CLAIMS.claims[1].text, claim_line=10,
    ),
    Finding(
        "drift", "hedge", "error", "hedge dropped: 'may'",
        claim_id="c004", claim=CLAIMS.claims[3].text,
        sentence="The bus order will be delayed until 2026.",
        line=4, column=1, expected="may", found="will",
    ),
    Finding(
        "unsupported", None, "info", "no claim backs this statement",
        sentence="Critics call it the\nworst budget in a decade.", line=5, column=1,
    ),
    Finding(
        "drift", "number", "error", "412 million became 512 million",
        claim_id="c001", claim=CLAIMS.claims[0].text,
        sentence="The council approved a budget of 512 million dollars on Tuesday.",
        line=1, column=1, expected="412 million", found="512 million", span=(33, 44),
    ),
    Finding(
        "drift", "attribution", "error", "quote credited to another speaker",
        claim_id="c003", claim=CLAIMS.claims[2].text,
        sentence='"This budget puts residents first," said Councillor Tom Réid.',
        line=3, column=7, expected="Mayor Elena Vásquez", found="Councillor Tom Réid",
        span=(41, 60),
    ),
)  # fmt: skip

REPORTS = [
    Report("rewrite.txt", Summary(6, 4, 3, 1, 3, 1, 0.6), FINDINGS),
    Report("-", Summary(5, 4, 4, 0, 0, 0, 1.0)),
]


def rendered(fmt: str, color: bool | None = False) -> str:
    out = io.StringIO()
    renderer(fmt)([Run(CLAIMS, REPORTS)], out, View(color=color, width=100))
    return out.getvalue()


@pytest.mark.parametrize(("fmt", "name"), [("json", "report.json"), ("text", "report.txt")])
def test_golden(fmt: str, name: str) -> None:
    check_golden(name, rendered(fmt))


def test_json_is_the_contract() -> None:
    doc = json.loads(rendered("json"))
    assert doc["version"] == 2
    assert doc["claims"] == [{"path": "claims.yaml", "count": 4}]
    assert [d["path"] for d in doc["documents"]] == ["rewrite.txt", "-"]
    assert [d["claims"] for d in doc["documents"]] == ["claims.yaml", "claims.yaml"]
    findings = doc["documents"][0]["findings"]
    assert [f["claim_id"] for f in findings] == ["c001", "c003", "c004", None, "c002"]
    assert findings[0] == {**FINDINGS[3].to_dict()}


def test_json_keeps_unicode_readable() -> None:
    assert "Vásquez" in rendered("json")


def test_output_is_deterministic() -> None:
    for fmt in RENDERERS:
        assert rendered(fmt) == rendered(fmt)


def test_plain_text_marks_changed_words_with_carets() -> None:
    lines = rendered("text").splitlines()
    found = next(i for i, line in enumerate(lines) if "512 million dollars" in line)
    carets = lines[found + 1]
    assert carets.strip() == "^" * len("512 million")
    assert lines[found][carets.index("^") :].startswith("512 million")


def test_text_never_interprets_user_text_as_markup() -> None:
    claims = ClaimSet((Claim("c1", "[bold]45[/bold] :smile: buses"),), path="c.yaml")
    drifted = Finding("drift", "number", "error", "missing [red]", claim_id="c1", claim="[b]x")
    omitted = Finding("omission", None, "error", "not said", claim_id="c1", claim="[i]y :smile:")
    out = io.StringIO()
    report = Report("d.txt", Summary(1, 1, 0, 1, 1, 0, 1.0), (drifted, omitted))
    renderer("text")([Run(claims, [report])], out, View(color=True))
    assert "missing [red]" in out.getvalue()
    assert "[b]x" in out.getvalue()
    assert "[i]y :smile:" in out.getvalue()


def test_forced_colour_highlights_the_changed_words() -> None:
    coloured = rendered("text", color=True)
    assert "\x1b[" in coloured
    assert "^^^" not in coloured  # the highlight replaces the caret line
    assert "\x1b[1;4;31m512 million\x1b[0m" in coloured
    assert "\x1b[1;4;32m412 million\x1b[0m" in coloured


def test_colour_off_means_no_ansi() -> None:
    assert "\x1b[" not in rendered("text", color=False)


def test_auto_colour_is_plain_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    assert rendered("text", color=None) == rendered("text", color=False)


def test_a_span_over_the_whole_sentence_is_not_marked() -> None:
    sentence = "Critics call it the worst budget in a decade."
    finding = Finding("unsupported", None, "warning", "x", sentence=sentence, line=1, span=(0, 45))
    out = io.StringIO()
    report = Report("d.txt", Summary(1, 1, 1, 0, 0, 1, 0.5), (finding,))
    renderer("text")([Run(CLAIMS, [report])], out, View(color=False))
    assert "^" not in out.getvalue()
