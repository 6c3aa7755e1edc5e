"""Batch inputs: a folder of .txt files and TimeML files read as records, checked as the API
checks requests; part files and errors.jsonl as a killed run leaves them, tidied for --resume."""

from __future__ import annotations

import json
from datetime import date

from service.cli.inputs import BadRecord, Document, Validator, count_records, read_records
from service.cli.outputs import ErrorLog, part_name, scan_output, write_part

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" functionInDocument="CREATION_TIME">
10/26/89</TIMEX3></DCT>
<TEXT>The board met <TIMEX3 tid="t1" type="DATE" value="1989-10-25">yesterday</TIMEX3>.</TEXT>
</TimeML>
"""


def check_all(path, **options) -> list[Document | BadRecord]:
    validator = Validator(100_000, **options)
    return [validator.check(record) for record in read_records(path)]


def test_a_folder_of_text_files_is_named_by_path_and_bad_files_are_reported(tmp_path):
    (tmp_path / "2017").mkdir()
    (tmp_path / "2017" / "mattis.txt").write_text("Tue May 9, 2017\n\nThey met on Tuesday.")
    (tmp_path / "latin1.txt").write_bytes(b"Caf\xe9 talks on Monday.")
    (tmp_path / "notes.md").write_text("not an input")
    checked = check_all(tmp_path)
    assert count_records(tmp_path) == 2
    assert isinstance(checked[0], Document)
    assert checked[0].request.id == "2017/mattis"
    assert checked[0].request.document_date is None  # the dateline dates it, as in the API
    assert isinstance(checked[1], BadRecord)
    assert checked[1].as_json()["file"] == "latin1.txt"
    assert checked[1].problem["status"] == 400


def test_timeml_gives_the_docid_text_and_creation_time(tmp_path):
    (tmp_path / "wsj_0001.tml").write_text(TIMEML)
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>no end")
    checked = check_all(tmp_path)
    assert isinstance(checked[1], Document)
    assert checked[1].request.id == "wsj_0001"
    assert checked[1].request.text == "The board met yesterday."
    assert checked[1].request.document_date == date(1989, 10, 26)
    assert isinstance(checked[0], BadRecord)
    assert checked[0].problem["status"] == 400
    assert [type(c) for c in check_all(tmp_path / "wsj_0001.tml")] == [Document]


def test_records_take_the_default_annotations_and_their_story_key(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "Signed in 2015.", "desk": "business"},
        {"id": "b", "text": "Signed in 2016.", "annotations": ["entities"]},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    first, second = check_all(path, annotations=("time_expressions",), story_key="desk")
    assert count_records(path) == 2
    assert first.request.annotations == ("time_expressions",)
    assert first.story == "business"
    assert second.request.annotations == ("entities",)
    assert second.story is None


def test_scan_tidies_what_a_killed_run_left(tmp_path):
    write_part(tmp_path, part_name("part", 0, False), [{"document": {"id": "a"}}])
    write_part(tmp_path, part_name("part", 1, True), [{"document": {"id": "b"}}])
    write_part(tmp_path, part_name("story", 2, False), [{"story": "s"}])  # its part never came
    (tmp_path / ".part-00002.jsonl.tmp").write_text('{"document": {"id": "c"')
    errors = ErrorLog(tmp_path)
    errors.write({"line": 4, "id": "d", "problem": {}})
    errors.close()
    with (tmp_path / "errors.jsonl").open("a") as stream:
        stream.write('{"line": 7, "id": "e", "pro')  # cut short by the kill
    finished = scan_output(tmp_path)
    assert finished.ids == {"a", "b"}
    assert finished.next_index == 3
    assert finished.reported == {"line=4"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "errors.jsonl",
        "part-00000.jsonl",
        "part-00001.jsonl.gz",
    ]
    ErrorLog(tmp_path).close()
    assert (tmp_path / "errors.jsonl").read_text().count("\n") == 1
    assert (tmp_path / "errors.jsonl").read_text().endswith("}\n")
