"""Start-up: each command imports what it uses and nothing more, and the public API, loaded on
first use, still gives the engine's functions. Each case runs in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/ai-alliance-rewrite.txt"
ENGINE = {
    "factcheck.align",
    "factcheck.articles",
    "factcheck.batch",
    "factcheck.claims",
    "factcheck.compare",
    "factcheck.config",
    "factcheck.drift",
    "factcheck.extract",
    "factcheck.text",
    "rapidfuzz",
    "yaml",
}
RUN = """
import contextlib, io, json, sys
from factcheck.cli import run
with contextlib.redirect_stdout(io.StringIO()):
    status = run(sys.argv[1:])
print(json.dumps([status, sorted(sys.modules)]))
"""


def python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def imported(*args: str) -> tuple[int, set[str]]:
    """The exit status of ``factcheck ARGS`` and every module it imported."""
    status, modules = json.loads(python(RUN, *args))
    return status, set(modules)


def test_importing_the_cli_imports_no_engine() -> None:
    modules = set(
        json.loads(python("import json, sys, factcheck.cli; print(json.dumps([*sys.modules]))"))
    )
    assert "factcheck.cli" in modules
    assert not modules & ENGINE


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["compare", "--help"],
        ["extract", "--help"],
        ["evaluate", "--help"],
        ["selftest", "--help"],
        ["rule", "--help"],
    ],
)
def test_version_and_help_import_no_engine(args: list[str]) -> None:
    status, modules = imported(*args)
    assert status == 0
    assert not modules & ENGINE


def test_json_output_imports_neither_other_formats_nor_pools_nor_the_baseline() -> None:
    status, modules = imported("compare", "claims.yaml", EXAMPLE, "--format", "json")
    assert status == 1
    assert "factcheck.render.json" in modules
    others = {f"factcheck.render.{name}" for name in ("text", "sarif", "junit", "github")}
    unused = {"rich.console", "concurrent.futures", "factcheck.baseline", "hashlib", "html"}
    assert not modules & (others | unused)


def test_the_api_gives_the_functions_whichever_module_was_imported_first() -> None:
    code = """
import types
import factcheck.compare, factcheck.extract
from factcheck import ClaimSet, compare, extract, load_claims
assert not isinstance(factcheck.compare, types.ModuleType)
assert compare is factcheck.compare and compare.__module__ == "factcheck.compare"
assert extract is factcheck.extract and extract.__module__ == "factcheck.extract"
report = compare(load_claims("claims:\\n- id: c1\\n  text: It rained.\\n"), "It rained.")
assert isinstance(ClaimSet, type) and report.findings == ()
assert {"compare", "ClaimSet", "__version__"} <= set(dir(factcheck))
try:
    factcheck.no_such_name
except AttributeError:
    print("ok")
"""
    assert python(code) == "ok\n"


def test_only_an_html_input_imports_readability_lxml(tmp_path: Path) -> None:
    pytest.importorskip("readability")
    library = {"readability", "lxml"}
    for args in (["--version"], ["compare", "claims.yaml", EXAMPLE, "--format", "json"]):
        assert not imported(*args)[1] & library
    page = tmp_path / "rewrite.html"
    page.write_text(f"<p>{(ROOT / EXAMPLE).read_text(encoding='utf-8')}</p>", encoding="utf-8")
    status, modules = imported("compare", "claims.yaml", str(page), "--format", "json")
    assert status == 1 and library <= modules


def test_neither_the_api_nor_the_pandas_function_imports_dask() -> None:
    """``factcheck.dask`` is imported by its users alone, and imports Dask only to build a
    graph: ``compare_pandas``, which a Spark pandas UDF calls, needs pandas and not Dask."""
    pytest.importorskip("pandas")
    code = """
import json, sys
import factcheck
claims = factcheck.load_claims("claims:\\n- id: c1\\n  text: It rained.\\n")
factcheck.compare(claims, "It rained.")
api = sorted({"dask", "factcheck.dask"} & set(sys.modules))
import pandas
from factcheck.dask import compare_pandas
rows = compare_pandas(claims, pandas.Series(["It rained."]))
print(json.dumps([api, "dask" in sys.modules, int(rows["covered"][0])]))
"""
    assert json.loads(python(code)) == [[], False, 1]
