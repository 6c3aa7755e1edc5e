"""The one tense reader (syntax/tense.py): TimeML tense and aspect, and a clause's direction.

Sentences written for these tests, parsed by the real model.
"""

from __future__ import annotations

import pytest

from service.pipeline.syntax.tense import FUTURE_AUXILIARIES, clause_tense, tense_aspect


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
