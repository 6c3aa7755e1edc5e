"""The event stage: triggers, classes, attributes and actors, on texts written for the tests.

Time expressions are given as records here, so these tests do not depend on the timex stage,
except ``test_example_article_*`` which run the whole pipeline (marked "needs timex").
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from service.pipeline.events.features import is_candidate, time_governors, token_features
from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.records import Interval, TimeExpression

ANCHOR = datetime(2021, 3, 10)


@pytest.fixture(scope="module")
def events_of(pipeline):
    def run(text, time_expressions=()):
        doc = pipeline.nlp(text)
        entities = pipeline.entities(doc)
        return pipeline.events(doc, entities, list(time_expressions), ANCHOR), entities

    return run


def event(events, trigger):
    matches = [e for e in events if e.trigger.text == trigger]
    assert matches, f"no event {trigger!r} in {[e.trigger.text for e in events]}"
    return matches[0]


def roles(found, entities):
    names = {e.id: e.name for e in entities}
    return {(names.get(a.entity, a.text), a.role) for a in found.actors}


def test_passive_by_agent_and_subject_patient(events_of):
    events, entities = events_of("The bridge was destroyed by Atlantic Storms Ltd in the night.")
    destroyed = event(events, "destroyed")
    assert destroyed.event_class == "OCCURRENCE"
    assert ("Atlantic Storms Ltd", "agent") in roles(destroyed, entities)
    assert ("The bridge", "patient") in roles(destroyed, entities)


def test_reporting_verb_and_its_speaker(events_of):
    events, entities = events_of("Helena Marsh said the factory would close.")
    said = event(events, "said")
    assert said.event_class == "REPORTING"
    assert said.tense == "PAST"
    assert ("Helena Marsh", "agent") in roles(said, entities)
    assert event(events, "close").factuality == "possible"


def test_nominal_events_are_detected(events_of):
    events, _ = events_of(
        "After the attack, the summit was cancelled and the campaign ended in a collapse."
    )
    triggers = {e.trigger.text for e in events}
    assert {"attack", "summit", "campaign", "collapse"} <= triggers
    assert all(e.tense == "NONE" for e in events if e.trigger.text == "summit")


def test_negation_modality_and_future_set_factuality(events_of):
    events, _ = events_of("The union did not strike. Managers may resign. The plant will reopen.")
    strike = event(events, "strike")
    assert (strike.polarity, strike.factuality) == ("NEG", "negated")
    resign = event(events, "resign")
    assert (resign.modality, resign.factuality) == ("may", "possible")
    reopen = event(events, "reopen")
    assert (reopen.tense, reopen.factuality) == ("FUTURE", "future")


def test_reported_clause_is_reported(events_of):
    events, _ = events_of("Police said the suspect escaped through a window.")
    assert event(events, "escaped").factuality == "reported"
    assert event(events, "said").factuality == "asserted"


def test_perfect_and_progressive_aspect(events_of):
    events, _ = events_of("Prices have risen while traders were buying gold.")
    assert (event(events, "risen").tense, event(events, "risen").aspect) == (
        "PRESENT",
        "PERFECTIVE",
    )
    assert event(events, "buying").aspect == "PROGRESSIVE"


def test_a_date_alone_is_never_an_event(events_of):
    text = "Monday, 8 March 2021."
    timex = TimeExpression(
        "t1",
        "Monday, 8 March 2021",
        0,
        20,
        "DATE",
        "2021-03-08",
        Interval("2021-03-08", "2021-03-08"),
    )
    events, _ = events_of(text, [timex])
    assert events == []


def test_events_in_text_order_with_sentence_spans(events_of):
    text = "Rebels attacked the town. Troops withdrew."
    events, _ = events_of(text)
    assert len({e.id for e in events}) == len(events) == 2
    assert [e.trigger.start for e in events] == sorted(e.trigger.start for e in events)
    for found in events:
        assert text[found.sentence.start : found.sentence.end] == found.sentence.text
        assert found.sentence.start <= found.trigger.start < found.sentence.end


def test_an_event_keeps_its_id_when_text_is_added_before_it(events_of):
    text = "Rebels attacked the town. Troops withdrew."
    before = {e.trigger.text: e.id for e in events_of(text)[0]}
    after = {e.trigger.text: e.id for e in events_of("Storms hit the coast. " + text)[0]}
    assert after["attacked"] == before["attacked"]
    assert after["withdrew"] == before["withdrew"]
    assert after["hit"] not in before.values()


def test_an_event_changed_in_its_sentence_gets_another_id(events_of):
    first = {e.trigger.text: e.id for e in events_of("Rebels attacked the town.")[0]}
    second = {e.trigger.text: e.id for e in events_of("Rebels attacked the city.")[0]}
    assert first["attacked"] != second["attacked"]


def test_a_repeated_sentence_gives_distinct_ids(events_of):
    events, _ = events_of("Troops withdrew. Troops withdrew.")
    first, second = (e.id for e in events)
    assert second == first + "-2"


@pytest.fixture(scope="module")
def article(pipeline, mattis_article):
    return pipeline.process(mattis_article, date(2017, 5, 9))


def test_example_article_meeting_actors(article):
    meet = next(e for e in article.events if e.lemma == "meet")
    names = {e.id: e.name for e in article.entities}
    found = {(names.get(a.entity), a.role) for a in meet.actors}
    assert ("US-led coalition", "agent") in found
    assert ("Copenhagen", "location") in found


def test_example_article_places_are_places(article):
    places = {e.name for e in article.entities if e.type in ("GPE", "LOC")}
    assert {"Mosul", "Raqa", "Copenhagen"} <= places


def test_example_article_has_no_event_inside_a_time_expression(article):
    for timex in article.time_expressions:
        for found in article.events:
            assert not (timex.start <= found.trigger.start < timex.end), (found, timex)


def test_subject_of_an_intransitive_change_is_its_patient(events_of):
    events, entities = events_of("Shares of Norvale Mining fell sharply.")
    fell = event(events, "fell")
    assert {role for _, role in roles(fell, entities)} == {"patient"}


def test_relative_pronoun_subject_links_its_antecedent(events_of):
    events, entities = events_of("Analysts praised Kestrel Foods, which announced a merger.")
    announced = event(events, "announced")
    agents = [a for a in announced.actors if a.role == "agent"]
    assert [a.text for a in agents] == ["which"]
    assert {e.id: e.name for e in entities}[agents[0].entity] == "Kestrel Foods"


def test_subject_of_an_infinitive_complement_is_the_governing_verbs_patient(events_of):
    events, entities = events_of("The new rule will allow Brenholt Farms to sell seeds abroad.")
    allow = event(events, "allow")
    assert ("Brenholt Farms", "patient") in roles(allow, entities)


def test_subject_of_a_verb_about_it_is_the_patient(events_of):
    events, entities = events_of("The membership program costs $99 a year.")
    costs = event(events, "costs")
    assert ("The membership program", "patient") in roles(costs, entities)


def test_intransitive_sell_has_the_goods_as_patient(events_of):
    events, entities = events_of("The new tablets sold quickly.")
    assert ("The new tablets", "patient") in roles(event(events, "sold"), entities)


def test_possessor_of_a_launch_is_what_is_launched(events_of):
    events, entities = events_of("Five years after its launch, the store passed its rivals.")
    assert ("its", "patient") in roles(event(events, "launch"), entities)


def test_possessor_of_a_launch_with_an_object_is_the_launcher(events_of):
    events, entities = events_of("Orbitex praised Norland Motors' launch of the electric van.")
    launch = event(events, "launch")
    assert "agent" in {role for _, role in roles(launch, entities)}
    assert "patient" not in {role for name, role in roles(launch, entities) if "Norland" in name}


def test_keynote_is_a_nominal_event(events_of):
    events, _ = events_of("The chief executive gave the keynote at the conference.")
    assert event(events, "keynote")


def test_listed_verb_in_its_embedding_frame_keeps_its_class(events_of):
    events, _ = events_of("The insurer offered to cover the repairs.")
    assert event(events, "offered").event_class == "I_ACTION"


def test_aspectual_verb_with_an_event_object_is_aspectual(events_of):
    events, _ = events_of("The bank completed the acquisition in March.")
    assert event(events, "completed").event_class == "ASPECTUAL"


def test_frame_rule_overrides_only_a_plain_occurrence(pipeline):
    detector = pipeline.events.detector
    doc = pipeline.nlp("Managers decided to close the plant.")
    decided = doc[1]
    assert detector._framed(decided, "OCCURRENCE") == "I_ACTION"
    assert detector._framed(decided, "REPORTING") == "REPORTING"
    assert detector._framed(doc[4], "OCCURRENCE") == "OCCURRENCE"  # "close": no frame


def test_auxiliaries_are_never_triggers(events_of):
    events, _ = events_of("The company has sold its plant and was fined by the regulator.")
    triggers = {e.trigger.text for e in events}
    assert {"sold", "fined"} <= triggers
    assert not triggers & {"has", "was"}


def test_main_verb_have_stays_a_candidate(pipeline):
    doc = pipeline.nlp("The group has three plants and has closed one.")
    owns, helps = doc[2], doc[6]
    assert (owns.dep_, helps.dep_) == ("ROOT", "aux")
    assert is_candidate(owns, blocked=False)
    assert not is_candidate(helps, blocked=False)


def test_features_say_which_time_expression_a_word_governs(pipeline):
    doc = pipeline.nlp("Third-quarter earnings fell sharply after talks on Monday.")
    in_time = [token.i <= 2 or token.text == "Monday" for token in doc]  # as the timex stage marks
    earnings, talks, fell = doc[3], doc[7], doc[4]
    governed = time_governors(doc, in_time)
    assert (governed[earnings.i], governed[talks.i]) == (["tc=compound"], ["tp=on"])
    assert fell.i not in governed
    lexicon = load_lexicon()
    assert "tp=on|NOUN" in token_features(talks, lexicon, governed)
    assert not any(f.startswith(("tc=", "tp=")) for f in token_features(fell, lexicon, governed))


def test_a_copula_is_never_a_trigger(events_of):
    events, _ = events_of("The harbour was calm and the mayor is a veteran, but the ferry sank.")
    triggers = {e.trigger.text for e in events}
    assert "sank" in triggers
    assert not triggers & {"was", "is"}


def test_a_perception_verb_keeps_its_class(events_of):
    events, _ = events_of("Fishermen saw the explosion from the pier.")
    assert event(events, "saw").event_class == "PERCEPTION"


def test_future_going_to_is_not_a_trigger(events_of):
    events, _ = events_of("The factory is going to close next year.")
    triggers = {e.trigger.text for e in events}
    assert "close" in triggers
    assert "going" not in triggers


def test_listed_intensional_verb_with_an_event_object_is_framed(pipeline):
    detector = pipeline.events.detector
    doc = pipeline.nlp("The council postponed the vote.")
    assert detector._framed(doc[2], "OCCURRENCE") == "I_ACTION"
