"""The production server: gunicorn, with the model loaded once before the workers fork.

Each worker reads requests whole before the app sees them (``service.worker``), so slow clients
cost a connection, never a worker.
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.workers.base import Worker

from service.config import load_config

# One thread of model work per process (spaCy #2407, #6398); set before numpy is imported.
SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


class Server(BaseApplication):
    """gunicorn running the app built by ``create_app``, preloaded in the master process."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Hand the options to gunicorn (``WEB_CONCURRENCY`` is read by gunicorn itself)."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        """Build the app once; the workers inherit the loaded model."""
        from service.app import create_app

        app = create_app()
        gc.freeze()  # keep the model's objects out of the collector so pages stay shared
        return app


def gunicorn_options(config: dict[str, Any]) -> dict[str, Any]:
    """gunicorn settings from the service configuration.

    config (dict[str, Any]): the mapping built by :func:`service.config.load_config`.
    RETURNS (dict[str, Any]): gunicorn setting name -> value.
    """
    return {
        "bind": f"{config['HOST']}:{config['PORT']}",
        "preload_app": True,
        "worker_class": "service.worker.BufferingWorker",
        "timeout": config["WORKER_TIMEOUT"],
        "graceful_timeout": 30,
        "max_requests": config["MAX_REQUESTS"],
        "max_requests_jitter": config["MAX_REQUESTS_JITTER"],
        "control_socket_disable": True,  # one shared $HOME/.gunicorn/gunicorn.ctl per host
        "accesslog": None,
        "errorlog": "-",
        "loglevel": config["LOG_LEVEL"].lower(),
        "child_exit": _forget_worker_metrics,
        "when_ready": _announce(config),
    }


def _announce(config: dict[str, Any]) -> Callable[[Arbiter], None]:
    """The hook that prints where the service answers once its workers are ready."""
    host = "localhost" if config["HOST"] in ("0.0.0.0", "::", "") else config["HOST"]
    base = f"http://{host}:{config['PORT']}"

    def announce(server: Arbiter) -> None:
        print(f"timeline is serving at {base}/ (API page: {base}/docs)", flush=True)

    return announce


def _forget_worker_metrics(server: Arbiter, worker: Worker) -> None:
    """Drop a dead worker's live gauges from the shared metrics directory."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def prepare_metrics_dir() -> str:
    """Give the workers an empty shared metrics directory, before prometheus_client is imported.

    RETURNS (str): ``PROMETHEUS_MULTIPROC_DIR`` if set (its metric files removed), else a new one.
    """
    directory = Path(
        os.environ.get(METRICS_DIR_ENV) or tempfile.mkdtemp(prefix="timeline-metrics-")
    )
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ[METRICS_DIR_ENV] = str(directory)
    return str(directory)


def remove_metrics_dir_at_exit(directory: str) -> None:
    """Remove the metrics directory this process made when it exits (not when a worker does)."""
    master = os.getpid()

    def remove() -> None:
        if os.getpid() == master:
            shutil.rmtree(directory, ignore_errors=True)

    atexit.register(remove)


def main() -> None:
    """Start the server (``python -m service``)."""
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    given = os.environ.get(METRICS_DIR_ENV)
    directory = prepare_metrics_dir()
    if not given:
        remove_metrics_dir_at_exit(directory)
    Server(gunicorn_options(load_config())).run()
