"""Documents/s of ``timeline batch`` on the 256 TempEval-3 documents: the local engine with 1 and 2
worker processes, and Dask (a LocalCluster) with 2 workers; peak RSS of each worker process.

Usage: .venv/bin/python bench/batch_engines.py [--limit N] [--repeats 1]

Each run is the whole command (``python -m service.cli batch IN OUT --quiet``, a fresh output
folder): wall-clock documents/s include starting the workers and loading the model in each. The
start-up is measured apart by the same command on ``workers`` one-document records, so the table
also gives the rate once running: (N - w) / (T_N - T_w). Peak RSS is each process's VmHWM, read
every 0.2 s; the worker processes are the largest of the command's descendants (a Dask worker's
nanny and the client are listed apart). CPU seconds of all the command's processes, over the
wall-clock seconds, say how many cores the run had: on a shared machine a second worker scales
only as far as a second core is free. Targets: local 2 >= 1.8x local 1; dask 2 >= 0.85x local 2.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, cpu_seconds, machine_note, median, read_corpus, table

from service.corpora.timeml import TimeMLDocument

CONFIGURATIONS = (("local", 1), ("local", 2), ("dask", 2))


def write_input(docs: list[TimeMLDocument], path: Path) -> None:
    """The documents as batch JSON Lines (id, text, document_date)."""
    with path.open("w", encoding="utf-8") as stream:
        for doc in docs:
            date = doc.dct.isoformat() if doc.dct is not None else None
            stream.write(json.dumps({"id": doc.doc_id, "text": doc.text, "document_date": date}))
            stream.write("\n")


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        try:
            for task in Path(f"/proc/{parent}/task").iterdir():
                children = [int(c) for c in (task / "children").read_text().split()]
                found += children
                queue += children
        except OSError:
            continue
    return found


def peak_rss_mib(pid: int) -> float | None:
    """VmHWM of ``pid`` in MiB, or None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def run(
    engine: str, workers: int, source: Path, output: Path
) -> tuple[float, dict[int, float], float]:
    """Seconds of one ``timeline batch`` command, the peak RSS (MiB) of each process, and the
    CPU seconds of every process (as last seen: a process's CPU until 0.2 s before it ended)."""
    command = [sys.executable, "-m", "service.cli", "batch", str(source), str(output)]
    command += ["--engine", engine, "--workers", str(workers), "--quiet"]
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    while process.poll() is None:
        for pid in [process.pid, *descendants(process.pid)]:
            peak = peak_rss_mib(pid)
            if peak is not None:
                peaks[pid] = max(peaks.get(pid, 0.0), peak)
                cpu[pid] = max(cpu.get(pid, 0.0), cpu_seconds(pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with {process.returncode}")
    peaks[0] = peaks.pop(process.pid, 0.0)  # the client, under key 0
    return seconds, peaks, sum(cpu.values())


def count_written(output: Path) -> int:
    """Documents in the part files."""
    return sum(len(p.read_text().splitlines()) for p in output.glob("part-*.jsonl"))


def main() -> None:
    """Run each configuration on the corpus and on a start-up input; print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="first N documents (default: all)")
    parser.add_argument("--repeats", type=int, default=1, help="runs per configuration (median)")
    args = parser.parse_args()
    docs = read_corpus(args.limit)
    rows, rates = [], {}
    with tempfile.TemporaryDirectory(prefix="timeline-batch-bench-") as folder:
        work = Path(folder)
        write_input(docs, work / "corpus.jsonl")
        for _, workers in CONFIGURATIONS:
            write_input(docs[:workers], work / f"startup-{workers}.jsonl")
        results: dict[tuple[str, int], list[tuple[float, float, dict[int, float], float]]] = {}
        for repeat in range(args.repeats):
            for engine, workers in CONFIGURATIONS:
                name = f"{engine}-{workers}-{repeat}"
                startup, _, _ = run(engine, workers, work / f"startup-{workers}.jsonl", work / name)
                seconds, peaks, cpu = run(
                    engine, workers, work / "corpus.jsonl", work / f"{name}-all"
                )
                assert count_written(work / f"{name}-all") == len(docs)
                results.setdefault((engine, workers), []).append((seconds, startup, peaks, cpu))
                print(f"done: {name} {seconds:.1f} s (start-up {startup:.1f} s)", file=sys.stderr)
    for (engine, workers), runs in results.items():
        seconds = median([r[0] for r in runs])
        startup = median([r[1] for r in runs])
        running = (len(docs) - workers) / max(seconds - startup, 1e-9)
        cpu = median([r[3] for r in runs])
        rates[engine, workers] = (len(docs) / seconds, running)
        peaks = runs[-1][2]
        others = sorted((v for k, v in peaks.items() if k), reverse=True)
        worker_peaks = " / ".join(f"{v:.0f}" for v in others[:workers])
        rest = " / ".join(f"{v:.0f}" for v in others[workers:]) or "-"
        rows.append(
            (
                f"{engine}, {workers} worker{'s' * (workers > 1)}",
                f"{seconds:.1f}",
                f"{startup:.1f}",
                f"{len(docs) / seconds:.1f}",
                f"{running:.1f}",
                f"{cpu:.0f} ({cpu / seconds:.2f})",
                worker_peaks,
                f"{peaks[0]:.0f}",
                rest,
            )
        )
    print(f"## timeline batch: {len(docs)} TempEval-3 documents, median of {args.repeats}")
    print(
        table(
            [
                "engine",
                "seconds",
                "start-up s",
                "documents/s (wall)",
                "documents/s (running)",
                "CPU s, all processes (cores busy)",
                "worker peak RSS MiB",
                "client MiB",
                "other processes MiB",
            ],
            rows,
        )
    )
    for label, index in (("wall", 0), ("running", 1)):
        local = rates["local", 2][index] / rates["local", 1][index]
        dask = rates["dask", 2][index] / rates["local", 2][index]
        print(f"{label}: local 2 / local 1 = {local:.2f}x (target 1.8), dask/local {dask:.2f}")
    print(machine_note())


if __name__ == "__main__":
    main()
