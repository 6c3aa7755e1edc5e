"""Confidence: the calibration machinery, the shipped tables, and a confidence on every event,
time anchor, actor link and story event, with the timeline threshold that reads them."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from story_records import ISIS, document, event, on

from service.corpora.semeval import GoldTimeline, TimelineDocument, TimelineLine, Token
from service.evaluate.calibration import (
    cross_half,
    expected_calibration_error,
    fit_calibration_map,
    fit_named,
    pool_adjacent_violators,
)
from service.evaluate.merges import BANDS, fit_bands, merge_samples
from service.pipeline.lexicon.confidence import (
    POOLED,
    CalibrationMap,
    ScoreBands,
    load_confidence_tables,
    read_calibration_map,
)
from service.pipeline.lexicon.word_lists import WordListError
from service.pipeline.story.build import build_story, story_clusters
from service.pipeline.timeline import TimelineOptions
from service.pipeline.timeline.admission import entry_confidence

DAY = date(2023, 6, 7)
TEXT = (
    "Rebels seized the town of Kafr on Monday. Government forces shelled the market. "
    "The army told reporters that the fighters fled to the hills."
)
samples = st.lists(st.tuples(st.floats(0.0, 1.0), st.booleans()), min_size=1, max_size=60)


# The calibration map: monotone, into [0, 1]


def test_pool_adjacent_violators_pools_a_decrease_into_its_weighted_mean():
    assert pool_adjacent_violators([0.5, 0.2, 0.9], [1, 3, 1]) == pytest.approx([0.275, 0.275, 0.9])
    assert pool_adjacent_violators([0.1, 0.4], [1, 1]) == [0.1, 0.4]


@given(samples)
def test_a_fitted_map_is_monotone_and_maps_into_the_unit_interval(found):
    table = fit_calibration_map(found)
    assert table.bounds[-1] == 1.0
    assert all(a <= b for a, b in zip(table.values, table.values[1:], strict=False))
    outputs = [table(p / 100) for p in range(101)]
    assert all(0.0 <= v <= 1.0 for v in outputs)
    assert outputs == sorted(outputs)


def test_a_map_gives_each_bin_its_share_of_right_outputs():
    found = [(0.12, True)] + [(0.12, False)] * 3 + [(0.92, True)] * 3 + [(0.92, False)]
    table = fit_calibration_map(found)
    assert table(0.12) == 0.25
    assert table(0.92) == 0.75
    assert table(0.0) == 0.25  # an empty leading bin takes the first share
    assert table(0.5) == 0.25  # an empty bin keeps the one before it


def test_a_map_that_goes_down_or_leaves_the_unit_interval_is_refused():
    with pytest.raises(ValueError, match="non-decreasing"):
        CalibrationMap((0.5, 1.0), (0.8, 0.4))
    with pytest.raises(ValueError, match="non-decreasing"):
        CalibrationMap((0.5, 1.0), (0.4, 1.2))
    with pytest.raises(ValueError, match="increase"):
        CalibrationMap((0.5, 0.9), (0.4, 0.6))


def test_a_malformed_map_file_stops_loading(tmp_path):
    path = tmp_path / "map.tsv"
    path.write_text("0.5\t0.9\n1.0\t0.3\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"map\.tsv"):
        read_calibration_map(path)
    path.write_text("0.5\t0.3\n1.0\t0.9\n", encoding="utf-8")
    assert read_calibration_map(path)(0.7) == 0.9


def test_the_shipped_tables_are_monotone_and_in_the_unit_interval():
    tables = load_confidence_tables()
    values = tables.events.values
    assert list(values) == sorted(values) and values[0] >= 0.0 and values[-1] <= 1.0
    for table in (tables.anchoring, tables.roles):
        assert POOLED in table.by_name
        assert all(0.0 <= v <= 1.0 for v in table.by_name.values())
    assert list(tables.merges.values) == sorted(tables.merges.values)


# Named tables, bands and the calibration error


def test_a_name_the_table_does_not_list_takes_the_pooled_row():
    table = fit_named([("own_time", True)] * 3 + [("narrated", False)])
    assert table("a_step_added_later") == table(POOLED) == 0.75
    # one name's share is shrunk towards the pooled one: (3 + 5 * 0.75) / (3 + 5)
    assert table("own_time") == pytest.approx(0.844, abs=1e-3)
    assert table("narrated") < table(POOLED) < table("own_time")


def test_merge_bands_rise_with_the_score_and_cover_every_score():
    bands = fit_bands([(1.3, False), (1.3, False), (1.6, True), (3.0, True), (3.0, True)])
    assert bands.lower == BANDS
    assert list(bands.values) == sorted(bands.values)
    assert bands(0.0) == bands(1.2) and bands(100.0) == bands.values[-1]
    assert ScoreBands((1.0, 2.0), (0.4, 0.9))(1.99) == 0.4


def test_the_calibration_error_is_zero_when_confidence_matches_the_share_right():
    assert expected_calibration_error([0.75] * 4, [True, True, True, False]) == 0.0
    assert expected_calibration_error([1.0] * 4, [True, False, True, False]) == 0.5
    assert expected_calibration_error([], []) == 0.0


def test_cross_half_fits_on_one_half_and_judges_the_other():
    # even documents are always right, odd ones never: fitted on one, wrong on the other
    per_document = [[("step", n % 2 == 0)] * 2 for n in range(4)]
    report = cross_half(per_document, lambda found: fit_named(found, shrink=0.0))
    assert report["fitted on even -> odd"] == {"samples": 4, "right": 0.0, "ece": 1.0}
    assert report["fitted on odd -> even"]["ece"] == 1.0


# A confidence on every event, time anchor and actor link; the threshold reads them


@pytest.fixture(scope="module")
def run(pipeline):
    def process(text, **options):
        return pipeline.process(text, DAY, timeline=TimelineOptions(**options))

    return process


def test_every_event_time_and_actor_carries_its_table_confidence(run):
    result = run(TEXT, min_confidence=0.0)
    tables = load_confidence_tables()
    assert result.events
    for found in result.events:
        assert found.confidence in {round(v, 3) for v in tables.events.values}
        assert found.time is not None
        assert found.time.confidence == tables.anchoring(found.time.step)
        for actor in found.actors:
            assert actor.confidence == tables.roles(actor.rule)
    assert any(found.actors for found in result.events)


def test_the_threshold_reads_the_event_and_time_confidence_together(run):
    every = run(TEXT, min_confidence=0.0)
    admitted = [e for e in every.events if e.admission == "admitted"]
    weakest = min(admitted, key=entry_confidence)
    assert entry_confidence(weakest) == weakest.confidence * weakest.time.confidence
    thinner = run(TEXT, min_confidence=entry_confidence(weakest) + 1e-6)
    decided = {e.trigger.text: e.admission for e in thinner.events}
    assert decided[weakest.trigger.text] == "low_confidence"
    kept = run(TEXT, min_confidence=entry_confidence(weakest))
    assert {e.trigger.text: e.admission for e in kept.events}[weakest.trigger.text] == "admitted"


def test_the_response_gives_every_confidence_and_the_request_sets_the_threshold(client):
    def timeline(min_confidence):
        body = {"text": TEXT, "document_date": "2023-06-07", "min_confidence": min_confidence}
        response = client.post("/v1/timeline", json=body)
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    every, none = timeline(0.0), timeline(1.0)
    for found in every["events"]:
        assert 0.0 <= found["confidence"] <= 1.0
        assert 0.0 <= found["time"]["confidence"] <= 1.0
        assert all(0.0 <= a["confidence"] <= 1.0 for a in found["actors"])
    assert every["timeline"] and not none["timeline"]


def test_story_events_carry_a_confidence(client):
    body = {
        "documents": [
            {"id": "a", "text": TEXT, "document_date": "2023-06-07"},
            {"id": "b", "text": "Rebels seized Kafr on Monday.", "document_date": "2023-06-07"},
        ],
        "actors": [],
    }
    response = client.post("/v1/timelines", json=body)
    assert response.status_code == 200, response.get_json()
    story_events = [e for entry in response.get_json()["timeline"] for e in entry["events"]]
    assert story_events
    assert all(0.0 <= e["confidence"] <= 1.0 for e in story_events)


# Story merges: one mention is certain, a merge has the confidence of its weakest link


def test_a_single_mention_is_certain_and_a_merge_takes_its_band():
    lost = event("e1", "lost", "lose", (("x1", "ISIS", "agent"),), on("2017-05-09"))
    loss = event("e4", "loss", "loss", (("y7", "Islamic State", "agent"),))
    alone = event("e2", "fled", "flee", (), on("2017-05-09"), sentence=1)
    a = document(lost, alone, entities=ISIS)
    b = document(loss, entities={"y7": "ISIS"})
    clusters = {
        tuple(m.event for m in mentions): score
        for mentions, score in story_clusters([("a", a), ("b", b)])
    }
    assert clusters[("e2",)] == math.inf
    assert 1.2 <= clusters[("e1", "e4")] < math.inf
    story = build_story([("a", a), ("b", b)])
    confidence = {
        tuple(m.event for m in e.mentions): e.confidence
        for entry in story.timeline
        for e in entry.events
    }
    assert confidence[("e2",)] == 1.0
    assert confidence[("e1", "e4")] == load_confidence_tables().merges(clusters[("e1", "e4")])


def test_a_merge_is_right_when_one_gold_line_holds_its_mentions():
    lost = event("e1", "lost", "lose", (("x1", "ISIS", "agent"),), on("2017-05-09"))
    loss = event("e4", "loss", "loss", (("y7", "Islamic State", "agent"),))
    results = [document(lost, entities=ISIS), document(loss, entities={"y7": "ISIS"})]
    documents = [
        TimelineDocument(name, "", None, "", (Token(0, word, 10, 10 + len(word)),))
        for name, word in (("a", "lost"), ("b", "loss"))
    ]

    def judged(*lines):
        gold = GoldTimeline("ISIS", "isis", tuple(TimelineLine(1, "2017-05-09", m) for m in lines))
        return [right for _, right in merge_samples(documents, results, [gold])]

    assert judged(("a-0-lost", "b-0-loss")) == [True]
    assert judged(("a-0-lost",), ("b-0-loss",)) == [False]
    assert judged(("a-0-lost",)) == []  # one gold mention: nothing to judge
