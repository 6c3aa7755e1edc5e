"""The one tense reader (syntax/tense.py) and the factuality steps of the event attributes.

Sentences written for these tests, parsed by the real model.
"""

from __future__ import annotations

import pytest

from service.pipeline.events.attributes import FACTUALITY_STEPS, read_attributes
from service.pipeline.syntax.tense import FUTURE_AUXILIARIES, clause_tense, tense_aspect


@pytest.fixture(scope="module")
def trigger(pipeline):
    def find(text, word):
        return next(t for t in pipeline.nlp(text) if t.text == word)

    return find


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will meet on Friday.",
        "They'll meet on Friday.",
        "We shall meet on Friday.",
        "The talks won't resume on Friday.",
    ],
)
def test_a_future_auxiliary_is_future_in_both_readings(trigger, text):
    verb = trigger(text, text.split()[-3])
    assert tense_aspect(verb)[0] == "FUTURE"
    assert clause_tense(verb) == "future"


def test_the_future_auxiliaries_are_one_list_with_gonna():
    assert {"will", "'ll", "shall", "wo", "gon"} == FUTURE_AUXILIARIES


@pytest.mark.parametrize(
    ("text", "word", "tense", "aspect", "direction"),
    [
        ("The minister met them on Friday.", "met", "PAST", "NONE", "past"),
        ("The minister has met them.", "met", "PRESENT", "PERFECTIVE", "past"),
        ("The minister is meeting them.", "meeting", "PRESENT", "PROGRESSIVE", "present"),
        ("The minister may resign on Friday.", "resign", "NONE", "NONE", "future"),
        ("The firm planned to open on Friday.", "open", "INFINITIVE", "NONE", "prospective"),
    ],
)
def test_tense_and_aspect_and_the_direction_of_the_clause(
    trigger, text, word, tense, aspect, direction
):
    verb = trigger(text, word)
    assert tense_aspect(verb) == (tense, aspect)
    assert clause_tense(verb) == direction


def test_a_noun_has_no_tense(trigger):
    assert tense_aspect(trigger("The summit ended.", "summit")) == ("NONE", "NONE")


# Each factuality step with an example only it decides: (text, trigger, governor class).
FACTUALITY_EXAMPLES = {
    "negation": ("The workers did not strike.", "strike", None),
    "modal": ("The minister may resign.", "resign", None),
    "hedge": ("The strike is likely to end.", "end", None),
    "irrealis_governor": ("The firm wants to buy the plant.", "buy", "I_STATE"),
    "future_tense": ("The store will reopen.", "reopen", None),
    "going_to": ("The store is going to close.", "close", None),
    "reported_clause": ("The police said the man escaped.", "escaped", "REPORTING"),
    "asserted": ("The workers struck.", "struck", None),
}


def test_every_factuality_step_has_an_example():
    assert [name for name, _, _ in FACTUALITY_STEPS] == list(FACTUALITY_EXAMPLES)


@pytest.mark.parametrize("step", list(FACTUALITY_EXAMPLES))
def test_factuality_example_is_decided_by_its_step(trigger, step):
    text, word, governor_class = FACTUALITY_EXAMPLES[step]
    attributes = read_attributes(trigger(text, word), governor_class)
    value = next(f for name, f, _ in FACTUALITY_STEPS if name == step)
    assert (attributes.factuality_step, attributes.factuality) == (step, value)


# The same examples without their cue: the step no longer decides.
WITHOUT_THE_CUE = {
    "negation": ("The workers did strike.", "strike", None),
    "modal": ("The minister will resign.", "resign", None),
    "hedge": ("The strike is sure to end.", "end", None),
    "irrealis_governor": ("The firm wants to buy the plant.", "buy", None),
    "future_tense": ("The store reopened.", "reopened", None),
    "going_to": ("The store is about to close.", "close", None),
    "reported_clause": ("The police said the man escaped.", "escaped", None),
}


@pytest.mark.parametrize("step", list(WITHOUT_THE_CUE))
def test_without_its_cue_the_example_is_not_decided_by_the_step(trigger, step):
    text, word, governor_class = WITHOUT_THE_CUE[step]
    assert read_attributes(trigger(text, word), governor_class).factuality_step != step


def test_negation_comes_before_the_future(trigger):
    attributes = read_attributes(trigger("The talks won't resume.", "resume"), None)
    assert (attributes.tense, attributes.factuality_step) == ("FUTURE", "negation")
