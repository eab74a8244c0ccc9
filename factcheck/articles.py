"""Which files of a ``compare`` run are articles, and the claims file each derives from.

The command line's paths and globs, or with none the manifest's globs, name the articles; the
configuration's ``exclude``, the configuration itself and the claims files it or ``--claims``
names are none (and in hook mode a path named is left out too); each article is checked
against ``--claims``, else its manifest entry, else the configured ``claims``, else what its
front matter names (read later, with the document). Globs are matched segment by segment, in
time linear in the path and the glob, as ``.gitignore`` and ``glob`` read them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator, Sequence
from fnmatch import fnmatchcase
from itertools import takewhile

from . import files, inputs
from .config import Config
from .errors import InputError
from .files import STDIN

CLAIMS_SUFFIXES = (".yaml", ".yml")
GLOB_CHARS = frozenset("*?[")


Planned = tuple[str | None, str, bool]  # (claims file, derivative, named on the command line)


def plan(
    args: Sequence[str],
    claims: str | None,
    config: Config,
    hook: bool = False,
    stdin_filename: str | None = None,
) -> list[Planned]:
    """(claims file, derivative, named on the command line) for every document to check, in
    input order. A claims file named on the command line wins over a document's front matter;
    a document that neither names nor maps to one has None, for its front matter to name.
    Stdin is mapped and excluded as the file ``stdin_filename`` names, as ruff's is.

    ``CLAIMS DERIVATIVE...`` keeps its meaning when no ``--claims`` is given, not in ``hook``
    mode, and either the configuration names no claims (no ``claims`` key, no manifest) and the
    first argument is no article that names its own (``_names_its_claims``), or the first
    argument is a ``.yaml``/``.yml`` file. Otherwise every argument is a derivative (a
    path or a glob), checked against ``--claims``, else its manifest entry, else the configured
    ``claims``, else the claims file its front matter names. With no arguments the manifest's
    globs name the derivatives. A file that is no article (``not_article``) is left out of what
    a glob or the manifest finds, and, in ``hook`` mode (pre-commit names every changed file),
    of the paths named too."""
    configured = bool(config.manifest or config.claims)
    if claims is None and not hook and len(args) >= 2:
        if (not configured and not _names_its_claims(args[0])) or claims_name(args[0]):
            claims, args = args[0], args[1:]
    elif claims is None and not hook and not configured and (not args or claims_name(args[0])):
        raise InputError("missing DERIVATIVE: pass CLAIMS DERIVATIVE..., or --claims FILE PATH...")
    skip = not_article(config, claims)
    paths = expand(args, skip) if args else [p for p in manifest_files(config) if not skip(p)]
    if hook:
        paths = [path for path in paths if not skip(name_of(path, stdin_filename))]
    elif not paths:
        raise InputError(
            "nothing to check: pass CLAIMS DERIVATIVE..., or --claims FILE with paths, "
            "or a manifest that matches files (see README, Configuration)"
        )
    explicit = claims is not None
    return [(claims or claims_for(name_of(p, stdin_filename), config), p, explicit) for p in paths]


def _names_its_claims(path: str) -> bool:
    """True when ``path`` is a Markdown file whose front matter names its claims file: an
    article (``compare a.md b.md``, each naming its own), never the report of ``CLAIMS
    DERIVATIVE...``. A file that cannot be read is left for reading it to report."""
    if path == STDIN or inputs.kind_for(path) != "markdown" or not os.path.isfile(path):
        return False
    try:
        prepared = inputs.prepare(files.read_text(path), "markdown", path)
    except InputError:
        return False
    return inputs.claims_path(prepared, path) is not None


def name_of(path: str, stdin_filename: str | None) -> str:
    """What ``path`` is called: itself, or for stdin the name ``--stdin-filename`` gives."""
    return stdin_filename if path == STDIN and stdin_filename else path


def expand(patterns: Sequence[str], skip: Callable[[str], bool]) -> list[str]:
    """Paths as given; a pattern with ``*``, ``?`` or ``[`` that names no file is expanded
    (``**`` spans folders), its matches sorted, less those ``skip`` says are no articles. A
    glob that matches no file is an error."""
    paths: list[str] = []
    for pattern in patterns:
        if pattern == STDIN or os.path.exists(pattern) or not GLOB_CHARS & set(pattern):
            paths.append(pattern)
            continue
        matches = sorted(m for m in glob.glob(pattern, recursive=True) if os.path.isfile(m))
        if not matches:
            raise InputError(f"{pattern}: no files match")
        paths += [match for match in matches if not skip(match)]
    return paths


def not_article(config: Config, claims: str | None) -> Callable[[str], bool]:
    """Whether a file is no article to check: one the configuration excludes, the
    configuration itself, or a claims file it or the command line names (a plain report named
    as claims would otherwise be checked against itself)."""
    sources = [config.path, config.claims, claims, *(c for _, c in config.manifest)]
    real = {os.path.realpath(p) for p in sources if p is not None and p != STDIN}

    def skip(path: str) -> bool:
        return path != STDIN and (os.path.realpath(path) in real or excluded(path, config))

    return skip


def excluded(path: str, config: Config) -> bool:
    """True when a glob of the configuration's ``exclude`` matches ``path`` or a folder above
    it, as in ``.gitignore``: a glob whose only ``/`` is a trailing one matches at any depth,
    any other is anchored at the configuration's folder; a trailing ``/`` matches only a
    folder; ``*`` stays within a folder and ``**`` spans folders (``_matches``)."""
    if not config.exclude or path == STDIN:
        return False
    parts = _relative_parts(path, config)
    if parts[0] == "..":
        return False
    for pattern in config.exclude:
        segments = _segments(pattern)
        if not segments:  # "/" or "./": the folder itself, no file in it
            continue
        if "/" not in pattern.rstrip("/"):
            segments = ["**", *segments]
        ends = len(parts) - 1 if pattern.endswith("/") else len(parts)  # a folder: not the file
        if any(_matches(parts[:end], segments) for end in range(1, ends + 1)):
            return True
    return False


def manifest_files(config: Config) -> list[str]:
    """Every file the manifest's globs match, entry by entry, each entry's matches sorted.

    The folder under a glob's fixed start is walked once and every file matched segment by
    segment (``_matches``), so the time grows with the files and the glob's length, never with
    the ways its ``**`` can be fitted to a path (``glob.glob`` on ``**/**/**/…`` takes minutes).
    Hidden folders are entered only when the glob names one, as ``glob`` does."""
    paths: list[str] = []
    for pattern, _ in config.manifest:
        segments = _segments(pattern)
        fixed = list(takewhile(lambda s: not GLOB_CHARS & set(s), segments[:-1]))
        rest = segments[len(fixed) :]
        base = os.path.join(config.root, "/".join(fixed)) if fixed else config.root
        depth = None if "**" in rest else len(rest)
        hidden = any(s.startswith(".") for s in rest)
        found = (p for p, parts in _walk(base, depth, hidden) if _matches(parts, rest))
        paths += sorted(os.path.relpath(p) for p in found if os.path.isfile(p))
    return list(dict.fromkeys(paths))


def _walk(base: str, depth: int | None, hidden: bool) -> Iterator[tuple[str, list[str]]]:
    """(path, its segments below ``base``) of each file under ``base``, at most ``depth``
    segments down, hidden folders only when ``hidden``."""
    for folder, folders, names in os.walk(base):
        below = os.path.relpath(folder, base)
        parts = [] if below == "." else below.split(os.sep)
        if depth is not None and len(parts) + 1 >= depth:
            folders.clear()
        elif not hidden:
            folders[:] = [f for f in folders if not f.startswith(".")]
        for name in names:
            yield os.path.join(folder, name), [*parts, name]


def claims_for(path: str, config: Config) -> str | None:
    """The claims file ``path`` derives from: its first manifest match, else ``claims``, else
    None (its front matter may name one)."""
    if path != STDIN:
        parts = _relative_parts(path, config)
        for pattern, claims in config.manifest:
            if _matches(parts, _segments(pattern)):
                return claims
    return config.claims


def _relative_parts(path: str, config: Config) -> list[str]:
    """The segments of ``path`` from the configuration's folder (``..`` first when outside)."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(config.root))
    return relative.replace(os.sep, "/").split("/")


def _segments(pattern: str) -> list[str]:
    """A glob's segments, as written relative to the configuration's folder: ``./``, a leading
    ``/`` and doubled slashes name no folder (``./articles/*.md`` is ``articles/*.md``)."""
    return [segment for segment in pattern.split("/") if segment not in ("", ".")]


def _matches(parts: Sequence[str], pattern: Sequence[str]) -> bool:
    """Glob match by path segment: ``*`` stays within a folder, ``**`` spans any number of
    folders (none included); a name starting with ``.`` matches only a segment that does, as
    in ``glob``. The path is read once, carrying the set of pattern positions reached, so a
    hostile pattern of many ``**`` costs its length, not its combinations."""
    reached = _past_any_folders({0}, pattern)
    for part in parts:
        hidden = part.startswith(".")
        step = set()
        for j in reached:
            if j == len(pattern):
                continue
            segment = pattern[j]
            if segment == "**":
                if not hidden:
                    step.add(j)
            elif fnmatchcase(part, segment) and (segment.startswith(".") or not hidden):
                step.add(j + 1)
        reached = _past_any_folders(step, pattern)
        if not reached:
            return False
    return len(pattern) in reached


def _past_any_folders(reached: set[int], pattern: Sequence[str]) -> set[int]:
    """``reached``, and the positions after each ``**`` there: a ``**`` may span no folder."""
    out = set(reached)
    for j in sorted(reached):
        while j < len(pattern) and pattern[j] == "**":
            j += 1
            out.add(j)
    return out


def claims_name(path: str) -> bool:
    """True when ``path`` is named as a claims file is: ``.yaml`` or ``.yml``."""
    return path.lower().endswith(CLAIMS_SUFFIXES)
