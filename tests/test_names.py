"""Whether an actor phrase or name denotes an actor: aliases, surnames, acronyms, and the index
that finds the names a phrase names."""

from __future__ import annotations

import pytest

from service.pipeline.entities.names import MAX_CANDIDATES, NameIndex, mentions_name, names_match


@pytest.mark.parametrize(
    ("requested", "name"),
    [
        ("Barack Obama", "Obama"),
        ("Barack Obama", "President Obama"),
        ("barack obama", "Barack Obama"),
        ("General Motors", "GM"),
        ("GM", "General Motors"),
        ("Apple", "Apple Inc."),
        ("Steve Jobs", "Jobs"),
    ],
)
def test_names_match_aliases_surnames_and_acronyms(requested, name):
    assert names_match(requested, name)


@pytest.mark.parametrize(
    ("requested", "name"),
    [("Barack Obama", "Michelle Obama"), ("iPhone 4", "iPhone"), ("General Motors", "GE")],
)
def test_names_do_not_match_other_actors(requested, name):
    assert not names_match(requested, name)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("The iPhone 4", "iPhone 4"),
        ("the iTunes Music Store", "iTunes store"),
        ("Jobs", "Steve Jobs"),
        ("company CEO Steve Jobs", "Steve Jobs"),
        ("more than 21 million iPod players", "iPod"),
    ],
)
def test_actor_phrases_that_name_the_actor(phrase, name):
    assert mentions_name(phrase, name)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Jobs's health", "Steve Jobs"),
        ("Jobs ' medical leave", "Steve Jobs"),
        ("the tagline of Steve Jobs", "Steve Jobs"),
        ("create jobs", "Steve Jobs"),
        ("the iPhone 3GS", "iPhone 3G"),
        ("The new iPhone", "iPhone 4"),
    ],
)
def test_actor_phrases_about_something_else(phrase, name):
    assert not mentions_name(phrase, name)


def test_a_plural_name_matches_its_singular():
    assert names_match("iPod", "iPods")
    assert names_match("Apple Stores", "Apple Store")
    assert not names_match("iPod", "iPad")
    assert not names_match("3G", "3Gs")


def test_a_name_index_finds_the_names_a_phrase_names():
    index = NameIndex(
        [("p1", "Steve Jobs", True), ("o1", "iPod", False), ("o2", "Apple Computer", False)]
    )
    assert index.mentioned("company CEO Steve Jobs") == [("p1", "Steve Jobs")]
    assert index.mentioned("Jobs") == [("p1", "Steve Jobs")]
    assert index.mentioned("the new iPods") == [("o1", "iPod")]
    assert index.mentioned("Computer sales") == []  # not a surname
    assert index.mentioned("the computer company") == []


def test_a_name_index_tries_a_bounded_number_of_names_per_phrase():
    """Many names sharing a last word: the first ``MAX_CANDIDATES`` are tried, so a text of
    such names costs linear time, and a later one goes unfound."""
    names = [(str(i), f"Unit{i} Group", False) for i in range(10 * MAX_CANDIDATES)]
    index = NameIndex(names)
    assert index.mentioned("Unit7 Group") == [("7", "Unit7 Group")]
    assert index.mentioned(f"Unit{9 * MAX_CANDIDATES} Group") == []
