"""Markdown and HTML documents → the plain text ``compare`` checks, positions kept.

The prepared text has the length of the original and the same characters at the same offsets
wherever it keeps a character: markup is blanked with spaces, never cut out, so an offset into
the prepared text is an offset into the original file. Two substitutions make the engine read a
document the way a reader does: a line break inside a paragraph becomes a space (a hard-wrapped
sentence is one sentence), and a block boundary (an HTML ``</p>``) becomes a line break (a
heading stays a heading). Lines and columns therefore come from the original text:
``in_original`` puts them back on a Report made from the prepared text.

Front matter (YAML between leading ``---`` lines) is read as metadata and blanked; HTML
comments, suppression comments among them, are blanked too and stay in ``Prepared.original``.
An entity (``&amp;``, ``&#8217;``) is decoded in place, the rest of its word pulled up to it and
the freed characters blanked after the word: ``didn&#8217;t`` reads ``didn’t``. A word after an
entity is therefore located up to the entity's length early; a word that starts one is exact.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..report import Finding, Report
from ..text import blank_controls, line_col, offset_of

KINDS = ("text", "markdown", "html")
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Prepared:
    """A document ready for ``compare``: ``text`` is ``original`` with its markup blanked."""

    text: str
    original: str
    metadata: dict[str, object] = field(default_factory=dict)


def kind_for(path: str, override: str | None = None, stdin_filename: str | None = None) -> str:
    """The input format of ``path``: ``override`` when given, else by extension (``.md``,
    ``.markdown``, ``.html``, ``.htm``; anything else is text). Stdin (``-``) is text unless
    ``stdin_filename`` names it."""
    if override is not None:
        if override not in KINDS:
            raise InputError(f"unknown input format '{override}' (valid: {', '.join(KINDS)})")
        return override
    name = stdin_filename if path == "-" and stdin_filename else path
    return SUFFIXES.get(os.path.splitext(name)[1].lower(), "text")


def prepare(text: str, kind: str, name: str = "-") -> Prepared:
    """``text`` as plain text of the same length, escape sequences and control characters
    blanked; ``name`` is for error messages."""
    original, text = text, blank_controls(text)
    if kind == "text":
        return Prepared(text, original)
    if kind == "markdown":
        from .markdown import front_matter, strip

        metadata, body = front_matter(text, name)
        return Prepared(decode_entities(strip(body)), original, metadata)
    if kind == "html":
        from .html import strip as strip_html

        return Prepared(decode_entities(strip_html(text)), original)
    raise InputError(f"unknown input format '{kind}' (valid: {', '.join(KINDS)})")


def claims_path(prepared: Prepared, document: str) -> str | None:
    """The claims file the front matter names (``claims: path``), relative to the document's
    folder, spelt as from here (``ferry/../claims.yaml`` is ``claims.yaml``: one claims file,
    loaded once, named one way); None when it names none."""
    claims = prepared.metadata.get("claims")
    if not isinstance(claims, str) or not claims.strip():
        return None
    folder = "" if document == "-" else os.path.dirname(document)
    return os.path.normpath(os.path.join(folder, claims.strip()))


def in_original(report: Report, prepared: Prepared) -> Report:
    """``report``, made from ``prepared.text``, with each finding's line and column in the
    original file and its sentence's line breaks where the original has them."""
    if prepared.text == prepared.original:
        return report
    findings = tuple(_relocated(f, prepared) for f in report.findings)
    return replace(report, findings=findings)


def _relocated(finding: Finding, prepared: Prepared) -> Finding:
    if finding.line is None or finding.column is None:
        return finding
    offset = offset_of(prepared.text, finding.line, finding.column)
    original = prepared.original
    line, column = line_col(original, offset)
    sentence = finding.sentence
    if sentence is not None and finding.span is not None:
        start = offset - finding.span[0]
        breaks = original[start : start + len(sentence)]
        sentence = "".join("\n" if b == "\n" else s for s, b in zip(sentence, breaks, strict=True))
    return replace(finding, line=line, column=column, sentence=sentence)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_WORD_REST = re.compile(r"[^\s&]*")


def decode_entities(text: str) -> str:
    """Each character entity decoded where it stands, the rest of its word (up to a space or
    the next entity) pulled up to it and the freed characters blanked after the word, so the
    length stays the same."""
    from html import unescape  # only here: plain text, the common input, has no entities

    out = []
    at = 0
    for m in _ENTITY.finditer(text):
        if m.start() < at:
            continue
        decoded = unescape(m.group())
        if decoded == m.group():
            continue
        if decoded.isspace():
            decoded = " "
        rest = _WORD_REST.match(text, m.end())
        tail = rest.group() if rest else ""
        end = m.end() + len(tail)
        piece = decoded + tail
        out += [text[at : m.start()], piece, " " * (end - m.start() - len(piece))]
        at = end
    out.append(text[at:])
    return "".join(out)
