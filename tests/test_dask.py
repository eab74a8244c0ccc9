"""The Dask API (``factcheck.dask``, issue 12): a bag or a DataFrame column gives what
``factcheck.compare`` gives serially, in order; the claims are analysed once and go to each
worker of a cluster once; input errors are raised as ``compare`` raises them; and the README's
Dask and Spark examples run as written.

Every test but one computes on Dask's synchronous scheduler; that one starts a cluster of two
worker processes, as a user's would be."""

from __future__ import annotations

import contextlib
import io
import json
import pickle
import re
import sys
import types
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hang import Hang, time_limit

import factcheck
from factcheck.dask import COLUMNS, compare_bag, compare_column, compare_pandas

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLAIMS_TEXT = (ROOT / "claims.yaml").read_text(encoding="utf-8")
TEXTS = [  # a faithful rewrite, drifted ones, texts about other reports, an empty one
    (ROOT / "examples/ai-alliance-rewrite.txt").read_text(encoding="utf-8"),
    *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests/corpus").glob("*/*.txt"))),
    "The AI Alliance counts around 54 organizations among its membership.",
    "Nvidia is a member of the AI Alliance.",
    "",
]
SURROGATE = "The AI Alliance has \ud800 members."


def claims() -> factcheck.ClaimSet:
    """The repository's claims file, loaded afresh: not yet analysed."""
    return factcheck.load_claims(CLAIMS_TEXT, "claims.yaml")


def serial(claim_set: factcheck.ClaimSet, texts: list[str]) -> list[dict[str, Any]]:
    return [factcheck.compare(claim_set, text).to_dict() for text in texts]


@pytest.fixture(autouse=True)
def _synchronous() -> Any:
    with dask.config.set(scheduler="sync"):
        yield


def test_a_bag_gives_each_texts_report_in_order() -> None:
    claim_set = claims()
    named = [(f"doc{n}.txt", text) for n, text in enumerate(TEXTS)]
    bag = db.from_sequence([*TEXTS, *named], npartitions=5)
    reports = compare_bag(claim_set, bag).compute()
    assert reports == serial(claim_set, TEXTS) + [
        factcheck.compare(claim_set, text, path).to_dict() for path, text in named
    ]
    assert [r["path"] for r in reports] == ["-"] * len(TEXTS) + [path for path, _ in named]
    assert {r["summary"]["drift"] > 0 for r in reports} == {True, False}


def test_a_column_gives_each_texts_summary_and_findings_by_row() -> None:
    claim_set = claims()
    index = [f"row{n:02}" for n in range(len(TEXTS))]
    texts = pd.DataFrame({"summary": TEXTS, "id": range(len(TEXTS))}, index=index)
    result = compare_column(claim_set, dd.from_pandas(texts, npartitions=3), "summary")
    computed = result.compute()
    assert list(computed.index) == index
    found = [
        {**row, "findings": json.loads(row["findings"])} for row in computed.to_dict("records")
    ]
    expected = [{**doc["summary"], "findings": doc["findings"]} for doc in serial(claim_set, TEXTS)]
    assert found == expected
    assert list(COLUMNS) == list(expected[0])
    declared = {name: pd.api.types.pandas_dtype(dtype) for name, dtype in COLUMNS.items()}
    assert dict(result.dtypes) == dict(computed.dtypes) == declared
    assert result.index.dtype == computed.index.dtype  # Dask's meta has the frame's index


def test_an_empty_partition_has_the_columns_and_no_rows() -> None:
    empty = compare_pandas(claims(), pd.Series([], dtype="string"))
    assert list(empty.columns) == list(COLUMNS) and len(empty) == 0


def test_the_claims_are_analysed_once_when_the_graph_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = sys.modules["factcheck.compare"]
    analyse = engine.analyse
    made = []
    monkeypatch.setattr(engine, "analyse", lambda *args: made.append(1) or analyse(*args))
    claim_set = claims()
    bag = compare_bag(claim_set, db.from_sequence(TEXTS, npartitions=4))
    column = compare_column(
        claim_set, dd.from_pandas(pd.DataFrame({"t": TEXTS}), npartitions=4), "t"
    )
    assert len(made) == 1
    bag.compute()
    column.compute()
    assert len(made) == 1


def test_input_errors_are_raised_as_compare_raises_them() -> None:
    claim_set = claims()
    with pytest.raises(factcheck.InputError) as local:
        factcheck.compare(claim_set, SURROGATE, "bad.txt")
    bag = db.from_sequence([TEXTS[0], ("bad.txt", SURROGATE)], npartitions=2)
    with pytest.raises(factcheck.InputError, match=f"^{re.escape(str(local.value))}$"):
        compare_bag(claim_set, bag).compute()
    with pytest.raises(factcheck.InputError, match="^-: expected a text, not dict$"):
        compare_bag(claim_set, db.from_sequence([{"text": TEXTS[0]}])).compute()
    texts = pd.Series(["It rained.", None], dtype=object)
    with pytest.raises(factcheck.InputError, match="^b.txt: expected a text, not NoneType$"):
        compare_pandas(claim_set, texts, pd.Series(["a.txt", "b.txt"]))
    frame = dd.from_pandas(pd.DataFrame({"t": texts, "id": ["a.txt", "b.txt"]}), npartitions=1)
    with pytest.raises(factcheck.InputError, match="^b.txt: expected a text, not "):
        compare_column(claim_set, frame, "t", path_column="id").compute()


def test_claims_that_are_not_valid_unicode_are_refused_before_anything_runs() -> None:
    bad = factcheck.ClaimSet((factcheck.Claim("c1", "It \ud800 rained."),), path="bad.yaml")
    frame = dd.from_pandas(pd.DataFrame({"t": TEXTS}), npartitions=2)
    for build in (
        lambda: compare_bag(bad, db.from_sequence(TEXTS)),
        lambda: compare_column(bad, frame, "t"),
    ):
        with pytest.raises(factcheck.InputError, match="^bad.yaml: not valid Unicode"):
            build()


def python_block(marker: str) -> str:
    """The README's Python block that contains ``marker``."""
    blocks = re.findall(r"^```python\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL)
    (found,) = [b for b in blocks if marker in b]
    return str(found)


def test_the_readmes_dask_example_prints_what_compare_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    example: dict[str, Any] = {"__name__": "readme"}  # defines main(), starts no cluster
    exec(compile(python_block("factcheck.dask import compare_bag"), "README.md", "exec"), example)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        example["main"]()
    reports = serial(claims(), example["SUMMARIES"])
    counts, table = printed.getvalue().split("\n", 1)
    assert counts == str([(r["summary"]["drift"], r["summary"]["unsupported"]) for r in reports])
    drifted = [n + 1 for n, r in enumerate(reports) if r["summary"]["drift"]]
    assert drifted and [int(line.split()[1]) for line in table.splitlines()[1:]] == drifted


def test_the_readmes_spark_example_declares_the_columns_compare_pandas_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pyspark is no dependency: the example runs with ``pandas_udf`` standing in, recording
    the schema it declares and the function, and Spark's broadcast as a pickled copy."""
    declared: dict[str, Any] = {}

    def pandas_udf(schema: str) -> Any:
        def register(function: Any) -> Any:
            declared.update(schema=schema, function=function)
            return lambda *columns: mock.MagicMock()  # a Spark column

        return register

    functions = types.ModuleType("pyspark.sql.functions")
    functions.pandas_udf = pandas_udf  # type: ignore[attr-defined]
    for name in ("pyspark", "pyspark.sql"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "pyspark.sql.functions", functions)
    shipped = types.SimpleNamespace(
        broadcast=lambda v: types.SimpleNamespace(value=pickle.loads(pickle.dumps(v)))
    )
    monkeypatch.chdir(ROOT)
    example = {"spark": types.SimpleNamespace(sparkContext=shipped), "articles": mock.MagicMock()}
    exec(compile(python_block("@pandas_udf"), "README.md", "exec"), example)
    spark_types = {"long": "int64", "double": "float64", "string": "string"}
    fields = [field.split() for field in declared["schema"].split(",")]
    assert [(name, spark_types[kind]) for name, kind in fields] == list(COLUMNS.items())
    texts = pd.Series(TEXTS[:4])
    assert declared["function"](texts).equals(compare_pandas(claims(), texts))


SPY = """
import sys
import factcheck.compare
from factcheck.claims import ClaimSet

engine = sys.modules["factcheck.compare"]
analyse = engine.analyse
counts = sys.modules["factcheck.claims"].counts = {"unpickled": 0, "analysed": 0}


def __setstate__(self, state):
    counts["unpickled"] += 1
    self.__dict__.update(state)


def counted(*args):
    counts["analysed"] += 1
    return analyse(*args)


ClaimSet.__setstate__ = __setstate__
engine.analyse = counted
"""  # run in each worker: counts the ClaimSets it unpickles and the analyses it makes


def test_on_a_cluster_each_worker_receives_the_claims_once_analysed() -> None:
    """Two worker processes, as on a cluster: the same reports as a serial run, the claims
    unpickled at most once per worker for each graph value (the bag's, the column's) and never
    analysed there, and an input error raised on the client as ``compare`` raises it."""
    distributed = pytest.importorskip("distributed")
    claim_set = claims()
    texts = TEXTS * 2
    try:
        with (
            time_limit(120),  # a guard against a hung cluster, not a measure
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
            dask.config.set(scheduler="distributed"),
        ):
            client.run(exec, SPY, {})
            bag = compare_bag(claim_set, db.from_sequence(texts, npartitions=8))
            frame = dd.from_pandas(pd.DataFrame({"t": texts}), npartitions=8)
            reports = bag.compute()
            columns = compare_column(claim_set, frame, "t").compute()
            counts = client.run(eval, "__import__('sys').modules['factcheck.claims'].counts")
            with pytest.raises(factcheck.InputError) as remote:
                compare_bag(claim_set, db.from_sequence([("bad.txt", SURROGATE)])).compute()
    except Hang:
        pytest.fail("the cluster gave no answer in 120 s")
    assert reports == serial(claim_set, texts)
    assert columns.equals(compare_pandas(claim_set, pd.Series(texts)))
    assert len(counts) == 2 and all(c["analysed"] == 0 for c in counts.values())
    assert all(c["unpickled"] <= 2 for c in counts.values())
    assert sum(c["unpickled"] for c in counts.values()) >= 2
    with pytest.raises(factcheck.InputError) as local:
        factcheck.compare(claim_set, SURROGATE, "bad.txt")
    assert type(remote.value) is factcheck.InputError and str(remote.value) == str(local.value)
