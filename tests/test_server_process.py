"""`python -m service` as a process: honours PORT, serves, finishes in-flight work on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server():
    port = free_port()
    env = {**os.environ, "PORT": str(port), "WEB_CONCURRENCY": "1", "WARMUP": "false"}
    process = subprocess.Popen(
        [sys.executable, "-m", "service"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/readyz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    yield process, base
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


def post(base: str, text: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{base}/v1/timeline",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read())


@pytest.mark.timeout(120)
def test_sigterm_lets_the_in_flight_request_finish(server, mattis_article):
    process, base = server
    outcome: dict = {}

    def send() -> None:
        outcome["status"], outcome["body"] = post(
            base, mattis_article * 30
        )  # under MAX_TEXT_TOKENS

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.5)  # the request is being processed
    process.send_signal(signal.SIGTERM)
    sender.join(timeout=60)
    assert outcome.get("status") == 200
    assert outcome["body"]["time_expressions"]
    assert process.wait(timeout=60) == 0
