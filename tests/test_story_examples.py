"""The two example articles through the real pipeline: what both report is one story event."""

from __future__ import annotations

from datetime import date

import pytest

from service.pipeline import DocumentRequest
from service.pipeline.story.build import build_story

# The second article has no dateline; it appeared a few days after the first (Tue May 9, 2017).
WEST_DATE = date(2017, 5, 12)


@pytest.fixture(scope="module")
def texts(mattis_article, west_article) -> dict[str, str]:
    return {"mattis": mattis_article, "west": west_article}


@pytest.fixture(scope="module")
def story(pipeline, texts):
    requests = [
        DocumentRequest(texts["mattis"], None, "mattis"),
        DocumentRequest(texts["west"], WEST_DATE, "west"),
    ]
    results = pipeline.process_many(requests)
    return build_story(list(zip(texts, results, strict=True)), ["ISIS"])


def sentence_of(text: str, offset: int) -> str:
    """The line (the articles keep a paragraph a line) around ``offset``."""
    return text[text.rfind("\n", 0, offset) + 1 : text.find("\n", offset)]


def events_in_both(story) -> list:
    return [
        event
        for entry in story.timeline
        for event in entry.events
        if {m.document for m in event.mentions} == {"mattis", "west"}
    ]


def test_the_loss_of_mosul_is_one_event_with_a_mention_from_each_article(story, texts):
    """ "ISIS has now lost control of ... Mosul" (first) and "ISIS loss" (second)."""
    mosul = [
        event
        for event in events_in_both(story)
        if any(
            m.document == "mattis" and "Mosul" in sentence_of(texts["mattis"], m.start)
            for m in event.mentions
        )
    ]
    assert mosul, events_in_both(story)
    assert {m.text.lower() for m in mosul[0].mentions} >= {"lost", "loss"}


def test_the_fighters_returning_home_is_one_event_with_a_mention_from_each_article(story):
    returning = [
        event
        for event in events_in_both(story)
        if {m.text.lower() for m in event.mentions} >= {"returning", "returned"}
    ]
    assert len(returning) == 1


def test_the_isis_timeline_is_in_time_order(story):
    (isis,) = story.actor_timelines
    assert {ref.document for ref in isis.entities} == {"mattis", "west"}
    dated = [entry for entry in isis.entries if entry.position]
    undated = isis.entries[len(dated) :]
    assert len(dated) >= 2
    assert [e.position for e in dated] == sorted(e.position for e in dated)
    assert all(entry.position == 0 and entry.date is None for entry in undated)
    assert any({m.document for m in e.mentions} == {"mattis", "west"} for e in isis.entries)


def test_the_endpoint_merges_the_same_events(client, texts):
    documents = [
        {"id": "mattis", "text": texts["mattis"]},
        {"id": "west", "text": texts["west"], "document_date": WEST_DATE.isoformat()},
    ]
    answer = client.post("/v1/timelines", json={"documents": documents, "actors": ["ISIS"]})
    assert answer.status_code == 200
    body = answer.get_json()
    both = [
        event
        for entry in body["timeline"]
        for event in entry["events"]
        if {m["document"] for m in event["mentions"]} == {"mattis", "west"}
    ]
    words = [{m["text"].lower() for m in event["mentions"]} for event in both]
    assert any(w >= {"lost", "loss"} for w in words)
    assert any(w >= {"returning", "returned"} for w in words)
    (isis,) = body["actor_timelines"]
    positions = [entry["position"] for entry in isis["entries"] if entry["position"]]
    assert positions == sorted(positions) and positions
