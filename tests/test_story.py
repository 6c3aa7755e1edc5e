"""build_story over hand-written records: coreference decisions, dates, actor timelines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from service.pipeline.records import (
    Actor,
    DocumentDate,
    DocumentInfo,
    Entity,
    Event,
    EventTime,
    Interval,
    TextSpan,
    TimeExpression,
    TimelineResult,
)
from service.pipeline.story.build import UNKNOWN_DATE, build_story
from service.pipeline.story.coreference import (
    MERGE_THRESHOLD,
    coreference_score,
    mention_features,
    verb_forms,
)
from service.pipeline.story.mention_time import DocumentTimes, document_times, mention_time
from service.pipeline.story.names import mentions_name, names_match
from service.pipeline.story.participants import Participant, event_participants

ISIS = {"x1": "ISIS"}


def on(value: str, relation: str = "IS_INCLUDED", expression: str | None = "t1") -> EventTime:
    """A time on the day ``value`` (or the whole year, for a four-digit value)."""
    start, end = (value + "-01-01", value + "-12-31") if len(value) == 4 else (value, value)
    return EventTime(expression, value, Interval(start, end), relation)


def event(
    id: str,
    word: str,
    lemma: str,
    actors: tuple[tuple[str | None, str, str], ...] = (),
    time: EventTime | None = None,
    sentence: int = 0,
    event_class: str = "OCCURRENCE",
) -> Event:
    """An event in sentence ``sentence``; actors are (entity id or None, text, role)."""
    start = sentence * 100 + 10
    return Event(
        id=id,
        trigger=TextSpan(word, start, start + len(word)),
        lemma=lemma,
        event_class=event_class,
        sentence=TextSpan("", sentence * 100, sentence * 100 + 99),
        actors=tuple(
            Actor(entity, text, start + 20, start + 20 + len(text), role)
            for entity, text, role in actors
        ),
        time=time,
    )


def document(
    *events: Event, entities: dict[str, str] | None = None, date: str | None = "2017-05-09"
) -> TimelineResult:
    """A result with these events and entities (id -> name)."""
    return TimelineResult(
        document=DocumentInfo(None, "en", DocumentDate(date, "request"), 1000),
        entities=tuple(
            Entity(id, name, "ORG", (TextSpan(name, 0, len(name)),))
            for id, name in (entities or {}).items()
        ),
        events=events,
    )


def score(first: Event, second: Event, names: dict[str, str] | None = None) -> float:
    """The coreference score of two mentions from documents "a" and "b" of 2017-05-09."""

    def features(document_id: str, mention: Event):
        time = mention_time(mention, DocumentTimes("2017-05-09"))
        date = time.value if time.explicit else None
        actors = [Participant(a.role, a.entity, a.text) for a in mention.actors]
        return mention_features(document_id, mention, actors, names or {}, time.window, date)

    return coreference_score(features("a", first), features("b", second))


def merged(story) -> list[list[tuple[str, str]]]:
    """(document, event id) of every story event with more than one mention."""
    return [
        [(m.document, m.event) for m in story_event.mentions]
        for entry in story.timeline
        for story_event in entry.events
        if len(story_event.mentions) > 1
    ]


# Trigger forms


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


# Scored decisions


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


# Stories


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


def test_story_timeline_is_chronological_with_undated_events_last():
    a = document(
        event("e1", "met", "meet", time=on("2017-05-09"), sentence=0),
        event("e2", "founded", "found", time=on("2014"), sentence=1),
        event("e3", "grew", "grow", sentence=2),
    )
    story = build_story([("a", a)])
    assert [entry.value for entry in story.timeline] == ["2014", "2017-05-09", UNKNOWN_DATE]
    ids = [e.id for entry in story.timeline for e in entry.events]
    assert ids == ["s1", "s2", "s3"]


def test_present_reference_takes_the_document_date():
    now = EventTime("t2", "PRESENT_REF", None, "IS_INCLUDED")
    story = build_story([("a", document(event("e1", "holds", "hold", time=now)))])
    assert story.timeline[0].value == "2017-05-09"


# Actor timelines


@pytest.mark.parametrize(
    ("requested", "name"),
    [
        ("Barack Obama", "Obama"),
        ("Barack Obama", "President Obama"),
        ("barack obama", "Barack Obama"),
        ("General Motors", "GM"),
        ("GM", "General Motors"),
        ("Apple", "Apple Inc."),
        ("Steve Jobs", "Jobs"),
    ],
)
def test_names_match_aliases_surnames_and_acronyms(requested, name):
    assert names_match(requested, name)


@pytest.mark.parametrize(
    ("requested", "name"),
    [("Barack Obama", "Michelle Obama"), ("iPhone 4", "iPhone"), ("General Motors", "GE")],
)
def test_names_do_not_match_other_actors(requested, name):
    assert not names_match(requested, name)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("The iPhone 4", "iPhone 4"),
        ("the iTunes Music Store", "iTunes store"),
        ("Jobs", "Steve Jobs"),
        ("company CEO Steve Jobs", "Steve Jobs"),
        ("more than 21 million iPod players", "iPod"),
    ],
)
def test_actor_phrases_that_name_the_actor(phrase, name):
    assert mentions_name(phrase, name)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Jobs's health", "Steve Jobs"),
        ("Jobs ' medical leave", "Steve Jobs"),
        ("the tagline of Steve Jobs", "Steve Jobs"),
        ("create jobs", "Steve Jobs"),
        ("the iPhone 3GS", "iPhone 3G"),
        ("The new iPhone", "iPhone 4"),
    ],
)
def test_actor_phrases_about_something_else(phrase, name):
    assert not mentions_name(phrase, name)


def test_an_unresolved_actor_naming_the_actor_puts_the_event_in_its_timeline():
    a = document(event("e1", "unveiled", "unveil", ((None, "the iPhone 4", "patient"),)))
    (timeline,) = build_story([("a", a)], ["iPhone 4"]).actor_timelines
    assert [entry.mentions[0].event for entry in timeline.entries] == ["e1"]


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
        entities={"p1": "Steve Jobs"},
    )
    (participant,) = event_participants(a)["e1"]
    assert participant.entity == "p1"


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


def test_empty_input_is_an_empty_story():
    story = build_story([], ["ISIS"])
    assert story.timeline == ()
    assert story.actor_timelines[0].entries == ()


# Mention times


def test_a_past_event_dated_after_its_document_keeps_only_the_document_date():
    said = replace(
        event("e1", "said", "say", time=on("2018"), event_class="REPORTING"), tense="PAST"
    )
    time = mention_time(said, DocumentTimes("2017-05-09"))
    assert (time.value, time.explicit) == ("2017-05-09", False)


def test_an_undated_past_event_is_placed_on_its_document_date_with_an_open_window():
    before = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "BEFORE")
    returned = replace(event("e1", "returned", "return", time=before), tense="PAST")
    time = mention_time(returned, DocumentTimes("2017-05-09"))
    assert time.value == "2017-05-09"
    assert time.window == ("", "2017-05-09")


def test_a_future_event_is_only_after_its_document_date():
    after = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "AFTER")
    vote = replace(event("e1", "vote", "vote", time=after), tense="FUTURE")
    time = mention_time(vote, DocumentTimes(None))
    assert time.value is None
    time = mention_time(vote, DocumentTimes("2017-05-09"))
    assert (time.value, time.window) == (None, ("2017-05-09", "\uffff"))


# Dating mentions in their document


def test_a_present_perfect_event_only_the_document_date_bounds_is_on_it():
    before = EventTime(None, "2017-05-09", Interval("2017-05-09", "2017-05-09"), "BEFORE")
    asked = replace(event("e1", "asked", "ask", time=before), tense="PRESENT", aspect="PERFECTIVE")
    assert mention_time(asked, DocumentTimes("2017-05-09")).value == "2017-05-09"


def test_a_present_tense_event_nothing_dates_is_on_the_document_date():
    has = replace(event("e1", "has", "have"), tense="PRESENT")
    assert mention_time(has, DocumentTimes("2017-05-09")).value == "2017-05-09"
    assert mention_time(replace(has, tense="INFINITIVE"), DocumentTimes("2017-05-09")).value is None


APRIL = Interval("2010-04-01", "2010-04-30")


def news(*events: Event, date: str = "2010-06-08") -> TimelineResult:
    """A document with a lead "Yesterday" (t1, sentence 0) and "In April" (t2, sentence 1)."""
    expressions = (
        TimeExpression("t1", "Yesterday", 5, 14, "DATE", "2010-06-07"),
        TimeExpression("t2", "April", 103, 108, "DATE", "2010-04"),
    )
    result = document(*events, date=date)
    return replace(result, time_expressions=expressions)


def past(id: str, word: str, time: EventTime | None, sentence: int) -> Event:
    """A past-tense event."""
    return replace(event(id, word, word, time=time, sentence=sentence), tense="PAST")


def test_a_month_carried_over_from_an_earlier_sentence_gives_way_to_the_lead_date():
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    obtained = past("e2", "obtained", EventTime("t2", "2010-04", APRIL), 1)
    praised = past("e3", "praised", EventTime("t2", "2010-04", APRIL), 2)
    times = document_times(news(unveiled, obtained, praised))
    assert times.lead == "2010-06-07"
    assert mention_time(obtained, times).value == "2010-04"
    assert mention_time(praised, times).value == "2010-06-07"
    will_praise = mention_time(replace(praised, tense="FUTURE"), times)
    assert (will_praise.value, will_praise.window) == (None, ("2010-06-08", "\uffff"))


def test_a_lead_date_after_the_document_date_is_no_lead():
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    assert document_times(news(unveiled, date="2010-06-01")).lead is None


def test_a_past_event_before_now_is_on_the_lead_date():
    recently = EventTime("t3", "PAST_REF", None, "IS_INCLUDED")
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    announced = past("e2", "announced", recently, 2)
    times = document_times(news(unveiled, announced))
    assert mention_time(announced, times).value == "2010-06-07"
    assert mention_time(announced, times).window == ("", "2010-06-07")


# Mentions, participants and ranks


def test_a_phrasal_verb_mention_takes_its_particle():
    sentence = TextSpan("Jobs showed off the phone.", 0, 26)
    showed = Event("e1", TextSpan("showed", 5, 11), "show", "OCCURRENCE", sentence, tense="PAST")
    (entry,) = build_story([("a", document(showed))]).timeline
    (mention,) = entry.events[0].mentions
    assert (mention.text, mention.start, mention.end) == ("showed off", 5, 15)


def test_it_refers_to_the_named_thing_last_before_it():
    phone = Actor(None, "iPhone 4", 5, 13, "agent")
    it = Actor(None, "It", 110, 112, "agent")
    a = document(
        replace(event("e1", "has", "have", sentence=0), actors=(phone,)),
        replace(event("e2", "comes", "come", sentence=1), actors=(it,)),
    )
    (timeline,) = build_story([("a", a)], ["iPhone 4"]).actor_timelines
    assert {entry.mentions[0].event for entry in timeline.entries} == {"e1", "e2"}


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


# Coreference across documents


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


@pytest.mark.parametrize(
    "time",
    [
        EventTime("t3", "PT2H", None, "DURING"),
        EventTime("t3", "2010-09-30", Interval("2010-09-30", "2010-09-30"), "BEFORE"),
    ],
)
def test_a_past_event_a_duration_or_a_later_date_bounds_is_on_the_lead_date(time):
    unveiled = past("e1", "unveiled", on("2010-06-07", expression="t1"), 0)
    speech = past("e2", "spoke", time, 2)
    assert mention_time(speech, document_times(news(unveiled, speech))).value == "2010-06-07"
