"""Story participants: pronouns, relative pronouns and phrases resolved to entities."""

from __future__ import annotations

from dataclasses import replace

from story_records import document, event

from service.pipeline.records import (
    Actor,
)
from service.pipeline.story.build import build_story
from service.pipeline.story.participants import event_participants


def test_he_is_the_person_named_last_before_it():
    a = document(
        event("e1", "resigned", "resign", (("p1", "Steve Jobs", "agent"),), sentence=0),
        event("e2", "founded", "found", ((None, "he", "agent"),), sentence=1),
        entities={"p1": "Steve Jobs"},
    )
    a = replace(a, entities=tuple(replace(e, type="PERSON") for e in a.entities))
    (timeline,) = build_story([("a", a)], ["Steve Jobs"]).actor_timelines
    assert {entry.mentions[0].event for entry in timeline.entries} == {"e1", "e2"}


def test_a_phrase_naming_an_entity_of_its_document_refers_to_it():
    a = document(
        event("e1", "resigned", "resign", ((None, "Jobs", "agent"),)),
        event("e2", "sold", "sell", ((None, "the iTunes Music Store", "agent"),)),
        entities={"p1": "Steve Jobs", "o1": "iTunes Music Store"},
    )
    a = replace(a, entities=(replace(a.entities[0], type="PERSON"), a.entities[1]))
    participants = event_participants(a)
    assert [p.entity for e in ("e1", "e2") for p in participants[e]] == ["p1", "o1"]


def test_a_relative_pronoun_stands_for_the_phrase_before_it():
    """ "the iTunes Music Store, which sells music": the phrase ends two characters before."""
    store = Actor("x1", "the iTunes Music Store", 0, 22, "patient")
    which = Actor(None, "which", 24, 29, "agent")
    a = document(
        replace(event("e1", "launched", "launch"), actors=(store,)),
        replace(event("e2", "sells", "sell", sentence=0), actors=(which,)),
        entities={"x1": "iTunes Music Store"},
    )
    (participant,) = event_participants(a)["e2"]
    assert (participant.entity, participant.text, participant.role) == (
        "x1",
        "the iTunes Music Store",
        "agent",
    )


def test_it_refers_to_the_named_thing_last_before_it():
    phone = Actor(None, "iPhone 4", 5, 13, "agent")
    it = Actor(None, "It", 110, 112, "agent")
    a = document(
        replace(event("e1", "has", "have", sentence=0), actors=(phone,)),
        replace(event("e2", "comes", "come", sentence=1), actors=(it,)),
    )
    (timeline,) = build_story([("a", a)], ["iPhone 4"]).actor_timelines
    assert {entry.mentions[0].event for entry in timeline.entries} == {"e1", "e2"}


# Kind 2 of issue 15, on the real model: a definite description refers to the organisation named
# last before it; with none named before, it refers to nothing.
def _said_by(pipeline, text):
    result = pipeline.process(text)
    said = next(e for e in result.events if e.trigger.text == "said")
    (agent,) = [p for p in event_participants(result)[said.id] if p.role == "agent"]
    return result, agent


def test_the_airline_is_the_airline_named_before(pipeline):
    result, agent = _said_by(
        pipeline, "Qantas cut 500 jobs in Sydney on Monday. The airline said fuel costs had risen."
    )
    (qantas,) = [e for e in result.entities if e.name == "Qantas"]
    assert (agent.text, agent.entity) == ("The airline", qantas.id)


def test_the_company_after_only_a_person_refers_to_nothing(pipeline):
    _, agent = _said_by(
        pipeline, "Maria Lindqvist resigned on Monday. The company said profits had fallen."
    )
    assert (agent.text, agent.entity) == ("The company", None)


def _agent_of(pipeline, text, trigger):
    result = pipeline.process(text)
    event = next(e for e in result.events if e.trigger.text == trigger)
    (agent,) = [p for p in event_participants(result)[event.id] if p.role == "agent"]
    return result, agent


def test_the_store_is_the_store_named_before(pipeline):
    result, agent = _agent_of(
        pipeline,
        "Apple opened the iTunes Music Store in April. The store sold a million songs in a week.",
        "sold",
    )
    store = next(e for e in result.entities if e.name.endswith("Store"))
    assert (agent.text, agent.entity) == ("The store", store.id)


def test_the_store_with_no_store_named_before_refers_to_nothing(pipeline):
    _, agent = _agent_of(
        pipeline, "Apple opened a shop in Boston in April. The store sold a million songs.", "sold"
    )
    assert (agent.text, agent.entity) == ("The store", None)
