"""TempEval-3 task B scoring and anchoring on a hand-made document."""

import pytest

from service.corpora.timeml import GoldEvent, GoldTimex, GoldTlink, TimeMLDocument
from service.evaluate.events import evaluate_events
from service.pipeline.records import (
    DocumentDate,
    DocumentInfo,
    Event,
    EventTime,
    TextSpan,
    TimeExpression,
    TimelineResult,
)

TEXT = "Police said the bridge opened on Friday and will close soon."


def span(surface):
    start = TEXT.index(surface)
    return start, start + len(surface)


def gold_event(eid, surface, event_class, eiid=None, tense=None):
    aspect, polarity = ("NONE", "POS") if eiid else (None, None)
    return GoldEvent(eid, surface, *span(surface), event_class, eiid, tense, aspect, polarity)


def system_event(surface, event_class, tense, expression=None):
    return Event(
        id=surface,
        trigger=TextSpan(surface, *span(surface)),
        lemma=surface,
        event_class=event_class,
        sentence=TextSpan(TEXT, 0, len(TEXT)),
        tense=tense,
        time=EventTime(expression, "2020-02-28" if expression else None, None),
    )


@pytest.fixture
def report():
    doc = TimeMLDocument(
        "toy",
        "toy.tml",
        None,
        TEXT,
        timexes=(GoldTimex("t1", "Friday", *span("Friday"), "DATE", "2020-02-28"),),
        events=(
            gold_event("e1", "said", "REPORTING", "ei1", "PAST"),
            gold_event("e2", "opened", "OCCURRENCE", "ei2", "PAST"),
            gold_event("e3", "close", "OCCURRENCE"),  # missed; no MAKEINSTANCE
        ),
        tlinks=(
            GoldTlink("l1", "IS_INCLUDED", event_instance="ei2", related_to_time="t1"),
            GoldTlink("l2", "INCLUDES", time="t1", related_to_event_instance="ei1"),
            GoldTlink("l3", "IS_INCLUDED", event_instance="ei1", related_to_time="t0"),
            GoldTlink("l4", "BEFORE", event_instance="ei2", related_to_time="t1"),
        ),
    )
    result = TimelineResult(
        document=DocumentInfo("toy", "en", DocumentDate(None, "none"), len(TEXT)),
        time_expressions=(TimeExpression("x1", "on Friday", *span("on Friday"), "DATE", "v"),),
        events=(
            system_event("said", "REPORTING", "PAST"),  # not anchored
            system_event("opened", "STATE", "PRESENT", expression="x1"),  # anchored right
            system_event("bridge", "OCCURRENCE", "NONE"),  # spurious
        ),
    )
    return evaluate_events([doc], [result])


def test_spans_and_class(report):
    assert report["strict"]["f1"] == pytest.approx(2 / 3)
    assert report["relaxed"]["f1"] == pytest.approx(2 / 3)
    assert report["event_class"]["correct"] == 1
    assert report["event_class"]["f1"] == pytest.approx(1 / 3)
    assert report["class_accuracy"]["accuracy"] == pytest.approx(1 / 2)


def test_attributes_on_matches(report):
    assert (report["tense"]["correct"], report["tense"]["total"]) == (1, 2)
    assert report["aspect"]["accuracy"] == 1.0
    assert report["polarity"]["accuracy"] == 1.0


def test_anchoring_uses_inclusion_links_to_text_times(report):
    assert (report["anchoring"]["correct"], report["anchoring"]["total"]) == (1, 2)
    assert report["anchoring"]["ceiling"] == 1.0
    assert report["anchoring"]["same_value"] == pytest.approx(1 / 2)
    kinds = dict(report["error_kinds"])
    assert kinds["anchoring: event not anchored to a time expression"] == 1


def test_error_summaries(report):
    assert report["missed_lemmas"] == [("close", 1)]
    assert report["spurious_lemmas"] == [("bridge", 1)]
    assert report["class_confusions"] == [("OCCURRENCE->STATE", 1)]
    assert report["per_class"]["OCCURRENCE"]["count"] == 2
    assert report["per_class"]["OCCURRENCE"]["recall"] == pytest.approx(1 / 2)
