"""The entity stage on texts written for the tests and on the first example article."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def entities_of(pipeline):
    def run(text):
        return pipeline.entities(pipeline.nlp(text))

    return run


def named(entities, text):
    matches = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert matches, f"no entity mentioned as {text!r}: {[e.name for e in entities]}"
    return matches[0]


def test_surname_merges_into_the_person(entities_of):
    entities = entities_of(
        "Defence Secretary Maria Lindqvist flew to Oslo. Later Lindqvist met the press."
    )
    person = named(entities, "Maria Lindqvist")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Maria Lindqvist", "Lindqvist"]
    assert person.name == "Maria Lindqvist"


def test_acronym_merges_with_its_expansion(entities_of):
    entities = entities_of(
        "The International Monetary Fund cut its forecast. The IMF said growth would slow."
    )
    fund = named(entities, "International Monetary Fund")
    assert "IMF" in [m.text for m in fund.mentions]
    assert fund.name == "International Monetary Fund"


def test_bare_collective_noun_merges_with_the_named_group(entities_of):
    entities = entities_of(
        "Officials of the Canadian-led coalition gathered in Bergen. The coalition agreed a plan."
    )
    coalition = named(entities, "Canadian-led coalition")
    assert coalition.type == "ORG"
    assert [m.text for m in coalition.mentions] == ["Canadian-led coalition", "coalition"]


def test_ids_follow_first_mention_and_offsets_index_the_text(entities_of):
    text = "Paris welcomed Angela Brandt. Brandt thanked Paris."
    entities = entities_of(text)
    assert [e.id for e in entities] == [f"ent{i}" for i in range(1, len(entities) + 1)]
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert entities[0].name == "Paris"


def test_example_article_corrects_the_small_model(entities_of, mattis_article):
    entities = entities_of(mattis_article)
    assert named(entities, "Copenhagen").type == "GPE"
    mattis = named(entities, "Jim Mattis")
    assert mattis.type == "PERSON"
    assert "Mattis" in [m.text for m in mattis.mentions]
    assert named(entities, "Mosul").type == "GPE"
    assert named(entities, "Raqa").type == "GPE"
    coalition = named(entities, "US-led coalition")
    assert "coalition" in [m.text for m in coalition.mentions]


# Kind 3 of issue 15: names. Each must link, then what must not.
def test_legal_form_merges_into_the_bare_name(entities_of):
    entities = entities_of(
        "Microsoft Corp. reported higher sales on Monday. Microsoft said cloud revenue grew."
    )
    company = named(entities, "Microsoft Corp.")
    assert [m.text for m in company.mentions] == ["Microsoft Corp.", "Microsoft"]


def test_acronym_without_parenthesis_merges_with_its_expansion(entities_of):
    entities = entities_of(
        "The Centers for Disease Control and Prevention issued a warning on Friday. "
        "The CDC said the outbreak was spreading."
    )
    agency = named(entities, "Centers for Disease Control and Prevention")
    assert "CDC" in [m.text for m in agency.mentions]


def test_a_short_form_the_model_joined_to_its_name_is_a_mention_of_it(entities_of):
    entities = entities_of(
        "The World Health Organization (WHO) declared a pandemic on Wednesday. "
        "The WHO said 114 countries had reported cases."
    )
    agency = named(entities, "World Health Organization")
    assert [m.text for m in agency.mentions] == ["World Health Organization", "WHO", "WHO"]
    assert not [e for e in entities if "(" in e.name]


def test_a_parenthesis_of_other_words_stays_apart(entities_of):
    entities = entities_of(
        "The World Health Organization (Geneva) declared a pandemic on Wednesday. "
        "The WHO said 114 countries had reported cases."
    )
    agency = named(entities, "World Health Organization")
    assert "Geneva" not in [m.text for m in agency.mentions]


def test_acronym_of_other_words_stays_apart(entities_of):
    entities = entities_of(
        "The Centers for Disease Control and Prevention issued a warning. "
        "The WHO said the outbreak was spreading."
    )
    agency = named(entities, "Centers for Disease Control and Prevention")
    assert "WHO" not in [m.text for m in agency.mentions]


def test_bare_surname_goes_to_the_nearest_person_sharing_it(entities_of):
    entities = entities_of(
        "John Harris chaired the board in London. Mark Harris joined the board on Tuesday. "
        "Harris said he was pleased."
    )
    john, mark = named(entities, "John Harris"), named(entities, "Mark Harris")
    assert john.id != mark.id
    assert "Harris" in [m.text for m in mark.mentions]
    assert "Harris" not in [m.text for m in john.mentions]


def test_surname_after_the_full_name_is_one_person(entities_of):
    entities = entities_of("Sean Doyle, the airline chief, resigned. Doyle had led it since 2019.")
    person = named(entities, "Sean Doyle")
    assert [m.text for m in person.mentions] == ["Sean Doyle", "Doyle"]


# Kind 4 of issue 15: types in context, and products.
def test_products_are_entities(entities_of):
    entities = entities_of("iPods sold in France already have the volume limited.")
    assert named(entities, "iPods").type == "PRODUCT"
    assert named(entities, "France").type == "GPE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police searched the offices of Vesti in Moscow on Tuesday.", "Vesti"),
        ("Police raided the headquarters of Kommersant on Monday.", "Kommersant"),
    ],
)
def test_what_only_an_organisation_has_makes_an_organisation(entities_of, text, name):
    assert named(entities_of(text), name).type == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Police searched the offices of Olga Romanova on Tuesday.", "Olga Romanova", "PERSON"),
        ("The government of France said the talks failed.", "France", "GPE"),
        ("France said the talks failed.", "France", "GPE"),
    ],
)
def test_people_and_reporting_countries_keep_their_type(entities_of, text, name, kind):
    assert named(entities_of(text), name).type == kind


@pytest.mark.parametrize(
    "text",
    [
        "Fighting broke out in Avdiivka on Monday. Residents of Avdiivka fled.",
        "Protesters gathered in Avdiivka on Monday.",
    ],
)
def test_a_name_where_something_happens_is_a_place(entities_of, text):
    assert named(entities_of(text), "Avdiivka").type == "GPE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The minister handed the award to Merkel on Monday.", "Merkel"),
        ("Voters lost faith in Merkel on Monday.", "Merkel"),
        ("The minister wrote to Obama on Monday.", "Obama"),
    ],
)
def test_a_person_a_thing_goes_to_or_a_feeling_is_in_stays_a_person(entities_of, text, name):
    assert named(entities_of(text), name).type == "PERSON"
