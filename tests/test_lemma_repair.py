"""Lemmas of "-ed"/"-ing" forms: one consonant before the suffix means the verb ends in "e"."""

from __future__ import annotations


def lemmas(pipeline, text):
    return {t.lower_: t.lemma_ for t in pipeline.nlp(text) if t.tag_.startswith("VB")}


def test_single_consonant_forms_come_from_e_verbs(pipeline):
    found = lemmas(
        pipeline, "Investors hoped the bonds were rated higher and were hoping for more."
    )
    assert (found["hoped"], found["rated"], found["hoping"]) == ("hope", "rate", "hope")


def test_doubled_consonants_and_longer_verbs_keep_their_lemmas(pipeline):
    found = lemmas(
        pipeline, "The rabbits hopped away, the plant stopped, and she visited and opened it."
    )
    assert (found["hopped"], found["stopped"]) == ("hop", "stop")
    assert (found["visited"], found["opened"]) == ("visit", "open")


def test_event_lemmas_are_repaired(pipeline):
    result = pipeline.process("Officials hoped talks would resume.")
    assert "hope" in {event.lemma for event in result.events}
