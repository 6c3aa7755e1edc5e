"""Timeline precision on a TimeML document written for it: each verdict, both ways."""

import pytest

from service.corpora.timeml import parse_timeml
from service.evaluate.__main__ import main
from service.evaluate.timeline_precision import (
    evaluate_timeline_precision,
    link_verdict,
    timeline_verdicts,
)
from service.pipeline.records import (
    DocumentDate,
    DocumentInfo,
    Event,
    EventTime,
    Interval,
    TextSpan,
    TimelineEntry,
    TimelineResult,
)
from service.pipeline.timex.intervals import interval_of

TIMEML = """<?xml version="1.0" ?>
<TimeML><DOCID>toy</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-06" functionInDocument="CREATION_TIME">
March 6, 1998</TIMEX3></DCT>
<TEXT>Acme <EVENT eid="e1" class="OCCURRENCE">bought</EVENT> Bolt on
<TIMEX3 tid="t1" type="DATE" value="1998-03-02">Monday</TIMEX3>. It
<EVENT eid="e2" class="REPORTING">said</EVENT> prices
<EVENT eid="e3" class="OCCURRENCE">rose</EVENT> and
<EVENT eid="e4" class="OCCURRENCE">fell</EVENT> and
<EVENT eid="e5" class="OCCURRENCE">ended</EVENT>. Sales grew.</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1"/><MAKEINSTANCE eiid="ei2" eventID="e2"/>
<MAKEINSTANCE eiid="ei3" eventID="e3"/><MAKEINSTANCE eiid="ei4" eventID="e4"/>
<MAKEINSTANCE eiid="ei5" eventID="e5"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t0"/>
<TLINK lid="l3" relType="INCLUDES" timeID="t1" relatedToEventInstance="ei3"/>
<TLINK lid="l4" relType="AFTER" eventInstanceID="ei4" relatedToTime="t1"/>
</TimeML>"""


@pytest.fixture
def doc():
    return parse_timeml(TIMEML, "corpus/TimeBank/toy.tml")


def result(doc, dated):
    """A result whose timeline puts each (word, value) on its day."""
    events, entries = [], []
    for word, value in dated:
        start = doc.text.index(word)
        interval = interval_of(value)
        events.append(
            Event(
                id=word,
                trigger=TextSpan(word, start, start + len(word)),
                lemma=word,
                event_class="OCCURRENCE",
                sentence=TextSpan("", 0, 0),
                time=EventTime(None, value, interval),
            )
        )
        entries.append(TimelineEntry(value, interval, (word,)))
    info = DocumentInfo("toy", "en", DocumentDate("1998-03-06", "request"), len(doc.text))
    return TimelineResult(info, events=tuple(events), timeline=tuple(entries))


def verdicts(doc, dated):
    return {e.trigger.text: v for e, v in timeline_verdicts(doc, result(doc, dated))}


def test_reader_keeps_the_creation_time_id(doc):
    assert doc.dct_tid == "t0"


def test_right_dates_agree(doc):
    found = verdicts(
        doc, [("bought", "1998-03-02"), ("said", "1998-03-05"), ("rose", "1998-03-02")]
    )
    assert found == {
        "bought": "agrees (value)",  # IS_INCLUDED Monday
        "said": "agrees (relation)",  # BEFORE the creation time, a day before it
        "rose": "agrees (value)",  # Monday INCLUDES rose, read from the event's side
    }


def test_wrong_dates_are_contradicted(doc):
    found = verdicts(
        doc, [("bought", "1998-03-06"), ("said", "1998-03-07"), ("fell", "1998-03-01")]
    )
    assert set(found.values()) == {"contradicted"}


def test_what_gold_does_not_decide(doc):
    found = verdicts(
        doc,
        [("said", "1998-03-06"), ("fell", "1998-03"), ("ended", "1998-03-06"), ("grew", "1998")],
    )
    assert found == {
        "said": "undecided",  # before the creation moment, on its day: news of the day
        "fell": "undecided",  # after Monday, dated on a month that holds Monday
        "ended": "no time link",
        "grew": "spurious event",
    }


@pytest.mark.parametrize(
    ("relation", "system", "verdict"),
    [
        ("IS_INCLUDED", "1998-03", "agrees (value)"),  # coarser than the gold day
        ("DURING", "1998-02-28", "contradicted"),
        ("BEFORE", "1998-03", "undecided"),  # a month that holds the gold day
        ("BEFORE", "1998-02", "agrees (relation)"),
        ("BEFORE", "1998-03-01", "agrees (relation)"),
        ("BEFORE", "1998-03-02", "contradicted"),
        ("AFTER", "1998-03-02", "contradicted"),
        ("INCLUDES", "1998-04-01", "undecided"),
    ],
)
def test_link_verdicts_against_a_gold_day(relation, system, verdict):
    found = link_verdict(relation, interval_of(system), Interval("1998-03-02", "1998-03-02"))
    assert (found or "undecided") == verdict


def test_shares_per_subset_and_the_command(doc, tmp_path, capsys):
    report = evaluate_timeline_precision(
        [doc], [result(doc, [("bought", "1998-03-02"), ("fell", "1998-03-01")])]
    )
    everything = report["subsets"]["all"]
    assert everything["counts"]["agrees (value)"] == 1
    assert everything["decided"] == 0.5
    assert report["subsets"]["TimeBank"]["events"] == 2
    assert report["subsets"]["odd"]["events"] == 0
    assert report["error_kinds"] == [("contradicted", 1)]
    folder = tmp_path / "TimeBank"
    folder.mkdir()
    (folder / "toy.tml").write_text(TIMEML, encoding="utf-8")
    assert main(["timeline-precision", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert [row.split()[0] for row in printed.splitlines()[3:7]] == [
        "all",
        "even",
        "odd",
        "TimeBank",
    ]
