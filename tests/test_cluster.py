"""``--scheduler``: compare and evaluate on a Dask cluster, with the output of a serial run.

One ``LocalCluster`` of two worker processes serves the module (started once: about two
seconds); the killed-worker test starts its own, since it kills one. Skipped where the dask
extra is not installed (CI installs it with the test extra).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hang import finishes_within
from runner import run

import factcheck
from factcheck import batch, cli
from factcheck.claims import ClaimSet
from factcheck.cli import ExitCode
from factcheck.cluster import CHUNK, IN_FLIGHT, map_ordered
from factcheck.errors import InputError
from factcheck.render import RENDERERS
from factcheck.report import Report

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "ai-alliance-rewrite.txt").read_text(encoding="utf-8")
DOCUMENTS = 12  # a chunk's worth: the order over many is map_ordered's test's


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a running cluster of two worker processes."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with claims.yaml and DOCUMENTS rewrites that differ, in docs/."""
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    (tmp_path / "docs").mkdir()
    for n in range(DOCUMENTS):
        changed = EXAMPLE.replace("Geneva", f"Geneva {n}").replace("50", str(50 + n))
        (tmp_path / "docs" / f"{n:02}.txt").write_text(changed, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("output_format", sorted(RENDERERS))
def test_every_format_is_the_same_bytes_as_a_serial_run(
    docs: Path, scheduler: str, output_format: str
) -> None:
    args = ("compare", "--claims", "claims.yaml", "docs/*.txt", "-f", output_format)
    serial = run(*args)
    clustered = run(*args, "--scheduler", scheduler)
    assert serial.exit_code == clustered.exit_code == ExitCode.FINDINGS
    assert clustered.stdout == serial.stdout
    assert clustered.stderr == serial.stderr == ""


def test_texts_past_dasks_large_graph_threshold_are_sent_without_a_warning(
    docs: Path, scheduler: str
) -> None:
    """Dask warns of a graph of more than 10 MB (five lines on stderr, advice that does not
    apply: the texts are the work). A threshold of a byte stands for a run of more texts."""
    args = ("compare", "--claims", "claims.yaml", "docs/*.txt", "-f", "json")
    serial = run(*args)
    with dask.config.set({"distributed.admin.large-graph-warning-threshold": "1B"}):
        clustered = run(*args, "--scheduler", scheduler)  # a warning is an error in tests
    assert clustered.stdout == serial.stdout
    assert clustered.stderr == ""


def test_a_local_cluster_started_for_the_run(docs: Path) -> None:
    """The issue's own command: ``--scheduler local:2`` starts and closes a cluster."""
    args = ("compare", "--claims", "claims.yaml", "docs/*.txt", "-f", "json")
    serial = run(*args)
    clustered = run(*args, "--scheduler", "local:2")
    assert clustered.exit_code == ExitCode.FINDINGS
    assert clustered.stdout == serial.stdout


def test_evaluate_on_a_cluster_judges_as_here(tmp_path: Path, scheduler: str) -> None:
    pairs = tmp_path / "pairs.jsonl"
    rewrite = EXAMPLE.split("\n\n")[1]
    lines = [
        f'{{"id": "p{n}", "source": {_json(EXAMPLE)}, "derivative": {_json(text)}, '
        f'"label": "{label}"}}'
        for n, (text, label) in enumerate(
            [(rewrite, "inconsistent"), (rewrite.replace("50", "45"), "consistent")] * 5
        )
    ]
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    serial = run("evaluate", str(pairs), "-f", "json")
    clustered = run("evaluate", str(pairs), "-f", "json", "--scheduler", scheduler)
    assert serial.exit_code == clustered.exit_code == ExitCode.OK
    assert _without_rate(clustered.stdout) == _without_rate(serial.stdout)


def _json(text: str) -> str:
    import json

    return json.dumps(text)


def _without_rate(stdout: str) -> object:
    import json

    doc = json.loads(stdout)
    doc.pop("pairs_per_second", None)
    return doc


def test_an_input_error_on_a_worker_is_exit_2_as_here(
    docs: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(factcheck, "compare", _Refusing(factcheck.compare))
    args = ("compare", "--claims", "claims.yaml", "docs/*.txt")
    serial = run(*args)
    clustered = run(*args, "--scheduler", scheduler)
    assert serial.exit_code == clustered.exit_code == ExitCode.INPUT_ERROR
    assert clustered.stderr == serial.stderr == "factcheck: error: docs/03.txt: refused\n"


def test_a_document_refused_on_a_worker_is_tried_once(
    docs: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine is pure: a chunk that raised would raise again, and the user waits for it."""
    monkeypatch.setattr(factcheck, "compare", _Refusing(factcheck.compare, docs / "tried"))
    result = run("compare", "--claims", "claims.yaml", "docs/*.txt", "--scheduler", scheduler)
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert (docs / "tried").read_text(encoding="utf-8").splitlines() == ["docs/03.txt"]


def test_a_bug_on_a_worker_is_one_line_and_exit_3_as_here(
    docs: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """On a cluster the run starts, whose workers write to this terminal: nothing of Dask's
    (a worker logs a task that raised, with its traceback) comes with the line."""
    broken = _Refusing(factcheck.compare, docs / "tried", RuntimeError)
    monkeypatch.setattr(factcheck, "compare", broken)
    code = cli.run(["compare", "--claims", "claims.yaml", "docs/*.txt", "--scheduler", "local:2"])
    assert code == ExitCode.INTERNAL_ERROR
    assert capfd.readouterr().err.splitlines() == [
        "factcheck: internal error: RuntimeError: docs/03.txt: refused — please report it"
    ]
    assert (docs / "tried").read_text(encoding="utf-8").splitlines() == ["docs/03.txt"]


def test_factcheck_debug_shows_where_on_the_worker_a_bug_was_raised(
    docs: Path,
    scheduler: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(factcheck, "compare", _Refusing(factcheck.compare, error=RuntimeError))
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    code = cli.run(["compare", "--claims", "claims.yaml", "docs/*.txt", "--scheduler", scheduler])
    assert code == ExitCode.INTERNAL_ERROR
    stderr = capsys.readouterr().err
    assert 'test_cluster.py", line' in stderr and "raise self.error(" in stderr  # the worker's
    assert stderr.splitlines()[-1].startswith("factcheck: internal error: RuntimeError")


def test_a_document_that_kills_every_worker_it_runs_on_is_one_line_and_exit_3(
    docs: Path,
) -> None:
    """A local cluster's scheduler runs in the command's process: nothing of what it logs as
    the workers die comes with the line. (A process of its own: in this one, pytest takes
    what Dask logs.)"""
    script = (
        "import sys, factcheck, test_cluster\n"
        "factcheck.compare = test_cluster._Deadly(factcheck.compare)\n"
        "from factcheck.cli import run\n"
        "sys.exit(run(sys.argv[1:]))\n"
    )
    paths = [str(ROOT / "tests"), str(ROOT), os.environ.get("PYTHONPATH", "")]
    result = subprocess.run(
        [sys.executable, "-c", script, "compare", "-c", "claims.yaml", "docs/*.txt"]
        + ["--scheduler", "local:2"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        timeout=120,
        check=False,
    )
    assert result.returncode == ExitCode.INTERNAL_ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith("factcheck: internal error: ")


class _Deadly:
    """A stand-in engine whose worker process dies on one document."""

    def __init__(self, engine: object) -> None:
        self.engine = engine

    def __call__(self, claims: ClaimSet, text: str, path: str, cutoffs: object) -> Report:
        if path.endswith("03.txt"):
            os._exit(1)
        return self.engine(claims, text, path, cutoffs)  # type: ignore[operator,no-any-return]


class _Refusing:
    """A stand-in engine that refuses one document as the engine refuses bad input (or raises
    ``error``), noting the path in ``tried`` each time; an object, so that pickling carries the
    real engine with it to the workers."""

    def __init__(
        self, engine: object, tried: Path | None = None, error: type[Exception] = InputError
    ) -> None:
        self.engine, self.tried, self.error = engine, tried, error

    def __call__(self, claims: ClaimSet, text: str, path: str, cutoffs: object) -> Report:
        if path.endswith("03.txt"):
            if self.tried is not None:
                with self.tried.open("a", encoding="utf-8") as tried:
                    tried.write(path + "\n")
            raise self.error(f"{path}: refused")
        return self.engine(claims, text, path, cutoffs)  # type: ignore[operator,no-any-return]


def test_an_unreachable_scheduler_is_one_line_and_exit_2(docs: Path) -> None:
    with (
        socket_nobody_listens_on() as address,
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
    ):
        result = run("compare", "--claims", "claims.yaml", "docs/00.txt", "--scheduler", address)
    assert result.exit_code == ExitCode.INPUT_ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"factcheck: error: --scheduler {address}: cannot reach the scheduler")


@contextlib.contextmanager
def socket_nobody_listens_on() -> Iterator[str]:
    """A loopback address with a port that was free a moment ago."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield f"tcp://127.0.0.1:{port}"


@pytest.mark.parametrize(
    "reply",
    [b"", b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n"],
    ids=["silent", "a web server"],
)
def test_a_peer_that_is_no_scheduler_is_one_line_and_exit_2(docs: Path, reply: bytes) -> None:
    """A service that accepts and says nothing Dask reads: Dask's handshake would wait for it
    for ever, or read a web server's reply as a message of exabytes (a MemoryError)."""
    with (
        a_peer(reply) as address,
        dask.config.set({"distributed.comm.timeouts.connect": "0.5s"}),
        finishes_within(20),
    ):
        result = run("compare", "--claims", "claims.yaml", "docs/00.txt", "--scheduler", address)
    assert result.exit_code == ExitCode.INPUT_ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"factcheck: error: --scheduler {address}: cannot reach the scheduler")


@pytest.mark.parametrize("worker", [False, True], ids=["tls unconfigured", "a worker"])
def test_an_address_dask_cannot_use_is_one_line_and_exit_2(
    docs: Path, scheduler: str, worker: bool
) -> None:
    """Dask raises a TypeError for these, which the command would report as its own bug."""
    address = "tls://127.0.0.1:1"
    if worker:
        with distributed.Client(scheduler) as client:
            address = next(iter(client.scheduler_info()["workers"]))
    result = run("compare", "--claims", "claims.yaml", "docs/00.txt", "--scheduler", address)
    assert result.exit_code == ExitCode.INPUT_ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"factcheck: error: --scheduler {address}: cannot reach the scheduler")


@contextlib.contextmanager
def a_peer(reply: bytes) -> Iterator[str]:
    """The address of a loopback server that accepts each connection, sends it ``reply`` and
    keeps it open, as a service that is no Dask scheduler may."""
    import socket
    import threading

    stop, held = threading.Event(), []
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.05)

        def serve() -> None:
            while not stop.is_set():
                with contextlib.suppress(TimeoutError, socket.timeout):
                    connection, _ = listener.accept()
                    held.append(connection)
                    connection.sendall(reply)

        server = threading.Thread(target=serve)
        server.start()
        try:
            yield f"tcp://127.0.0.1:{listener.getsockname()[1]}"
        finally:
            stop.set()
            server.join()
            for connection in held:
                connection.close()


@pytest.mark.parametrize("remote", [True, False], ids=["a scheduler", "local:2"])
def test_a_run_with_nothing_to_compare_reaches_no_cluster(
    docs: Path, monkeypatch: pytest.MonkeyPatch, remote: bool
) -> None:
    """pre-commit may name only files with no claims file, which the hook skips."""
    monkeypatch.setattr(distributed, "LocalCluster", _no_cluster)
    (docs / "NOTES.txt").write_text("Notes.\n", encoding="utf-8")
    with (
        socket_nobody_listens_on() as address,
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
    ):
        spec = address if remote else "local:2"
        result = run("compare", "--hook", "NOTES.txt", "--scheduler", spec)
    assert result.exit_code == ExitCode.OK
    assert result.stderr == "factcheck: notice: NOTES.txt: skipped, no claims file for it\n"


def test_a_local_cluster_has_no_more_workers_than_chunks(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """local:64 for DOCUMENTS documents, one chunk of work: 63 processes would start for
    nothing (a second or so each, on two CPUs)."""
    started: list[object] = []

    def counted(**options: object) -> None:
        started.append(options["n_workers"])
        raise InputError("not started")

    monkeypatch.setattr(distributed, "LocalCluster", counted)
    result = run("compare", "--claims", "claims.yaml", "docs/*.txt", "--scheduler", "local:64")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert started == [-(-DOCUMENTS // CHUNK)] == [1]


def test_a_bad_scheduler_is_an_error_with_nothing_to_compare(docs: Path) -> None:
    (docs / "NOTES.txt").write_text("Notes.\n", encoding="utf-8")
    result = run("compare", "--hook", "NOTES.txt", "--scheduler", "local:0")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "local:N takes a number of workers from 1 to 1024" in result.stderr


def _no_cluster(**options: object) -> None:
    raise AssertionError("a cluster was started")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("local:0", "local:N takes a number of workers from 1 to 1024"),
        ("local:two", "local:N takes a number of workers from 1 to 1024"),
        (" ", "expected an address or local[:N]"),
    ],
)
def test_a_bad_scheduler_is_an_input_error(docs: Path, spec: str, message: str) -> None:
    result = run("compare", "--claims", "claims.yaml", "docs/00.txt", "--scheduler", spec)
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_jobs_and_scheduler_together_are_refused(docs: Path) -> None:
    result = run("compare", "-c", "claims.yaml", "docs/00.txt", "-j", "2", "--scheduler", "local:2")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "--jobs and --scheduler cannot be used together" in result.stderr


def test_without_the_extra_the_option_says_what_to_install(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # import fails
    result = run("compare", "-c", "claims.yaml", "docs/00.txt", "--scheduler", "local:2")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "pip install 'factcheck[dask]'" in result.stderr


def test_a_worker_killed_mid_run_has_its_documents_run_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claims = factcheck.load_claims((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    documents = [(claims, EXAMPLE.replace("50", str(n)), f"d{n}") for n in range(200)]
    expected = [factcheck.compare(c, t, p) for c, t, p in documents]
    monkeypatch.setattr(factcheck, "compare", _Slow(factcheck.compare))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        reports = batch.compare_all(documents, client=client)
        got = [next(reports)]  # the work is out on both workers now
        busy = _busiest(client)
        with contextlib.suppress(Exception):  # the worker dies before it can answer
            client.run(os._exit, 1, workers=[busy])
        got += list(reports)
        assert busy not in client.scheduler_info()["workers"]  # it was killed
    assert got == expected


def test_a_run_of_many_chunks_has_a_window_of_them_out_at_once(scheduler: str) -> None:
    """IN_FLIGHT chunks a worker thread, not every chunk of the run: the scheduler is not
    handed every task at once, and the results read leave the cluster. In input order."""
    with distributed.Client(scheduler) as client:
        window = IN_FLIGHT * sum(client.nthreads().values())
        held, results = [], []
        for result in map_ordered(client, _numbered, "n", list(range(100)), chunk=1):
            held.append(len(client.futures))  # the futures the client keeps alive
            results.append(result)
    assert results == [f"n{n}" for n in range(100)]
    assert max(held) <= window + 1  # and the shared value, scattered


def _numbered(prefix: str, chunk: list[int]) -> list[str]:
    return [f"{prefix}{n}" for n in chunk]


class _Slow:
    """The engine, a little slower, so that a run is still going when a worker is killed."""

    def __init__(self, engine: object) -> None:
        self.engine = engine

    def __call__(self, claims: ClaimSet, text: str, path: str, cutoffs: object = None) -> Report:
        time.sleep(0.02)
        args = (claims, text, path) if cutoffs is None else (claims, text, path, cutoffs)
        return self.engine(*args)  # type: ignore[operator,no-any-return]


def _busiest(client: object) -> str:
    """The worker with the most tasks in hand (waiting for it to have some)."""
    for _ in range(200):
        processing = client.processing()  # type: ignore[attr-defined]
        busy = max(processing, key=lambda worker: len(processing[worker]))
        if processing[busy]:
            return str(busy)
        time.sleep(0.01)
    raise AssertionError("no worker had work to kill it during")
