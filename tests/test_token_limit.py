"""The token limit: a text made to cost one parse step per character is refused, not parsed."""

from __future__ import annotations

import pytest


@pytest.fixture
def limited(make_app):
    return make_app(MAX_TEXT_TOKENS=2_000).test_client()


def test_a_text_of_more_tokens_than_the_limit_is_a_422_naming_the_limit(limited):
    response = limited.post("/v1/timeline", json={"text": "1-" * 1_500})  # 3 000 tokens
    assert response.status_code == 422
    assert response.content_type == "application/problem+json"
    assert "MAX_TEXT_TOKENS" in response.get_json()["detail"]


def test_prose_of_the_same_length_is_under_the_limit(limited):
    text = "Officials met in Copenhagen on Tuesday. " * 75  # 3 000 characters, 525 tokens
    assert limited.post("/v1/timeline", json={"text": text}).status_code == 200


def test_a_batch_names_the_document_over_the_limit(limited):
    documents = [
        {"id": "ok", "text": "They met on Tuesday."},
        {"id": "dense", "text": "1-" * 1_500},
    ]
    response = limited.post("/v1/timelines", json={"documents": documents})
    assert response.status_code == 422
    assert "document 1 (id 'dense')" in response.get_json()["detail"]
