"""Dates at the ends of the calendar, impossible dates, and a defect on one document of a batch."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.api.timeline import PIPELINE_KEY
from service.pipeline.timex.intervals import interval_of

PROBLEM = "application/problem+json"


def timexes(client: FlaskClient, text: str, document_date: str | None = None) -> list[dict]:
    body = (
        {"text": text} if document_date is None else {"text": text, "document_date": document_date}
    )
    response = client.post("/v1/timeline", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["time_expressions"]


def test_a_night_past_the_last_day_of_the_calendar_has_a_value_and_no_interval(client):
    (tonight,) = timexes(client, "They meet tonight.", "9999-12-31")
    assert tonight["value"] == "9999-12-31TNI"
    assert tonight["interval"] is None


def test_an_evening_on_the_last_day_keeps_its_interval():
    assert interval_of("9999-12-31TEV") is not None
    assert interval_of("9999-12-31TNI") is None


@pytest.mark.parametrize(
    ("text", "document_date"),
    [
        ("They meet tonight. They met yesterday and meet again tomorrow.", "9999-12-31"),
        ("They met yesterday. The talks began last year and end next week.", "0001-01-01"),
        ("Fri Dec 31, 9999\n\nThey meet tonight and again tomorrow.", None),
    ],
    ids=["last day", "first day", "dateline on the last day"],
)
def test_relative_dates_at_the_ends_of_the_calendar_resolve_or_stay_unresolved(
    client, text, document_date
):
    for timex in timexes(client, text, document_date):
        year = timex["value"][:4]
        assert not year.isdigit() or 1 <= int(year) <= 9999 or timex["interval"] is None


def test_a_batch_with_a_document_on_the_last_day_answers_every_document(client):
    documents = [
        {"id": "end", "text": "They meet tonight.", "document_date": "9999-12-31"},
        {"id": "usual", "text": "They met on Tuesday.", "document_date": "2017-05-09"},
    ]
    response = client.post("/v1/timelines", json={"documents": documents})
    assert response.status_code == 200
    assert [d["document"]["id"] for d in response.get_json()["documents"]] == ["end", "usual"]


@pytest.mark.parametrize(
    "text",
    [
        "The vote is on 31 February.",
        "It happened on April 31.",
        "The 31st of February passed.",
        "They met on 31 Feb.",
        "On 29 February they met.",  # 2017 is no leap year
    ],
)
def test_days_that_do_not_exist_are_not_emitted(client, text):
    values = [t["value"] for t in timexes(client, text, "2017-05-01")]
    assert not [v for v in values if v.startswith(("2017-02-29", "2017-02-31", "2017-04-31"))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On 29 February they met.", "2016-02-29"),
        ("They met on 28 February.", "2016-02-28"),
        ("It happened on April 30.", "2016-04-30"),
    ],
)
def test_days_that_exist_still_are(client, text, value):
    assert value in [t["value"] for t in timexes(client, text, "2016-05-01")]


@pytest.fixture
def failing_app(make_app) -> Flask:
    """An app whose time-expression stage has a defect on texts that mention a comet."""
    app = make_app()
    pipeline = app.extensions[PIPELINE_KEY]
    working = pipeline.timex

    def defective(doc, anchor, text=None):
        if "comet" in doc.text:
            raise ZeroDivisionError("a defect")
        return working(doc, anchor, text)

    pipeline.timex = defective
    return app


def test_a_defect_on_one_document_names_that_document(failing_app):
    documents = [
        {"id": "fine", "text": "They met on Tuesday.", "document_date": "2017-05-09"},
        {"id": "broken", "text": "A comet passed on Tuesday.", "document_date": "2017-05-09"},
    ]
    response = failing_app.test_client().post("/v1/timelines", json={"documents": documents})
    assert response.status_code == 500
    assert response.content_type == PROBLEM
    body = response.get_json()
    assert "'broken'" in body["detail"]
    assert list(body["errors"]["json"]["documents"]) == ["1"]


def test_documents_without_the_defect_still_answer(failing_app):
    documents = [{"id": "fine", "text": "They met on Tuesday.", "document_date": "2017-05-09"}]
    response = failing_app.test_client().post("/v1/timelines", json={"documents": documents})
    assert response.status_code == 200


def test_29_february_in_a_common_year_is_the_leap_day_before_it(client):
    assert [t["value"] for t in timexes(client, "On 29 February they met.", "2017-05-01")] == [
        "2016-02-29"
    ]
