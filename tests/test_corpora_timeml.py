"""The TimeML reader, on a tiny document written for the test."""

from datetime import date, datetime

import pytest

from service.corpora.timeml import parse_dct_value, parse_timeml, read_timeml_dir

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>toy-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-02"
  functionInDocument="CREATION_TIME">March 2, 2020</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
The mayor <EVENT eid="e1" class="REPORTING">said</EVENT> &amp; the bridge <EVENT eid="e2"
  class="OCCURRENCE">opened</EVENT> <TIMEX3 tid="t1" type="DATE" value="2020-02-28"
  mod="APPROX">last <SIGNAL sid="s1">Friday</SIGNAL></TIMEX3>.
It will <EVENT eid="e3" class="OCCURRENCE">close</EVENT> for <TIMEX3 tid="t2" type="DURATION"
  value="P2D">two days</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="NEG" modality="can"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t1" relatedToEventInstance="ei1"/>
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>
<TLINK lid="l4" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l5" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>
</TimeML>
"""


@pytest.fixture
def doc():
    return parse_timeml(TIMEML, "toy.tml")


def test_text_has_tags_removed_and_entities_unescaped(doc):
    assert doc.text == (
        "\nThe mayor said & the bridge opened last Friday.\nIt will close for two days.\n"
    )


def test_offsets_index_the_text(doc):
    for item in doc.timexes + doc.events:
        assert doc.text[item.start : item.end] == item.text
    assert [(t.start, t.end) for t in doc.timexes] == [(36, 47), (67, 75)]


def test_timex_attributes(doc):
    first, second = doc.timexes
    assert (first.tid, first.text, first.type, first.value, first.mod) == (
        "t1",
        "last Friday",
        "DATE",
        "2020-02-28",
        "APPROX",
    )
    assert (second.type, second.value, second.mod) == ("DURATION", "P2D", None)


def test_events_carry_their_instance(doc):
    said, opened, close = doc.events
    assert (said.eid, said.event_class, said.eiid, said.tense) == ("e1", "REPORTING", "ei1", "PAST")
    assert (opened.polarity, opened.modality) == ("NEG", "can")
    assert close.eiid is None and close.tense is None


def test_doc_id_dct_and_tlinks(doc):
    assert doc.doc_id == "toy-1"
    assert doc.dct == date(2020, 3, 2)
    assert [link.rel_type for link in doc.tlinks] == [
        "IS_INCLUDED",
        "INCLUDES",
        "IS_INCLUDED",
        "BEFORE",
        "BEFORE",
    ]
    assert doc.tlinks[1].time == "t1" and doc.tlinks[1].related_to_event_instance == "ei1"


def test_event_time_links_keep_inclusion_in_text_times_only(doc):
    assert doc.event_time_links() == [("e2", "t1"), ("e1", "t1")]


def test_dct_values():
    assert parse_dct_value("1998-08-07") == date(1998, 8, 7)
    assert parse_dct_value("1998-08-07T06:18:00") == datetime(1998, 8, 7, 6, 18)
    assert parse_dct_value("XXXX") is None


def test_read_dir_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.tml").write_text(TIMEML.replace("toy-1", "second"), encoding="utf-8")
    (tmp_path / "a.tml").write_text(TIMEML, encoding="utf-8")
    (tmp_path / "ignored.xml").write_text("<nope/>", encoding="utf-8")
    assert [d.doc_id for d in read_timeml_dir(tmp_path)] == ["toy-1", "second"]
    assert len(read_timeml_dir(tmp_path, limit=1)) == 1
