"""Anchoring events to the time expression that governs them, or to the document date.

Time expressions are given as records (found by offsets in the test text), so only the tests
named ``test_example_article_*`` depend on the timex stage ("needs timex").
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from service.pipeline.records import Interval, TimeExpression

ANCHOR = datetime(2021, 3, 10)


def timex(text, phrase, tid, value, type_="DATE", interval=None, last=False):
    start = text.rindex(phrase) if last else text.index(phrase)
    if interval is None and len(value) == 10:
        interval = Interval(value, value)
    return TimeExpression(tid, phrase, start, start + len(phrase), type_, value, interval)


@pytest.fixture(scope="module")
def anchored(pipeline):
    def run(text, time_expressions=(), anchor=ANCHOR):
        doc = pipeline.nlp(text)
        events = pipeline.events(doc, pipeline.entities(doc), list(time_expressions), anchor)
        return {e.trigger.text: e for e in events}

    return run


def test_event_takes_the_time_expression_that_governs_it(anchored):
    text = "The ministers met on Monday and the talks resumed on Friday."
    times = [timex(text, "Monday", "t1", "2021-03-08"), timex(text, "Friday", "t2", "2021-03-12")]
    events = anchored(text, times)
    assert events["met"].time.expression == "t1"
    assert events["resumed"].time.expression == "t2"
    assert events["met"].time.interval == Interval("2021-03-08", "2021-03-08")


def test_possessive_time_anchors_a_nominal_event(anchored):
    text = "Delegates praised Monday's summit."
    events = anchored(text, [timex(text, "Monday", "t1", "2021-03-08")])
    assert events["summit"].time.expression == "t1"


def test_date_of_a_relative_clause_does_not_anchor_the_main_verb(anchored):
    text = "The engineer who arrived on Monday praised the design."
    events = anchored(text, [timex(text, "Monday", "t1", "2021-03-08")])
    assert events["arrived"].time.expression == "t1"
    assert events["praised"].time.expression != "t1"


def test_date_of_a_reported_clause_does_not_anchor_the_reporting_verb(anchored):
    text = "Analysts argued that the merger had collapsed in January."
    events = anchored(text, [timex(text, "January", "t1", "2021-01")])
    assert events["collapsed"].time.expression == "t1"
    assert events["argued"].time.expression is None


def test_unanchored_events_fall_back_on_the_document_date(anchored):
    events = anchored("The mayor said the bridge collapsed. The city will rebuild it.")
    said, collapsed, rebuild = events["said"], events["collapsed"], events["rebuild"]
    assert (said.time.value, said.time.relation) == ("2021-03-10", "IS_INCLUDED")
    assert said.time.expression is None
    assert said.time.interval == Interval("2021-03-10", "2021-03-10")
    assert collapsed.time.relation == "BEFORE"
    assert rebuild.time.relation == "AFTER"


def test_no_document_date_no_fallback(anchored):
    events = anchored("The mayor said the bridge collapsed.", anchor=None)
    assert events["said"].time is None


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
    events = anchored(text, [timex(text, "next year", "t1", "2022")])
    assert events["rise"].time.expression == "t1"
    assert events["said"].time.expression is None


def test_adjectival_duration_times_its_noun_not_the_verb_above_it(anchored):
    text = "Delegates ended a two-day visit."
    events = anchored(text, [timex(text, "two-day", "t1", "P2D", "DURATION")])
    assert events["visit"].time.expression == "t1"
    assert events["visit"].time.relation == "DURING"
    assert events["ended"].time.expression is None


def test_later_reports_take_the_news_day_of_the_lead(anchored):
    text = (
        "Rescuers reached the village on Friday.\n"
        "The storm had flattened the harbour.\n"
        "Fishermen lost their boats.\n"
        "Nobody drowned.\n"
        "The governor said the roads would reopen."
    )
    events = anchored(text, [timex(text, "Friday", "t1", "2021-03-05")])
    assert events["said"].time.expression == "t1"
    assert events["said"].time.relation == "IS_INCLUDED"


def test_an_old_lead_date_is_not_the_news_day(anchored):
    text = (
        "The bridge opened in 1990.\n"
        "Engineers praised it.\n"
        "Traffic grew.\n"
        "Tolls rose.\n"
        "The mayor said the bridge needed repairs."
    )
    events = anchored(text, [timex(text, "1990", "t1", "1990")])
    assert events["said"].time.expression is None


def test_now_is_not_carried_to_later_sentences(anchored):
    text = "Investors are nervous now.\nShares fell sharply."
    events = anchored(text, [timex(text, "now", "t1", "PRESENT_REF")])
    assert events["fell"].time.expression is None


def test_event_before_a_dated_subordinate_clause_is_before_its_time(anchored):
    text = "The ministers left before the talks ended on Friday."
    events = anchored(text, [timex(text, "Friday", "t1", "2021-03-05")])
    assert events["ended"].time.relation == "IS_INCLUDED"
    assert events["left"].time.expression == "t1"
    assert events["left"].time.relation == "BEFORE"


def test_event_after_a_dated_subordinate_clause_is_after_its_time(anchored):
    text = "The ministers left after the talks ended on Friday."
    events = anchored(text, [timex(text, "Friday", "t1", "2021-03-05")])
    assert events["left"].time.relation == "AFTER"


def test_period_of_the_clause_times_an_event_of_an_undated_sentence(anchored):
    text = "There were a dozen attacks on clinics in the last five years."
    events = anchored(text, [timex(text, "the last five years", "t1", "P5Y", "DURATION")])
    assert events["attacks"].time.expression == "t1"
    assert events["attacks"].time.relation == "DURING"


def test_frequency_attached_to_an_event_anchors_it(anchored):
    text = "The council meets daily."
    events = anchored(text, [timex(text, "daily", "t1", "P1D", "SET")])
    assert events["meets"].time.expression == "t1"


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
    events = anchored(text, [timex(text, "Friday", "t1", "2021-03-05")])
    assert events[trigger].time.expression == "t1"


def test_headline_report_takes_the_day_the_article_reports_from(anchored):
    text = "Police say the suspect fled.\nThe chief said on Tuesday that roads were closed."
    events = anchored(text, [timex(text, "Tuesday", "t1", "2021-03-09")])
    assert events["say"].time.expression == "t1"


def test_a_baseline_of_a_comparison_does_not_date_the_event(anchored):
    text = "Net income rose to $5 million from $4 million a year ago."
    events = anchored(text, [timex(text, "a year ago", "t1", "2020")])
    assert events["rose"].time.expression is None


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
    events = anchored(text, times)
    assert events["rose"].time.expression == "t1"


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
    assert anchored(text, times)["said"].time.expression == "t2"


def test_an_undated_lead_takes_the_news_day_the_lead_gives_next(anchored):
    text = (
        "The grandmother said she would travel to Miami.\n"
        "Thousands of women marched in Havana on Friday."
    )
    events = anchored(text, [timex(text, "Friday", "t1", "2021-03-05")])
    assert events["said"].time.expression == "t1"
    assert events["said"].time.relation == "IS_INCLUDED"


def test_a_noun_event_takes_the_date_of_its_relative_clause(anchored):
    text = "Police investigated shootings that wounded two doctors in November."
    events = anchored(text, [timex(text, "November", "t1", "2020-11")])
    assert events["shootings"].time.expression == "t1"
    assert events["investigated"].time.expression is None


def test_narration_continues_the_time_of_a_clause_not_of_a_noun(anchored):
    text = "The ministry on Sunday issued a warning after the Aug. 7 bombings.\nThe embassy closed."
    times = [timex(text, "Sunday", "t1", "2021-03-07"), timex(text, "Aug. 7", "t2", "2020-08-07")]
    events = anchored(text, times)
    assert events["bombings"].time.expression == "t2"
    assert events["closed"].time.expression == "t1"


def test_narration_continues_a_period_but_not_for_a_report(anchored):
    text = "In the nine months, profit rose 5%.\nSales increased 3%, the company said."
    events = anchored(text, [timex(text, "the nine months", "t1", "P9M", "DURATION")])
    assert events["increased"].time.expression == "t1"
    assert events["increased"].time.relation == "DURING"
    assert events["said"].time.expression is None


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
    events = anchored(text, times)
    assert events["fear"].time.expression == "t1"


def test_a_past_event_does_not_continue_a_date_after_the_document_date(anchored):
    text = "The ministers will meet tomorrow.\nThe minister read a statement."
    events = anchored(text, [timex(text, "tomorrow", "t1", "2021-03-11")])
    assert events["meet"].time.expression == "t1"
    assert events["read"].time.expression is None


def test_a_future_event_continues_a_date_after_the_document_date(anchored):
    text = "The summit will open on Friday.\nThe leaders will sign a treaty."
    events = anchored(text, [timex(text, "Friday", "t1", "2021-03-12")])
    assert events["sign"].time.expression == "t1"


def test_a_later_mention_of_a_noun_event_takes_the_time_of_its_dated_mention(anchored):
    text = (
        "Police described the Aug. 7 bombings.\n"
        "Rescuers cleared the street on Sunday.\n"
        "Investigators linked the bombing to a militant group."
    )
    times = [timex(text, "Aug. 7", "t1", "2020-08-07"), timex(text, "Sunday", "t2", "2021-03-07")]
    events = anchored(text, times)
    assert events["bombings"].time.expression == "t1"
    assert events["bombing"].time.expression == "t1"


def test_a_participle_modifying_a_noun_dates_an_otherwise_undated_sentence(anchored):
    text = "The warrant issued on Monday charged the driver with theft."
    events = anchored(text, [timex(text, "Monday", "t1", "2021-03-08")])
    assert events["issued"].time.expression == "t1"
    assert events["charged"].time.expression == "t1"


def test_a_report_is_not_dated_by_the_day_a_later_report_gives(anchored):
    text = (
        "The storm flattened the harbour.\n"
        "A witness said the sea rose.\n"
        "Fishermen lost their boats.\n"
        "Nobody drowned.\n"
        "The governor announced on Tuesday that roads would reopen."
    )
    events = anchored(text, [timex(text, "Tuesday", "t1", "2021-03-09")])
    assert events["announced"].time.expression == "t1"
    assert events["said"].time.expression is None
    assert events["said"].time.relation == "IS_INCLUDED"
