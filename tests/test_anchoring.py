"""Anchoring events to the time expression that governs them, or to the document date.

The anchorer is fed gold events and time expressions (records found by their words in the test
text), so neither the trained event classifier nor the timex stage decides what these tests see;
only the tests named ``test_example_article_*`` run the whole pipeline ("needs timex").
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from service.pipeline.events.anchor_walk import EventToAnchor
from service.pipeline.events.anchoring import STEPS, Anchorer, anchored_by
from service.pipeline.events.attributes import read_attributes
from service.pipeline.records import Interval, TimeExpression

DOCUMENT_DATE = datetime(2021, 3, 10)


def timex(text, phrase, tid, value, type_="DATE", interval=None, last=False):
    start = text.rindex(phrase) if last else text.index(phrase)
    if interval is None and len(value) == 10:
        interval = Interval(value, value)
    return TimeExpression(tid, phrase, start, start + len(phrase), type_, value, interval)


def gold_events(doc, events):
    """Events named as "met said/REPORTING ...": each word's next token after the previous one,
    of the class after the slash (OCCURRENCE by default), tense and aspect read off the parse."""
    found, start = [], 0
    for item in events.split():
        word, _, event_class = item.partition("/")
        token = next(t for t in doc[start:] if t.text == word)
        attributes = read_attributes(token, None)
        event_class = event_class or "OCCURRENCE"
        found.append(EventToAnchor(token, event_class, attributes.tense, attributes.aspect))
        start = token.i + 1
    return found


@pytest.fixture(scope="module")
def anchored(pipeline):
    def run(text, time_expressions=(), events="", document_date=DOCUMENT_DATE):
        doc = pipeline.nlp(text)
        gold = gold_events(doc, events)
        times = Anchorer(doc, list(time_expressions), document_date)(gold)
        return {event.token.text: time for event, time in zip(gold, times, strict=True)}

    return run


def test_event_takes_the_time_expression_that_governs_it(anchored):
    text = "The ministers met on Monday and the talks resumed on Friday."
    times = [timex(text, "Monday", "t1", "2021-03-08"), timex(text, "Friday", "t2", "2021-03-12")]
    events = anchored(text, times, "met talks resumed")
    assert events["met"].expression == "t1"
    assert events["resumed"].expression == "t2"
    assert events["met"].interval == Interval("2021-03-08", "2021-03-08")


def test_possessive_time_anchors_a_nominal_event(anchored):
    text = "Delegates praised Monday's summit."
    events = anchored(text, [timex(text, "Monday", "t1", "2021-03-08")], "praised summit")
    assert events["summit"].expression == "t1"


def test_date_of_a_relative_clause_does_not_anchor_the_main_verb(anchored):
    text = "The engineer who arrived on Monday praised the design."
    events = anchored(text, [timex(text, "Monday", "t1", "2021-03-08")], "arrived praised")
    assert events["arrived"].expression == "t1"
    assert events["praised"].expression != "t1"


def test_date_of_a_reported_clause_does_not_anchor_the_reporting_verb(anchored):
    text = "Analysts argued that the merger had collapsed in January."
    events = anchored(
        text, [timex(text, "January", "t1", "2021-01")], "argued/REPORTING merger collapsed"
    )
    assert events["collapsed"].expression == "t1"
    assert events["argued"].expression is None


def test_unanchored_events_fall_back_on_the_document_date(anchored):
    events = anchored(
        "The mayor said the bridge collapsed. The city will rebuild it.",
        (),
        "said/REPORTING collapsed rebuild",
    )
    said, collapsed, rebuild = events["said"], events["collapsed"], events["rebuild"]
    assert (said.value, said.relation) == ("2021-03-10", "IS_INCLUDED")
    assert said.expression is None
    assert said.interval == Interval("2021-03-10", "2021-03-10")
    assert collapsed.relation == "BEFORE"
    assert rebuild.relation == "AFTER"


def test_no_document_date_no_fallback(anchored):
    events = anchored(
        "The mayor said the bridge collapsed.", (), "said/REPORTING collapsed", document_date=None
    )
    assert events["said"] is None


@pytest.fixture(scope="module")
def article(pipeline, mattis_article):
    result = pipeline.process(mattis_article, date(2017, 5, 9))
    return result, {t.id: t for t in result.time_expressions}


def test_example_article_meeting_on_tuesday(article):
    """Needs timex: "on Tuesday" must be found and resolved to 2017-05-09."""
    result, times = article
    meet = next(e for e in result.events if e.lemma == "meet")
    assert meet.time.value == "2017-05-09"
    assert times[meet.time.expression].text == "Tuesday"


def test_example_article_campaign_began_in_autumn_2014(article):
    """Needs timex: "autumn 2014" must be found as a DATE."""
    result, times = article
    began = next(e for e in result.events if e.lemma == "begin")
    assert times[began.time.expression].text == "autumn 2014"
    campaign = next(
        e for e in result.events if e.lemma == "campaign" and e.time and e.time.expression
    )
    assert times[campaign.time.expression].text == "autumn 2014"


def test_trailing_reporting_verb_is_not_dated_by_the_clause_it_reports(anchored):
    text = "Prices will rise next year, the minister said."
    events = anchored(text, [timex(text, "next year", "t1", "2022")], "rise said/REPORTING")
    assert events["rise"].expression == "t1"
    assert events["said"].expression is None


def test_adjectival_duration_times_its_noun_not_the_verb_above_it(anchored):
    text = "Delegates ended a two-day visit."
    events = anchored(
        text, [timex(text, "two-day", "t1", "P2D", "DURATION")], "ended/ASPECTUAL visit"
    )
    assert events["visit"].expression == "t1"
    assert events["visit"].relation == "DURING"
    assert events["ended"].expression is None


def test_later_reports_take_the_news_day_of_the_lead(anchored):
    text = (
        "Rescuers reached the village on Friday.\n"
        "The storm had flattened the harbour.\n"
        "Fishermen lost their boats.\n"
        "Nobody drowned.\n"
        "The governor said the roads would reopen."
    )
    events = anchored(
        text,
        [timex(text, "Friday", "t1", "2021-03-05")],
        "reached flattened lost drowned said/REPORTING reopen",
    )
    assert events["said"].expression == "t1"
    assert events["said"].relation == "IS_INCLUDED"


def test_an_old_lead_date_is_not_the_news_day(anchored):
    text = (
        "The bridge opened in 1990.\n"
        "Engineers praised it.\n"
        "Traffic grew.\n"
        "Tolls rose.\n"
        "The mayor said the bridge needed repairs."
    )
    events = anchored(
        text, [timex(text, "1990", "t1", "1990")], "opened praised grew rose said/REPORTING"
    )
    assert events["said"].expression is None


def test_now_is_not_carried_to_later_sentences(anchored):
    text = "Investors are nervous now.\nShares fell sharply."
    events = anchored(text, [timex(text, "now", "t1", "PRESENT_REF")], "fell")
    assert events["fell"].expression is None


def test_event_before_a_dated_subordinate_clause_is_before_its_time(anchored):
    text = "The ministers left before the talks ended on Friday."
    events = anchored(
        text, [timex(text, "Friday", "t1", "2021-03-05")], "left talks ended/ASPECTUAL"
    )
    assert events["ended"].relation == "IS_INCLUDED"
    assert events["left"].expression == "t1"
    assert events["left"].relation == "BEFORE"


def test_event_after_a_dated_subordinate_clause_is_after_its_time(anchored):
    text = "The ministers left after the talks ended on Friday."
    events = anchored(
        text, [timex(text, "Friday", "t1", "2021-03-05")], "left talks ended/ASPECTUAL"
    )
    assert events["left"].relation == "AFTER"


def test_period_of_the_clause_times_an_event_of_an_undated_sentence(anchored):
    text = "There were a dozen attacks on clinics in the last five years."
    events = anchored(
        text, [timex(text, "the last five years", "t1", "P5Y", "DURATION")], "attacks"
    )
    assert events["attacks"].expression == "t1"
    assert events["attacks"].relation == "DURING"


def test_frequency_attached_to_an_event_anchors_it(anchored):
    text = "The council meets daily."
    events = anchored(text, [timex(text, "daily", "t1", "P1D", "SET")], "meets")
    assert events["meets"].expression == "t1"


@pytest.mark.parametrize(
    ("last_sentence", "trigger"),
    [
        ("Volunteers cleared the beach.", "cleared"),  # a simple past event
        ("The ceremony was short.", "ceremony"),  # an untensed (noun) event
    ],
)
def test_undated_event_after_the_lead_takes_its_news_day(anchored, last_sentence, trigger):
    text = (
        "Rescuers reached the village on Friday.\n"
        "The storm had flattened the harbour.\n"
        "Fishermen lost their boats.\n"
        "Nobody drowned.\n" + last_sentence
    )
    events = anchored(
        text,
        [timex(text, "Friday", "t1", "2021-03-05")],
        f"reached flattened lost drowned {trigger}",
    )
    assert events[trigger].expression == "t1"


def test_headline_report_takes_the_day_the_article_reports_from(anchored):
    text = "Police say the suspect fled.\nThe chief said on Tuesday that roads were closed."
    events = anchored(
        text,
        [timex(text, "Tuesday", "t1", "2021-03-09")],
        "say/REPORTING fled said/REPORTING closed",
    )
    assert events["say"].expression == "t1"


def test_a_baseline_of_a_comparison_does_not_date_the_event(anchored):
    text = "Net income rose to $5 million from $4 million a year ago."
    events = anchored(text, [timex(text, "a year ago", "t1", "2020")], "rose")
    assert events["rose"].expression is None


def test_narration_continues_the_period_not_the_baseline_of_a_comparison(anchored):
    text = (
        "In the third quarter, net income fell 5%.\n"
        "Sales rose to $9 million from $8 million a year earlier."
    )
    quarter = Interval("2020-07-01", "2020-09-30")
    year_before = Interval("2019-07-01", "2019-09-30")
    times = [
        timex(text, "the third quarter", "t1", "2020-Q3", interval=quarter),
        timex(text, "a year earlier", "t2", "2019-Q3", interval=year_before),
    ]
    events = anchored(text, times, "fell rose")
    assert events["rose"].expression == "t1"


def test_a_carried_day_is_named_by_its_latest_mention(anchored):
    text = (
        "Police reported on Sunday that two men were arrested.\n"
        "The men were armed.\n"
        "They fled.\n"
        "A car was found.\n"
        "The mayor spoke on Sunday.\n"
        "He said the city was calm."
    )
    times = [
        timex(text, "Sunday", "t1", "2021-03-07"),
        timex(text, "Sunday", "t2", "2021-03-07", last=True),
    ]
    assert (
        anchored(text, times, "reported/REPORTING arrested armed fled found spoke said/REPORTING")[
            "said"
        ].expression
        == "t2"
    )


def test_an_undated_lead_takes_the_news_day_the_lead_gives_next(anchored):
    text = (
        "The grandmother said she would travel to Miami.\n"
        "Thousands of women marched in Havana on Friday."
    )
    events = anchored(
        text, [timex(text, "Friday", "t1", "2021-03-05")], "said/REPORTING travel marched"
    )
    assert events["said"].expression == "t1"
    assert events["said"].relation == "IS_INCLUDED"


def test_a_noun_event_takes_the_date_of_its_relative_clause(anchored):
    text = "Police investigated shootings that wounded two doctors in November."
    events = anchored(
        text, [timex(text, "November", "t1", "2020-11")], "investigated/I_ACTION shootings wounded"
    )
    assert events["shootings"].expression == "t1"
    assert events["investigated"].expression is None


def test_narration_continues_the_time_of_a_clause_not_of_a_noun(anchored):
    text = "The ministry on Sunday issued a warning after the Aug. 7 bombings.\nThe embassy closed."
    times = [timex(text, "Sunday", "t1", "2021-03-07"), timex(text, "Aug. 7", "t2", "2020-08-07")]
    events = anchored(text, times, "issued warning bombings closed")
    assert events["bombings"].expression == "t2"
    assert events["closed"].expression == "t1"


def test_narration_continues_a_period_but_not_for_a_report(anchored):
    text = "In the nine months, profit rose 5%.\nSales increased 3%, the company said."
    events = anchored(
        text,
        [timex(text, "the nine months", "t1", "P9M", "DURATION")],
        "rose increased said/REPORTING",
    )
    assert events["increased"].expression == "t1"
    assert events["increased"].relation == "DURING"
    assert events["said"].expression is None


def test_a_present_event_is_on_the_document_day_the_text_names(anchored):
    text = (
        "Rescuers reached the village on Wednesday.\n"
        "A storm flattened the harbour in 1990.\n"
        "The fishermen fear another storm."
    )
    year = Interval("1990-01-01", "1990-12-31")
    times = [
        timex(text, "Wednesday", "t1", "2021-03-10"),
        timex(text, "1990", "t2", "1990", interval=year),
    ]
    events = anchored(text, times, "reached flattened fear/I_STATE storm")
    assert events["fear"].expression == "t1"


def test_a_past_event_does_not_continue_a_date_after_the_document_date(anchored):
    text = "The ministers will meet tomorrow.\nThe minister read a statement."
    events = anchored(text, [timex(text, "tomorrow", "t1", "2021-03-11")], "meet read statement")
    assert events["meet"].expression == "t1"
    assert events["read"].expression is None


def test_a_future_event_continues_a_date_after_the_document_date(anchored):
    text = "The summit will open on Friday.\nThe leaders will sign a treaty."
    events = anchored(text, [timex(text, "Friday", "t1", "2021-03-12")], "summit open sign")
    assert events["sign"].expression == "t1"


def test_a_later_mention_of_a_noun_event_takes_the_time_of_its_dated_mention(anchored):
    text = (
        "Police described the Aug. 7 bombings.\n"
        "Rescuers cleared the street on Sunday.\n"
        "Investigators linked the bombing to a militant group."
    )
    times = [timex(text, "Aug. 7", "t1", "2020-08-07"), timex(text, "Sunday", "t2", "2021-03-07")]
    events = anchored(text, times, "described/REPORTING bombings cleared linked bombing")
    assert events["bombings"].expression == "t1"
    assert events["bombing"].expression == "t1"


def test_a_participle_modifying_a_noun_dates_an_otherwise_undated_sentence(anchored):
    text = "The warrant issued on Monday charged the driver with theft."
    events = anchored(text, [timex(text, "Monday", "t1", "2021-03-08")], "issued charged")
    assert events["issued"].expression == "t1"
    assert events["charged"].expression == "t1"


def test_a_report_is_not_dated_by_the_day_a_later_report_gives(anchored):
    text = (
        "The storm flattened the harbour.\n"
        "A witness said the sea rose.\n"
        "Fishermen lost their boats.\n"
        "Nobody drowned.\n"
        "The governor announced on Tuesday that roads would reopen."
    )
    events = anchored(
        text,
        [timex(text, "Tuesday", "t1", "2021-03-09")],
        "flattened said/REPORTING rose lost drowned announced/REPORTING reopen",
    )
    assert events["announced"].expression == "t1"
    assert events["said"].expression is None
    assert events["said"].relation == "IS_INCLUDED"


# Each anchoring step with an example only that step anchors: (text, times, events, trigger,
# expression). The times are (phrase, id, value, type); a DATE of ten characters is one day.
STEP_EXAMPLES = {
    "own_time": (
        "The ministers met on Monday and the talks resumed on Friday.",
        [("Monday", "t1", "2021-03-08", "DATE"), ("Friday", "t2", "2021-03-12", "DATE")],
        "met talks resumed",
        "met",
        "t1",
    ),
    "sentence_time": (
        "The warrant issued on Monday charged the driver with theft.",
        [("Monday", "t1", "2021-03-08", "DATE")],
        "issued charged",
        "charged",
        "t1",
    ),
    "clause_period": (
        "There were a dozen attacks on clinics in the last five years.",
        [("the last five years", "t1", "P5Y", "DURATION")],
        "attacks",
        "attacks",
        "t1",
    ),
    "anaphoric_time": (
        "The war in 1990 is the closest example of today's situation.\n"
        "At that time, militants joined forces.",
        [("1990", "t1", "1990", "DATE"), ("today", "t2", "2021-03-10", "DATE")],
        "war joined",
        "joined",
        "t1",
    ),
    "earlier_mention": (
        "Police described the Aug. 7 bombings.\n"
        "Rescuers cleared the street on Sunday.\n"
        "Investigators linked the bombing to a militant group.",
        [("Aug. 7", "t1", "2020-08-07", "DATE"), ("Sunday", "t2", "2021-03-07", "DATE")],
        "described/REPORTING bombings cleared linked bombing",
        "bombing",
        "t1",
    ),
    "report_lead_day": (
        "Rescuers reached the village on Friday.\n"
        "The storm had flattened the harbour.\n"
        "Fishermen lost their boats.\n"
        "Nobody drowned.\n"
        "The governor said the roads would reopen.",
        [("Friday", "t1", "2021-03-05", "DATE")],
        "reached flattened lost drowned said/REPORTING reopen",
        "said",
        "t1",
    ),
    "earlier_report": (
        "The minister said in 1990 that the bridge was safe.\n"
        "Engineers praised it.\n"
        "Traffic grew.\n"
        "Tolls rose.\n"
        "The minister says the bridge is safe.",
        [("1990", "t1", "1990", "DATE")],
        "said/REPORTING praised grew rose says/REPORTING",
        "says",
        "t1",
    ),
    "document_today": (
        "Rescuers reached the village on Wednesday.\n"
        "A storm flattened the harbour in 1990.\n"
        "The fishermen fear another storm.",
        [("Wednesday", "t1", "2021-03-10", "DATE"), ("1990", "t2", "1990", "DATE")],
        "reached flattened fear/I_STATE storm",
        "fear",
        "t1",
    ),
    "narrated": (
        "The ministry on Sunday issued a warning after the Aug. 7 bombings.\nThe embassy closed.",
        [("Sunday", "t1", "2021-03-07", "DATE"), ("Aug. 7", "t2", "2020-08-07", "DATE")],
        "issued warning bombings closed",
        "closed",
        "t1",
    ),
    "lead_news_day": (
        "Rescuers reached the village on Friday.\n"
        "The storm had flattened the harbour.\n"
        "Fishermen lost their boats.\n"
        "Nobody drowned.\n"
        "Volunteers cleared the beach.",
        [("Friday", "t1", "2021-03-05", "DATE")],
        "reached flattened lost drowned cleared",
        "cleared",
        "t1",
    ),
    "lead_ahead": (
        "The grandmother said she would travel to Miami.\n"
        "Thousands of women marched in Havana on Friday.",
        [("Friday", "t1", "2021-03-05", "DATE")],
        "said/REPORTING travel marched",
        "said",
        "t1",
    ),
    "document_date": (
        "The mayor said the bridge collapsed.",
        [],
        "said/REPORTING collapsed",
        "said",
        None,
    ),
}


def _times(text, specs):
    return [
        timex(text, phrase, tid, value, type_, Interval("1990-01-01", "1990-12-31"))
        if value == "1990"
        else timex(text, phrase, tid, value, type_)
        for phrase, tid, value, type_ in specs
    ]


def test_every_step_has_an_example():
    assert [name for name, _ in STEPS] == list(STEP_EXAMPLES)


@pytest.mark.parametrize("step", list(STEP_EXAMPLES))
def test_step_example_is_anchored_by_that_step(anchored, step):
    text, times, events, trigger, expression = STEP_EXAMPLES[step]
    time = anchored(text, _times(text, times), events)[trigger]
    assert (time.step, time.expression) == (step, expression)
    assert anchored_by(time) == "anchored by: " + step.replace("_", " ")


@pytest.mark.parametrize("step", list(STEP_EXAMPLES))
def test_without_its_time_the_step_example_is_not_anchored_by_it(anchored, step):
    """Without the time expressions (and, for the document date, without the document date)
    no step gives the example that time: what the step found was its own doing."""
    text, _, events, trigger, expression = STEP_EXAMPLES[step]
    document_date = None if step == "document_date" else DOCUMENT_DATE
    time = anchored(text, (), events, document_date)[trigger]
    assert time is None or (time.step != step and time.expression != expression)


@pytest.mark.parametrize(
    ("phrase", "relation"),
    [("At that time", "IS_INCLUDED"), ("By then", "BEFORE"), ("Since then", "AFTER")],
)
def test_a_phrase_that_refers_back_relates_the_event_to_that_time(anchored, phrase, relation):
    text = f"The mine closed in 1994. {phrase}, the town has shrunk."
    time = anchored(text, _times(text, [("1994", "t1", "1990", "DATE")]), "closed shrunk")
    assert (time["shrunk"].expression, time["shrunk"].relation) == ("t1", relation)


def test_a_phrase_that_refers_back_skips_the_present(anchored):
    text = "Prices are high today. At that time, nobody objected."
    times = _times(text, [("today", "t1", "2021-03-10", "DATE")])
    assert anchored(text, times, "objected")["objected"].step != "anaphoric_time"


def test_an_unanchored_event_says_so(anchored):
    time = anchored("The bridge collapsed.", (), "collapsed", None)["collapsed"]
    assert time is None
    assert anchored_by(time) == "not anchored"
