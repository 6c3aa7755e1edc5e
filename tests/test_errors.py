"""Every error a client can cause is an RFC 7807 problem with the right status."""

from __future__ import annotations

import json
import logging

import pytest

from service.api.problems import PROBLEM_MIMETYPE

URL = "/v1/timeline"


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == PROBLEM_MIMETYPE
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    assert body["request_id"] == response.headers["X-Request-ID"]
    return body


def post_raw(client, data, content_type="application/json"):
    return client.post(URL, data=data, content_type=content_type)


@pytest.mark.parametrize(
    "data",
    [
        b'{"text": "unterminated',
        b'{"text": "\xff\xfe invalid utf-8"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"text": "Talks.", "id": ' + b"9" * 10_000 + b"}",
        b"",
    ],
    ids=[
        "malformed",
        "invalid-utf8",
        "nested-array",
        "nested-in-object",
        "10000-digit-number",
        "empty",
    ],
)
def test_body_that_is_not_json_is_400(client, data):
    body = assert_problem(post_raw(client, data), 400)
    assert body["errors"] == {"json": ["Invalid JSON body."]}


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_body_not_declared_as_json_is_415(client, content_type):
    response = client.post(
        URL, data='{"text": "Talks resumed on Monday."}', content_type=content_type
    )
    body = assert_problem(response, 415)
    assert "application/json" in body["detail"]


def test_body_over_max_content_length_is_413(app, client):
    oversized = json.dumps({"text": "a" * app.config["MAX_CONTENT_LENGTH"]})
    assert_problem(post_raw(client, oversized), 413)


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "text", "Missing data for required field."),
        ({"text": ""}, "text", "Shorter than minimum length 1."),
        ({"text": " \n\t "}, "text", "Text must contain something other than white space."),
        ({"text": 42}, "text", "Not a valid string."),
        ({"text": None}, "text", "Field may not be null."),
        ({"text": "Talks on Monday.", "document_date": "2017-02-29"}, "document_date", None),
        ({"text": "Talks on Monday.", "document_date": "yesterday"}, "document_date", None),
        ({"text": "Talks on Monday.", "document_date": 20170509}, "document_date", None),
        ({"text": "Talks on Monday.", "language": "fr"}, "language", None),
        ({"text": "Talks on Monday.", "colour": "blue"}, "colour", "Unknown field."),
    ],
    ids=[
        "missing-text",
        "empty-text",
        "blank-text",
        "text-not-string",
        "text-null",
        "no-such-day",
        "not-iso",
        "date-not-string",
        "unsupported-language",
        "unknown-field",
    ],
)
def test_invalid_fields_are_422_with_field_errors(client, payload, field, message):
    body = assert_problem(client.post(URL, json=payload), 422)
    errors = body["errors"]["json"][field]
    if message is not None:
        assert errors == [message]


def test_unpaired_surrogate_in_text_is_422(client):
    body = assert_problem(post_raw(client, b'{"text": "Talks \\udc00 resumed."}'), 422)
    assert "surrogate" in body["errors"]["json"]["text"][0]


def test_unsupported_language_names_the_supported_ones(client):
    body = assert_problem(client.post(URL, json={"text": "Hola.", "language": "es"}), 422)
    assert body["errors"]["json"]["language"] == ["Unsupported language 'es'; supported: en."]


def test_text_over_max_text_chars_is_422(app, client):
    limit = app.config["MAX_TEXT_CHARS"]
    body = assert_problem(client.post(URL, json={"text": "a" * (limit + 1)}), 422)
    assert body["errors"]["json"]["text"] == [f"Longer than the limit of {limit} characters."]


@pytest.mark.parametrize("payload", [[{"text": "a"}], "text", 3], ids=["list", "string", "number"])
def test_body_that_is_not_an_object_is_422(client, payload):
    assert_problem(client.post(URL, json=payload), 422)


def test_unknown_route_is_404(client):
    assert_problem(client.get("/v2/timeline"), 404)


def test_wrong_method_is_405_with_allow_header(client):
    response = client.get(URL)
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_unexpected_failure_is_500_without_stack_trace_and_logged(
    client, pipeline, monkeypatch, caplog
):
    def fail(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(pipeline, "process", fail)
    with caplog.at_level(logging.ERROR, logger="service.errors"):
        response = client.post(URL, json={"text": "Talks resumed on Monday."})
    body = assert_problem(response, 500)
    assert "secret internal detail" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    logged = [r for r in caplog.records if getattr(r, "request_id", None) == body["request_id"]]
    assert logged and logged[0].exc_info
