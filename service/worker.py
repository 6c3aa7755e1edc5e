"""The gunicorn worker: waitress reads every request whole before a thread runs the app.

gunicorn's sync worker reads a request on the thread that then runs the model, so a client that
sends its headers or body slowly holds the worker (gunicorn's own guide puts sync workers behind
a buffering proxy). This worker keeps gunicorn's arbiter (preloaded model, restarts, graceful
shutdown) and serves its listening sockets with waitress: an event loop reads each connection
as its bytes arrive, and only a complete request, body included, reaches one of the worker's
threads. A request not read whole within ``REQUEST_READ_TIMEOUT`` seconds of its first byte is
dropped; errors waitress answers itself (oversized headers or bodies, malformed framing) are
problem+json like the app's.
"""

from __future__ import annotations

import json
import os
import time
from http import HTTPStatus
from typing import Any

from gunicorn.workers.base import Worker
from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher

from service.api.problems import PROBLEM_MIMETYPE
from service.config import load_config

LOOP_SECONDS = 0.5


class ProblemErrorTask(ErrorTask):
    """waitress' answer to a request it refuses, as an RFC 7807 problem."""

    def execute(self) -> None:
        """Write the refusal (status from waitress, body as problem+json) and close."""
        error = self.request.error
        body = json.dumps(
            {
                "type": "about:blank",
                "title": HTTPStatus(error.code).phrase,
                "status": error.code,
                "detail": f"{error.reason}: {error.body}.",
            }
        ).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend(
            [("Content-Type", PROBLEM_MIMETYPE), ("X-Content-Type-Options", "nosniff")]
        )
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class ReadTimedChannel(HTTPChannel):
    """A waitress connection that notes when the request it is reading began to arrive."""

    error_task_class = ProblemErrorTask
    reading_since: float | None = None

    def received(self, data: bytes) -> bool:
        """Buffer ``data``; the clock starts at a request's first byte, stops once it is whole."""
        if data and self.request is None and self.reading_since is None:
            self.reading_since = time.monotonic()
        accepted = super().received(data)
        if self.request is None:
            self.reading_since = None
        return accepted


class ReadTimedServer(TcpWSGIServer):
    """waitress on a socket gunicorn bound, closing connections too slow to send a request."""

    channel_class = ReadTimedChannel
    read_timeout = 10.0

    def maintenance(self, now: float) -> None:
        """Close idle connections (waitress) and those still reading a request past the timeout."""
        super().maintenance(now)
        cutoff = time.monotonic() - self.read_timeout
        for channel in list(self.active_channels.values()):
            if channel.reading_since is not None and channel.reading_since < cutoff:
                channel.will_close = True


def waitress_adjustments(config: dict[str, Any]) -> dict[str, Any]:
    """waitress settings from the service configuration.

    config (dict[str, Any]): the mapping built by :func:`service.config.load_config`.
    RETURNS (dict[str, Any]): keyword arguments of ``waitress.adjustments.Adjustments``.
    """
    return {
        "threads": config["WORKER_THREADS"],
        "connection_limit": config["MAX_CONNECTIONS"],
        "channel_timeout": config["KEEPALIVE_TIMEOUT"],
        "cleanup_interval": 1,
        "max_request_header_size": config["MAX_HEADER_BYTES"],
        "max_request_body_size": max(
            config["MAX_CONTENT_LENGTH"], config["MAX_BATCH_CONTENT_LENGTH"]
        ),
        "ident": "timeline",
        "asyncore_use_poll": True,
        "expose_tracebacks": False,
    }


class BufferingWorker(Worker):
    """A gunicorn worker serving its sockets with waitress and a few app threads."""

    def run(self) -> None:
        """Serve until told to stop, then let the requests in flight finish (graceful timeout)."""
        config = load_config()
        adjustments = Adjustments(**waitress_adjustments(config))
        channels: dict[int, Any] = {}
        dispatcher = ThreadedTaskDispatcher()
        dispatcher.set_thread_count(adjustments.threads)
        servers = []
        for listener in self.sockets:
            server = ReadTimedServer(
                self._counted(self.wsgi),
                channels,
                True,
                listener.sock,
                dispatcher=dispatcher,
                adj=adjustments,
                bind_socket=False,
                sockinfo=(listener.sock.family, listener.sock.type, 0, listener.sock.getsockname()),
            )
            server.read_timeout = config["REQUEST_READ_TIMEOUT"]
            servers.append(server)
        parent = os.getppid()
        while self.alive:
            self.notify()
            wasyncore.loop(timeout=LOOP_SECONDS, map=channels, use_poll=True, count=1)
            if os.getppid() != parent or (self.max_requests and self.nr >= self.max_requests):
                self.alive = False
        self._drain(servers, channels, dispatcher)

    def _counted(self, app: Any) -> Any:
        def counted(environ: dict[str, Any], start_response: Any) -> Any:
            self.nr += 1
            return app(environ, start_response)

        return counted

    def _drain(self, servers: list[ReadTimedServer], channels: dict, dispatcher: Any) -> None:
        """Stop accepting, then serve what was already read until it is answered or time is up."""
        for server in servers:
            server.accepting = False
            server.del_channel(channels)
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < deadline and any(
            getattr(channel, "requests", None) or getattr(channel, "total_outbufs_len", 0)
            for channel in channels.values()
        ):
            self.notify()
            wasyncore.loop(timeout=LOOP_SECONDS, map=channels, use_poll=True, count=1)
        dispatcher.shutdown(cancel_pending=True, timeout=1)
