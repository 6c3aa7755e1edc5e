"""The ``annotations`` request field: what is computed, what stays empty, and the fast path."""

from __future__ import annotations

from datetime import date

import pytest

from service.pipeline import DocumentRequest
from service.pipeline.facade import TIME_ONLY, computed_annotations

URL = "/v1/timeline"
TEXT = "Jim Mattis met Danish officials in Copenhagen on Tuesday. The talks will resume Friday."
ALL = ["time_expressions", "entities", "events"]


def post(client, **fields):
    response = client.post(URL, json={"text": TEXT, "document_date": "2017-05-10", **fields})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_by_default_everything_is_computed_and_said(client):
    answer = post(client)
    assert answer["annotations"] == ALL
    assert answer["time_expressions"] and answer["entities"] and answer["events"]


def test_time_expressions_alone_leave_the_rest_empty(client):
    answer = post(client, annotations=["time_expressions"])
    assert answer["annotations"] == ["time_expressions"]
    assert [t["value"] for t in answer["time_expressions"]] == ["2017-05-09", "2017-05-12"]
    assert answer["entities"] == answer["events"] == answer["timeline"] == []


def test_entities_alone_have_no_events_or_times(client):
    answer = post(client, annotations=["entities"])
    assert answer["annotations"] == ["entities"]
    assert "Jim Mattis" in {e["name"] for e in answer["entities"]}
    assert answer["time_expressions"] == answer["events"] == []


def test_events_bring_what_they_need(client):
    answer = post(client, annotations=["events"])
    assert answer["annotations"] == ALL
    assert answer == post(client)


@pytest.mark.parametrize("annotations", [[], ["dates"], "events", [*ALL, "events"]])
def test_unknown_or_empty_annotations_are_refused(client, annotations):
    response = client.post(URL, json={"text": TEXT, "annotations": annotations})
    assert response.status_code == 422
    assert "annotations" in response.get_json()["errors"]["json"]


def test_the_closure_keeps_the_canonical_order():
    assert computed_annotations(["events"]) == tuple(ALL)
    assert computed_annotations(["entities", "time_expressions"]) == (
        "time_expressions",
        "entities",
    )
    assert computed_annotations(["time_expressions"]) == TIME_ONLY


# A bare weekday goes back or ahead by the tense of its clause: on the fast path the sentence
# around it is parsed alone, so the tense is still read (document date Wednesday 2017-05-10).
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministers met on Friday.", "2017-05-05"),
        ("The ministers will meet on Friday.", "2017-05-12"),
        ("Headline here\nThe board approved the plan on Monday, officials said.", "2017-05-08"),
    ],
)
def test_the_fast_path_reads_the_tense_of_the_clause(pipeline, text, value):
    fast = pipeline.process(text, date(2017, 5, 10), annotations=TIME_ONLY)
    assert [t.value for t in fast.time_expressions] == [value]
    full = pipeline.process(text, date(2017, 5, 10))
    assert fast.time_expressions == full.time_expressions


def test_a_batch_mixes_fast_and_full_documents_in_order(pipeline):
    requests = [
        DocumentRequest("Talks began on Monday in Paris.", date(2017, 5, 10), "a", "en", TIME_ONLY),
        DocumentRequest("Angela Merkel spoke on Tuesday.", date(2017, 5, 10), "b"),
        DocumentRequest("It rained on Sunday.", date(2017, 5, 10), "c", "en", TIME_ONLY),
    ]
    results = list(pipeline.process_many(requests))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert [r.annotations for r in results] == [TIME_ONLY, tuple(ALL), TIME_ONLY]
    assert results[1].entities and not results[0].entities and not results[2].entities
    assert [t.value for t in results[2].time_expressions] == ["2017-05-07"]
