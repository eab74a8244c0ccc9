"""A two-claim file and sentences about it, shared by the suppression and baseline tests."""

from __future__ import annotations

import factcheck

CLAIMS = factcheck.load_claims(
    """version: 1
claims:
- id: c001
  text: The alliance has around 45 members.
  key: true
- id: c002
  text: IBM and Meta launched the alliance in December.
""",
    "claims.yaml",
)
DRIFT = "The alliance has more than 50 members."
LAUNCH = "IBM and Meta launched the alliance in December."
GENEVA = "It is based in Geneva."
