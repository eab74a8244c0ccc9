"""``compare`` over a Dask bag or DataFrame, for users who already hold their documents in one
(the ``dask`` extra: ``pip install 'factcheck[dask]'``).

Each text is checked by ``factcheck.compare`` and gives exactly what a serial loop over the
texts gives, in the same order. The claims are analysed once, on the client, and enter the task
graph as one value (``dask.delayed``), which every partition task names: a worker of a
distributed cluster fetches them once and reads the same analysis for every partition it runs,
and a task carries only its texts. ``compare_pandas`` is the function each DataFrame partition
runs; it needs pandas and not Dask, so that a Spark pandas UDF can call it too (README, "On a
Dask or Spark cluster").

Dask is imported by the functions that build a graph, not by this module, and this module by
no other: ``import factcheck`` imports neither.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .claims import ClaimSet
from .compare import DEFAULT_CUTOFFS, Cutoffs, compare
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd
    from dask.bag import Bag
    from dask.dataframe import DataFrame
    from dask.delayed import Delayed

COLUMNS = {  # compare_pandas's and compare_column's columns: a report's summary, its findings
    "sentences": "int64",
    "claims": "int64",
    "covered": "int64",
    "omitted": "int64",
    "drift": "int64",
    "unsupported": "int64",
    "consistency": "float64",
    "findings": "string",  # the report's findings list as JSON text, as --format jsonl writes it
}


def compare_bag(claims: ClaimSet, bag: Bag, cutoffs: Cutoffs = DEFAULT_CUTOFFS) -> Bag:
    """A bag of the report of each item of ``bag``, in its order, as a dict (``Report.to_dict()``:
    one element of the JSON output's ``documents``). An item is a text, whose report's path is
    ``-``, or a ``(path, text)`` pair. ``InputError`` now for claims that are not valid
    Unicode, and when computed for an item that is no text or not valid Unicode."""
    return bag.map_partitions(_compare_items, _shipped(claims), cutoffs)


def compare_column(
    claims: ClaimSet,
    frame: DataFrame,
    column: str,
    *,
    path_column: str | None = None,
    cutoffs: Cutoffs = DEFAULT_CUTOFFS,
) -> DataFrame:
    """A DataFrame of the report of each text of ``frame[column]``, with ``frame``'s index and
    partitions: the ``COLUMNS`` of ``compare_pandas``, declared to Dask, which runs nothing to
    infer them. ``path_column`` holds the name each text's errors give (``-`` without one)."""
    names = list(dict.fromkeys([column] if path_column is None else [column, path_column]))
    return frame[names].map_partitions(
        _compare_partition, _shipped(claims), column, path_column, cutoffs, meta=COLUMNS
    )


def compare_pandas(
    claims: ClaimSet,
    texts: pd.Series,
    paths: pd.Series | None = None,
    cutoffs: Cutoffs = DEFAULT_CUTOFFS,
) -> pd.DataFrame:
    """A row of ``COLUMNS`` for each text in ``texts``, with its index: the report's summary
    counts and consistency, and its findings as JSON text. ``paths`` holds the name each text's
    errors give (``-`` without it). ``InputError`` for a value that is no text (a missing
    value) or not valid Unicode."""
    import pandas as pd

    names = ["-"] * len(texts) if paths is None else [str(p) for p in paths.tolist()]
    rows = []
    for path, text in zip(names, texts.tolist(), strict=True):
        report = compare(claims, _text(text, path), path, cutoffs).to_dict()
        findings = json.dumps(report["findings"], ensure_ascii=False)
        rows.append({**report["summary"], "findings": findings})
    return pd.DataFrame(rows, index=texts.index, columns=list(COLUMNS)).astype(COLUMNS)


def _shipped(claims: ClaimSet) -> Delayed:
    """``claims``, analysed, as one value of a task graph. The analysis a ClaimSet keeps is
    pickled with it, so no worker makes it again. ``traverse=False``: a ClaimSet holds no Dask
    collection, and Dask need not walk each of its claims to find that out."""
    from dask import delayed

    claims.analysis  # noqa: B018 -- made here, once, and raises here for claims not valid Unicode
    return delayed(claims, traverse=False)


def _compare_items(
    items: Iterable[object], claims: ClaimSet, cutoffs: Cutoffs
) -> list[dict[str, Any]]:
    """The report dicts of one bag partition."""
    documents = [_document(item) for item in items]
    return [compare(claims, text, path, cutoffs).to_dict() for path, text in documents]


def _compare_partition(
    part: pd.DataFrame, claims: ClaimSet, column: str, path_column: str | None, cutoffs: Cutoffs
) -> pd.DataFrame:
    """The report columns of one DataFrame partition."""
    paths = None if path_column is None else part[path_column]
    return compare_pandas(claims, part[column], paths, cutoffs)


def _document(item: object) -> tuple[str, str]:
    """The (path, text) of a bag item: a text, or a (path, text) pair."""
    if isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[0], str):
        return item[0], _text(item[1], item[0])
    return "-", _text(item, "-")


def _text(value: object, path: str) -> str:
    """``value``, which must be a text: a missing value (None, NaN) or a number is no rewrite,
    and read as an empty one it would report every claim omitted."""
    if not isinstance(value, str):
        raise InputError(f"{path}: expected a text, not {type(value).__name__}")
    return value
