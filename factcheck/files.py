"""Reading inputs and writing outputs for the CLI: the only file I/O factcheck does.

Every problem the user can cause (a missing file, a directory, bytes that are not UTF-8, empty
input, an output file that already exists) becomes an ``InputError`` with a one-line message that
names the path as given, stdin as ``-`` (as reports name it), so the CLI can print it and exit 2.

Outputs never destroy inputs: ``guard`` refuses, before any work, a path a run would write that
is a file the run reads, another of its outputs, or a claims file. ``write_atomic`` replaces a
regular file through a temporary file beside it, follows a symbolic link to the file it names
(the link stays a link), and writes a device or a pipe (``/dev/stdout``, ``/dev/null``, a FIFO)
through, never replacing it. A temporary file is named after the process that made it; one left
by a run that was killed is removed by the next write beside it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from .claims import looks_like_claims
from .errors import InputError

STDIN = "-"
TEMP_SUFFIX = ".factcheck-tmp"  # ".<name>.<pid>.factcheck-tmp", beside the file it replaces
CLAIMS_SNIFF = 64 * 1024  # bytes of an existing output read to tell whether it is a claims file

Identity = tuple[int, int] | str  # (device, inode), or a resolved path


def read_text(path: str, *, allow_empty: bool = False, name: str | None = None) -> str:
    """The text of ``path`` (``-`` for stdin) with ``\\n`` newlines; empty (or blank) text is
    an error unless ``allow_empty``. Messages call the file ``name`` when given (the name
    ``--stdin-filename`` gives stdin).

    Decoding is strict UTF-8 (a byte-order mark is accepted and dropped): guessing an encoding
    would silently shift the words a rewrite is compared on.
    """
    data = _read_bytes(path)
    name = name or path
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise InputError(f"{name}:{line}: not UTF-8 text (byte 0x{byte:02x})") from None
    if not text.strip() and not allow_empty:
        raise InputError(f"{name}: input is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        if sys.stdin is None:
            raise InputError("-: no standard input to read")
        return sys.stdin.buffer.read()
    _valid_path(path)
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _valid_path(path: str) -> None:
    """A path the operating system can take: no NUL character (which no file name can hold)."""
    if "\0" in path:
        raise InputError(f"{path!r}: a path cannot contain a NUL character")


def guard(
    writes: Sequence[tuple[str, str | None]],
    reads: Iterable[str],
    *,
    claims_ok: bool = False,
    force_option: str | None = None,
) -> None:
    """Refuse, before any work, each output (option, path) that is the same file as an input
    in ``reads`` (``-`` is standard input; an output ``-`` is standard output), as another
    output, or an existing claims file, unless ``claims_ok`` (the command's ``force_option``
    was given). ``reads`` may also list files to protect that this run does not read, such as
    the claims files a configuration names."""
    inputs: dict[Identity, str] = {}
    for path in reads:
        for identity in _identities(path):
            inputs.setdefault(identity, path)
    outputs: dict[Identity, str] = {}
    for option, output in writes:
        if output is None or output == STDIN:  # "-" is standard output
            continue
        _valid_path(output)
        for identity in _identities(output):
            if identity in inputs:
                raise InputError(
                    f"{output}: {option} would overwrite an input of this run ({inputs[identity]})"
                )
            if identity in outputs:
                raise InputError(
                    f"{output}: {option} names the file {outputs[identity]} writes too"
                )
            outputs[identity] = option
        if not claims_ok and _holds_claims(output):
            hint = f"pass {force_option} to replace it" if force_option else "write elsewhere"
            raise InputError(f"{output}: {option} would overwrite a claims file; {hint}")


def _identities(path: str) -> list[Identity]:
    """What names the file at ``path``: its device and inode when it exists (links followed;
    standard input's for ``-``), and its resolved path, for a file not yet written."""
    found: list[Identity] = []
    with contextlib.suppress(OSError, ValueError, AttributeError):
        info = os.fstat(sys.stdin.fileno()) if path == STDIN else os.stat(path)
        found.append((info.st_dev, info.st_ino))
    if path != STDIN:
        with contextlib.suppress(OSError, ValueError):
            found.append(os.path.realpath(path))
    return found


def _holds_claims(path: str) -> bool:
    """True when ``path`` is an existing regular file whose text is a claims file's."""
    with contextlib.suppress(OSError, ValueError):
        if stat.S_ISREG(os.stat(path).st_mode):
            with open(path, "rb") as stream:
                head = stream.read(CLAIMS_SNIFF)
            return looks_like_claims(head.decode("utf-8", errors="replace"))
    return False


def write_atomic(path: str, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    The text goes to a temporary file in the same directory, which then replaces ``path``. An
    existing ``path`` is kept unless ``force`` is set. A symbolic link is followed, so the file
    it names is replaced and the link kept; a device or a pipe is written through; ``-`` and
    the file standard output or standard error writes to (``/dev/stdout``, ``/dev/fd/2``, a
    log they are redirected to) are written to as those streams, never replaced.
    """
    _valid_path(path)
    stream = _standard_stream(path)
    if stream is not None:
        stream.write(text)
        stream.flush()
        return
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    if os.path.lexists(path) and not force:
        raise InputError(f"{path}: already exists (use --force to overwrite it)")
    data = text.encode("utf-8")
    with contextlib.suppress(OSError):
        if not stat.S_ISREG(os.stat(path).st_mode):
            _write_through(path, data)
            return
    _replace(os.path.realpath(path) if os.path.islink(path) else path, data, path)


def _standard_stream(path: str) -> TextIO | None:
    """Standard output for ``-``, or the standard stream whose file ``path`` is."""
    if path == STDIN:
        return sys.stdout
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            own = os.fstat(stream.fileno())
            if (own.st_dev, own.st_ino) == (info.st_dev, info.st_ino):
                return stream
    return None


def _write_through(path: str, data: bytes) -> None:
    """Write to a device or a pipe in place. A pipe nobody reads is an error, not a hang."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        reason = "nothing reads this pipe" if exc.errno == errno.ENXIO else exc.strerror or exc
        raise InputError(f"{path}: cannot write: {reason}") from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _replace(target: str, data: bytes, named: str) -> None:
    """Replace the regular file ``target`` (or create it) with ``data``; ``named`` is the
    path as the user gave it, for messages."""
    directory = os.path.dirname(target) or "."
    base = os.path.basename(target)
    _remove_stale(directory, base)
    temp = os.path.join(directory, f".{base}.{os.getpid()}{TEMP_SUFFIX}")
    mode = _mode_for(target)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)  # this process's own, from a write it did not finish
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise InputError(f"{named}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as exc:
        raise InputError(f"{named}: cannot write: {exc.strerror or exc}") from None
    finally:
        # after os.replace the temporary name is gone; it is left behind only on failure
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _remove_stale(directory: str, base: str) -> None:
    """Remove temporary files for ``base`` left by runs that were killed (their process is
    gone); a running process's temporary file is left alone."""
    prefix = f".{base}."
    with contextlib.suppress(OSError):
        for name in os.listdir(directory):
            if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
                continue
            pid = name[len(prefix) : -len(TEMP_SUFFIX)]
            if pid.isascii() and pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(directory, name))


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:
        return True  # it exists, and belongs to someone else
    return True


def append_text(path: str, text: str, what: str) -> None:
    """Add ``text`` at the end of ``path`` (created if missing); ``what`` names the file in
    the message if it cannot be written."""
    try:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(text)
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: cannot write {what}: {getattr(exc, 'strerror', None) or exc}"
        ) from None


def _mode_for(path: str) -> int:
    """Keep an overwritten file's permissions; give a new one the usual umask-based mode."""
    with contextlib.suppress(OSError):
        return os.stat(path).st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
