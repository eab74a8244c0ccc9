"""The choices the command line offers, as enums typer can show and complete: output and input
formats, --fail-on levels, --color, and the exit statuses."""

from __future__ import annotations

import os
from enum import Enum, IntEnum


class ExitCode(IntEnum):
    """0: no finding reaches --fail-on; 1: one does (selftest: a rate misses its bar);
    2: usage or input error; 3: internal error (a bug in factcheck)."""

    OK = 0
    FINDINGS = 1
    INPUT_ERROR = 2
    INTERNAL_ERROR = 3


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


class ReportFormat(str, Enum):
    """``compare``'s formats: one per renderer in ``render.RENDERERS`` (README, "Output formats")."""

    TEXT = "text"
    CONCISE = "concise"
    JSON = "json"
    JSONL = "jsonl"
    SARIF = "sarif"
    GITHUB = "github"
    GITLAB = "gitlab"
    JUNIT = "junit"
    MARKDOWN = "markdown"
    HTML = "html"

    @classmethod
    def default(cls, statistics: bool = False) -> ReportFormat:
        """``github`` under GitHub Actions, ``text`` elsewhere and for ``--statistics``."""
        return cls.GITHUB if os.environ.get("GITHUB_ACTIONS") and not statistics else cls.TEXT


class InputFormat(str, Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class FailOn(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Color(str, Enum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"

    def forced(self) -> bool | None:
        """True/False to force colour on/off, None to follow the terminal and NO_COLOR."""
        return {"auto": None, "always": True, "never": False}[self.value]


__all__ = ["Color", "ExitCode", "FailOn", "InputFormat", "OutputFormat", "ReportFormat"]
