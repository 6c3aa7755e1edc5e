"""An event's description read off the parse: who did what to whom, and where."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def describe(pipeline):
    def run(text, trigger):
        result = pipeline.process(text, date(2023, 6, 7))
        return next(e.description for e in result.events if e.trigger.text == trigger)

    return run


@pytest.mark.parametrize(
    ("text", "trigger", "description"),
    [
        (
            "The FAA closes 149 control towers in Texas.",
            "closes",
            "The FAA closes 149 control towers in Texas",
        ),
        ("No one was injured.", "injured", "No one was injured"),
        ("The minister may resign.", "resign", "The minister may resign"),
        ("We will not register, nor will we pay.", "pay", "nor will we pay"),
        (
            "Police have raided the offices of the group.",
            "raided",
            "Police have raided the offices of the group",
        ),
        (
            "The campaign against ISIS began in autumn 2014.",
            "began",
            "The campaign against ISIS began",
        ),
        ("The Boeing 777 crashed on Monday.", "crashed", "The Boeing 777 crashed"),
        (
            "Leaders attending Tuesday's summit agreed.",
            "attending",
            "Leaders attending Tuesday's summit",
        ),
        (
            "The leaders from 15 countries attending the summit agreed.",
            "attending",
            "The leaders attending the summit",
        ),
        (
            "The US-led coalition met in Copenhagen.",
            "met",
            "The US-led coalition met in Copenhagen",
        ),
    ],
)
def test_the_description_names_who_did_what_to_whom_and_where(describe, text, trigger, description):
    assert describe(text, trigger) == description


def test_a_long_subject_is_cut_to_its_core(describe):
    text = "The chairman of the board of the company that owns the mine resigned on Monday."
    assert describe(text, "resigned") == "The chairman of the board resigned"


def test_the_negation_and_the_modal_stay_with_the_verb(describe):
    assert describe("The company did not announce the closure.", "announce") == (
        "The company did not announce the closure"
    )


def test_a_dateline_is_not_part_of_the_description(describe):
    text = "LONDON, Wed Jun 7, 2023 (Reuters) - The company cut 200 jobs."
    assert describe(text, "cut") == "The company cut 200 jobs"
