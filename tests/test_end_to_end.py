"""POST /v1/timeline on the two example articles, with the real model and dateparser."""

from __future__ import annotations

import pytest

URL = "/v1/timeline"


def timeline_of(client, text, **fields):
    response = client.post(URL, json={"text": text, **fields})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def timex_by_text(body, text):
    matches = [t for t in body["time_expressions"] if t["text"] == text]
    assert matches, (
        f"no time expression {text!r} in {[t['text'] for t in body['time_expressions']]}"
    )
    return matches[0]


def entity_named(body, name):
    for entity in body["entities"]:
        if entity["name"] == name or any(m["text"] == name for m in entity["mentions"]):
            return entity
    raise AssertionError(f"no entity {name!r} in {[e['name'] for e in body['entities']]}")


@pytest.fixture(scope="module")
def mattis_body(app, mattis_article):
    return timeline_of(app.test_client(), mattis_article, id="mattis")


def test_every_field_of_the_contract_is_present(mattis_body):
    assert set(mattis_body) == {
        "document",
        "time_expressions",
        "entities",
        "events",
        "timeline",
        "annotations",
    }
    assert mattis_body["document"]["id"] == "mattis"
    assert mattis_body["document"]["language"] == "en"


def test_offsets_index_into_the_text(mattis_body, mattis_article):
    spans = [*mattis_body["time_expressions"], *(e["trigger"] for e in mattis_body["events"])]
    spans += [m for entity in mattis_body["entities"] for m in entity["mentions"]]
    assert spans
    for span in spans:
        assert mattis_article[span["start"] : span["end"]] == span["text"]


def test_dateline_is_the_document_date_when_none_is_given(mattis_body):
    assert mattis_body["document"]["document_date"] == {"value": "2017-05-09", "source": "dateline"}


def test_on_tuesday_resolves_to_the_dateline_day(mattis_body):
    tuesday = timex_by_text(mattis_body, "Tuesday")
    assert (tuesday["type"], tuesday["value"]) == ("DATE", "2017-05-09")
    assert tuesday["interval"] == {"start": "2017-05-09", "end": "2017-05-09"}


def test_on_tuesday_resolves_with_a_requested_document_date(client, mattis_article):
    body = timeline_of(client, mattis_article, document_date="2017-05-09")
    assert body["document"]["document_date"] == {"value": "2017-05-09", "source": "request"}
    assert timex_by_text(body, "Tuesday")["value"] == "2017-05-09"


def test_autumn_2014_is_a_date(mattis_body):
    autumn = timex_by_text(mattis_body, "autumn 2014")
    assert autumn["type"] == "DATE"
    assert autumn["value"] == "2014-FA"


def test_jim_mattis_is_a_person_with_his_later_surname_mention(mattis_body):
    mattis = entity_named(mattis_body, "Jim Mattis")
    assert mattis["type"] == "PERSON"
    assert {m["text"] for m in mattis["mentions"]} >= {"Jim Mattis", "Mattis"}


def test_mosul_is_a_place(mattis_body):
    assert entity_named(mattis_body, "Mosul")["type"] in {"GPE", "LOC"}


def test_timeline_is_chronological_and_refers_to_events(mattis_body):
    event_ids = {event["id"] for event in mattis_body["events"]}
    starts = [entry["interval"]["start"] for entry in mattis_body["timeline"]]
    assert mattis_body["timeline"]
    assert starts == sorted(starts)
    assert all(set(entry["events"]) <= event_ids for entry in mattis_body["timeline"])


def test_without_any_date_relative_values_stay_unresolved(client, west_article):
    body = timeline_of(client, west_article)
    assert body["document"]["document_date"] == {"value": None, "source": "none"}
    assert body["time_expressions"]
    for timex in body["time_expressions"]:
        if timex["type"] == "DATE" and timex["value"][:1].isdigit():
            assert "2026" not in timex["value"], "resolved against today"
