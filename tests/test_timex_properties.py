"""Property tests: normalisation never raises, values obey the grammar, intervals are ordered."""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.pipeline.timex.functions import UnnormalisableError
from service.pipeline.timex.grammar import is_valid_value
from service.pipeline.timex.intervals import interval_of
from service.pipeline.timex.normalise import apply
from service.pipeline.timex.resolve import ReferenceDates, resolve
from service.pipeline.timex.rules import BUILTIN_FUNCTIONS, load_rules

TABLES = load_rules().tables
FUNCTIONS = sorted(BUILTIN_FUNCTIONS | TABLES.keys())
DATES = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))
TENSES = st.sampled_from([None, "past", "present", "future"])
REFERENCES = st.builds(
    ReferenceDates, st.none() | DATES, st.none() | DATES, st.integers(-1, 8), st.none() | DATES
)
UNITS = st.sampled_from(
    ["year", "half", "quarter", "month", "week", "day", "hour", "decade", "century"]
)
TARGETS = st.sampled_from(
    [f"D{d}" for d in range(1, 8)]
    + [f"M{m:02d}" for m in range(1, 13)]
    + ["M02-29", "M12-31", "M01-01", "SP", "SU", "FA", "WI", "Q1", "Q4", "WE"]
)
EXPRESSIONS = st.one_of(
    st.builds(
        "REL {} {} {}".format,
        st.sampled_from(["DCT", "REF", "PERIOD"]),
        UNITS,
        st.integers(-400, 400).map(str) | st.sampled_from(["-X", "+X", "0"]),
    ),
    st.builds(
        "SEEK {} {} {}".format,
        st.sampled_from(["DCT", "REF"]),
        TARGETS,
        st.sampled_from(["<", "<=", ">", ">=", "=", "~"]),
    ),
)
WORDS = st.sampled_from(
    ("Friday", "last", "next", "week", "1998", "the", "'90s", "May", "March", "5", "p.m.", "ago",
     "three", "years", "every", "Tuesday", "autumn", "2014", "quarter", "first", "of", "early",
     "now", "daily", "12", "31", "٣", "2013-W11", ",", "mid-1990s", "6-year-old", "noon")
)  # fmt: skip


@given(st.text(max_size=60), REFERENCES, TENSES)
def test_resolve_never_raises_on_any_string(value, references, tense):
    assert isinstance(resolve(value, references, tense), str)


@given(EXPRESSIONS, REFERENCES, TENSES)
def test_resolved_expressions_obey_the_grammar_with_ordered_intervals(
    expression, references, tense
):
    value = resolve(expression, references, tense)
    assert is_valid_value(value), (expression, value)
    interval = interval_of(value)
    assert interval is None or interval.start <= interval.end


@given(st.sampled_from(FUNCTIONS), st.text(max_size=30))
def test_normaliser_functions_raise_only_unnormalisable(function, text):
    with contextlib.suppress(UnnormalisableError):
        assert isinstance(apply(function, text, TABLES), str)


@given(st.text(max_size=40))
def test_interval_of_never_raises(value):
    interval = interval_of(value)
    assert interval is None or interval.start <= interval.end


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS | st.text(max_size=4), max_size=25).map(" ".join), st.none() | DATES)
def test_tagger_output_is_well_formed_on_any_text(tag, text, day):
    anchor = None if day is None else datetime(day.year, day.month, day.day)
    for timex in tag(text, anchor):
        assert is_valid_value(timex.value), timex
        assert text[timex.start : timex.end] == timex.text
        assert timex.interval is None or timex.interval.start <= timex.interval.end
