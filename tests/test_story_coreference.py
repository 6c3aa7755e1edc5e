"""Event coreference across documents: trigger forms and scored merge decisions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from story_records import ISIS, document, event, merged, on, score

from service.pipeline.records import (
    EventTime,
    Interval,
)
from service.pipeline.story.build import build_story
from service.pipeline.story.coreference import (
    MERGE_THRESHOLD,
    verb_forms,
)


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("announcement", "announce"),
        ("investigation", "investigate"),
        ("resignation", "resign"),
        ("arrival", "arrive"),
        ("decision", "decide"),
        ("introduction", "introduce"),
        ("failure", "fail"),
        ("loss", "lose"),
        ("sale", "sell"),
    ],
)
def test_a_noun_shares_a_form_with_its_verb(noun, verb):
    assert verb in verb_forms(noun)


def test_unrelated_words_share_no_form():
    assert not verb_forms("station") & verb_forms("state")


def test_verb_and_its_nominalisation_with_one_actor_merge():
    lost = event("e1", "lost", "lose", (("x1", "ISIS", "agent"),))
    loss = event("e1", "loss", "loss", (("x1", "ISIS", "agent"),))
    assert score(lost, loss, ISIS) >= MERGE_THRESHOLD


def test_same_verb_on_the_same_explicit_date_merges():
    first = event("e1", "defeated", "defeat", time=on("2016-06-01"))
    second = event("e1", "defeat", "defeat", time=on("2016-06-01"))
    assert score(first, second) >= MERGE_THRESHOLD


def test_same_verb_with_nothing_else_in_common_does_not_merge():
    first = event("e1", "looked", "look", ((None, "such militants", "agent"),))
    second = event("e1", "look", "look", ((None, "We", "agent"),))
    assert score(first, second) < MERGE_THRESHOLD


def test_same_verb_different_agents_does_not_merge():
    names = {"x1": "Apple", "x2": "Samsung"}
    first = event("e1", "sued", "sue", (("x1", "Apple", "agent"),), on("2011-04-15"))
    second = event("e1", "sued", "sue", (("x2", "Samsung", "agent"),), on("2011-04-15"))
    assert score(first, second, names) < MERGE_THRESHOLD


def test_same_verb_same_actor_different_dates_does_not_merge():
    first = event("e1", "unveiled", "unveil", (("x1", "Apple", "agent"),), on("2007-01-09"))
    second = event("e1", "unveiled", "unveil", (("x1", "Apple", "agent"),), on("2010-06-07"))
    assert score(first, second, {"x1": "Apple"}) < MERGE_THRESHOLD


def test_date_before_the_other_events_date_does_not_merge():
    first = event("e1", "returned", "return", (("x1", "ISIS", "agent"),), on("2017-05-01"))
    second = event("e1", "returned", "return", (("x1", "ISIS", "agent"),), on("2017", "AFTER"))
    assert score(first, second, ISIS) < MERGE_THRESHOLD


def test_unresolved_actors_of_one_kind_count_as_shared():
    first = event("e1", "returning", "return", ((None, "battle-hardened terrorists", "agent"),))
    second = event("e1", "returned", "return", ((None, "the militants", "agent"),))
    assert score(first, second) >= MERGE_THRESHOLD


def test_unresolved_patients_of_one_kind_are_no_evidence():
    first = event("e1", "identified", "identify", ((None, "14,000 foreign fighters", "patient"),))
    second = event("e1", "identify", "identify", ((None, "those terrorists", "patient"),))
    assert score(first, second) < MERGE_THRESHOLD


def test_pronoun_actors_are_no_evidence():
    first = event("e1", "identify", "identify", ((None, "it", "agent"),))
    second = event("e1", "identify", "identify", ((None, "it", "agent"),))
    assert score(first, second) < MERGE_THRESHOLD


def test_generic_verb_needs_a_shared_entity():
    first = event("e1", "said", "say", ((None, "the official", "agent"),), on("2017-05-09"))
    second = event("e1", "said", "say", ((None, "the official", "agent"),), on("2017-05-09"))
    assert score(first, second) < MERGE_THRESHOLD


def test_synonyms_with_a_shared_entity_merge():
    first = event("e1", "bought", "buy", (("x1", "Google", "agent"),))
    second = event("e1", "acquired", "acquire", (("x1", "Google", "agent"),))
    assert score(first, second, {"x1": "Google"}) >= MERGE_THRESHOLD


def test_a_one_word_name_opening_another_is_no_conflicting_agent():
    names = {"x1": "Apple", "x2": "Apple Computer"}
    first = event("e1", "launched", "launch", (("x1", "Apple", "agent"),), on("2003-04-28"))
    second = event("e1", "launched", "launch", (("x2", "Apple Computer", "agent"),), on("2003"))
    assert score(first, second, names) >= MERGE_THRESHOLD


def test_an_undated_past_event_is_not_one_dated_years_before_its_document():
    before = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "BEFORE")
    agent = (("x1", "Steve Jobs", "agent"),)
    old = replace(event("e1", "returned", "return", agent, on("1996")), tense="PAST")
    recent = replace(event("e1", "returned", "return", agent, before), tense="PAST")
    names = {"x1": "Steve Jobs"}
    story = build_story(
        [
            ("a", document(old, entities=names)),
            ("b", document(recent, entities=names)),
        ]
    )
    assert merged(story) == []
