"""The shared one-to-one overlap matching and the P/R/F1 helper."""

import pytest

from service.evaluate.matching import SpanKey, count_exact, match_one_to_one, overlap
from service.evaluate.scoring import prf, sentence_context


def spans(*pairs):
    return [SpanKey((pair,)) for pair in pairs]


def test_overlap_counts_shared_characters():
    assert overlap((0, 5), (3, 9)) == 2
    assert overlap((0, 5), (5, 9)) == 0
    assert overlap((4, 4), (4, 4)) == 1


def test_exact_match_wins_over_overlap():
    assert match_one_to_one(spans((0, 10)), spans((0, 5), (0, 10))) == [(0, 1)]


def test_each_system_span_matches_one_gold_span_only():
    # "last week" + "Friday" gold, one system span covering both: it goes to the larger overlap.
    assert match_one_to_one(spans((0, 9), (10, 16)), spans((0, 16))) == [(0, 0)]


def test_each_gold_span_matches_one_system_span_only():
    assert match_one_to_one(spans((0, 11)), spans((0, 4), (5, 11))) == [(0, 1)]


def test_labels_must_agree_and_every_span_overlap():
    gold = [SpanKey(((0, 5), (10, 15)), "agent")]
    assert match_one_to_one(gold, [SpanKey(((0, 5), (10, 15)), "patient")]) == []
    assert match_one_to_one(gold, [SpanKey(((0, 5), (20, 25)), "agent")]) == []
    assert match_one_to_one(gold, [SpanKey(((2, 4), (12, 30)), "agent")]) == [(0, 0)]


def test_count_exact_is_one_to_one():
    assert count_exact(spans((0, 4), (5, 9)), spans((0, 4), (0, 4), (5, 8))) == 1


def test_prf():
    scores = prf(correct=2, predicted=4, gold=3)
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(4 / 7)
    assert prf(0, 0, 0)["f1"] == 0.0


def test_sentence_context_marks_the_span_in_its_sentence():
    text = "Title line\nFirst one. The bomb went off on Friday. Last one."
    start = text.index("Friday")
    assert sentence_context(text, start, start + 6) == "The bomb went off on [[Friday]]."
    assert sentence_context(text, 0, 5) == "[[Title]] line"
