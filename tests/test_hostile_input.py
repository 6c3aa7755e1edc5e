"""Hostile input, in-process: no 5xx, every error a problem+json with the right status.

The cases (valid articles, malformed JSON, wrong types, huge and nested bodies, invalid UTF-8,
100 000-character tokens, control characters, right-to-left and emoji text, every
document_date edge) live in ``bench/_hostile.py``, shared with ``bench/hostile_load.py``.
"""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient

from bench._hostile import ARTICLE, PATH, Case, all_cases, check_answer

CASES = all_cases()


def send(client: FlaskClient, case: Case):
    return client.open(case.path, method=case.method, data=case.body, headers=case.headers)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_request_gets_a_clean_answer(client: FlaskClient, case: Case) -> None:
    response = send(client, case)
    assert (
        check_answer(case, response.status_code, response.content_type or "", response.data) == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "🎉 On Tuesday 👩‍👩‍👧‍👦 met 🇺🇸🇩🇰 in Copenhagen; talks resume next week 🤝🏽.",
        "\u202eالاجتماع يوم الثلاثاء. They met on Tuesday, May 9, 2017\u200f in Paris.",
        "Talks\x00 resumed\x01 on Tuesday\x1b[31m, May\x0b 9\x0c 2017\x7f.",
    ],
    ids=["emoji", "right-to-left", "control characters"],
)
def test_offsets_index_into_unusual_text(client: FlaskClient, text: str) -> None:
    response = client.post(PATH, json={"text": text, "document_date": "2017-05-09"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["time_expressions"], "the dates in the text are still found"
    spans = body["time_expressions"] + [m for e in body["entities"] for m in e["mentions"]]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_model_answers_the_same_after_the_hostile_mix(client: FlaskClient) -> None:
    """Errors inside the pipeline (and its memory zone) must not leave the model changed."""
    request = {"text": ARTICLE, "document_date": "2017-05-09"}
    before = client.post(PATH, json=request)
    server_errors = [c.name for c in CASES if send(client, c).status_code >= 500]
    after = client.post(PATH, json=request)
    assert before.status_code == after.status_code == 200
    assert json.loads(before.data) == json.loads(after.data)
    assert server_errors == []
