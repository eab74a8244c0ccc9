"""``--scheduler``: comparing and judging on a Dask cluster (the optional extra ``factcheck[dask]``).

Nothing of the engine changes; the work is shipped. The client reads the documents (as a local
run does: front matter, suppressions and locations stay where they are made) and sends their
texts in chunks of ``CHUNK``. Each distinct claims set is analysed once, on the client, and
scattered to every worker once (``broadcast``): a task names it by its index and carries only
texts. The reports come back in input order, so every output format is byte-identical to a
serial run.

Failure is Dask's to handle, and the user's to hear of as locally: a worker that dies has its
chunks run again elsewhere (the scheduler reschedules the tasks of a lost worker). What a
chunk raises comes back as its result (``Failed``) and is raised here, as it would have been
in a serial run: an ``InputError`` is exit status 2, anything else a bug (exit 3), each one
line. A scheduler that cannot be reached within Dask's connect timeout
(``distributed.comm.timeouts.connect``), or an address where something else answers, is an
``InputError`` too (``_reach``).

``--scheduler local`` or ``local:N`` starts a ``LocalCluster`` of N worker processes (one a CPU
when N is left out; no more than the run has chunks, since a process costs a second to start
and a worker with no chunk does nothing), one thread each since the checks are pure Python,
and closes it at the end of the run. Anything else is the address of a running ``dask scheduler``, whose workers
must have the same factcheck installed.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import InputError

if TYPE_CHECKING:
    from distributed import Client, Future

T = TypeVar("T")
R = TypeVar("R")
LOCAL = "local"
CHUNK = 32  # documents a task: a task costs the scheduler about a millisecond, a document less
IN_FLIGHT = 16  # chunks out at once a worker thread: fewer and the client spends more a chunk
EXTRA = "pip install 'factcheck[dask]'"
LARGE_GRAPH = "distributed.admin.large-graph-warning-threshold"  # Dask warns of tasks past it


def parse(spec: str) -> tuple[str | None, int]:
    """(address, 0) for a scheduler's address; (None, workers) for ``local`` or ``local:N``."""
    name, _, count = spec.partition(":")
    if name != LOCAL:
        if not spec.strip():
            raise InputError("--scheduler: expected an address or local[:N]")
        return spec, 0
    if not count:
        return None, os.cpu_count() or 1
    if not (count.isascii() and count.isdigit()) or not 0 < int(count) <= 1024:
        raise InputError(f"--scheduler {spec}: local:N takes a number of workers from 1 to 1024")
    return None, int(count)


@contextmanager
def connect(spec: str, items: int) -> Iterator[Client | None]:
    """A client of the scheduler ``spec`` names for a run of ``items`` documents (or pairs),
    closed (with the local cluster it started, if any) when the run ends. None when there are
    no items (pre-commit may pass only files the run skips): a run with nothing to send
    starts no cluster and reaches no scheduler, though a bad ``spec`` is still an error."""
    address, workers = parse(spec)
    if not items:
        yield None
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError(f"--scheduler needs the dask extra: {EXTRA}") from None
    if address is None:
        cluster = LocalCluster(
            n_workers=min(workers, -(-items // CHUNK)),  # a worker more would have no chunk
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: a second cluster warns of 8787
            silence_logs=logging.CRITICAL,  # the run says what went wrong, in one line
        )
        client = Client(cluster)
    else:
        cluster = None
        client = _reach(address)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _reach(address: str) -> Client:
    """A client of the scheduler at ``address``, or an ``InputError`` saying why there is none:
    nothing answers within Dask's connect timeout, Dask cannot read the address, TLS is not
    configured, or the peer is no Dask scheduler (a web server, a worker). Each is the
    user's to fix, whatever Dask raises for it. Dask's handshake waits without end for a peer
    that accepts and stays silent, so one is made first, within twice the timeout (Dask's
    own message, if any, comes first)."""
    import asyncio

    import dask
    from dask.utils import parse_timedelta
    from distributed import Client
    from distributed.comm import connect
    from distributed.security import Security

    timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), "s")

    async def handshake() -> None:
        args = Security().get_connection_args("client")
        await (await connect(address, timeout=timeout, **args)).close()

    try:
        asyncio.run(asyncio.wait_for(handshake(), 2 * timeout))
        return Client(address, timeout=timeout)
    except Exception as exc:
        if isinstance(exc, MemoryError):  # the length Dask reads from a web server's reply
            reason = "what answers there is no Dask scheduler"
        elif isinstance(exc, asyncio.TimeoutError) and not str(exc):  # no handshake came
            reason = f"no Dask scheduler answered within {2 * timeout:g} s"
        else:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"--scheduler {address}: cannot reach the scheduler: {reason}") from None


def map_ordered(
    client: Client,
    work: Callable[[Any, list[T]], list[R]],
    shared: Any,
    items: Sequence[T],
    chunk: int = CHUNK,
) -> Iterator[R]:
    """``work(shared, chunk)`` over ``items`` a chunk at a time on the cluster, each item's
    result yielded in input order as its chunk completes. ``shared`` is sent to every worker
    once, not with each chunk.

    No more than ``IN_FLIGHT`` chunks a worker thread are out at once, sent again when half
    have come back, the threads counted anew (a worker that joins gets its share): ten million
    documents are not three hundred thousand tasks for the scheduler at once, and a chunk's
    results leave the cluster's memory once they are read, not at the end of the run."""
    import dask

    if not items:
        return
    everywhere = client.scatter(shared, broadcast=True, hash=False)
    task = partial(_caught, work)
    starts = range(0, len(items), chunk)
    sent, window = 0, 0
    out: deque[Future] = deque()
    try:
        while True:
            if sent < len(starts) and len(out) <= window // 2:  # by halves: fewer round trips
                window = IN_FLIGHT * max(1, sum(client.nthreads().values()))
                more = [
                    list(items[start : start + chunk])
                    for start in starts[sent:][: window - len(out)]
                ]
                with dask.config.set({LARGE_GRAPH: "1000 PiB"}):  # texts are the work to send
                    out += client.map(task, [everywhere] * len(more), more, pure=False)
                sent += len(more)
            if not out:
                return
            result = out.popleft().result()
            if isinstance(result, Failed):
                raise result.error
            yield from result
    finally:
        client.cancel(list(out))


@dataclass(frozen=True)
class Failed:
    """What a chunk raised on a worker, returned as its result. Raised there, it would be
    logged by the worker, traceback and all (on the user's terminal, for a local cluster).
    Dask pickles an exception with its traceback, so ``FACTCHECK_DEBUG=1`` still shows where
    on the worker it was raised."""

    error: Exception


def _caught(
    work: Callable[[Any, list[T]], list[R]], shared: Any, chunk: list[T]
) -> list[R] | Failed:
    """``work(shared, chunk)``, or what it raised."""
    try:
        return work(shared, chunk)
    except Exception as exc:  # raised on the client: exit 2 for an input error, 3 for a bug
        return Failed(exc)
