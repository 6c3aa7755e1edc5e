"""Line breaks start sentences before parsing, so a headline is not the body's subject."""

from __future__ import annotations

import pytest
import spacy

from service.pipeline import DEFAULT_MODEL
from service.pipeline.syntax.segmentation import LINE_SENTENCES, MAX_SENTENCE_TOKENS


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load(DEFAULT_MODEL)
    model.add_pipe(LINE_SENTENCES, before="parser")
    return model


def test_headline_and_dateline_are_sentences_of_their_own(nlp):
    doc = nlp("Rivermark opens new plant\nMay 4, 2020\nRivermark Steel today opened a plant.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Rivermark opens new plant",
        "May 4, 2020",
        "Rivermark Steel today opened a plant.",
    ]
    opened = next(t for t in doc if t.text == "opened")
    assert next(c for c in opened.children if c.dep_ == "nsubj").text == "Steel"


def test_a_hard_wrapped_line_stays_in_its_sentence(nlp):
    doc = nlp("The council voted on the\nbudget after a long debate.")
    assert len(list(doc.sents)) == 1


def test_a_line_that_runs_on_without_a_final_mark_is_cut_into_bounded_sentences(nlp):
    doc = nlp("he said " * 600)
    assert max(len(s) for s in doc.sents) <= 2 * MAX_SENTENCE_TOKENS


def test_long_prose_with_sentence_marks_keeps_the_parsers_sentences(nlp):
    text = "The council met on Monday and voted on the budget after a long debate. " * 40
    assert [len(s) for s in nlp(text).sents] == [15] * 40
