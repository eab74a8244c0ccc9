"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run for every claims file of the command's run (GitHub code scanning no longer merges
several runs of one tool in an upload); each result names its claims file in ``properties``.
The driver lists every rule (``omission``, ``unsupported`` and one ``<type>-drift`` per
drift check), described as ``factcheck rule`` describes it (``rules.py``). Each result carries
``ruleId``, a ``level`` (error, warning, note), the message, one physical location (an
omission's is the claim's line in the claims file), a ``partialFingerprints`` entry that
ignores line numbers and the claim id in ``properties``. Columns count code points, declared as ``columnKind: unicodeCodePoints``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO
from urllib.parse import quote

import factcheck

from ..rules import Rule
from ..rules import rules as described
from . import DEFAULT_VIEW, Run, View
from .json import indented
from .location import Located, located

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI: str | None = None  # the project's home page, once it has a public one
FINGERPRINT_KEY = "factcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(runs: Sequence[Run], out: TextIO, view: View = DEFAULT_VIEW) -> None:
    """Write one SARIF log for the reports of every run."""
    rules = [_rule(rule) for rule in described()]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {"name": "factcheck", "semanticVersion": factcheck.__version__}
    if INFORMATION_URI:
        driver["informationUri"] = INFORMATION_URI
    driver["rules"] = rules
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(entry, index) for entry in located(runs)],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    out.write(indented(log))
    out.write("\n")


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(entry: Located, index: dict[str, int]) -> dict[str, Any]:
    finding, where = entry.finding, entry.location
    region = {
        "startLine": where.line,
        "startColumn": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
    }
    location = {"artifactLocation": {"uri": uri(where.path)}, "region": region}
    result: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    result |= {
        "level": LEVELS[finding.severity],
        "message": {"text": entry.details},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT_KEY: entry.fingerprint},
        "properties": {"document": entry.document, "claims": entry.claims},
    }
    if finding.claim_id:
        result["properties"]["claimId"] = finding.claim_id
    return result


def uri(path: str) -> str:
    """A relative URI reference for ``path`` as given: forward slashes, percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/")
