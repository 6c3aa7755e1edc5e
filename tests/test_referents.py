"""Kind 2 of issue 15 in `/v1/timeline` itself: each actor that is a pronoun, a description or a
part of a name is linked to the entity it refers to in its document, and keeps its own text."""

from __future__ import annotations

import pytest


def _actor(result, trigger, role="agent"):
    event = next(e for e in result.events if e.trigger.text == trigger)
    return next(a for a in event.actors if a.role == role)


def _entity(result, name):
    return next(e.id for e in result.entities if e.name == name)


def test_a_pronoun_is_linked_to_the_person_named_before_it(pipeline):
    result = pipeline.process(
        "Herbert Diess resigned on Monday. He said the board had lost confidence in him."
    )
    he = _actor(result, "said")
    assert (he.text, he.entity) == ("He", _entity(result, "Herbert Diess"))


def test_a_pronoun_with_no_person_before_it_stays_unlinked(pipeline):
    result = pipeline.process("The storm hit the coast on Monday. He said the roads were closed.")
    assert _actor(result, "said").entity is None


def test_a_description_with_modifiers_is_the_organisation_named_before(pipeline):
    result = pipeline.process(
        "Volkswagen AG agreed on Tuesday to buy a stake in the startup. "
        "The German carmaker will pay $2.6 billion."
    )
    carmaker = _actor(result, "pay")
    assert (carmaker.text, carmaker.entity) == (
        "The German carmaker",
        _entity(result, "Volkswagen AG"),
    )


@pytest.mark.parametrize(
    ("description", "name"),
    [("The computer company", "Apple Computer"), ("The company", "Apple Corps")],
)
def test_a_modifier_that_is_a_word_of_a_name_picks_that_organisation(pipeline, description, name):
    result = pipeline.process(
        "Apple Computer sold more phones in May, and Apple Corps sued it in London. "
        f"{description} said the case had no merit."
    )
    said = _actor(result, "said")
    assert (said.text, said.entity) == (description, _entity(result, name))


def test_a_surname_names_its_person(pipeline):
    result = pipeline.process("Herbert Diess met the board on Monday. Diess said profits rose.")
    diess = _actor(result, "said")
    assert (diess.text, diess.entity) == ("Diess", _entity(result, "Herbert Diess"))


def test_a_word_for_what_an_organisation_is_does_not_name_it(pipeline):
    result = pipeline.process(
        "Norvik Bank cut 500 jobs on Monday. Bank officials like these rarely resign, analysts "
        "said."
    )
    officials = _actor(result, "resign")
    assert (officials.text, officials.entity) == ("Bank officials", None)
