"""The pipeline: derivative text → sentences → alignment → drift, unsupported, omissions → Report.

Pure: strings and dataclasses in, a Report out. Line and column are computed here, from
offsets, when a finding is made.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import drift, lexicon
from .align import COVER, Alignment, Claims, Link, Unit, align, claim_units
from .claims import ClaimSet
from .drift import Drift, Pair, Source
from .entities import in_report
from .errors import require_unicode
from .extract import asserts, body_sentences
from .numbers import ORDINAL, Quantity
from .report import Finding, Kind, Report, Severity, Summary, summarize
from .text import Document, Token, quote_key, word_key

LINKS_CHECKED = 3  # a sentence is checked against its best few claims
SAME_CLAIM = 0.4  # least share of a claim a sentence must say for drift checks to compare them
SAYS = 0.5  # link score (F1 of claim and sentence coverage) at which a sentence says part of a
# long claim: "Frank Jordan, 37, took his sailboat out" says a run-on claim's first clause
MIN_STEM = 5  # letters two words must share at their start to count as forms of one word
UNSUPPORTED = 0.5  # share of a sentence's content words no claim uses, from which it is unsupported
SEVERITY: dict[str, Severity] = {check.ID: check.SEVERITY for check in drift.CHECKS}


@dataclass(frozen=True)
class Cutoffs:
    """How close a rewrite must come to a claim; a configuration may change them."""

    cover: float = COVER  # share of a claim one or two sentences must say for it to be covered
    same_claim: float = SAME_CLAIM  # share of a claim a sentence must say for drift checks
    says: float = SAYS  # or the link score at which a sentence says part of a long claim
    unsupported: float = UNSUPPORTED  # share of new content words that makes a sentence unsupported


DEFAULT_CUTOFFS = Cutoffs()


@dataclass(frozen=True)
class Analysis:
    """A claims file analysed for comparison: done once per ClaimSet (``ClaimSet.analysis``)
    and read by every document compared with it."""

    claims: Claims
    source: Source
    narrated: bool  # the claims are the turns of a conversation


def analyse(claims: ClaimSet, units: tuple[Unit, ...] | None = None) -> Analysis:
    """The analysis of ``claims``; ``units`` when their texts are already analysed (extract
    has just done so). ``InputError`` for claims that are not valid Unicode."""
    require_unicode("".join(c.text for c in claims), claims.path or "<claims>")
    units = claim_units([c.text for c in claims]) if units is None else units
    narrated = _conversation(claims)
    if narrated:
        units = tuple(_unlabelled(u) for u in units)
    return Analysis(Claims.of(units), _source(units, claims.words), narrated)


def _unlabelled(unit: Unit) -> Unit:
    """A transcript turn whose speaker's label ("Steve: I was ill") is not what it says: a
    summary that names Steve says nothing of this turn for that."""
    label = _TURN.match(unit.text)
    if label is None:
        return unit
    end = unit.start + label.end(1)
    tokens = tuple(t._replace(content=False) if t.start < end else t for t in unit.tokens)
    return replace(unit, tokens=tokens, keys=frozenset(t.key for t in tokens if t.content))


def compare(
    claims: ClaimSet, text: str, path: str = "-", cutoffs: Cutoffs = DEFAULT_CUTOFFS
) -> Report:
    """Check one derivative ``text`` against ``claims``; ``InputError`` for text that is not
    valid Unicode."""
    require_unicode(text, path)
    analysis = claims.analysis
    sentences = body_sentences(text)
    doc = Document(text, sentences)
    alignment = align(analysis.claims, text, sentences, LINKS_CHECKED)
    source = analysis.source
    checkable = [i for i, u in enumerate(alignment.sentences) if asserts(u.text, u.tokens)]
    caseless = _caseless(alignment.sentences)
    findings: list[Finding] = []
    scores = []
    for i in checkable:
        close = [
            link
            for link in alignment.links[i][:LINKS_CHECKED]
            if link.coverage >= cutoffs.same_claim
            or link.score >= cutoffs.says
            or _quotes_from(alignment.sentences[i], alignment.claims[link.claim])
        ]
        found = _drift(claims, alignment, source, i, close)
        # a sentence saying a claim rewords it; a summary of a conversation narrates it in its own
        # words: in neither is the share of new words evidence
        share = None if close or analysis.narrated else cutoffs.unsupported
        found += _unsupported(alignment, source, i, found, caseless, share)
        findings += [_finding(doc, claims, alignment, i, d) for d in found]
        scores.append(0.0 if found else _support(alignment.sentences[i], source))
    findings += _omissions(claims, alignment, cutoffs.cover)
    findings.sort(key=Finding.sort_key)
    covered = sum(1 for coverage in alignment.coverage if coverage >= cutoffs.cover)
    summary = _summary(claims, covered, sentences, findings, scores)
    return Report(path, summary, tuple(findings))


_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # a figure among the report's words


def _source(units: tuple[Unit, ...], words: frozenset[str]) -> Source:
    """What the claims say, and the report around them when it is known (``words``): a name
    or a figure the report gives outside its claims (a byline, a sentence too short to be a
    claim: "She was 86.") is not new to a rewrite."""
    return Source(
        units,
        words | frozenset(t.lower for u in units for t in u.tokens),
        frozenset(k for u in units for k in u.keys) | frozenset(word_key(w) for w in words),
        tuple(q for u in units for q in u.quantities),
        tuple(quote_key(q) for u in units for _, _, q in u.quotes),
        frozenset(round(q.value, 6) for u in units for q in u.quantities)
        | frozenset(round(float(w), 6) for w in words if _FIGURE.fullmatch(w)),
        tuple(e for u in units for e in u.entities),
    )


def _drift(
    claims: ClaimSet, alignment: Alignment, source: Source, i: int, links: list[Link]
) -> list[tuple[int | None, Drift]]:
    """What drifted in sentence ``i`` from each claim it says closely (``links``)."""
    sentence = alignment.sentences[i]
    previous = alignment.sentences[i - 1] if i > 0 else None
    found: list[tuple[int | None, Drift]] = []
    taken: list[tuple[int, int]] = []  # (start, end) of each drift found, in order
    for link in links:
        others = tuple(
            alignment.claims[o.claim]
            for o in links
            if o is not link and o.coverage >= link.coverage
        )
        claim = claims.claims[link.claim]
        linked = tuple(alignment.claims[o.claim] for o in links)
        pair = Pair(
            claim, alignment.claims[link.claim], sentence, link, previous, source, others, linked
        )
        for d in drift.run(pair):
            if not _overlaps(taken, d):
                found.append((link.claim, d))
                insort(taken, (d.start, d.end))
    return found


QUOTED = 3  # words of a quotation that make it a passage of a claim's, not a term or a title


def _quotes_from(sentence: Unit, claim: Unit) -> bool:
    """True when ``sentence`` quotes a passage of QUOTED words or more from a quotation of
    ``claim``: it says that claim, however little of the rest it says ('"We did not panic,"
    said …' of a claim whose quotation runs on)."""
    passages = [quote_key(q) for _, _, q in sentence.quotes]
    passages = [p for p in passages if p.count(" ") + 1 >= QUOTED]
    return any(f" {p} " in f" {quote_key(q)} " for p in passages for _, _, q in claim.quotes)


def _overlaps(taken: list[tuple[int, int]], d: Drift) -> bool:
    """True when ``d`` overlaps a span of ``taken``: spans in order that overlap no other, so
    the last one starting before ``d`` ends reaches furthest."""
    k = bisect_left(taken, (d.end,))
    return k > 0 and d.start < taken[k - 1][1]


def _unsupported(
    alignment: Alignment,
    source: Source,
    i: int,
    found: list[tuple[int | None, Drift]],
    caseless: bool = False,
    share: float | None = UNSUPPORTED,
) -> list[tuple[int | None, Drift]]:
    """A sentence whose figures, names or words no claim backs. One finding per sentence. A
    number and the words glued to it are one expression: "COVID-19" is a name the report may
    give, "72-year-old" one figure.

    ``share`` of new content words makes it unsupported; None for a sentence that says a claim,
    which rewords the claim: its new words are paraphrase, left to the drift checks. Nor does
    the share count in a sentence about the document itself (``_about_document``)."""
    if found:
        return []
    unit = alignment.sentences[i]
    new = [
        (q.text, q.start, q.end)
        for q in unit.quantities
        if not source.has_figure(q) and q.unit != ORDINAL and not _named_figure(unit, q, source)
    ]
    if new:
        return [_unbacked(*new[0], f"the figure '{new[0][0]}' is not in the report")]
    names = [
        (e.text, e.start, e.end)
        for e in unit.entities
        if e.keys and not in_report(e, source.words, source.named)
    ]
    if names:
        return [_unbacked(*names[0], f"'{names[0][0]}' is not named in the report")]
    unknown = _unrelated(unit, source) if caseless else []
    if unknown:
        t = unknown[0]
        return [_unbacked(t.text, t.start, t.end, f"'{t.text}' is nowhere in the report")]
    if share is not None and not _about_document(unit) and 1.0 - _support(unit, source) >= share:
        novel = " ".join(_novel(unit, source))
        end = unit.start + len(unit.text)
        return [_unbacked(novel, unit.start, end, "no claim in the report backs this statement")]
    return []


def _about_document(unit: Unit) -> bool:
    """True when the sentence's first content word names the document or its telling ("The
    conversation is lighthearted in tone", "This document explains…"): it describes the
    report, in words of its own, not the world the report describes."""
    first = next((t for t in unit.tokens if t.content and t.kind == "word"), None)
    return first is not None and first.key in _discourse()


def _conversation(claims: ClaimSet) -> bool:
    """True when most claims are turns of a transcript ("Pat: I emailed Jessica"): a meeting,
    a call or a chat, which a summary retells ("Pat suggests emailing Jessica"). Turns need
    two speakers or more who each speak twice: "Revenue: …", "Outlook: …" are headings."""
    speakers = Counter(m.group(1) for c in claims if (m := _TURN.match(c.text)))
    regulars = sum(1 for n in speakers.values() if n >= 2)
    return regulars >= 2 and sum(speakers.values()) * 2 >= len(claims)


_TURN = re.compile(r"([A-Z][\w .'’-]{0,30}):\s")


def _caseless(units: Sequence[Unit]) -> bool:
    """Lower-cased text: no word starts with a capital (all-capital tokens such as "UNK"
    aside), so names cannot be told from other words by their case."""
    return not any(t.text[:1].isupper() and not t.text.isupper() for u in units for t in u.tokens)


def _unrelated(unit: Unit, source: Source) -> list[Token]:
    """In lower-cased text, content words with no relative among the claims' words (not the
    word, nor one sharing its first five letters): where names cannot be seen, a word the
    report has no form of may be a new name, place or fact."""
    keys = _asserted(unit) - source.keys
    if not keys:
        return []
    stems = _prefixes(source.keys)
    glued = _glued(unit)
    out = []
    for i, t in enumerate(unit.tokens):
        if t.key not in keys or t.kind != "word" or t.text.isupper() or not t.key.isalpha():
            continue
        if i in glued:  # part of a figure
            continue
        k = t.key
        if len(k) >= MIN_STEM and (k[:MIN_STEM] in stems or k in stems):
            continue
        if len(k) < MIN_STEM and any(k[:n] in stems for n in range(4, len(k) + 1)):
            continue
        out.append(t)
    return out


def _glued(unit: Unit) -> set[int]:
    """Positions of the words joined to a number, directly or through words so joined: the
    "th" of "18th", the "year" and "old" of "72-year-old" belong to the figure, not to a name."""
    out: set[int] = set()
    tokens = unit.tokens
    for i in range(1, len(tokens)):
        gap = unit.text[tokens[i - 1].end - unit.start : tokens[i].start - unit.start]
        joined = gap in ("", "-") and (tokens[i - 1].kind == "number" or i - 1 in out)
        if joined and tokens[i].kind == "word":
            out.add(i)
    return out


_NAME_NUMBER = re.compile(r"([A-Z][A-Za-z]+)-$")  # "COVID-": the name a number belongs to
NAME_LONGEST = 40  # characters before a figure read for that name: a search bounded in length


def _named_figure(unit: Unit, q: Quantity, source: Source) -> bool:
    """True when ``q`` is the number of a name the report gives ("COVID-19" where the report
    says "COVID"): part of what the thing is called, not a figure the rewrite asserts."""
    end = q.start - unit.start
    m = _NAME_NUMBER.search(unit.text[max(0, end - NAME_LONGEST) : end])
    return m is not None and m.group(1).lower() in source.words


@lru_cache(maxsize=16)
def _prefixes(keys: frozenset[str]) -> frozenset[str]:
    """Every prefix of four letters or more (up to MIN_STEM) of the claims' words."""
    return frozenset(k[:n] for k in keys for n in range(4, min(len(k), MIN_STEM) + 1))


def _unbacked(found: str, start: int, end: int, message: str) -> tuple[None, Drift]:
    return (None, Drift("", None, found, start, end, message))


def _novel(unit: Unit, source: Source) -> list[str]:
    """The sentence's content words that no claim uses, in order of appearance."""
    keys = _asserted(unit) - source.keys
    return list(dict.fromkeys(t.text for t in unit.tokens if t.key in keys))


def _support(unit: Unit, source: Source) -> float:
    """Share of the sentence's content words that the claims use."""
    keys = _asserted(unit)
    return len(keys & source.keys) / len(keys) if keys else 1.0


def _asserted(unit: Unit) -> frozenset[str]:
    """Content keys, less the words a summary uses about the document itself ("the group
    discussed", "the email mentions": lexicon/discourse.txt)."""
    return unit.keys - _discourse()


@cache
def _discourse() -> frozenset[str]:
    return frozenset(word_key(w) for w in lexicon.entries("discourse"))


def _finding(
    doc: Document, claims: ClaimSet, alignment: Alignment, i: int, item: tuple[int | None, Drift]
) -> Finding:
    index, d = item
    sentence = doc.sentences[i]
    line, column = doc.line_col(d.start)
    claim = claims.claims[index] if index is not None else None
    kind: Kind = "drift" if d.type else "unsupported"
    return Finding(
        kind=kind,
        type=d.type or None,
        severity=SEVERITY[d.type] if d.type else "warning",
        message=d.message,
        claim_id=claim.id if claim else None,
        claim=claim.text if claim else None,
        sentence=sentence.text,
        line=line,
        column=column,
        expected=d.expected,
        found=d.found,
        span=(d.start - sentence.start, d.end - sentence.start),
        claim_line=claim.file_line if claim else None,
    )


def _omissions(claims: ClaimSet, alignment: Alignment, cover: float) -> Iterable[Finding]:
    for claim, coverage in zip(claims, alignment.coverage, strict=True):
        if coverage < cover:
            yield Finding(
                kind="omission",
                type=None,
                severity="warning" if claim.key else "info",
                message=f"{'key ' if claim.key else ''}claim not covered ({coverage:.0%} of it said)",
                claim_id=claim.id,
                claim=claim.text,
                claim_line=claim.file_line,
            )


def _summary(
    claims: ClaimSet,
    covered: int,
    sentences: tuple[object, ...],
    findings: list[Finding],
    scores: list[float],
) -> Summary:
    """The document's counts; ``covered`` is counted from the alignment, not from the
    omissions, so a later step that drops omission findings leaves it true."""
    consistency = round(sum(scores) / len(scores), 4) if scores else 1.0
    return summarize(findings, len(claims), covered, len(sentences), consistency)
