"""Time limits, so that code gone quadratic fails a test, or is counted by the fuzz benchmark,
instead of hanging the run (SIGALRM: Unix only, like the machines CI runs on)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


class Hang(BaseException):
    """Raised when a time limit runs out; not an Exception, so no ``except Exception`` (the
    command line's report of a bug, above all) can take it for something else."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise ``Hang`` in the block when it runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def finishes_within(seconds: int) -> Iterator[None]:
    """Fail the test, rather than hang the run, when its block runs longer than ``seconds``."""
    try:
        with time_limit(seconds):
            yield
    except Hang:
        pytest.fail(f"still running after {seconds} s: time quadratic in the input?")
