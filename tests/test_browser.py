"""The review page in a real browser: headless Chromium loads the page ``--format html`` writes
for a rewrite, with no console error, and the DOM it renders marks every finding located in
the rewrite. Skipped where Chromium is not installed (``.ci/run`` installs Debian's).

``FACTCHECK_UPDATE_GOLDEN=1`` also retakes the README's screenshot, docs/review-page.png.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from page import read

from factcheck.cli import run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "003_dc6938d0a2aab671.txt"
SCREENSHOT = ROOT / "docs" / "review-page.png"
SCREENSHOT_WINDOW = "1200,1212"  # the top of the page: totals, the text and its findings
WINDOW = "1280,2000"
TIMEOUT = 120  # seconds: a browser that hangs fails its test, never hangs the suite
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium)"
)


@dataclass(frozen=True)
class Loaded:
    dom: str  # the document as the browser built it
    console: list[str]  # lines Chromium logged from the page's console: errors, uncaught ones
    png: bytes


def load(page: Path, profile: Path, window: str = WINDOW) -> Loaded:
    """``page`` loaded by headless Chromium: its DOM, its console, a screenshot."""
    assert CHROMIUM is not None
    shot = profile.with_suffix(".png")
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        f"--window-size={window}",
        f"--screenshot={shot}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return Loaded(done.stdout, console, shot.read_bytes())


def compared(claims: str, rewrite: str, fmt: str, out: Path) -> None:
    assert run(["compare", claims, rewrite, "-f", fmt, "-o", str(out)]) == 1


@pytest.mark.parametrize(
    "rewrite",
    [
        "examples/ai-alliance-rewrite.txt",
        pytest.param(
            str(SEED),
            marks=pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is absent"),
            id="seed",
        ),
    ],
)
def test_the_review_page_loads_with_every_finding_marked(
    rewrite: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the page names the files as given: relative to the repository
    page, report = tmp_path / "review.html", tmp_path / "review.json"
    compared("claims.yaml", rewrite, "html", page)
    compared("claims.yaml", rewrite, "json", report)
    findings = json.loads(report.read_text(encoding="utf-8"))["documents"][0]["findings"]
    in_text = [f for f in findings if f["line"] is not None]  # located in the rewrite

    loaded = load(page, tmp_path / "profile")

    assert loaded.console == []
    assert loaded.png.startswith(b"\x89PNG\r\n\x1a\n")
    dom = read(loaded.dom)
    assert dom.problems == []
    assert in_text and len(dom.marks) == len(in_text)
    assert [m.label for m in dom.marks] == [str(n) for n in range(1, len(in_text) + 1)]
    assert all(m.words.strip() for m in dom.marks)
    if rewrite.startswith("examples/") and os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        SCREENSHOT.write_bytes(load(page, tmp_path / "shot", SCREENSHOT_WINDOW).png)


def test_a_console_error_is_seen(tmp_path: Path) -> None:
    """The check above can fail: a page whose script logs an error is caught."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><title>x</title><script>console.error('boom')</script>")
    assert any("boom" in line for line in load(page, tmp_path / "profile").console)
