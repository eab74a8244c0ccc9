"""factcheck: compare rewrites of a report against the report's reviewed claims.

The public API is the engine the CLI uses; it does no I/O::

    claims = factcheck.extract(report_text)          # -> ClaimSet
    report = factcheck.compare(claims, rewrite_text)  # -> Report
    report.to_dict()                                  # one element of the JSON 'documents' list
"""

from __future__ import annotations

from .claims import Claim, ClaimSet, dump_claims, load_claims
from .compare import compare
from .errors import InputError
from .extract import extract
from .report import Finding, Report, Summary

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimSet",
    "Finding",
    "InputError",
    "Report",
    "Summary",
    "__version__",
    "compare",
    "dump_claims",
    "extract",
    "load_claims",
]
