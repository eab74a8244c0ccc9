"""The one exception type for problems the user caused (bad input, bad claims file).

The CLI turns it into a single line on stderr and exit status 2; the API lets it propagate.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: the message is complete and user-facing, e.g. ``claims.yaml:12: ...``."""


def yaml_error(exc: Exception, path: str) -> InputError:
    """One line for a YAML syntax error: ``path:line: invalid YAML: problem``."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{path}:{mark.line + 1}" if mark else path
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return InputError(f"{where}: invalid YAML: {problem}")
