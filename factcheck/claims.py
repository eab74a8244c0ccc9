"""Claim and ClaimSet, and the claims file (``claims.yaml``) they are read from and written to.

A claims file is a reviewed, human-curated list; errors in it are reported with their line
(``claims.yaml:12: claim c007 has no 'text'``) and every error is a single ``InputError``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

import yaml

from .errors import InputError, YamlLoader, decoding, require_unicode

if TYPE_CHECKING:
    from .align import Unit
    from .compare import Analysis

try:  # libyaml is ten times faster; fall back where the wheel lacks it
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

FORMAT_VERSION = 1
_UNITS = "_units"  # the claim units extract made, kept for the analysis
CLAIM_FIELDS = ("id", "text", "line", "key", "speaker")
TOP_FIELDS = ("version", "source", "claims")
FIRST_KEYS = ("version:", "claims:")  # a claims file's first line of content starts with one
_LINE = re.compile(r"[0-9]{1,9}")  # a line number; "²" and a 5,000-digit run are not one


@dataclass(frozen=True)
class Claim:
    """One checkable statement of the original report.

    ``line`` is where it came from in the report; ``key`` marks a claim a faithful rewrite should
    keep; ``speaker`` is who the report credits it to (for quotes and attributed statements).
    ``file_line`` is the claim's own line in the claims file, for locating omissions.
    """

    id: str
    text: str
    line: int | None = None
    key: bool = False
    speaker: str | None = None
    file_line: int | None = None


@dataclass(frozen=True)
class ClaimSet:
    claims: tuple[Claim, ...]
    source: str | None = None
    path: str | None = None
    words: frozenset[str] = frozenset()
    """Lower-case words of the whole report when its claims were extracted in memory: a name
    in a byline, a signature or a heading makes no claim but is not new to a rewrite."""

    @cached_property
    def analysis(self) -> Analysis:
        """The claims analysed for comparison, made on first use and kept: every document
        compared with this claims file reads the same analysis (from the units ``extract``
        made, when it made them). ``InputError`` for claims that are not valid Unicode."""
        from .compare import analyse  # only where a comparison is made: keeps start-up light

        return analyse(self, self.__dict__.get(_UNITS))

    def analysed(self, units: tuple[Unit, ...]) -> ClaimSet:
        """This claims set, whose analysis, if it is ever needed, starts from ``units`` (its
        claims' texts, already analysed)."""
        self.__dict__[_UNITS] = units
        return self

    def read_from(self, path: str) -> ClaimSet:
        """This claims set as read from ``path``, with what it has of its analysis."""
        found = replace(self, path=path)
        for kept in ("analysis", _UNITS):
            if kept in self.__dict__:
                found.__dict__[kept] = self.__dict__[kept]
        return found

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.claims)


def load_claims(text: str, path: str = "<claims>") -> ClaimSet:
    """Parse a claims file; raise InputError naming ``path:line`` for anything malformed."""
    require_unicode(text, path)
    with decoding(path, "the claims file"):
        root = yaml.compose(text, Loader=YamlLoader)
    if root is None:
        raise InputError(f"{path}: the claims file is empty")
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"{_at(path, root)}: expected a mapping with a 'claims' list")
    top = _mapping(root, path, TOP_FIELDS, "the claims file")
    if "claims" not in top:
        raise InputError(f"{_at(path, root)}: the claims file has no 'claims' list")
    version = top.get("version")
    if version is not None and _scalar(version, path) != str(FORMAT_VERSION):
        raise InputError(
            f"{_at(path, version)}: unsupported claims file version {_scalar(version, path)}"
        )
    items = top["claims"]
    if not isinstance(items, yaml.SequenceNode):
        raise InputError(f"{_at(path, items)}: 'claims' must be a list")
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for node in items.value:
        claim = _claim(node, path)
        if claim.id in seen:
            raise InputError(
                f"{_at(path, node)}: duplicate claim id {claim.id!r} (first on line {seen[claim.id]})"
            )
        seen[claim.id] = node.start_mark.line + 1
        claims.append(claim)
    source = _scalar(top["source"], path) if "source" in top else None
    return ClaimSet(tuple(claims), source=source, path=path)


def looks_like_claims(text: str) -> bool:
    """True when ``text`` reads as a claims file: its first line of content (past comments and
    a ``---``) starts with a claims file's top key."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped != "---":
            return stripped.startswith(FIRST_KEYS)
    return False


def dump_claims(claims: ClaimSet) -> str:
    """The claims file text for ``claims`` (stable key order, one claim per list item)."""
    items = []
    for c in claims:
        item: dict[str, object] = {"id": c.id, "text": c.text}
        if c.line is not None:
            item["line"] = c.line
        item["key"] = c.key
        if c.speaker:
            item["speaker"] = c.speaker
        items.append(item)
    doc: dict[str, object] = {"version": FORMAT_VERSION}
    if claims.source:
        doc["source"] = claims.source
    doc["claims"] = items
    header = (
        "# factcheck claims file: review each claim, mark the ones a rewrite must keep key: true\n"
    )
    body = yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def _claim(node: yaml.Node, path: str) -> Claim:
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{_at(path, node)}: each claim must be a mapping with 'id' and 'text'")
    fields = _mapping(node, path, CLAIM_FIELDS, "a claim")
    if "id" not in fields:
        raise InputError(f"{_at(path, node)}: claim has no 'id'")
    claim_id = _scalar(fields["id"], path)
    if not claim_id:
        raise InputError(f"{_at(path, fields['id'])}: claim id is empty")
    if any(_control(c) for c in claim_id):
        raise InputError(
            f"{_at(path, fields['id'])}: claim id {claim_id!r} has a control character"
        )
    text = _scalar(fields["text"], path).strip() if "text" in fields else ""
    if not text:
        raise InputError(f"{_at(path, node)}: claim {claim_id} has no 'text'")
    line = None
    if "line" in fields:
        raw = _scalar(fields["line"], path)
        if not _LINE.fullmatch(raw):
            raise InputError(
                f"{_at(path, fields['line'])}: claim {claim_id}: 'line' must be a number"
            )
        line = int(raw)
    key = False
    if "key" in fields:
        raw = _scalar(fields["key"], path).lower()
        if raw not in ("true", "false"):
            raise InputError(
                f"{_at(path, fields['key'])}: claim {claim_id}: 'key' must be true or false"
            )
        key = raw == "true"
    speaker = _scalar(fields["speaker"], path).strip() or None if "speaker" in fields else None
    return Claim(claim_id, text, line, key, speaker, node.start_mark.line + 1)


def _mapping(
    node: yaml.MappingNode, path: str, valid: tuple[str, ...], what: str
) -> dict[str, yaml.Node]:
    out: dict[str, yaml.Node] = {}
    for key_node, value in node.value:
        name = _scalar(key_node, path)
        if name not in valid:
            raise InputError(
                f"{_at(path, key_node)}: unknown field {name!r} in {what} (valid: {', '.join(valid)})"
            )
        out[name] = value
    return out


def _scalar(node: yaml.Node, path: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise InputError(f"{_at(path, node)}: expected a single value, not a list or mapping")
    return str(node.value)


def _control(char: str) -> bool:
    """A control character (C0, C1, DEL) or a line or paragraph separator: none belongs in an
    id that is printed into terminals, annotations and reports."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def _at(path: str, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"
