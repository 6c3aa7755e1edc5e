"""Shared helpers of the benchmarks: the corpus, article builders, a loopback server, RSS, tables.

Every server started here listens on 127.0.0.1 only and is stopped by ``Server.stop`` (also on
error, through the context manager).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The code measured: this checkout, or a copy of it named by TIMELINE_ROOT (a frozen tree while
# others edit this one). The corpus is always ../shared/data next to this checkout.
CHECKOUT = Path(__file__).resolve().parent.parent
ROOT = Path(os.environ.get("TIMELINE_ROOT") or CHECKOUT).resolve()
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.corpora.timeml import TimeMLDocument, read_timeml_dir  # noqa: E402

DATA_DIR = CHECKOUT.parent / "shared" / "data" / "tempeval3"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def read_corpus(limit: int | None = None, directory: Path = DATA_DIR) -> list[TimeMLDocument]:
    """The TimeML documents under ``directory`` (text of <TEXT> and DCT), sorted by path."""
    docs = read_timeml_dir(directory, limit)
    if not docs:
        raise SystemExit(f"no *.tml files under {directory}")
    return docs


def paragraphs(docs: Iterable[TimeMLDocument]) -> list[str]:
    """Non-empty paragraphs (blank-line or newline separated) of the documents' texts."""
    found = []
    for doc in docs:
        for block in re.split(r"\n\s*\n|\n", doc.text):
            block = " ".join(block.split())
            if len(block.split()) >= 8:
                found.append(block)
    return found


def sentences(docs: Iterable[TimeMLDocument]) -> list[str]:
    """Sentences of the documents' texts (a simple punctuation split, good enough for load)."""
    return [s for p in paragraphs(docs) for s in _SENTENCE_END.split(p) if len(s.split()) >= 4]


def build_articles(
    docs: Sequence[TimeMLDocument], count: int, words: int = 1000, seed: int = 7
) -> list[str]:
    """``count`` articles of about ``words`` words, each paragraphs of the corpus in a new order."""
    rng = random.Random(seed)
    pool = paragraphs(docs)
    articles = []
    for _ in range(count):
        chosen: list[str] = []
        total = 0
        while total < words:
            paragraph = rng.choice(pool)
            chosen.append(paragraph)
            total += len(paragraph.split())
        articles.append("\n\n".join(chosen))
    return articles


_SYLLABLES = ("ka", "zu", "mir", "tol", "ven", "dra", "qui", "sel", "bor", "nax", "lu", "fen")


def made_up_name(rng: random.Random) -> str:
    """A capitalised nonsense name (e.g. "Kazumir Tolven"), new to any vocabulary."""

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return f"{word()} {word()}"


def distinct_text(pool: Sequence[str], rng: random.Random, sentences_per_text: int = 12) -> str:
    """A text no earlier call produced: shuffled corpus sentences, made-up names and numbers."""
    picked = rng.sample(pool, sentences_per_text)
    out = []
    for sentence in picked:
        roll = rng.random()
        if roll < 0.5:
            sentence = f"{made_up_name(rng)} said {sentence[0].lower()}{sentence[1:]}"
        elif roll < 0.8:
            sentence = f"{sentence} The figure was {rng.randint(10, 10**7):,} ({rng.random():.4f})."
        out.append(sentence)
    out.append(f"Reference {rng.getrandbits(64):x}-{made_up_name(rng).replace(' ', '')}.")
    return " ".join(out)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proc_memory_kb(pid: int) -> dict[str, int]:
    """VmRSS (from /proc/PID/status) and Pss, Shared_*, Private_* (from smaps_rollup), in kB."""
    memory: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                memory["rss"] = int(line.split()[1])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Pss", "Shared_Clean", "Shared_Dirty", "Private_Clean", "Private_Dirty"):
                memory[key.lower()] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return memory


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_pids(pid: int) -> list[int]:
    """Direct children of ``pid`` (gunicorn's workers when ``pid`` is the master)."""
    children: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        return []
    return sorted(children)


@dataclass
class Server:
    """``python -m service`` (gunicorn, preloaded) on a free loopback port; log in ``log_path``."""

    workers: int = 1
    env: dict[str, str] = field(default_factory=dict)
    log_path: Path = Path("/tmp/timeline-bench-server.log")
    port: int = 0
    process: subprocess.Popen | None = None

    def start(self, ready_timeout: float = 180.0) -> Server:
        """Start the server and wait until /readyz answers 200 and every worker is up."""
        self.port = self.port or free_port()
        env = {
            **os.environ,
            "PORT": str(self.port),
            "WEB_CONCURRENCY": str(self.workers),
            "LOG_LEVEL": "INFO",
            **self.env,
        }
        # service.server binds 0.0.0.0:PORT (no host setting); the clients here use 127.0.0.1.
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "service"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early; see {self.log_path}")
            if len(self.worker_pids()) >= self.workers and self._ready():
                return self
            time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"server not ready in {ready_timeout}s; see {self.log_path}")

    def _ready(self) -> bool:
        try:
            status, _ = request("127.0.0.1", self.port, "GET", "/readyz", timeout=2)
        except OSError:
            return False
        return status == 200

    def worker_pids(self) -> list[int]:
        """The gunicorn worker processes."""
        return child_pids(self.process.pid) if self.process else []

    def worker_cpu_seconds(self) -> float:
        """CPU seconds used so far by the current workers, together."""
        return sum(cpu_seconds(pid) for pid in self.worker_pids())

    def boots(self) -> int:
        """How many times gunicorn logged "Booting worker" (workers + restarts)."""
        return self.log_path.read_text(errors="replace").count("Booting worker")

    def memory(self) -> dict[str, Any]:
        """Memory of the master and each worker, in MiB: RSS, PSS and the totals."""
        master = proc_memory_kb(self.process.pid) if self.process else {}
        workers = [proc_memory_kb(pid) for pid in self.worker_pids()]
        everyone = [master, *workers]
        return {
            "master_rss": master.get("rss", 0) / 1024,
            "worker_rss": [w.get("rss", 0) / 1024 for w in workers],
            "worker_pss": [w.get("pss", 0) / 1024 for w in workers],
            "worker_private": [
                (w.get("private_clean", 0) + w.get("private_dirty", 0)) / 1024 for w in workers
            ],
            "total_rss": sum(m.get("rss", 0) for m in everyone) / 1024,
            "total_pss": sum(m.get("pss", 0) for m in everyone) / 1024,
        }

    def stop(self) -> None:
        """SIGTERM the master (graceful), then SIGKILL the process group if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def request(
    host: str,
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 120.0,
) -> tuple[int, bytes]:
    """One HTTP request on a new connection; returns (status, body)."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


JSON_HEADERS = {"Content-Type": "application/json"}


def timeline_body(text: str, document_date: str | None = None) -> bytes:
    """The JSON body of a POST /v1/timeline request."""
    payload: dict[str, Any] = {"text": text}
    if document_date:
        payload["document_date"] = document_date
    return json.dumps(payload).encode()


@dataclass
class LoadResult:
    """What a load run measured."""

    latencies_ms: list[float]
    statuses: Counter
    elapsed_s: float
    errors: Counter

    @property
    def rate(self) -> float:
        """Completed requests per second."""
        return len(self.latencies_ms) / self.elapsed_s if self.elapsed_s else 0.0


def run_load(
    port: int,
    next_body: Callable[[int], bytes],
    concurrency: int,
    duration_s: float,
    max_requests: int | None = None,
    headers: dict[str, str] | None = None,
    on_response: Callable[[int, int, bytes], None] | None = None,
) -> LoadResult:
    """Closed-loop load: ``concurrency`` threads POST /v1/timeline until time or count runs out.

    next_body (Callable[[int], bytes]): the body of request number i.
    on_response (Callable | None): called with (i, status, body) after each response.
    """
    lock = threading.Lock()
    counter = iter(range(10**9))
    latencies: list[float] = []
    statuses: Counter = Counter()
    errors: Counter = Counter()
    stop_at = time.monotonic() + duration_s

    def worker() -> None:
        while time.monotonic() < stop_at:
            with lock:
                i = next(counter)
            if max_requests is not None and i >= max_requests:
                return
            body = next_body(i)
            started = time.perf_counter()
            try:
                status, payload = request(
                    "127.0.0.1", port, "POST", "/v1/timeline", body, headers or JSON_HEADERS
                )
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors[type(error).__name__] += 1
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[status] += 1
            if on_response is not None:
                on_response(i, status, payload)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return LoadResult(latencies, statuses, time.monotonic() - started, errors)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    """The median; NaN when empty."""
    return statistics.median(values) if values else float("nan")


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A markdown table; floats with two decimals unless already formatted."""

    def cell(value: object) -> str:
        return f"{value:.2f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def load_average() -> str:
    """The 1-minute load average."""
    return Path("/proc/loadavg").read_text().split()[0]


def machine_note() -> str:
    """CPU count and load averages, to print under every table (the machine is shared)."""
    load = Path("/proc/loadavg").read_text().split()[:3]
    return f"machine: {os.cpu_count()} CPUs, load average {' '.join(load)} (1/5/15 min)"
