"""POST /v1/timelines: validation, limits, and the shape of the merged answer."""

from __future__ import annotations

import pytest

URL = "/v1/timelines"


def documents(*texts):
    return [{"id": f"d{n}", "text": text} for n, text in enumerate(texts, start=1)]


def assert_problem(response, status):
    assert response.status_code == status, response.get_json()
    assert response.mimetype == "application/problem+json"
    return response.get_json()


def test_batch_returns_each_document_as_the_single_endpoint_does(client):
    texts = ("Officials met in Paris on Tuesday.", "The talks ended on Friday.")
    body = {"documents": documents(*texts), "actors": []}
    batch = client.post(
        URL,
        json={
            **body,
            "documents": [{**d, "document_date": "2017-05-12"} for d in body["documents"]],
        },
    )
    assert batch.status_code == 200
    answer = batch.get_json()
    assert set(answer) == {"documents", "timeline", "actor_timelines"}
    for document, text in zip(answer["documents"], texts, strict=True):
        single = client.post(
            "/v1/timeline",
            json={"text": text, "id": document["document"]["id"], "document_date": "2017-05-12"},
        ).get_json()
        assert document == single


def test_actor_timelines_come_back_in_request_order(client):
    body = {
        "documents": documents("Officials met in Paris on Tuesday."),
        "actors": ["Paris", "Rome"],
    }
    answer = client.post(URL, json=body).get_json()
    assert [timeline["actor"] for timeline in answer["actor_timelines"]] == ["Paris", "Rome"]


def test_an_actor_timeline_entry_says_the_role_and_what_happened(client):
    text = "The FTSE 100 fell sharply on Monday. Investors sold shares of Vodafone."
    body = {"documents": [{"id": "d1", "text": text, "document_date": "2017-05-12"}]}
    answer = client.post(URL, json={**body, "actors": ["FTSE 100"]}).get_json()
    (timeline,) = answer["actor_timelines"]
    assert timeline["matched"] == ["The FTSE 100"]
    (entry,) = timeline["entries"]
    assert entry["roles"] == ["patient"]
    assert entry["description"] == "The FTSE 100 fell"
    assert entry["date"] == "2017-05-08"


def test_duplicate_ids_are_422_naming_the_index(client):
    body = {"documents": [{"id": "x", "text": "One."}, {"id": "x", "text": "Two."}]}
    problem = assert_problem(client.post(URL, json=body), 422)
    assert problem["errors"]["json"]["documents"] == {"1": {"id": ["Duplicate document id 'x'."]}}


def test_bad_document_is_reported_by_index_and_id(client):
    body = {"documents": [{"id": "ok", "text": "Fine."}, {"id": "bad", "text": "  "}]}
    problem = assert_problem(client.post(URL, json=body), 422)
    error = problem["errors"]["json"]["documents"]["1"]
    assert error["text"] == ["Text must contain something other than white space."]
    assert error["_document"] == ["Document id 'bad'."]


@pytest.mark.parametrize("body", [{"documents": []}, {}, {"documents": [{"text": "No id."}]}])
def test_missing_or_empty_documents_are_422(client, body):
    assert_problem(client.post(URL, json=body), 422)


def test_more_documents_than_max_documents_is_422(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_DOCUMENTS", 2)
    problem = assert_problem(client.post(URL, json={"documents": documents("a.", "b.", "c.")}), 422)
    assert "MAX_DOCUMENTS" in problem["errors"]["json"]["documents"][0]


def test_more_text_than_max_batch_chars_is_413_naming_the_setting(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_BATCH_CHARS", 10)
    problem = assert_problem(
        client.post(URL, json={"documents": documents("123456", "7890123")}), 413
    )
    assert "MAX_BATCH_CHARS" in problem["detail"]


def test_one_text_over_max_text_chars_is_422_by_index_and_id(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_TEXT_CHARS", 5)
    problem = assert_problem(
        client.post(URL, json={"documents": documents("abc", "abcdefgh")}), 422
    )
    error = problem["errors"]["json"]["documents"]["1"]
    assert error == {
        "text": ["Longer than the limit of 5 characters."],
        "_document": ["Document id 'd2'."],
    }


def test_batch_bodies_may_exceed_the_single_document_body_limit(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 100)
    response = client.post(
        URL, json={"documents": documents("Officials met in Paris on Tuesday." * 5)}
    )
    assert response.status_code == 200
    monkeypatch.setitem(app.config, "MAX_BATCH_CONTENT_LENGTH", 100)
    response = client.post(
        URL, json={"documents": documents("Officials met in Paris on Tuesday." * 5)}
    )
    assert_problem(response, 413)
