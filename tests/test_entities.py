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
