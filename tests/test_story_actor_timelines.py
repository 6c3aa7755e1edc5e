"""Actor timelines: the events a requested actor takes part in, ranked in time."""

from __future__ import annotations

from dataclasses import replace

import pytest
from story_records import ISIS, document, event, on

from service.pipeline.records import (
    EventTime,
    Interval,
)
from service.pipeline.story.build import build_story


def test_an_unresolved_actor_naming_the_actor_puts_the_event_in_its_timeline():
    a = document(event("e1", "unveiled", "unveil", ((None, "the iPhone 4", "patient"),)))
    (timeline,) = build_story([("a", a)], ["iPhone 4"]).actor_timelines
    assert [entry.mentions[0].event for entry in timeline.entries] == ["e1"]


def test_negated_and_possible_events_are_not_in_actor_timelines():
    agent = (("x1", "ISIS", "agent"),)
    a = document(
        replace(event("e1", "attacked", "attack", agent, sentence=0), factuality="negated"),
        replace(event("e2", "attack", "attack", agent, sentence=1), factuality="possible"),
        event("e3", "retreated", "retreat", agent, sentence=2),
        entities=ISIS,
    )
    (timeline,) = build_story([("a", a)], ["ISIS"]).actor_timelines
    assert [entry.mentions[0].event for entry in timeline.entries] == ["e3"]


def test_actor_timeline_ranks_events_in_time_with_equal_positions_for_one_date():
    agent = (("x1", "General Motors", "agent"),)
    a = document(
        event("e1", "recalled", "recall", agent, on("2014-02-13"), sentence=0),
        event("e2", "hired", "hire", agent, on("2013-12-10"), sentence=1),
        event("e3", "closed", "close", agent, on("2014-02-13"), sentence=2),
        event("e4", "plans", "plan", agent, sentence=3),
        event("e5", "rained", "rain", time=on("2014-02-13"), sentence=4),
    )
    timeline = build_story([("a", document(*a.events, entities={"x1": "GM"}))], ["General Motors"])
    entries = timeline.actor_timelines[0].entries
    assert [(e.position, e.date, e.mentions[0].event) for e in entries] == [
        (1, "2013-12-10", "e2"),
        (2, "2014-02-13", "e1"),
        (2, "2014-02-13", "e3"),
        (0, None, "e4"),
    ]


def test_actor_timelines_follow_the_request_and_list_matched_entities():
    a = document(event("e1", "won", "win", (("x1", "Obama", "agent"),)), entities={"x1": "Obama"})
    story = build_story([("a", a)], ["Barack Obama", "Nobody"])
    obama, nobody = story.actor_timelines
    assert (obama.actor, nobody.actor) == ("Barack Obama", "Nobody")
    assert [(ref.document, ref.entity) for ref in obama.entities] == [("a", "x1")]
    assert nobody.entities == () and nobody.entries == ()


def test_an_actor_named_only_around_an_event_is_not_taking_part():
    around = (("x1", "iTunes Music Store", "other"),)
    a = document(event("e1", "marketed", "market", around), entities={"x1": "iTunes Music Store"})
    (timeline,) = build_story([("a", a)], ["iTunes store"]).actor_timelines
    assert timeline.entries == ()


def test_events_of_one_day_share_a_position_whatever_the_time_of_day():
    morning = EventTime("t1", "2010-07-16TMO", Interval("2010-07-16T05:00", "2010-07-16T11:59"))
    agent = (("x1", "Apple", "agent"),)
    a = document(
        event("e1", "said", "say", agent, on("2010-07-16"), sentence=0),
        event("e2", "attempted", "attempt", agent, morning, sentence=1),
        entities={"x1": "Apple"},
    )
    (timeline,) = build_story([("a", a)], ["Apple"]).actor_timelines
    assert [entry.position for entry in timeline.entries] == [1, 1]


# Kind 6 of issue 15, on the real model: a product, a model or an index that the small model
# does not tag (or tags in part) still has a timeline, with the mentions that matched and the
# actor's role in each event.
INDEX_AND_PLANES = [
    ("a", "The FTSE 100 fell 2 percent on Monday as investors sold bank shares."),
    (
        "b",
        "Boeing grounded the 777 after an engine failed on Saturday. "
        "The 787 kept flying. The 777 returned to service in May.",
    ),
]


@pytest.fixture(scope="module")
def index_and_planes(pipeline):
    return [(document, pipeline.process(text)) for document, text in INDEX_AND_PLANES]


def _timeline(documents, actor):
    (timeline,) = build_story(documents, [actor]).actor_timelines
    return timeline


def test_an_index_the_model_tags_in_part_has_its_timeline(index_and_planes):
    timeline = _timeline(index_and_planes, "the FTSE 100")
    assert timeline.matched == ("The FTSE 100",)
    assert [(e.mentions[0].text, e.roles) for e in timeline.entries] == [("fell", ("patient",))]


def test_a_model_number_has_its_timeline_with_its_roles(index_and_planes):
    timeline = _timeline(index_and_planes, "the 777")
    roles = {e.mentions[0].text: e.roles for e in timeline.entries}
    assert roles == {"grounded": ("patient",), "returned": ("agent",)}
    assert set(timeline.matched) == {"the 777", "The 777"}


def test_another_model_number_is_not_matched(index_and_planes):
    timeline = _timeline(index_and_planes, "the 787")
    assert "returned" not in {e.mentions[0].text for e in timeline.entries}
    assert "grounded" not in {e.mentions[0].text for e in timeline.entries}
