"""Whether an actor phrase or name denotes a requested actor: aliases, surnames, acronyms."""

from __future__ import annotations

import pytest

from service.pipeline.story.names import mentions_name, names_match


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
