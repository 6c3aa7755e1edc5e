"""`python -m service` as a process: honours PORT, serves, finishes in-flight work on SIGTERM."""

from __future__ import annotations

import json
import signal
import threading
import time
import urllib.request

import pytest
from live_server import live_server


@pytest.fixture
def server():
    with live_server() as running:
        yield running


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
            base, mattis_article * 25
        )  # under MAX_TEXT_TOKENS

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.5)  # the request is being processed
    process.send_signal(signal.SIGTERM)
    sender.join(timeout=60)
    assert outcome.get("status") == 200
    assert outcome["body"]["time_expressions"]
    assert process.wait(timeout=60) == 0


def test_a_stopped_server_leaves_no_metrics_folder_behind(tmp_path):
    with live_server(TMPDIR=str(tmp_path)) as (process, base):
        urllib.request.urlopen(f"{base}/metrics", timeout=10).read()
        assert list(tmp_path.glob("timeline-metrics-*"))  # the workers share one while it runs
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    assert not list(tmp_path.glob("timeline-metrics-*"))


def test_the_server_says_where_it_answers_once_ready():
    with live_server() as (process, base):
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        output = process.stdout.read()
    port = base.rsplit(":", 1)[1]
    assert f"timeline is serving at http://127.0.0.1:{port}/ (API page: " in output


def test_a_running_server_opens_no_host_wide_control_socket(tmp_path):
    with live_server(HOME=str(tmp_path), XDG_RUNTIME_DIR="") as (process, base):
        assert urllib.request.urlopen(f"{base}/healthz", timeout=10).status == 200
        process.send_signal(signal.SIGTERM)  # the master handles it after its start-up
        assert process.wait(timeout=60) == 0
    assert not (tmp_path / ".gunicorn").exists()
