"""The TimeLine scorer on tiny hand-written timelines, and reading the task's files."""

from __future__ import annotations

from dataclasses import replace

import pytest

from service.corpora.semeval import (
    TimelineLine,
    detokenise,
    pad_date,
    parse_timeline,
    parse_timeline_document,
)
from service.evaluate.__main__ import main
from service.evaluate.timeline_halves import noise, noise_kind, restrict
from service.evaluate.timelines import (
    closure,
    evaluate_timelines,
    format_timeline,
    reduction,
)
from service.pipeline.records import (
    ActorTimeline,
    ActorTimelineEntry,
    DocumentDate,
    DocumentInfo,
    Event,
    EventMention,
    TextSpan,
    TimelineResult,
)

GOLD = """Acme
1\t2010-01-01\td-1-a\td-2-a2
2\t2010-02-01\td-3-b
0\tXXXX-XX-XX\td-4-c
"""

SYSTEM = """Acme
1\t2010-01-01\td-1-a
2\t2010-02-XX\td-3-b
3\t2010-03-01\td-5-x
"""

TIMEML = """<?xml version="1.0" encoding="utf-8"?>
<TimeML><DOCID>77</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2010-06-08">x</TIMEX3>
</DCT><TEXT><s id="1">June 8 , 2010</s><s id="2">Acme 's boss <EVENT eid="e1">said</EVENT>
( again ) it had <EVENT eid="e2">grown</EVENT> .</s></TEXT></TimeML>"""


def lines(text: str) -> tuple[TimelineLine, ...]:
    return parse_timeline(text).lines


def test_reading_a_timeline_file():
    timeline = parse_timeline(GOLD, "acme")
    assert (timeline.actor, timeline.name) == ("Acme", "acme")
    assert timeline.lines[0] == TimelineLine(1, "2010-01-01", ("d-1-a", "d-2-a2"))
    assert timeline.lines[2].position == 0


@pytest.mark.parametrize(
    ("value", "padded"),
    [
        ("2010-06-07", "2010-06-07"),
        ("2010-06-07T10:00", "2010-06-07"),
        ("2010-06", "2010-06-XX"),
        ("2010", "2010-XX-XX"),
        ("2014-FA", "2014-XX-XX"),
        ("2010-W22", "2010-06-XX"),
        ("2006-W13", "2006-03-XX"),
        ("198X", "198X-XX-XX"),
        ("XXX-XX-XX", "XXXX-XX-XX"),
        ("PRESENT_REF", "XXXX-XX-XX"),
        (None, "XXXX-XX-XX"),
    ],
)
def test_dates_are_padded_with_x(value, padded):
    assert pad_date(value) == padded


def test_closure_and_reduction_of_a_timeline():
    gold = lines(GOLD)
    assert closure(gold) == {
        ("=", "d-1-a", "d-2-a2"),
        ("<", "d-1-a", "d-3-b"),
        ("<", "d-2-a2", "d-3-b"),
    }
    assert reduction(gold) == {("=", "d-1-a", "d-2-a2"), ("<", "d-1-a", "d-3-b")}


def test_hand_computed_scores():
    """Lines: a and b match, c is missed, x is spurious; b's date is wrong.
    Ordering: system reduced {a<b, b<x}, one in the gold closure: P 1/2; gold reduced
    {a=a2, a<b}, one in the system closure: R 1/2."""
    report = evaluate_timelines([parse_timeline(GOLD)], [lines(SYSTEM)])
    events = report["events"]
    assert (events["correct"], events["predicted"], events["gold"]) == (2, 3, 3)
    assert events["f1"] == pytest.approx(2 / 3)
    assert report["dates"]["accuracy"] == pytest.approx(0.5)
    ordering = report["ordering"]
    assert (ordering["precision"], ordering["recall"]) == (pytest.approx(0.5), pytest.approx(0.5))
    assert ordering["f1"] == pytest.approx(0.5)


def test_scores_are_micro_averaged_over_actors():
    """A second actor with one gold line and no system line: events 2/3 precise, 2/4 recalled."""
    other = parse_timeline("Other\n1\t2011-01-01\td-9-z\n")
    report = evaluate_timelines([parse_timeline(GOLD), other], [lines(SYSTEM), ()])
    assert report["events"]["precision"] == pytest.approx(2 / 3)
    assert report["events"]["recall"] == pytest.approx(2 / 4)
    assert report["events"]["f1"] == pytest.approx(4 / 7)
    assert set(report["per_actor"]) == {"Acme", "Other"}


def test_a_system_line_matches_one_gold_line_only():
    gold = parse_timeline("A\n1\t2010\td-1-a\n2\t2011\td-2-b\n")
    system = lines("A\n1\t2010\td-1-a\td-2-b\n")
    assert evaluate_timelines([gold], [system])["events"]["correct"] == 1


def test_writing_a_timeline_puts_lines_in_position_order():
    text = format_timeline(
        "Acme",
        [
            TimelineLine(2, "2010-XX-XX", ("d-1-a",)),
            TimelineLine(0, "XXXX-XX-XX", ("d-2-b", "d-3-c")),
        ],
    )
    assert text == "Acme\n0\tXXXX-XX-XX\td-2-b\td-3-c\n2\t2010-XX-XX\td-1-a\n"


def test_tokens_are_joined_as_running_text():
    words = [
        "Apple",
        "'",
        "s",
        "boss",
        ",",
        "Jobs",
        "'",
        "health",
        ",",
        '"',
        "a",
        "quote",
        '"',
        "(",
        "again",
        ")",
        ".",
    ]
    text, spans = detokenise(words, 10)
    assert text == "Apple's boss, Jobs' health, \"a quote\" (again)."
    assert spans[0] == ("Apple", 10, 15)
    assert all(text[start - 10 : end - 10] == word for word, start, end in spans)


def test_timeml_sentences_become_lines_and_offsets_map_to_token_ids():
    document = parse_timeline_document(TIMEML)
    assert document.doc_id == "77"
    assert document.text == "June 8, 2010\nAcme's boss said (again) it had grown."
    said = document.text.index("said")
    assert document.mention_id(said, said + 4) == "77-2-said"
    assert document.mention_id(said, said + 3) == "77-2-said"
    it_had = document.text.index("it had")
    assert document.mention_id(it_had, it_had + 6) == "77-2-it_had"


def test_the_command_writes_timelines_and_prints_the_scores(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "77_acme.tml").write_text(TIMEML, encoding="utf-8")
    (corpus / "acme.txt").write_text("Acme\n1\t2010-06-08\t77-2-said\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["timelines", str(corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "events" in printed and "ordering" in printed and "date accuracy" in printed
    assert (out / "acme.txt").read_text(encoding="utf-8").startswith("Acme\n")


def test_restricting_gold_to_some_documents_keeps_their_mentions_only():
    gold = restrict(parse_timeline(GOLD), {"d"})
    assert gold.lines == parse_timeline(GOLD).lines
    other = parse_timeline("A\n1\t2010\td-1-a\te-1-a\n2\t2011\te-2-b\n")
    assert restrict(other, {"d"}).lines == (TimelineLine(1, "2010-XX-XX", ("d-1-a",)),)


def _event(lemma: str, event_class: str = "OCCURRENCE") -> Event:
    return Event(lemma, TextSpan(lemma, 0, 1), lemma, event_class, TextSpan(lemma, 0, 1))


def test_noise_kinds_need_every_event_of_a_line():
    assert noise_kind([_event("say", "REPORTING")]) == {"reporting", "light", "either"}
    assert noise_kind([_event("announce", "REPORTING"), _event("get")]) == {"either"}
    assert noise_kind([_event("make"), _event("Take")]) == {"light", "either"}
    assert noise_kind([_event("announce", "REPORTING"), _event("buy")]) == set()


def test_the_command_prints_precision_noise_and_halves(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "77_acme.tml").write_text(TIMEML, encoding="utf-8")
    (corpus / "78_acme.tml").write_text(TIMEML.replace(">77<", ">78<"), encoding="utf-8")
    (corpus / "acme.txt").write_text("Acme\n1\t2010-06-08\t77-2-said\t78-2-grown\n")
    assert main(["timelines", str(corpus)]) == 0
    printed = capsys.readouterr().out
    halves = printed[printed.index("TIMELINES per half") :].splitlines()
    assert [row.split()[:2] for row in halves[2:]] == [["all", "2"], ["even", "1"], ["odd", "1"]]
    assert "event P" in halves[1] and "light" in halves[1]


def test_noise_counts_system_lines_and_those_matched_to_gold():
    document = parse_timeline_document(TIMEML)
    said, grown = (document.text.index(w) for w in ("said", "grown"))
    events = (_event("say", "REPORTING"), _event("grow"))
    events = tuple(replace(e, id=e.lemma) for e in events)
    result = TimelineResult(DocumentInfo("77", "en", DocumentDate(None, "none"), 0), events=events)
    entries = tuple(
        ActorTimelineEntry(n, None, (EventMention("77", lemma, start, start + 4, ""),))
        for n, (lemma, start) in enumerate((("say", said), ("grow", grown)), start=1)
    )
    gold = parse_timeline("Acme\n1\t2010-06-08\t77-2-said\n")
    counts = noise([gold], [ActorTimeline("Acme", (), entries)], {"77": document}, {"77": result})
    assert counts["lines"] == 2
    assert counts["reporting"] == {"lines": 1, "matched": 1, "share": 0.5}
    assert counts["light"]["lines"] == 1 and counts["either"]["matched"] == 1
