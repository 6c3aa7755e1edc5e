"""Held-out event figures: a classifier trained in memory scores only documents left out."""

from pathlib import Path

import numpy as np
import pytest

from service.evaluate.__main__ import main
from service.evaluate.confidence import calibrate
from service.evaluate.held_out import fold_splits, held_out_events
from service.pipeline.events.extract import EventExtractor
from service.training.events import Examples, train

HEADER = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{doc}</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-10" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">2021-03-10</TIMEX3></DCT>\n<TEXT>'
)
BODY = (
    'Police <EVENT eid="e1" class="REPORTING">said</EVENT> the {noun} '
    '<EVENT eid="e2" class="OCCURRENCE">{verb}</EVENT> on '
    '<TIMEX3 tid="t1" type="DATE" value="2021-03-05">Friday</TIMEX3>.</TEXT>\n'
    '<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS"/>\n'
    '<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS"/>\n'
    '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1"/>\n'
    "</TimeML>\n"
)
WORDS = [("bridge", "opened"), ("plant", "closed"), ("road", "collapsed"), ("mine", "flooded")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tempeval")
    for corpus_name in ("TimeBank", "AQUAINT"):
        folder = root / corpus_name
        folder.mkdir()
        for number, (noun, verb) in enumerate(WORDS):
            doc = f"{corpus_name}{number}"
            text = HEADER.format(doc=doc) + BODY.format(noun=noun, verb=verb)
            (folder / f"{doc}.tml").write_text(text, encoding="utf-8")
    return root


def test_each_corpus_is_scored_by_a_model_trained_on_the_other(corpus):
    reports, timing = held_out_events(corpus)
    assert list(reports) == [
        "trained on TimeBank -> AQUAINT",
        "trained on AQUAINT -> TimeBank",
        "pooled",
    ]
    assert [r["documents"] for r in reports.values()] == [4, 4, 8]
    assert reports["pooled"]["strict"]["gold"] == 16
    assert timing["documents"] == 8


def test_folds_score_every_document_once(corpus):
    reports, _ = held_out_events(corpus, folds=4)
    assert list(reports) == [f"fold {k} of 4" for k in (1, 2, 3, 4)] + ["pooled"]
    assert [r["documents"] for r in reports.values()] == [2, 2, 2, 2, 8]
    assert reports["pooled"]["strict"]["gold"] == 16


def test_fold_splits_leave_the_scored_documents_out_of_training():
    splits = fold_splits(7, 3)
    assert [held_out for _, _, held_out in splits] == [[0, 3, 6], [1, 4], [2, 5]]
    for _, training, held_out in splits:
        assert not set(training) & set(held_out)
        assert sorted(training + held_out) == list(range(7))
    with pytest.raises(ValueError, match="folds"):
        fold_splits(7, 1)


def test_command_prints_held_out_figures(corpus, capsys):
    assert main(["events", str(corpus), "--cross-corpus"]) == 0
    out = capsys.readouterr().out
    assert "held out" in out
    assert "trained on AQUAINT -> TimeBank" in out
    assert main(["events", str(corpus), "--folds", "2"]) == 0
    assert "fold 2 of 2" in capsys.readouterr().out


def test_training_is_deterministic():
    features = [["bias", "l=go"], ["bias", "l=go"], ["bias", "l=sit"]] * 3
    examples = Examples(features, [1, 1, 0] * 3)
    first, second = train(examples), train(examples)
    assert first.features == second.features
    assert np.array_equal(first.weights, second.weights)


def test_extractor_uses_an_in_memory_model(pipeline):
    examples = Examples([["bias"]] * 5000, [0] * 5000)  # a model that finds no event
    extractor = EventExtractor(pipeline.nlp, model=train(examples))
    doc = pipeline.nlp("The bridge collapsed on Friday.")
    assert extractor(doc, [], [], None) == []
    assert pipeline.events(doc, [], [], None)  # the shipped model does find one


def test_calibration_fits_on_held_out_predictions_and_judges_the_other_half(corpus, capsys):
    report = calibrate(corpus, folds=2)
    events = report["events"]
    assert events["pooled"]["samples"] == sum(
        events[name]["samples"] for name in ("fitted on even -> odd", "fitted on odd -> even")
    )
    assert {"ece", "ece_raw"} <= set(events["pooled"])
    # "opened" on Friday: own_time, right by the gold IS_INCLUDED link to Friday
    assert report["step_counts"]["own_time"] == 8
    assert report["tables"]["anchors"]("own_time") == 1.0
    values = report["tables"]["events"].values
    assert list(values) == sorted(values)
    assert set(report["thresholds"]) >= {0.0, 0.5}
    assert main(["calibration", str(corpus), "--folds", "2"]) == 0
    out = capsys.readouterr().out
    assert "events: fitted on even -> odd" in out and "threshold" in out
