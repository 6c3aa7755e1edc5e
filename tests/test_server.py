"""The gunicorn settings `python -m service` runs with."""

from __future__ import annotations

from service.config import load_config
from service.server import gunicorn_options


def test_port_and_timeout_come_from_settings():
    environ = {"HOST": "127.0.0.1", "PORT": "9001", "WORKER_TIMEOUT": "30"}
    options = gunicorn_options(load_config(environ=environ))
    assert options["bind"] == "127.0.0.1:9001"
    assert options["timeout"] == 30


def test_model_is_loaded_before_forking_with_buffering_workers():
    options = gunicorn_options(load_config(environ={}))
    assert options["preload_app"] is True
    assert options["worker_class"] == "service.worker.BufferingWorker"
    assert options["control_socket_disable"] is True  # no host-wide control socket
    assert options["max_requests"] > 0
    assert "workers" not in options  # gunicorn reads WEB_CONCURRENCY itself
