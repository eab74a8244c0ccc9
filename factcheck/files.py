"""Reading inputs and writing outputs for the CLI: the only file I/O factcheck does.

Every problem the user can cause (a missing file, a directory, bytes that are not UTF-8, empty
input, an output file that already exists) becomes an ``InputError`` with a one-line message that
names the path as given, stdin as ``-`` (as reports name it), so the CLI can print it and exit 2.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile

from .errors import InputError

STDIN = "-"


def read_text(path: str, *, allow_empty: bool = False) -> str:
    """The text of ``path`` (``-`` for stdin) with ``\\n`` newlines; empty (or blank) text is
    an error unless ``allow_empty``.

    Decoding is strict UTF-8 (a byte-order mark is accepted and dropped): guessing an encoding
    would silently shift the words a rewrite is compared on.
    """
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise InputError(f"{path}:{line}: not UTF-8 text (byte 0x{byte:02x})") from None
    if not text.strip() and not allow_empty:
        raise InputError(f"{path}: input is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def write_atomic(path: str, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    The text goes to a temporary file in the same directory, which then replaces ``path``. An
    existing ``path`` is kept unless ``force`` is set.
    """
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    if os.path.lexists(path) and not force:
        raise InputError(f"{path}: already exists (use --force to overwrite it)")
    directory = os.path.dirname(path) or "."
    mode = _mode_for(path)
    try:
        fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        # after os.replace the temporary name is gone; it is left behind only on failure
        with contextlib.suppress(OSError):
            os.unlink(temp)


def append_text(path: str, text: str, what: str) -> None:
    """Add ``text`` at the end of ``path`` (created if missing); ``what`` names the file in
    the message if it cannot be written."""
    try:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None


def _mode_for(path: str) -> int:
    """Keep an overwritten file's permissions; give a new one the usual umask-based mode."""
    with contextlib.suppress(OSError):
        return os.stat(path).st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
