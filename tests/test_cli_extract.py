"""`timeline extract`: one document from stdin or a file, printed as POST /v1/timeline answers."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli.formats import FORMATS
from service.cli.main import build_parser, main
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (FIXTURES / "mattis_copenhagen.txt").read_text(encoding="utf-8")


def run_extract(monkeypatch, capsysbinary, args: list[str], stdin: bytes = b""):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = main(["extract", *args])
    captured = capsysbinary.readouterr()
    return status, captured.out, captured.err


def without_request_id(body: bytes) -> dict:
    problem = json.loads(body)
    problem.pop("request_id")
    return problem


def test_stdin_prints_the_api_body_byte_for_byte(client, monkeypatch, capsysbinary):
    status, out, err = run_extract(
        monkeypatch, capsysbinary, ["-", "--date", "2017-05-09"], ARTICLE.encode()
    )
    answer = client.post("/v1/timeline", json={"text": ARTICLE, "document_date": "2017-05-09"})
    assert (status, err) == (0, b"")
    assert out == answer.data
    assert json.loads(out)["time_expressions"]


@pytest.mark.parametrize("name", ["timelinejs", "timeml", "csv", "jsonld"])
def test_every_export_format_prints_what_the_api_answers(client, monkeypatch, capsysbinary, name):
    args = ["-", "--date", "2017-05-09", "--format", name]
    status, out, _ = run_extract(monkeypatch, capsysbinary, args, ARTICLE.encode())
    answer = client.post(
        f"/v1/timeline?format={name}", json={"text": ARTICLE, "document_date": "2017-05-09"}
    )
    assert status == 0
    assert out.decode().strip() == answer.get_data(as_text=True).strip()


def test_file_with_id_and_time_only(client, monkeypatch, capsysbinary, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Officials in Paris said talks will resume on Friday.", encoding="utf-8")
    args = [str(path), "--date", "2017-05-09", "--id", "n1", "--annotations", "time_expressions"]
    status, out, _ = run_extract(monkeypatch, capsysbinary, args)
    answer = client.post(
        "/v1/timeline",
        json={
            "text": path.read_text(),
            "document_date": "2017-05-09",
            "id": "n1",
            "annotations": ["time_expressions"],
        },
    )
    body = json.loads(out)
    assert status == 0
    assert out == answer.data
    assert body["annotations"] == ["time_expressions"]
    assert body["entities"] == [] and body["time_expressions"][0]["value"] == "2017-05-12"


@pytest.mark.parametrize(
    ("stdin", "args", "request_body"),
    [
        (b"They met on Tuesday.", ["--date", "2017-13-45"], {"document_date": "2017-13-45"}),
        (b"  \n\t ", [], {}),
    ],
    ids=["bad date", "white space"],
)
def test_a_bad_document_prints_the_api_problem_and_fails(
    client, monkeypatch, capsysbinary, stdin, args, request_body
):
    status, out, err = run_extract(monkeypatch, capsysbinary, ["-", *args], stdin)
    answer = client.post("/v1/timeline", json={"text": stdin.decode(), **request_body})
    assert (status, out) == (1, b"")
    assert answer.status_code == 422
    assert json.loads(err) == without_request_id(answer.data)


def test_text_that_is_not_utf8_is_a_400_problem(monkeypatch, capsysbinary):
    status, out, err = run_extract(monkeypatch, capsysbinary, ["-"], b"caf\xe9 on Monday")
    assert (status, out) == (1, b"")
    assert json.loads(err)["status"] == 400


def test_format_choices_come_from_the_formats_table():
    parser = build_parser()
    for name in FORMATS:
        assert parser.parse_args(["extract", "--format", name]).format == name
    with pytest.raises(SystemExit):
        parser.parse_args(["extract", "--format", "no-such-format"])


def test_unknown_annotation_is_refused_before_any_work(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "-", "--annotations", "time_expressions,dates"])
    assert "choose among" in capsys.readouterr().err


def test_python_m_service_cli_reads_stdin():
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "extract", "--date", "2017-05-09"],
        input=b"The summit will open on Thursday.",
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    body = json.loads(done.stdout)
    assert [t["value"] for t in body["time_expressions"]] == ["2017-05-11"]
    assert body["document"]["document_date"] == {"value": "2017-05-09", "source": "request"}
