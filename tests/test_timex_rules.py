"""The rule data: every rule's examples hold, inconsistent data refuses to load, needles hold."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.timex import TimexTagger
from service.pipeline.timex.recognise import fold_case
from service.pipeline.timex.rules import DIGIT, RESOURCES, RuleDataError, load_rules, needles

RULES = load_rules().rules
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.name}-{number}")
    for rule in RULES
    for number, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example(pipeline, rule, example):
    anchor = datetime.fromisoformat(example.document_date)
    found = pipeline.timex(pipeline.nlp(example.text), anchor)
    if rule.type == "NONE":
        vetoed = [match.span() for match in rule.regex.finditer(example.text)]
        assert vetoed
        assert not [t for t in found if any(t.start < e and s < t.end for s, e in vetoed)]
    else:
        assert (rule.name, example.value) in [(timex.rule, timex.value) for timex in found]


def test_rule_names_are_unique_and_every_rule_has_examples():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.examples for rule in RULES)


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    """A private copy of the rule data to break."""
    copy = tmp_path / "en"
    shutil.copytree(RESOURCES, copy)
    return copy


def append_rule(resources: Path, text: str) -> None:
    path = resources / "rules" / "date.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def yaml_rule(name: str, pattern: str, value: str, examples: bool = True) -> str:
    """One rule as a line of YAML."""
    example = ", examples: [{text: a, value: b}]" if examples else ""
    return f'- {{name: {name}, pattern: "{pattern}", value: "{value}"{example}}}\n'


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (yaml_rule("date_year", "%year4", "1"), "duplicate rule names"),
        (yaml_rule("new_rule", "%no_such_list", "1"), "unknown pattern reference"),
        (yaml_rule("new_rule", "(?P<m>x)", "{m:no_table}"), "unknown table"),
        (yaml_rule("new_rule", "x", "{m}"), "unknown group"),
        (yaml_rule("new_rule", "x", "1", examples=False), "at least one example"),
        (yaml_rule("new_rule", "(x", "1"), "bad pattern"),
    ],
    ids=["duplicate", "unknown-list", "unknown-table", "unknown-group", "no-example", "bad-regex"],
)
def test_inconsistent_rule_data_refuses_to_load(resources, rule, message):
    append_rule(resources, rule)
    with pytest.raises(RuleDataError, match=message):
        load_rules(resources)


def test_tagger_validates_its_data_at_start_up(pipeline, resources):
    append_rule(resources, yaml_rule("new_rule", "%missing", "1"))
    with pytest.raises(RuleDataError):
        TimexTagger(pipeline.nlp, resources)


def test_unused_pattern_list_refuses_to_load(resources):
    path = resources / "patterns.yaml"
    path.write_text(path.read_text(encoding="utf-8") + 'orphan:\n  - "x"\n', encoding="utf-8")
    with pytest.raises(RuleDataError, match="lists no rule uses"):
        load_rules(resources)


def test_missing_table_needed_by_code_refuses_to_load(resources):
    path = resources / "tables.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nnumbers:", "\nunused:"), "utf-8")
    with pytest.raises(RuleDataError, match="missing tables"):
        load_rules(resources)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:jan|feb)\.?\s+\d", [{"jan", "feb"}, {DIGIT}]),
        (r"(?-i:May|MAY)\s+(?:the\s+)?\d{1,2}", [{"may"}, {DIGIT}]),
        (r"sept?\s*(?:ember)?", [{"sep"}]),
        (r"(?:early|late)?\s*\w+", []),
        (r"(?<!x)(?:a|an|\w+)\s+ago(?=\s)", [{"ago"}]),
        (r"\d+(?:st|nd)", [{DIGIT}, {"st", "nd"}]),
        (r"1[89]\d\d", [{"18", "19"}]),
    ],
)
def test_needles_every_match_must_hold(pattern, expected):
    found = needles(re.compile(pattern, re.IGNORECASE))
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))


def holds(text: str, group: frozenset[str]) -> bool:
    """Whether ``text`` holds a needle of ``group``."""
    folded = fold_case(text)
    return any(re.search(r"\d", folded) if n == DIGIT else n in folded for n in group)


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_example_match_holds_its_rule_needles(rule):
    matches = [m.group(0) for ex in rule.examples for m in rule.regex.finditer(ex.text)]
    assert matches
    assert all(holds(match, group) for match in matches for group in rule.needles)


# Words of the rules' own examples, and characters a case-insensitive pattern treats specially.
PIECES = sorted(
    {word for rule in RULES for ex in rule.examples for word in ex.text.split()}
    | {"İ", "ı", "ſ", "K", "’", "٣", "-", "/", ":", ",", "."}
)


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.sampled_from(["", " "]))
@settings(max_examples=200, deadline=None)
def test_every_match_of_made_up_text_holds_its_rule_needles(words, separator):
    text = separator.join(words)
    for rule in RULES:
        matches = [m.group(0) for m in rule.regex.finditer(text)]
        assert all(holds(match, group) for match in matches for group in rule.needles)
