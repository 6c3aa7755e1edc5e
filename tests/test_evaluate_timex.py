"""TempEval-3 task A scoring on a hand-made document."""

import pytest

from service.corpora.timeml import GoldTimex, TimeMLDocument
from service.evaluate.timex import evaluate_timex, value_error_kind, value_shape
from service.pipeline.records import TimeExpression

TEXT = "We met last Friday and on 5 May for two days."


def gold(tid, surface, type_, value):
    start = TEXT.index(surface)
    return GoldTimex(tid, surface, start, start + len(surface), type_, value)


def system(surface, type_, value):
    start = TEXT.index(surface)
    return TimeExpression("x", surface, start, start + len(surface), type_, value)


@pytest.fixture
def report():
    doc = TimeMLDocument(
        "toy",
        "toy.tml",
        None,
        TEXT,
        timexes=(
            gold("t1", "last Friday", "DATE", "2020-02-28"),
            gold("t2", "5 May", "DATE", "2020-05-05"),
            gold("t3", "two days", "DURATION", "P2D"),  # missed
        ),
    )
    predictions = [
        system("last", "DATE", "2020-02-28"),  # spurious: "Friday" overlaps t1 more
        system("Friday", "TIME", "2020-02-28"),  # wrong extent, wrong type, right value
        system("5 May", "DATE", "XXXX-05-05"),  # exact, wrong value
        system("met", "TIME", "T10:00"),  # spurious
    ]
    return evaluate_timex([doc], [predictions])


def test_strict_counts_exact_spans_only(report):
    assert report["strict"]["correct"] == 1
    assert report["strict"]["precision"] == pytest.approx(1 / 4)
    assert report["strict"]["recall"] == pytest.approx(1 / 3)
    assert report["strict"]["f1"] == pytest.approx(2 / 7)


def test_relaxed_is_one_to_one(report):
    assert (report["relaxed"]["correct"], report["relaxed"]["predicted"]) == (2, 4)
    assert report["relaxed"]["f1"] == pytest.approx(4 / 7)


def test_type_and_value_need_a_match(report):
    assert report["type"]["correct"] == 1
    assert report["type"]["f1"] == pytest.approx(2 / 7)
    assert report["value"]["correct"] == 1
    assert report["value_accuracy"]["accuracy"] == pytest.approx(1 / 2)
    assert report["value"]["f1"] == pytest.approx(
        report["relaxed"]["f1"] * report["value_accuracy"]["accuracy"]
    )


def test_per_type_breakdown(report):
    assert report["per_type"]["DATE"] == {
        "count": 2,
        "matched": 2,
        "recall": 1.0,
        "accuracy": 0.5,
    }
    assert report["per_type"]["DURATION"]["recall"] == 0.0


def test_error_kinds(report):
    assert dict(report["error_kinds"]) == {
        "missed span DURATION": 1,
        "spurious span DATE": 1,
        "spurious span TIME": 1,
        "wrong extent": 1,
        "wrong type DATE->TIME": 1,
        "wrong value DATE YYYY-MM-DD vs XXXX-MM-DD": 1,
    }
    wrong_value = next(e for e in report["errors"] if e["kind"].startswith("wrong value"))
    assert wrong_value["gold"]["value"] == "2020-05-05"
    assert wrong_value["pred"]["value"] == "XXXX-05-05"
    assert "[[5 May]]" in wrong_value["context"]


def test_perfect_prediction_scores_one():
    doc = TimeMLDocument("d", "", None, TEXT, (gold("t1", "5 May", "DATE", "2020-05-05"),))
    report = evaluate_timex([doc], [[system("5 May", "DATE", "2020-05-05")]])
    assert report["value"]["f1"] == 1.0
    assert report["errors"] == []


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ("1998-08-07", "YYYY-MM-DD"),
        ("XXXX-XX-XX", "XXXX-XX-XX"),
        ("1998-W32", "YYYY-Www"),
        ("1998-Q3", "YYYY-Qn"),
        ("199", "YYY"),
        ("1998-08-07T14:00", "YYYY-MM-DDThh:mm"),
        ("P3D", "PnD"),
        ("PT1.5H", "PTnH"),
        ("PRESENT_REF", "PRESENT_REF"),
    ],
)
def test_value_shape(value, shape):
    assert value_shape(value) == shape


def test_value_error_kind_names_the_differing_fields():
    assert value_error_kind("DATE", "1998-08-07", "1998-08-14") == (
        "wrong value DATE YYYY-MM-DD vs YYYY-MM-DD (DD differs)"
    )
    assert value_error_kind("DATE", "1999-03-12", "1998-03-12").endswith("(YYYY differs)")
    assert value_error_kind("DATE", "1998-Q3", "1998") == "wrong value DATE YYYY-Qn vs YYYY"
