"""Many documents in one ``compare`` run, from inputs to Reports: reading and preparing the
documents (``articles`` plans which they are and their claims files), comparing them serially
or in parallel with the same output, then suppressions and the baseline.

A run is planned (``articles.plan``) as a list of (claims file, derivative) pairs in input
order. Each claims file is loaded once; ``compare_all`` yields the reports in that order
whatever ``jobs`` is, so the output of ``--jobs 4`` is byte-identical to a serial run. Nothing here writes to a stream:
warnings and notices come back as data (``Checked.warnings``, ``Loaded.notices``) for the
command line to show.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import factcheck

from . import files, inputs, suppress
from .articles import Planned, claims_name, name_of
from .claims import ClaimSet, looks_like_claims
from .compare import DEFAULT_CUTOFFS, Cutoffs
from .config import Config, apply_severity
from .errors import InputError
from .files import STDIN
from .render import Run
from .report import Report

if TYPE_CHECKING:
    from distributed import Client

UNMAPPED = (  # what a derivative with no claims file lacks
    "no claims file for it: pass --claims FILE, map it in a manifest, "
    "or name one in its front matter (claims:)"
)
CHUNK = 4  # documents sent to a worker at once: fewer round trips, still balanced

Watch = Callable[[Iterator[Report], int], Iterable[Report]]  # reports and their count → reports
Compare = Callable[[ClaimSet, str, str, Cutoffs], Report]


@dataclass(frozen=True)
class Derivative:
    """A rewrite to check: its claims, its text prepared for comparison, its path, its text
    as read (where suppression comments are looked for), and the name its findings and
    messages give it: the path, or for stdin the name ``--stdin-filename`` gives."""

    claims: ClaimSet
    prepared: inputs.Prepared
    path: str
    raw: str
    name: str


@dataclass(frozen=True)
class Checked:
    """Reports in input order, and one line for each thing the user should hear of: unused or
    unknown suppression directives, stale baseline entries."""

    reports: tuple[Report, ...]
    warnings: tuple[str, ...] = ()


def compare_all(
    documents: Sequence[tuple[ClaimSet, str, str]],
    jobs: int = 1,
    cutoffs: Cutoffs = DEFAULT_CUTOFFS,
    client: Client | None = None,
) -> Iterator[Report]:
    """The report of each (claims, text, path), in the order given; ``jobs`` > 1 compares in
    that many processes (the checks are pure Python, so threads would share one core), a Dask
    ``client`` on its cluster (``cluster.map_ordered``).

    Each distinct claims set is analysed once and goes to each worker once (when a process
    starts, or scattered to the cluster), and a task names it by its index: the analysis a
    ClaimSet keeps is made once, not once per document, and a task carries only a text."""
    compare = factcheck.compare  # looked up now, so a test can stand in for the engine
    if client is None and (jobs <= 1 or len(documents) < 2):
        for claims, text, path in documents:
            yield compare(claims, text, path, cutoffs)
        return
    distinct = {id(claims): claims for claims, _, _ in documents}
    for claims in distinct.values():
        claims.analysis  # noqa: B018 -- made here once: forked or scattered workers get it
    index = {key: n for n, key in enumerate(distinct)}
    tasks = [(index[id(claims)], text, path) for claims, text, path in documents]
    start = (compare, tuple(distinct.values()), cutoffs)
    if client is not None:
        from .cluster import map_ordered

        yield from map_ordered(client, _compare_chunk, start, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor  # only here: its import costs start-up

    workers = min(jobs, len(documents))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=start) as pool:
        yield from pool.map(_compare_task, tasks, chunksize=CHUNK)


Started = tuple[Compare, tuple[ClaimSet, ...], Cutoffs]  # the engine, claim sets, cutoffs
Task = tuple[int, str, str]  # the index of a document's claims set, its text, its path
_worker: Started | None = None  # set in a worker process


def _start_worker(compare: Compare, claim_sets: tuple[ClaimSet, ...], cutoffs: Cutoffs) -> None:
    global _worker
    _worker = (compare, claim_sets, cutoffs)


def _compare_task(task: Task) -> Report:
    """The report of one document in a worker process started by ``compare_all``."""
    assert _worker is not None, "a task ran outside a worker started by compare_all"
    return _compare_chunk(_worker, [task])[0]


def _compare_chunk(started: Started, tasks: list[Task]) -> list[Report]:
    """The report of each document of ``tasks``, with what a worker was started with."""
    compare, claim_sets, cutoffs = started
    return [compare(claim_sets[index], text, path, cutoffs) for index, text, path in tasks]


def runs(documents: Sequence[Derivative], reports: Sequence[Report]) -> list[Run]:
    """Reports grouped by the claims they were checked against, in order of first appearance,
    each with its document's text as read."""
    grouped: dict[int, tuple[ClaimSet, list[Report], list[str]]] = {}
    for document, report in zip(documents, reports, strict=True):
        _, kept, texts = grouped.setdefault(id(document.claims), (document.claims, [], []))
        kept.append(report)
        texts.append(document.raw)
    return [Run(claims, tuple(kept), tuple(texts)) for claims, kept, texts in grouped.values()]


@dataclass(frozen=True)
class Loaded:
    """The documents to check, and the files hook mode skipped (no claims file for them)."""

    documents: tuple[Derivative, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (path, the name it is given)

    @property
    def notices(self) -> tuple[str, ...]:
        """One line for each file skipped, for the user to hear of."""
        return tuple(f"{name}: skipped, no claims file for it" for _, name in self.skipped)


def load_documents(
    plan: Sequence[Planned],
    input_format: str | None,
    stdin_filename: str | None,
    repository: str = ".",
    hook: bool = False,
) -> Loaded:
    """Each planned rewrite, read and prepared; front matter's ``claims:`` names its claims
    file unless the command line did, and only one inside ``repository`` (the rewrite is
    untrusted text: it must not make factcheck read, and quote, any file of the machine). A
    rewrite left with no claims file is an input error, or in ``hook`` mode skipped: pre-commit
    names every changed file, README and LICENSE among them. A file with no claims file may be
    empty: it names none then, rather than being an empty rewrite; one that is not Markdown,
    which alone has front matter, is not even read (a LICENSE in Latin-1 is no error). Each
    claims file is loaded once. Stdin is called ``stdin_filename`` where one is given, as
    though it were that file."""
    claims_named = [c for c, _, _ in plan if c is not None]
    _stdin_at_most_once([*dict.fromkeys(claims_named), *(path for _, path, _ in plan)])
    read, skipped = [], []
    for claims_path, path, explicit in plan:
        name = name_of(path, stdin_filename)
        kind = inputs.kind_for(path, input_format, stdin_filename)
        if claims_path is None and kind != "markdown":  # no front matter to name one: not read
            skipped.append(_unmapped(path, name, hook))
            continue
        raw = files.read_text(path, name=name, allow_empty=claims_path is None)
        prepared = inputs.prepare(suppress.blank(raw), kind, name)
        named = None if explicit else inputs.claims_path(prepared, name)
        if named is not None:
            claims_path = _within(named, repository, name)
        if claims_path is None:
            skipped.append(_unmapped(path, name, hook))
        else:
            read.append((claims_path, prepared, path, raw, name))
    claim_sets = {c: load_claim_set(c) for c in dict.fromkeys(c for c, _, _, _, _ in read)}
    documents = (Derivative(claim_sets[c], p, path, raw, n) for c, p, path, raw, n in read)
    return Loaded(tuple(documents), tuple(skipped))


def _unmapped(path: str, name: str, hook: bool) -> tuple[str, str]:
    """``path`` and ``name``, a file with no claims file, to skip in ``hook`` mode; an input
    error naming it otherwise."""
    if not hook:
        raise InputError(f"{name}: {UNMAPPED}")
    return path, name


def files_read(
    loaded: Loaded, config: Config, baseline_read: str | None, named: Sequence[str] = ()
) -> list[str]:
    """Every file a run reads or must leave alone: the paths ``named`` on the command line
    (hook mode leaves out those ``exclude`` matches, unread, but they are the user's input),
    the documents and the files skipped, their claims files, the configuration and every
    claims file it names, the baseline read."""
    documents = loaded.documents
    paths = [*named, *(d.path for d in documents), *(path for path, _ in loaded.skipped)]
    paths += [d.claims.path or STDIN for d in documents]
    paths += [claims for _, claims in config.manifest] + [config.claims or "", config.path or ""]
    return [p for p in dict.fromkeys([*paths, baseline_read or ""]) if p]


def _within(claims: str, repository: str, document: str) -> str:
    """``claims``, named by ``document``'s front matter, when it is a claims file (``.yaml``
    or ``.yml``, read as one, never extracted as a report) inside ``repository``, links
    resolved, and outside ``.git``; an input error otherwise. A rewrite is untrusted text: it
    must not make factcheck read, and quote in its findings, any other file of the machine."""
    if "\0" not in claims and claims_name(claims):
        real, root = os.path.realpath(claims), os.path.realpath(repository)
        inside = os.path.relpath(real, root).split(os.sep)
        if os.path.commonpath([real, root]) == root and ".git" not in inside:
            return claims
    raise InputError(
        f"{document}: front matter names {claims!r}, outside the claims files it may name "
        f"(a .yaml or .yml file in {repository}, not in .git)"
    )


def check(
    documents: Sequence[Derivative],
    jobs: int,
    config: Config,
    watch: Watch | None = None,
    client: Client | None = None,
) -> Checked:
    """Compare every rewrite (``jobs`` 0: one a CPU); locate findings in the original file,
    then apply the rewrite's own suppression comments and the configured severities and rules:
    in that order, so a directive for a rule this run does not report (``--select drift``,
    ``omission: off``) still suppresses what it names, rather than being warned of as unused.
    ``watch`` sees the reports as they come, to show progress; ``client`` compares on a Dask
    cluster instead of here."""
    texts = [(d.claims, d.prepared.text, d.name) for d in documents]
    compared = compare_all(texts, jobs or os.cpu_count() or 1, config.cutoffs, client)
    reports, warnings = [], []
    for document, report in zip(
        documents, watch(compared, len(texts)) if watch else compared, strict=True
    ):
        report, notices = _accept(inputs.in_original(report, document.prepared), document)
        reports.append(apply_severity(report, config))
        warnings += notices
    return Checked(tuple(reports), tuple(warnings))


def _accept(report: Report, document: Derivative) -> tuple[Report, list[str]]:
    """``report`` less the findings its document's comments suppress, and a warning for each
    directive that is unknown or suppressed nothing."""
    found = suppress.suppressions(document.raw, document.prepared.text)
    report, unused = suppress.apply(report, found)
    return report, [notice.format(report.path) for notice in (*found.problems, *unused)]


def apply_baseline(
    reports: Sequence[Report], read: str | None, write: str | None, config: Config
) -> Checked:
    """``reports`` less the findings a baseline accepts, and a warning for each stale entry:
    of a rule ``config`` reports (a run with ``--select drift`` finds no omission, which does
    not make the baseline's omissions stale). ``write`` names a baseline file to write of
    every finding first (and so accept them all); ``read`` one to read."""
    if not (write or read):
        return Checked(tuple(reports))
    from . import baseline  # only here: it hashes sentences, and hashlib costs start-up

    if write:
        text = baseline.build(reports)
        files.write_atomic(write, text, force=True)
        accepted = baseline.load(text, write)
    elif read:
        accepted = baseline.load(files.read_text(read), read)
    kept, warnings = [], []
    for report in reports:
        report, stale = baseline.apply(report, accepted)
        kept.append(report)
        warnings += [entry.describe() for entry in stale if config.reports(entry.rule)]
    return Checked(tuple(kept), tuple(warnings))


def load_claim_set(path: str) -> ClaimSet:
    """The claims in ``path``: a claims file is loaded, a report has its claims extracted
    (read as its extension says: text, Markdown or HTML).

    A ``.json`` file, or a source that yields no claim, is an input error naming it: read as a
    plain report, a JSON claims file gives no claims, and a rewrite checked against none passes."""
    if path.lower().endswith(".json"):
        raise InputError(f"{path}: a claims file is YAML (.yaml or .yml), not JSON")
    text = files.read_text(path)
    if _is_claims_file(path, text):
        claim_set = factcheck.load_claims(text, path)
        empty = "the claims file lists no claims"
    else:
        claim_set = extract_report(text, path, inputs.kind_for(path))
        empty = "no claims in it: extract found no statement to check"
    if not claim_set.claims:
        raise InputError(f"{path}: {empty}")
    return claim_set.read_from(path)


def extract_report(text: str, path: str, kind: str) -> ClaimSet:
    """The claims of the report ``text`` read from ``path`` as ``kind``, as ``compare`` reads a
    rewrite: from its prose, not its markup, front matter or an HTML page's furniture; each
    claim's line is its line in the file as written."""
    prepared = inputs.prepare(text, kind, path)
    source = None if path == STDIN else path
    return factcheck.extract(prepared.text, source=source, original=prepared.original)


def _is_claims_file(path: str, text: str) -> bool:
    """A .yaml/.yml name, or text whose first line of content is a claims file's top key."""
    return claims_name(path) or looks_like_claims(text)


def _stdin_at_most_once(paths: list[str]) -> None:
    if paths.count(STDIN) > 1:
        raise InputError("stdin ('-') can be read only once; pass the other inputs as files")
