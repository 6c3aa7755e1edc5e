"""`timeline batch`: both engines give the API's answers and problems, stories, and resumption.

The engines run for real (two local worker processes, a two-worker Dask LocalCluster), each
worker loading the real model; the same records go through the Flask app for comparison.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.cli.main import main
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (FIXTURES / "mattis_copenhagen.txt").read_text(encoding="utf-8")
API_FIELDS = {"id", "text", "document_date", "language", "annotations"}

GOOD = [
    {
        "id": "a1",
        "story": "talks",
        "text": "Tue May 9, 2017\n\nJim Mattis meets coalition members in Copenhagen on Tuesday.",
    },
    {
        "id": "a2",
        "story": "talks",
        "document_date": "2017-05-10",
        "text": "Mattis met coalition members in Copenhagen on Tuesday and will meet them in June.",
    },
    {
        "id": "a3",
        "story": "earnings",
        "document_date": "2016-03-04",
        "text": "Apple reported its earnings on Thursday, a day after the launch.",
    },
    {"id": "a4", "text": "Officials said talks would resume next week.", "source": "wire"},
]
# Each with the problem's status; the JSON line that is not JSON is written raw.
BAD = [
    ({"id": "b1", "text": " \n\t "}, 422),
    ({"id": "a1", "text": "A second record with the id of the first."}, 422),
    ({"id": "b3", "text": "They met on Friday.", "document_date": "2017-02-30"}, 422),
    ({"text": "A record without an id."}, 422),
    (["not", "an", "object"], 422),
    ({"id": "b6", "text": "Signed in 2015.", "annotations": ["dates"]}, 422),
    ('{"id": "b7", "text": "cut short', 400),
]


def write_records(path: Path, records: list, compress: bool = False) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if compress else data)


def read_lines(folder: Path, prefix: str) -> list[dict]:
    lines = []
    for path in sorted(folder.glob(f"{prefix}-*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as stream:
            lines.extend(json.loads(line) for line in stream)
    return lines


def run_batch(*args: str) -> int:
    return main(["batch", *map(str, args), "--quiet"])


@pytest.fixture(scope="module")
def records() -> list:
    mixed = [GOOD[0], BAD[0][0], GOOD[1], BAD[1][0], BAD[2][0], GOOD[2], BAD[3][0]]
    return [*mixed, BAD[4][0], GOOD[3], BAD[5][0], BAD[6][0]]


@pytest.fixture(scope="module")
def runs(records, tmp_path_factory) -> dict[str, Path]:
    """The same records through both engines (the dask run reads them gzipped), by stories."""
    folder = tmp_path_factory.mktemp("batch")
    write_records(folder / "in.jsonl", records)
    write_records(folder / "in.jsonl.gz", records, compress=True)
    story = ["--story-key", "story", "--actor", "Jim Mattis", "--workers", "2"]
    local, dask = folder / "local", folder / "dask"
    assert run_batch(folder / "in.jsonl", local, "--engine", "local", *story) == 0
    assert run_batch(folder / "in.jsonl.gz", dask, "--engine", "dask", "--gzip", *story) == 0
    return {"local": local, "dask": dask}


def test_both_engines_write_identical_results_stories_and_errors(runs):
    by_id = {
        name: sorted(read_lines(f, "part"), key=lambda r: r["document"]["id"])
        for name, f in runs.items()
    }
    assert [r["document"]["id"] for r in by_id["local"]] == ["a1", "a2", "a3", "a4"]
    assert by_id["local"] == by_id["dask"]
    stories = {
        name: sorted(read_lines(f, "story"), key=lambda s: s["story"]) for name, f in runs.items()
    }
    assert [s["story"] for s in stories["local"]] == ["earnings", "talks"]
    assert stories["local"] == stories["dask"]
    errors = {name: (f / "errors.jsonl").read_text() for name, f in runs.items()}
    assert errors["local"] == errors["dask"]
    assert sorted(p.name for p in runs["dask"].iterdir() if p.suffix == ".gz")
    assert not [p for f in runs.values() for p in f.iterdir() if p.name.endswith(".tmp")]


def test_each_result_is_what_the_api_answers(runs, app):
    client = app.test_client()
    results = {r["document"]["id"]: r for r in read_lines(runs["local"], "part")}
    for record in GOOD:
        body = {k: v for k, v in record.items() if k in API_FIELDS}
        assert results[record["id"]] == client.post("/v1/timeline", json=body).get_json()


def test_each_bad_record_has_its_line_id_and_the_api_problem(runs, records, app):
    client = app.test_client()
    errors = [
        json.loads(line) for line in (runs["local"] / "errors.jsonl").read_text().splitlines()
    ]
    bad_lines = [i for i, r in enumerate(records, start=1) if r not in GOOD]
    assert [e["line"] for e in errors] == bad_lines
    assert [e["problem"]["status"] for e in errors] == [status for _, status in BAD]
    assert [e["id"] for e in errors] == ["b1", "a1", "b3", None, None, "b6", None]
    for error, (record, _) in zip(errors, BAD, strict=True):
        if record is BAD[1][0] or record is BAD[3][0]:
            continue  # duplicate and missing ids are batch rules: checked below
        sent = json.dumps(record) if not isinstance(record, str) else record
        answer = client.post("/v1/timeline", data=sent, content_type="application/json")
        expected = answer.get_json()
        expected.pop("request_id")
        assert error["problem"] == expected
    assert errors[1]["problem"]["errors"] == {"json": {"id": ["Duplicate document id 'a1'."]}}
    missing = {"json": {"id": ["Missing data for required field."]}}
    assert errors[3]["problem"]["errors"] == missing


def test_a_story_is_what_v1_timelines_answers_for_its_documents(runs, app):
    client = app.test_client()
    stories = {s["story"]: s for s in read_lines(runs["local"], "story")}
    talks = [r for r in GOOD if r.get("story") == "talks"]
    body = {
        "documents": [{k: v for k, v in r.items() if k in API_FIELDS} for r in talks],
        "actors": ["Jim Mattis"],
    }
    answer = client.post("/v1/timelines", json=body).get_json()
    assert stories["talks"]["documents"] == ["a1", "a2"]
    assert stories["talks"]["timeline"] == answer["timeline"]
    assert stories["talks"]["actor_timelines"] == answer["actor_timelines"]
    assert stories["talks"]["actor_timelines"][0]["entries"]
    assert "a4" not in {d for s in stories.values() for d in s["documents"]}


def test_an_output_folder_in_use_is_refused_without_resume(runs, tmp_path, capsys):
    write_records(tmp_path / "in.jsonl", GOOD)
    assert run_batch(tmp_path / "in.jsonl", runs["local"]) == 2
    assert "--resume" in capsys.readouterr().err


def test_a_killed_run_resumed_loses_and_repeats_nothing(tmp_path):
    texts = [ARTICLE[: 400 + 60 * i] for i in range(24)]
    records = [
        {"id": f"d{i:02d}", "text": t, "document_date": "2017-05-09"} for i, t in enumerate(texts)
    ]
    records[5] = {"id": "d05", "text": "   "}  # bad records are reported once, not twice
    write_records(tmp_path / "in.jsonl", records)
    output = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "service.cli",
        "batch",
        str(tmp_path / "in.jsonl"),
        str(output),
    ]
    process = subprocess.Popen(
        [*command, "--partition-size", "1", "--quiet"], cwd=ROOT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while not list(output.glob("part-00002.jsonl")) and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    before = {r["document"]["id"] for r in read_lines(output, "part")}
    assert 3 <= len(before) < 23, "the run was killed part way"
    assert run_batch(tmp_path / "in.jsonl", output, "--resume", "--partition-size", "4") == 0
    ids = [r["document"]["id"] for r in read_lines(output, "part")]
    assert sorted(ids) == sorted(r["id"] for i, r in enumerate(records) if i != 5)
    assert len(ids) == len(set(ids))
    errors = (output / "errors.jsonl").read_text().splitlines()
    assert [json.loads(e)["line"] for e in errors] == [6]
    assert not [p for p in output.iterdir() if p.name.endswith(".tmp")]


def test_a_text_over_the_limits_is_refused_as_the_api_refuses_it_and_its_partition_goes_on(
    tmp_path, monkeypatch, make_app
):
    limits = {"MAX_TEXT_TOKENS": 20, "MAX_TEXT_CHARS": 300}
    for name, value in limits.items():
        monkeypatch.setenv(name, str(value))
    records = [
        {"id": "short", "text": "The talks resume on Friday.", "document_date": "2017-05-09"},
        {"id": "tokens", "text": "1-2-3-4-5-6-7-8-9-10-11-12 were signed on Monday."},
        {"id": "characters", "text": "They met on Monday. " * 16},
        {"id": "after", "text": "Signed on 3 March 2016.", "annotations": ["time_expressions"]},
    ]
    write_records(tmp_path / "in.jsonl", records)
    output = tmp_path / "out"
    assert run_batch(tmp_path / "in.jsonl", output, "--partition-size", "4") == 0
    written = {r["document"]["id"]: r for r in read_lines(output, "part")}
    errors = [json.loads(line) for line in (output / "errors.jsonl").read_text().splitlines()]
    client = make_app(**limits).test_client()
    assert sorted(written) == ["after", "short"]
    assert [e["id"] for e in errors] == ["characters", "tokens"]  # the client's check comes first
    for error in errors:
        record = records[error["line"] - 1]
        answer = client.post("/v1/timeline", json=record).get_json()
        answer.pop("request_id")
        assert error["problem"] == answer
    assert written["after"] == client.post("/v1/timeline", json=records[3]).get_json()
