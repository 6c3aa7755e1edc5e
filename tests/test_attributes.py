"""The event attributes' factuality steps (events/attributes.py), each with its examples.

Sentences written for these tests, parsed by the real model.
"""

from __future__ import annotations

import pytest

from service.pipeline.events.attributes import FACTUALITY_STEPS, read_attributes
from service.pipeline.lexicon.events import CUE_KINDS, load_lexicon

# Each factuality step with an example only it decides: (text, trigger, governor class).
FACTUALITY_EXAMPLES = {
    "negative_subject": ("No one was injured in the blast.", "injured", None),
    "negative_coordination": ("The minister neither confirmed nor denied it.", "denied", None),
    "negation": ("The workers did not strike.", "strike", None),
    "open_implication": (
        "The ruling does not necessarily mean that he will stand trial.",
        "stand",
        None,
    ),
    "modal": ("The minister may resign.", "resign", None),
    "hedge": ("The strike is likely to end.", "end", None),
    "allegation": ("He was accused of stealing the funds.", "stealing", None),
    "condition": ("The pilots will strike if the airline refuses.", "refuses", None),
    "planned": ("The firm plans to buy the plant.", "buy", "I_STATE"),
    "inherited": (
        "The kit will allow developers to create games and then distribute them.",
        "distribute",
        None,
    ),
    "future_tense": ("The store will reopen.", "reopen", None),
    "irrealis_governor": ("The analysts believe the firm overpaid.", "overpaid", "I_STATE"),
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
    assert attributes.factuality_step == step
    assert value is None or attributes.factuality == value


# The same examples without their cue: the step no longer decides.
WITHOUT_THE_CUE = {
    "negative_subject": ("One man was injured in the blast.", "injured", None),
    "negative_coordination": ("The minister confirmed and denied it.", "denied", None),
    "negation": ("The workers did strike.", "strike", None),
    "open_implication": ("The ruling means that he will stand trial.", "stand", None),
    "modal": ("The minister will resign.", "resign", None),
    "hedge": ("The strike is sure to end.", "end", None),
    "allegation": ("He was convicted of stealing the funds.", "stealing", None),
    "condition": ("The pilots will strike because the airline refuses.", "refuses", None),
    "planned": ("The firm bought the plant.", "bought", None),
    "inherited": (
        "The kit allowed developers to create games and then distributed them.",
        "distributed",
        None,
    ),
    "future_tense": ("The store reopened.", "reopened", None),
    "irrealis_governor": ("The analysts believe the firm overpaid.", "overpaid", None),
    "reported_clause": ("The police said the man escaped.", "escaped", None),
}


@pytest.mark.parametrize("step", list(WITHOUT_THE_CUE))
def test_without_its_cue_the_example_is_not_decided_by_the_step(trigger, step):
    text, word, governor_class = WITHOUT_THE_CUE[step]
    assert read_attributes(trigger(text, word), governor_class).factuality_step != step


def test_negation_comes_before_the_future(trigger):
    attributes = read_attributes(trigger("The talks won't resume.", "resume"), None)
    assert (attributes.tense, attributes.factuality_step) == ("FUTURE", "negation")


@pytest.mark.parametrize(
    ("text", "word"),
    [("No one was injured.", "injured"), ("He neither confirmed nor denied it.", "confirmed")],
)
def test_a_negative_subject_or_coordination_negates_the_polarity(trigger, text, word):
    assert read_attributes(trigger(text, word), None).polarity == "NEG"


# Issue 14, kind 4: events that did not happen, may happen, will happen or are only alleged, each
# with a sentence where the same event is a fact. (text, trigger, governor class, factuality)
NOT_ASSERTED = [
    # negated subjects and coordinations
    ("No one was injured in the blast.", "injured", None, "negated"),
    ("Nobody was hurt when the roof fell.", "hurt", None, "negated"),
    ("No strike has been called at the airline.", "called", None, "negated"),
    ("Neither the union nor the airline commented on the talks.", "commented", None, "negated"),
    ("The minister neither confirmed nor denied the report.", "confirmed", None, "negated"),
    ("We will not pay the fine, nor will we register the party.", "register", None, "negated"),
    ("The company no longer sells the phone.", "sells", None, "negated"),
    ("The union did not strike or picket the depot.", "picket", None, "negated"),
    # possible: modal, open implication, condition, whether, allegation, hedged plan
    ("The minister may resign.", "resign", None, "possible"),
    ("The ruling does not necessarily mean that he will stand trial.", "stand", None, "possible"),
    ("The pilots will strike if the airline refuses their demands.", "refuses", None, "possible"),
    ("The plant will close unless a buyer steps in.", "steps", None, "possible"),
    ("If there ever came a day, he would leave.", "came", None, "possible"),
    (
        "Had the relatives allowed him to go, the case would have ended.",
        "allowed",
        None,
        "possible",
    ),
    ("Should talks collapse, the strike will begin.", "collapse", None, "possible"),
    ("The board opened an inquiry into whether he abused his office.", "abused", None, "possible"),
    ("Police are investigating the alleged fraud at the bank.", "fraud", None, "possible"),
    ("The mayor allegedly took bribes.", "took", None, "possible"),
    ("He was accused of stealing the funds.", "stealing", None, "possible"),
    ("Two men suspected of smuggling were detained.", "smuggling", None, "possible"),
    ("The firm had been expected to announce the closure.", "announce", None, "possible"),
    # planned and future
    ("The pilots will strike if the airline refuses their demands.", "strike", None, "future"),
    ("The store is going to close.", "close", None, "future"),
    ("The firm wants to buy the plant.", "buy", "I_STATE", "possible"),
    ("Apple plans another special event.", "event", None, "future"),
    ("Apple has plans to import more features.", "import", None, "future"),
    (
        "Apple has claimed that the phone will provide faster access.",
        "provide",
        "I_ACTION",
        "future",
    ),
    ("It is to be held in San Jose.", "held", None, "future"),
    ("Apple announced an event to be held on Friday.", "held", None, "future"),
    ("The firm met the unions to discuss the cuts.", "discuss", "OCCURRENCE", "future"),
    ("The trial is set to begin on Wednesday.", "trial", None, "future"),
    ("The change in policy will occur next year.", "change", None, "future"),
    ("A recording told callers to ring back later.", "ring", "REPORTING", "future"),
    # inherited from a future or modal governor
    (
        "The kit will allow developers to create games and distribute them.",
        "create",
        None,
        "future",
    ),
    ("Developers will be able to set the price or release them for free.", "set", None, "future"),
    (
        "Developers will be able to set the price or release them for free.",
        "release",
        None,
        "future",
    ),
    ("The firm may sell the plant and close it.", "close", None, "possible"),
    (
        "A suspect had not admitted any role or implicated anyone else.",
        "implicated",
        None,
        "negated",
    ),
    ("We're going to look to the future, determine what is needed.", "determine", None, "future"),
]

ASSERTED = [
    ("One man was injured in the blast.", "injured", None),
    ("A strike has been called at the airline.", "called", None),
    ("The union and the airline commented on the talks.", "commented", None),
    ("The minister confirmed and denied the report.", "denied", None),
    ("We paid the fine, and we registered the party.", "registered", None),
    ("The union did not strike but picketed the depot.", "picketed", None),
    ("The union did not strike, but the pilots picketed the depot.", "picketed", None),
    ("The minister resigned.", "resigned", None),
    ("The ruling means that he stood trial.", "stood", None),
    ("The pilots struck because the airline refused their demands.", "refused", None),
    ("Sales doubled if compared to last year.", "compared", None),
    ("The relatives had allowed him to go, and the case ended.", "allowed", None),
    ("The board found that he abused his office.", "abused", None),
    ("Police are investigating the fraud at the bank.", "fraud", None),
    ("He was convicted of stealing the funds.", "stealing", None),
    ("The firm announced the closure.", "announced", None),
    ("Apple held another special event.", "event", None),
    ("Apple is the first company to sell the phone.", "sell", None),
    ("Apple released a program to limit the volume.", "limit", None),
    ("The company claims to own the trademark.", "own", None),
    ("The change in policy occurred last year.", "change", None),
    ("The kit allowed developers to create games and then distributed them.", "distributed", None),
    ("Developers were able to set the price.", "set", None),
    ("We looked to the future, determined what was needed.", "determined", None),
    ("A suspect had admitted a role and implicated two others.", "implicated", None),
    ("He did not sign the deal and left the room.", "left", None),
    ("Prices will rise, although analysts say demand is weak.", "say", None),
]


@pytest.mark.parametrize(("text", "word", "governor_class", "factuality"), NOT_ASSERTED)
def test_not_asserted_events_are_flagged(trigger, text, word, governor_class, factuality):
    assert read_attributes(trigger(text, word), governor_class).factuality == factuality


@pytest.mark.parametrize(("text", "word", "governor_class"), ASSERTED)
def test_the_same_events_as_facts_stay_asserted(trigger, text, word, governor_class):
    assert read_attributes(trigger(text, word), governor_class).factuality == "asserted"


def test_the_cue_list_has_every_kind_and_only_known_kinds():
    assert set(load_lexicon().factuality_cues.values()) == set(CUE_KINDS)
