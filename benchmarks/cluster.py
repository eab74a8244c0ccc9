"""Documents a second for 10,000 rewrites: serial, ``-j 2``, and on a Dask ``local:2`` cluster.

Each run compares the same rewrites (the shipped example, its figures and names varied so no
two are alike) with the shipped claims.yaml through ``batch.compare_all``, the function
``factcheck compare`` calls, and checks that the reports are the same as the serial run's.
Start-up is timed apart: the process pool's and the cluster's (``LocalCluster`` of two worker
processes, and a client connected). The overhead a document is what the cluster spends on a
document beyond the serial cost, in worker time: ``wall × workers / documents − serial /
documents``. Needs the dask extra (``pip install -e '.[dask]'``).

    .venv/bin/python benchmarks/cluster.py                 # 10,000 rewrites, about 2 minutes
    .venv/bin/python benchmarks/cluster.py --documents 1000
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402
from factcheck.batch import compare_all  # noqa: E402
from factcheck.cluster import CHUNK  # noqa: E402

WORKERS = 2


def rewrites(count: int) -> list[str]:
    """``count`` different rewrites of the shipped example."""
    text = (ROOT / "examples" / "ai-alliance-rewrite.txt").read_text(encoding="utf-8")
    cities = ("Geneva", "Lyon", "Porto", "Turin", "Ghent", "Malmo", "Brno")
    return [
        text.replace("50", str(40 + n % 30)).replace("Geneva", cities[n % len(cities)])
        + f"\nIt was copy {n}."
        for n in range(count)
    ]


def timed(run: object) -> tuple[float, float, list[object]]:
    """(wall seconds, CPU seconds of this process, result) of ``run()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    claims = factcheck.load_claims((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    texts = rewrites(args.documents)
    documents = [(claims, text, f"r{n}.txt") for n, text in enumerate(texts)]
    claims.analysis  # noqa: B018 -- analysed once before every run, as a run does
    n = len(documents)

    serial, serial_cpu, expected = timed(lambda: list(compare_all(documents)))
    jobs, _, got = timed(lambda: list(compare_all(documents, jobs=WORKERS)))
    assert got == expected, "-j 2 reports differ from the serial run's"

    def start() -> tuple[LocalCluster, Client]:
        cluster = LocalCluster(
            n_workers=WORKERS,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        return cluster, Client(cluster)

    started, _, (cluster, client) = timed(start)
    try:
        clustered, client_cpu, got = timed(lambda: list(compare_all(documents, client=client)))
        assert got == expected, "local:2 reports differ from the serial run's"
    finally:
        client.close()
        cluster.close()

    cost = serial / n
    overhead = clustered * WORKERS / n - cost
    print(f"{n} rewrites of examples/ai-alliance-rewrite.txt against claims.yaml (46 claims)")
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, CHUNK {CHUNK}\n")
    print("| run | wall s | documents/s | × serial | start-up s |")
    print("|---|---|---|---|---|")
    print(f"| serial | {serial:.1f} | {n / serial:.0f} | 1.00 | 0 |")
    print(f"| `-j 2` | {jobs:.1f} | {n / jobs:.0f} | {serial / jobs:.2f} | (in the wall time) |")
    print(
        f"| `--scheduler local:2` | {clustered:.1f} | {n / clustered:.0f} | "
        f"{serial / clustered:.2f} | {started:.1f} |"
    )
    print()
    print(f"serial cost a document: {cost * 1000:.2f} ms")
    print(f"cluster overhead a document (worker time beyond it): {overhead * 1000:.2f} ms")
    print(f"client CPU a document on the cluster run: {client_cpu / n * 1000:.2f} ms")
    print(
        f"so W workers compare about W / {(cost + overhead) * 1000:.2f} ms = "
        f"{1 / (cost + overhead):.0f} × W documents/s, while the client keeps up "
        f"(about {n / max(client_cpu, 1e-9):.0f} documents/s of its CPU)"
    )


if __name__ == "__main__":
    main()
