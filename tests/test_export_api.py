"""Content negotiation on /v1/timeline and /v1/timelines: format parameter, Accept, 406."""

from __future__ import annotations

import csv
import io
import json

import pytest

from service.api.formats import MEDIA_TYPES

TEXT = "Tue May 9, 2017\n\nCoalition members meet in Copenhagen on Tuesday."
STORY = {"documents": [{"id": "a1", "text": TEXT}, {"id": "a2", "text": TEXT}]}
ROUTES = [("/v1/timeline", {"text": TEXT}), ("/v1/timelines", STORY)]


@pytest.mark.parametrize(("path", "body"), ROUTES)
@pytest.mark.parametrize("name", list(MEDIA_TYPES))
def test_the_format_parameter_chooses_the_format(client, path, body, name):
    response = client.post(f"{path}?format={name}", json=body)
    assert response.status_code == 200
    assert response.mimetype == MEDIA_TYPES[name]
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize(("path", "body"), ROUTES)
@pytest.mark.parametrize("name", list(MEDIA_TYPES))
def test_the_accept_header_chooses_the_format(client, path, body, name):
    response = client.post(path, json=body, headers={"Accept": MEDIA_TYPES[name]})
    assert response.status_code == 200
    assert response.mimetype == MEDIA_TYPES[name]


@pytest.mark.parametrize("accept", [None, "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_json_stays_the_default_and_unchanged(client, accept):
    headers = {"Accept": accept} if accept else {}
    plain = client.post("/v1/timeline", json={"text": TEXT}).get_json()
    response = client.post("/v1/timeline", json={"text": TEXT}, headers=headers)
    assert response.mimetype == "application/json"
    assert response.get_json() == plain
    assert plain["timeline"][0]["value"] == "2017-05-09"


def test_the_format_parameter_wins_over_accept(client):
    response = client.post(
        "/v1/timeline?format=csv", json={"text": TEXT}, headers={"Accept": "application/xml"}
    )
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True), newline="")))
    assert rows[0][:2] == ["document", "event"]


def test_the_preferred_acceptable_format_is_served(client):
    accept = "text/csv;q=0.5, application/ld+json;q=0.9, image/png"
    response = client.post("/v1/timeline", json={"text": TEXT}, headers={"Accept": accept})
    assert response.mimetype == "application/ld+json"
    assert json.loads(response.get_data())["@type"] == "NewsArticle"


@pytest.mark.parametrize(("path", "body"), ROUTES)
@pytest.mark.parametrize(
    ("query", "headers"),
    [("?format=pdf", {}), ("?format=", {}), ("", {"Accept": "image/png, text/html"})],
)
def test_an_unknown_format_is_a_406_problem_listing_the_formats(client, path, body, query, headers):
    response = client.post(path + query, json=body, headers=headers)
    assert response.status_code == 406
    assert response.mimetype == "application/problem+json"
    detail = response.get_json()["detail"]
    for name, media_type in MEDIA_TYPES.items():
        assert f"{name} ({media_type})" in detail


def test_a_known_format_does_not_hide_a_bad_request(client):
    response = client.post("/v1/timeline?format=csv", json={"text": ""})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


def test_the_contract_lists_every_media_type_per_operation(client):
    spec = client.get("/openapi.json").get_json()
    for path in ("/v1/timeline", "/v1/timelines"):
        operation = spec["paths"][path]["post"]
        assert set(operation["responses"]["200"]["content"]) == set(MEDIA_TYPES.values())
        assert "406" in operation["responses"]
        (parameter,) = (p for p in operation["parameters"] if p["name"] == "format")
        assert parameter["schema"]["enum"] == list(MEDIA_TYPES)
