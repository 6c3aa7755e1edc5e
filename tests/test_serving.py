"""The shipped server under slow and malformed clients, as a real `python -m service` process.

One worker process: before requests were read whole, one slow client was enough to stall it.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from live_server import live_server

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with live_server(REQUEST_READ_TIMEOUT="3") as (_, url):
        yield url


def address(base: str) -> tuple[str, int]:
    host, port = base.removeprefix("http://").split(":")
    return host, int(port)


def exchange(base: str, data: bytes) -> bytes:
    """Send raw bytes, return what the server answers until it closes.

    The server may answer and close before reading all of an oversized request; the rest of the
    request then meets a reset, which ends the exchange like a close.
    """
    answer = b""
    with socket.create_connection(address(base), timeout=15) as connection:
        try:
            connection.sendall(data)
            while chunk := connection.recv(65536):
                answer += chunk
        except (ConnectionResetError, BrokenPipeError):
            with contextlib.suppress(OSError):
                answer += connection.recv(65536)
    return answer


def status_and_type(answer: bytes) -> tuple[int, str]:
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:])
    return int(head[0].split()[1]), headers.get("Content-Type", "")


def test_slow_clients_do_not_hold_the_worker(base):
    slow = []
    for number in range(12):  # headers one byte at a time, never finished
        connection = socket.create_connection(address(base))
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow-%d: " % number)
        slow.append(connection)
    for _ in range(4):  # a body announced as 500 000 bytes, barely started
        connection = socket.create_connection(address(base))
        connection.sendall(
            b"POST /v1/timeline HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 500000\r\n\r\n{"text": "'
        )
        slow.append(connection)
    try:
        for connection in slow:
            connection.sendall(b"a")
        with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
            assert response.status == 200
        request = urllib.request.Request(
            f"{base}/v1/timeline",
            data=json.dumps(
                {"text": "They met on Tuesday.", "document_date": "2017-05-09"}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.loads(response.read())["time_expressions"][0]["value"] == "2017-05-09"
    finally:
        for connection in slow:
            connection.close()


def test_a_request_not_sent_whole_within_the_read_timeout_is_dropped(base):
    with socket.create_connection(address(base), timeout=15) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        assert connection.recv(1024) == b""  # closed, without an answer
        assert time.monotonic() - started < 14


def test_a_complete_request_sent_slowly_within_the_timeout_is_answered(base):
    with socket.create_connection(address(base), timeout=15) as connection:
        for piece in (b"GET /healthz HTTP/1.1\r\n", b"Host: x\r\n", b"Connection: close\r\n\r\n"):
            connection.sendall(piece)
            time.sleep(0.3)
        assert connection.recv(1024).startswith(b"HTTP/1.1 200")


def chunked(size: int) -> bytes:
    piece = b"x" * 65536
    return b"".join(b"%x\r\n" % len(piece) + piece + b"\r\n" for _ in range(size // 65536))


@pytest.mark.parametrize(
    ("name", "request_bytes", "status"),
    [
        ("chunked body over the limit", b"POST /v1/timeline HTTP/1.1\r\nHost: x\r\n"
         b"Transfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close"
         b"\r\n\r\n" + chunked(2 * 1_048_576) + b"0\r\n\r\n", 413),
        ("chunked body over the batch limit", b"POST /v1/timelines HTTP/1.1\r\nHost: x\r\n"
         b"Transfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close"
         b"\r\n\r\n" + chunked(5 * 1_048_576) + b"0\r\n\r\n", 413),
        ("long request line", b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 431),
        ("large headers", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: " + b"b" * 20_000
         + b"\r\n\r\n", 431),
        ("control character in a header", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x01b"
         b"\r\n\r\n", 400),
        ("Content-Length with Transfer-Encoding", b"POST /v1/timeline HTTP/1.1\r\nHost: x\r\n"
         b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n"
         b"Connection: close\r\n\r\n0\r\n\r\n", 400),
    ],
)  # fmt: skip
def test_errors_the_server_answers_itself_are_problems(base, name, request_bytes, status):
    assert status_and_type(exchange(base, request_bytes)) == (status, PROBLEM)


def test_the_time_budget_holds_on_the_app_threads(mattis_article):
    with live_server(REQUEST_TIME_BUDGET="0.05") as (_, url):
        request = urllib.request.Request(
            f"{url}/v1/timeline",
            data=json.dumps({"text": mattis_article * 20}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=60)
        assert refused.value.code == 503
        assert refused.value.headers["Content-Type"] == PROBLEM
        with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
            assert response.status == 200
