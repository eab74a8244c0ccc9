"""The one exception type for problems the user caused (bad input, bad claims file).

The CLI turns it into a single line on stderr and exit status 2; the API lets it propagate.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: the message is complete and user-facing, e.g. ``claims.yaml:12: ...``."""
