"""Baselines: findings accepted once, so that only new ones fail the build.

A baseline is a JSON file written by ``compare --write-baseline`` and read by ``--baseline``::

    {"version": 1,
     "entries": [
       {"path": "articles/a.md", "rule": "number-drift", "claim_id": "c012",
        "sentence": "9f2c…", "count": 1}]}

An entry is keyed on the document's path, the rule, the claim id (``null`` for unsupported
statements) and a hash of the sentence's normalised text (folded, whitespace collapsed;
``null`` for omissions, which have no sentence), never on line numbers: text inserted above a
finding or a re-wrapped line keeps it accepted, a changed sentence makes it new. ``count``
(as in ESLint's suppressions file) accepts that many identical findings, no more. Entries no
finding used are stale: the finding was fixed, or its sentence rewritten.

The file is deterministic: entries sorted, no timestamps, so it diffs cleanly in review.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import InputError, decoding
from .report import Finding, Report
from .text import fold

VERSION = 1
FIELDS = ("path", "rule", "claim_id", "sentence", "count")

Key = tuple[str, str, str | None, str | None]  # path, rule, claim id, sentence hash


@dataclass(frozen=True)
class Entry:
    """Accepted findings of one key; as a stale entry, ``count`` is how many went unused."""

    path: str
    rule: str
    claim_id: str | None
    sentence: str | None
    count: int = 1

    @property
    def key(self) -> Key:
        return (self.path, self.rule, self.claim_id, self.sentence)

    def describe(self) -> str:
        """One line for a warning: ``articles/a.md: stale baseline entry number-drift c012``."""
        claim = f" {self.claim_id}" if self.claim_id else ""
        times = f" (×{self.count})" if self.count > 1 else ""
        return f"{self.path}: stale baseline entry {self.rule}{claim}{times}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "rule": self.rule,
            "claim_id": self.claim_id,
            "sentence": self.sentence,
            "count": self.count,
        }


@dataclass(frozen=True)
class Baseline:
    entries: tuple[Entry, ...] = ()


def key(path: str, finding: Finding) -> Key:
    """What identifies ``finding`` across edits of the document at ``path``."""
    sentence = sentence_hash(finding.sentence) if finding.sentence is not None else None
    return (_path(path), finding.rule, finding.claim_id, sentence)


def sentence_hash(sentence: str) -> str:
    """The first 16 hex digits of the SHA-256 of the folded, whitespace-collapsed sentence."""
    normal = " ".join(fold(sentence).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def build(reports: Iterable[Report]) -> str:
    """The baseline accepting every finding of ``reports``, as the text of the file."""
    counts = Counter(key(r.path, f) for r in reports for f in r.findings)
    entries = [Entry(*k, count=n).to_dict() for k, n in sorted(counts.items(), key=_order)]
    return json.dumps({"version": VERSION, "entries": entries}, indent=2, ensure_ascii=False) + "\n"


def load(text: str, path: str) -> Baseline:
    """Read a baseline file's ``text``; ``InputError`` naming ``path`` when it is malformed."""
    with decoding(path, "the baseline"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{e.lineno}: not a baseline file: {e.msg}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise InputError(f"{path}: not a baseline file: expected version {VERSION}")
    extra = sorted(set(data) - {"version", "entries"})
    if extra:
        raise InputError(f"{path}: unknown field '{extra[0]}' (valid: entries, version)")
    items = data.get("entries", [])
    if not isinstance(items, list):
        raise InputError(f"{path}: 'entries' must be a list")
    return Baseline(tuple(_entry(item, f"{path}: entry {n}") for n, item in enumerate(items, 1)))


def apply(report: Report, baseline: Baseline) -> tuple[Report, list[Entry]]:
    """``report`` without the findings ``baseline`` accepts (as many of each key as counted,
    the first in document order), and the entries for this document that went unused. Entries
    for other documents are left alone: they were not checked."""
    path = _path(report.path)
    left = Counter({e.key: e.count for e in baseline.entries if e.path == path})
    kept = []
    for finding in report.findings:
        k = key(path, finding)
        if left[k] > 0:
            left[k] -= 1
        else:
            kept.append(finding)
    stale = [Entry(*k, count=n) for k, n in sorted(left.items(), key=_order) if n > 0]
    return report.with_findings(kept), stale


def _entry(item: object, where: str) -> Entry:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected an object with {', '.join(FIELDS)}")
    extra = sorted(set(item) - set(FIELDS))
    if extra:
        raise InputError(f"{where}: unknown field '{extra[0]}' (valid: {', '.join(FIELDS)})")
    for name in ("path", "rule"):
        if not isinstance(item.get(name), str) or not item[name]:
            raise InputError(f"{where}: '{name}' must be a non-empty string")
    for name in ("claim_id", "sentence"):
        if not isinstance(item.get(name), str | None):
            raise InputError(f"{where}: '{name}' must be a string or null")
    count = item.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise InputError(f"{where}: 'count' must be a positive integer")
    return Entry(
        _path(item["path"]), item["rule"], item.get("claim_id"), item.get("sentence"), count
    )


def _path(path: str) -> str:
    """One spelling of a document's path: ``./a.md``, ``a.md`` and ``dir\\..\\a.md`` agree."""
    return path if path == "-" else posixpath.normpath(path.replace("\\", "/"))


def _order(item: tuple[Key, int]) -> tuple[str, ...]:
    path, rule, claim_id, sentence = item[0]
    return (path, rule, claim_id or "", sentence or "")
