"""factcheck: compare rewrites of a report against the report's reviewed claims.

The public API is the engine the CLI uses; it does no I/O::

    claims = factcheck.extract(report_text)          # -> ClaimSet
    report = factcheck.compare(claims, rewrite_text)  # -> Report
    report.to_dict()                                  # one element of the JSON 'documents' list

The names are loaded on first use (PEP 562), so ``factcheck --version``, ``--help`` and any
command that needs only part of the engine start without importing the rest.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .claims import Claim, ClaimSet, dump_claims, load_claims
    from .compare import compare
    from .errors import InputError
    from .extract import extract
    from .report import Finding, Report, Summary

__version__ = "0.1.0"

_API = {  # public name → the module that defines it
    "Claim": "claims",
    "ClaimSet": "claims",
    "dump_claims": "claims",
    "load_claims": "claims",
    "compare": "compare",
    "InputError": "errors",
    "extract": "extract",
    "Finding": "report",
    "Report": "report",
    "Summary": "report",
}

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


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_API[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})


class _Package(ModuleType):
    """``factcheck.compare`` and ``factcheck.extract`` are the functions, as they were when this
    package imported them eagerly: importing the modules of the same names, which sets them as
    attributes of their package, must not replace the functions (or a test's stand-in)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and _API.get(name) == name:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
