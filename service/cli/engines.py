"""Where batch partitions run: ``local`` worker processes, or a Dask cluster (``dask``).

Both keep a few partitions in flight per worker and hand back each :class:`Report` as it
finishes; results are written by the workers, never sent to the client. Each worker process
loads the pipeline once (:func:`service.cli.work.worker_pipeline`) with one numeric thread.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from service.cli.work import Partition, Report, Settings, run_partition, warm_up
from service.server import SINGLE_THREAD_ENV

ENGINES = ("local", "dask")
# Partitions queued per worker beyond the one it runs, so no worker waits for the client.
IN_FLIGHT_PER_WORKER = 2
# How long a client of a running scheduler waits for its first worker (a cluster starting up).
WAIT_FOR_WORKERS_SECONDS = 300


def single_thread_env() -> dict[str, str]:
    """One thread of numeric work per process (spaCy #2407, #6398)."""
    return dict.fromkeys(SINGLE_THREAD_ENV, "1")


def run_local(
    partitions: Iterable[Partition], settings: Settings, workers: int
) -> Iterator[Report]:
    """Run partitions on ``workers`` fresh processes, each loading the pipeline at start.

    partitions (Iterable[Partition]): read lazily, a few ahead of the workers.
    settings (Settings): output folder and model, shared by every partition.
    workers (int): worker processes.
    RETURNS (Iterator[Report]): one report per partition, in the order they finish.
    """
    os.environ.update(single_thread_env())  # inherited by the spawned workers
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, initializer=warm_up, initargs=(settings,)) as pool:
        pending: set[Future[Report]] = set()
        queue = iter(partitions)
        limit = workers * IN_FLIGHT_PER_WORKER
        try:
            while True:
                for partition in queue:
                    pending.add(pool.submit(run_partition, partition, settings))
                    if len(pending) >= limit:
                        break
                if not pending:
                    return
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        except BaseException:  # interrupted: queued partitions never start (--resume redoes them)
            pool.shutdown(wait=False, cancel_futures=True)
            raise


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster of ``workers``
    single-threaded worker processes (closed on exit)."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_SECONDS)
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
        env=single_thread_env(),
    )
    with cluster, Client(cluster) as client:
        yield client


def run_dask(
    partitions: Iterable[Partition], settings: Settings, workers: int, scheduler: str | None
) -> Iterator[Report]:
    """Run partitions as Dask tasks, a few per worker in flight; each worker writes its parts.

    partitions (Iterable[Partition]): read lazily, a few ahead of the workers.
    settings (Settings): output folder (a path every worker sees) and model.
    workers (int): LocalCluster size when there is no scheduler.
    scheduler (str | None): a running scheduler's address (``tcp://host:8786``), or None.
    RETURNS (Iterator[Report]): one report per partition, in the order they finish.
    """
    from distributed import as_completed

    with dask_client(scheduler, workers) as client:
        size = len(client.scheduler_info().get("workers", {})) or workers
        queue = iter(partitions)

        def submit(partition: Partition) -> Any:
            return client.submit(run_partition, partition, settings, pure=False)

        first = itertools.islice(queue, size * IN_FLIGHT_PER_WORKER)
        running = as_completed([submit(partition) for partition in first])
        for future in running:
            report = future.result()
            future.release()
            following = next(queue, None)
            if following is not None:
                running.add(submit(following))
            yield report


def run_engine(
    engine: str,
    partitions: Iterable[Partition],
    settings: Settings,
    workers: int,
    scheduler: str | None = None,
) -> Iterator[Report]:
    """Run the partitions on the named engine (one of ``ENGINES``)."""
    if engine == "dask":
        return run_dask(partitions, settings, workers, scheduler)
    return run_local(partitions, settings, workers)
