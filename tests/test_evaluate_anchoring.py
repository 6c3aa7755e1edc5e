"""Anchoring on gold events and times: the stage alone, against the nearest-time baseline."""

from pathlib import Path

import pytest

from service.corpora.meantime import parse_meantime
from service.corpora.timeml import read_timeml_dir
from service.evaluate.__main__ import main
from service.evaluate.anchoring import gold_anchoring, read_anchoring_corpus

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{doc}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-10" temporalFunction="false" \
functionInDocument="CREATION_TIME">2021-03-10</TIMEX3></DCT>
<TEXT>{text}</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="{first}"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="{second}"/>
</TimeML>
"""
FRIDAY = '<TIMEX3 tid="{tid}" type="DATE" value="2021-03-05">Friday</TIMEX3>'
# The nearest time of "resigned" is the relative clause's Thursday; the stage skips it.
RELATIVE_CLAUSE = (
    f"On {FRIDAY.format(tid='t1')}, the minister who "
    '<EVENT eid="e1" class="OCCURRENCE">arrived</EVENT> on '
    '<TIMEX3 tid="t2" type="DATE" value="2021-03-04">Thursday</TIMEX3> '
    '<EVENT eid="e2" class="OCCURRENCE">resigned</EVENT>.'
)
# Gold links "closed" to the second mention of Friday, in the next sentence.
REPEATED_DAY = (
    f'The plant <EVENT eid="e1" class="OCCURRENCE">closed</EVENT> on {FRIDAY.format(tid="t1")}.'
    f'\nWorkers <EVENT eid="e2" class="OCCURRENCE">left</EVENT> on {FRIDAY.format(tid="t2")}.'
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("anchoring")
    for doc, text, first, second in (
        ("relative", RELATIVE_CLAUSE, "t2", "t1"),
        ("repeated", REPEATED_DAY, "t2", "t2"),
    ):
        tml = DOCUMENT.format(doc=doc, text=text, first=first, second=second)
        (root / f"{doc}.tml").write_text(tml, encoding="utf-8")
    return root


def test_stage_and_baseline_are_scored_on_the_same_gold_links(corpus):
    report = gold_anchoring(read_timeml_dir(corpus))
    assert report["documents"] == 2
    assert report["anchoring"] == {"accuracy": 0.75, "correct": 3, "total": 4}
    assert report["nearest"]["correct"] == 2
    assert report["same_sentence"] == {"accuracy": 1.0, "correct": 3, "total": 3}
    assert report["other_sentence"]["total"] == 1
    assert report["end_to_end"]["total"] == 4


def test_errors_say_where_the_gold_time_is_and_what_the_stage_chose(corpus):
    report = gold_anchoring(read_timeml_dir(corpus))
    assert report["error_kinds"] == [
        ("time in another sentence: another mention of the same value", 1)
    ]
    [error] = report["errors"]
    assert error["doc"] == "repeated"
    assert error["gold"] == {"event": "closed", "time": "Friday", "value": "2021-03-05"}


def test_command_prints_the_stage_and_the_baseline(corpus, capsys):
    assert main(["anchoring", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "ANCHORING on gold events and times, 2 documents" in out
    assert "baseline: nearest in sentence" in out


# MEANTIME CAT: "Police arrested him on Monday ." then "Officials said ." (sentence 1).
CAT = """<?xml version="1.0" ?><Document doc_id="7" doc_name="toy">
<token t_id="1" sentence="0" number="0">Police</token>
<token t_id="2" sentence="0" number="1">arrested</token>
<token t_id="3" sentence="0" number="2">him</token>
<token t_id="4" sentence="0" number="3">on</token>
<token t_id="5" sentence="0" number="4">Monday</token>
<token t_id="6" sentence="0" number="5">.</token>
<token t_id="7" sentence="1" number="6">Officials</token>
<token t_id="8" sentence="1" number="7">said</token>
<token t_id="9" sentence="1" number="8">.</token>
<Markables>
<EVENT_MENTION m_id="1" class="OTHER"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="2" class="SPEECH_COGNITIVE"><token_anchor t_id="8"/></EVENT_MENTION>
<TIMEX3 m_id="3" type="DATE" value="2021-03-08"><token_anchor t_id="5"/></TIMEX3>
<TIMEX3 m_id="4" functionInDocument="CREATION_TIME" type="DATE" value="2021-03-10"/>
</Markables>
<Relations>
<TLINK r_id="10" reltype="IS_INCLUDED"><source m_id="1"/><target m_id="3"/></TLINK>
<TLINK r_id="11" reltype="IS_INCLUDED"><source m_id="2"/><target m_id="4"/></TLINK>
<TLINK r_id="12" reltype="AFTER"><source m_id="2"/><target m_id="1"/></TLINK>
</Relations>
</Document>"""


def test_meantime_reads_as_timeml_with_its_links_to_times_of_the_text():
    document = parse_meantime(CAT, "toy.xml").as_timeml()
    assert [(e.text, e.event_class) for e in document.events] == [
        ("arrested", "OCCURRENCE"),
        ("said", "REPORTING"),
    ]
    assert [(t.text, t.value) for t in document.timexes] == [("Monday", "2021-03-08")]
    assert str(document.dct) == "2021-03-10"
    assert document.event_time_links() == [("1", "3")]  # not the creation time, not an event


def test_anchoring_reads_a_meantime_folder(tmp_path):
    (tmp_path / "toy.xml").write_text(CAT, encoding="utf-8")
    [document] = read_anchoring_corpus(tmp_path)
    report = gold_anchoring([document])
    assert report["anchoring"] == {"accuracy": 1.0, "correct": 1, "total": 1}
