"""Where a time expression sits in the parse (real model): what it dates, what closes it off."""

from __future__ import annotations

import pytest

from service.pipeline.syntax.time_syntax import (
    CLOSED_CLAUSES,
    attached_event,
    baseline_of,
    clause_head,
    closed_off,
    modifies_noun,
    subordinate_relation,
)


@pytest.fixture(scope="module")
def parse(pipeline):
    def run(text):
        return {token.text: token for token in pipeline.nlp(text)}

    return run


def test_a_time_in_a_noun_phrase_dates_that_noun(parse):
    words = parse("Officials blamed the Aug. 7 bombings on militants.")
    bombings = words["bombings"]
    assert attached_event(words["7"], {bombings.i, words["blamed"].i}) == bombings
    assert modifies_noun(words["7"])


def test_a_time_after_a_preposition_dates_the_verb(parse):
    words = parse("The ministers met on Tuesday.")
    met = words["met"]
    assert attached_event(words["Tuesday"], {met.i}) == met
    assert not modifies_noun(words["Tuesday"])


def test_the_baseline_of_a_comparison_is_found(parse):
    words = parse("Profit rose to $5 million from $4 million a year ago.")
    assert baseline_of(words["ago"]).text == "from"
    words = parse("Profit rose 5% last year.")
    assert baseline_of(words["year"]) is None


def test_a_relative_clause_closes_its_time_off_from_the_main_verb(parse):
    words = parse("The man who arrived on Monday said he was tired.")
    said, monday = words["said"], words["Monday"]
    scope = {said.i} | {t.i for t in said.ancestors}
    assert closed_off(monday, scope, said, CLOSED_CLAUSES)
    arrived = words["arrived"]
    assert not closed_off(monday, {arrived.i}, arrived, CLOSED_CLAUSES)
    assert clause_head(monday) == arrived


def test_a_clause_marked_after_puts_the_event_after_its_time(parse):
    words = parse("They left after the talks ended on Friday.")
    assert subordinate_relation(words["Friday"], words["left"]) == "AFTER"
    words = parse("They left when the talks ended on Friday.")
    assert subordinate_relation(words["Friday"], words["left"]) is None
