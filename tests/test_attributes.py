"""The event attributes' factuality steps (events/attributes.py), each with its examples.

Sentences written for these tests, parsed by the real model.
"""

from __future__ import annotations

import pytest

from service.pipeline.events.attributes import FACTUALITY_STEPS, read_attributes

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
