"""build_story: one story event per occurrence, the merged timeline in time order."""

from __future__ import annotations

from dataclasses import replace

from story_records import ISIS, document, event, merged, on

from service.pipeline.records import (
    Event,
    EventTime,
    Interval,
    TextSpan,
)
from service.pipeline.story.build import build_story


def test_one_story_event_per_occurrence_with_a_mention_from_each_document():
    a = document(
        event("e1", "lost", "lose", (("x1", "ISIS", "agent"),), on("2017-05-09")), entities=ISIS
    )
    b = document(
        event("e4", "loss", "loss", (("y7", "Islamic State", "agent"),)), entities={"y7": "ISIS"}
    )
    story = build_story([("a", a), ("b", b)])
    assert merged(story) == [[("a", "e1"), ("b", "e4")]]
    assert story.timeline[0].value == "2017-05-09"


def test_two_mentions_of_one_sentence_stay_apart():
    first = event("e1", "attacks", "attack", (("x1", "ISIS", "agent"),), sentence=1)
    second = event("e2", "attack", "attack", (("x1", "ISIS", "agent"),), sentence=1)
    assert merged(build_story([("a", document(first, second, entities=ISIS))])) == []


def test_clusters_do_not_merge_across_incompatible_dates():
    """b matches a and c, but a and c have different dates: b joins one of them only."""
    agent = (("x1", "ISIS", "agent"),)
    a = document(event("e1", "attacked", "attack", agent, on("2017-05-01")), entities=ISIS)
    b = document(event("e1", "attack", "attack", agent), entities=ISIS)
    c = document(event("e1", "attacked", "attack", agent, on("2017-05-03")), entities=ISIS)
    groups = merged(build_story([("a", a), ("b", b), ("c", c)]))
    assert len(groups) == 1
    assert ("b", "e1") in groups[0]


def test_story_timeline_is_chronological_and_holds_only_timeline_entries():
    a = document(
        event("e1", "met", "meet", time=on("2017-05-09"), sentence=0),
        event("e2", "founded", "found", time=on("2014"), sentence=1),
        event("e3", "grew", "grow", sentence=2),
        replace(event("e4", "said", "say", time=on("2017-05-09"), sentence=3), admission="report"),
    )
    story = build_story([("a", a)])
    assert [entry.value for entry in story.timeline] == ["2014", "2017-05-09"]
    ids = [e.id for entry in story.timeline for e in entry.events]
    assert ids == ["s1", "s2"]


def test_the_story_keeps_the_relation_of_its_documents_entries():
    now = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "BEFORE")
    story = build_story([("a", document(event("e1", "raided", "raid", time=now)))])
    assert [(e.value, e.relation) for e in story.timeline] == [("2017-05-09", "before")]


def test_present_reference_takes_the_document_date():
    now = EventTime("t2", "PRESENT_REF", None, "IS_INCLUDED")
    story = build_story([("a", document(event("e1", "holds", "hold", time=now)))])
    assert story.timeline[0].value == "2017-05-09"


def test_a_phrasal_verb_mention_takes_its_particle():
    sentence = TextSpan("Jobs showed off the phone.", 0, 26)
    showed = Event("e1", TextSpan("showed", 5, 11), "show", "OCCURRENCE", sentence, tense="PAST")
    dated = replace(showed, time=on("2017-05-09"), admission="admitted")
    story = build_story([("a", document(dated))])
    (mention,) = story.timeline[0].events[0].mentions
    assert (mention.text, mention.start, mention.end) == ("showed off", 5, 15)


def test_empty_input_is_an_empty_story():
    story = build_story([], ["ISIS"])
    assert story.timeline == ()
    assert story.actor_timelines[0].entries == ()
