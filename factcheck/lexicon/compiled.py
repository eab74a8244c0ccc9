"""Tables built from lexicon files, kept in a precompiled form between runs.

Building the antonym table from its 40,000 lines of text takes about 20 ms, a large share of a
short run; loading the same table with ``marshal`` takes about a quarter of that. The first run
builds it and writes the precompiled copy to the user's cache folder (``$FACTCHECK_CACHE_DIR``,
else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``); later runs load it.

Nobody has to manage the copy. It is used only when its key, a digest of the source files with
factcheck's version, matches, and only when it holds a table of the expected shape; anything
else (a corrupt, truncated or foreign file, a copy made from other lexicon files) is ignored and
the table built from the text again. A folder that cannot be written only means no copy is kept.
The copy is replaced atomically, so a run never reads a half-written one.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Sequence

import factcheck

from .. import lexicon

Table = dict[str, str]
Key = tuple[int, str, tuple[tuple[str, int, int], ...]]  # format, version, each source's digest
FORMAT = 1  # of the precompiled file; bump when its layout changes
LARGEST = 16 << 20  # bytes: a larger file is not one this module wrote


def load(name: str, sources: Sequence[str], build: Callable[[], Table]) -> Table:
    """The table ``build`` makes from the lexicon files ``sources``: the precompiled copy
    ``name`` when it is current and sound, else built now and the copy written for next time."""
    key: Key = (FORMAT, factcheck.__version__, tuple(_digest(source) for source in sources))
    path = _path(name)
    table = _read(path, key)
    if table is None:
        table = build()
        _write(path, marshal.dumps((key, table)))
    return table


def folder() -> str:
    """Where precompiled tables are kept: ``$FACTCHECK_CACHE_DIR``, else the XDG cache folder."""
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "factcheck")


def _path(name: str) -> str:
    """One file per table and Python version: marshal's format is Python's own."""
    return os.path.join(folder(), f"{name}.py{sys.version_info[0]}{sys.version_info[1]}.marshal")


def _digest(source: str) -> tuple[str, int, int]:
    """The lexicon file ``source``'s name, length and CRC-32: any edit changes the key."""
    with open(lexicon.path(source), "rb") as file:
        data = file.read()
    return (source, len(data), zlib.crc32(data))


def _read(path: str, key: Key) -> Table | None:
    """The table in the file at ``path`` when it was written under ``key`` and every key and
    value in it is a string; None otherwise, whatever the file holds."""
    try:
        if not os.path.isfile(path):  # missing, or a pipe that would block the run
            return None
        with open(path, "rb") as file:
            data = file.read(LARGEST + 1)
        found = marshal.loads(data) if len(data) <= LARGEST else None
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if type(found) is not tuple or len(found) != 2 or found[0] != key:
        return None
    table = found[1]
    if type(table) is dict and {*map(type, table), *map(type, table.values())} <= {str}:
        return table
    return None


def _write(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` through a temporary file beside it; silently
    nothing when the folder cannot be made or written."""
    import tempfile  # only here: most runs read the copy and never write one

    directory = os.path.dirname(path)
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        pass
    finally:  # the temporary file is gone once replaced; a failed or interrupted write left it
        with contextlib.suppress(OSError):
            os.remove(temporary)
