"""Load and validate the temporal rule data: named patterns, normalisation tables, rules.

The data lives in ``service/resources/en/``: ``patterns.yaml`` (name -> regex alternatives),
``tables.yaml`` (name -> surface form -> value) and one rule file per TIMEX3 type under
``rules/`` (``negative.yaml`` holds vetoes). A rule pattern refers to a pattern list as
``%name``; a value template fills ``{group}`` or ``{group:table}`` from the match.
Anything inconsistent raises :class:`RuleDataError` at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre  # the standard library's own regex parser, to read patterns
from re import _parser as sre_parse
from typing import Any, NamedTuple

import yaml

from service.pipeline.lexicon.word_lists import RESOURCES
from service.pipeline.timex.functions import BUILTINS, CODE_TABLES

RULE_FILES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET",
              "negative": "NONE"}  # fmt: skip
# Template functions computed in code rather than looked up in a table (see functions.py).
BUILTIN_FUNCTIONS = frozenset(BUILTINS)
_PATTERN_REF = re.compile(r"%([a-z][a-z0-9_]*)")
# "{group}" or "{group:function}" in a value or mod template.
TEMPLATE_REF = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([a-z][a-z0-9_]*))?\}")
# A match neither starts nor ends inside a word, a number or a hyphenated compound.
_START = r"(?<![\w$£€])"
_END = r"(?![\w%]|[.,]\d|-\w)"
_RULE_KEYS = frozenset({"name", "pattern", "value", "mod", "interval", "examples"})
# The needle standing for "a character that \d matches" (see Rule.needles); literals hold no NUL.
DIGIT = "\0digit"
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
# Bounds of the needle analysis: strings per set, and sets per rule.
MAX_NEEDLES = 64
MAX_NEEDLE_SETS = 3


class RuleDataError(ValueError):
    """The rule data is inconsistent: the service refuses to start."""


class Example(NamedTuple):
    """A text a rule must tag, with the value expected on the given document date."""

    text: str
    value: str
    document_date: str


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a compiled pattern, the TIMEX3 type and the value template."""

    name: str
    type: str
    regex: re.Pattern[str]
    value: str
    mod: str | None
    examples: tuple[Example, ...]
    priority: int
    # Every match contains a string of each of these sets, lower-cased (``DIGIT``: a digit), so
    # a text lacking every string of one set needs no search; empty when none is known.
    needles: tuple[frozenset[str], ...] = ()
    # Where the expression lies when not where its value says (see timex/discourse.py): "none" for
    # no calendar interval, or a REL / SPAN / YEARS template; None for the value's own interval.
    interval: str | None = None


@dataclass(frozen=True)
class RuleSet:
    """Everything the tagger needs from the data, validated."""

    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, str]]
    triggers: re.Pattern[str]


def table_key(text: str) -> str:
    """Normalise a surface form for table look-up: lower case, no dots, single spaces."""
    return " ".join(text.lower().replace(".", "").replace("-", " ").replace("’", "'").split())


def load_rules(directory: Path = RESOURCES) -> RuleSet:
    """Read, compile and cross-check the rule data under ``directory``.

    directory (Path): folder holding patterns.yaml, tables.yaml and rules/. Defaults to English.
    RETURNS (RuleSet): the compiled rules in priority order, the tables and the trigger regex.
    """
    patterns = _read_mapping(directory / "patterns.yaml")
    tables = {
        name: {table_key(str(k)): str(v) for k, v in entries.items()}
        for name, entries in _read_mapping(directory / "tables.yaml").items()
    }
    clash = set(tables) & BUILTIN_FUNCTIONS
    if clash:
        raise RuleDataError(f"tables shadow built-in functions: {sorted(clash)}")
    missing = CODE_TABLES - tables.keys()
    if missing:
        raise RuleDataError(f"tables.yaml: missing tables {sorted(missing)}")
    expanded = {name: "(?:" + "|".join(map(str, alts)) + ")" for name, alts in patterns.items()}
    used: set[str] = set()
    rules: list[Rule] = []
    document_date = str(
        _read_mapping(directory / "rules" / "settings.yaml")["example_document_date"]
    )
    for stem, timex_type in RULE_FILES.items():
        path = directory / "rules" / f"{stem}.yaml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            raise RuleDataError(f"{path.name}: expected a list of rules")
        for entry in entries:
            rules.append(
                _build_rule(entry, timex_type, expanded, tables, document_date, len(rules), used)
            )
    names = [rule.name for rule in rules]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise RuleDataError(f"duplicate rule names: {duplicates}")
    # A token matching the trigger list may be part of a time expression (see recognise.py).
    triggers = re.compile(_expand("%trigger", expanded, used), re.IGNORECASE)
    unused = patterns.keys() - used
    if unused:
        raise RuleDataError(f"patterns.yaml: lists no rule uses {sorted(unused)}")
    return RuleSet(tuple(rules), tables, triggers)


def _read_mapping(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RuleDataError(f"{path.name}: expected a mapping")
    return data


def _expand(pattern: str, expanded: dict[str, str], used: set[str], depth: int = 0) -> str:
    """Replace each %name in ``pattern`` by its list, recursively, noting the names in ``used``."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in expanded:
            raise RuleDataError(f"unknown pattern reference %{name} in {pattern!r}")
        used.add(name)
        return _expand(expanded[name], expanded, used, depth + 1)

    if depth > 8:
        raise RuleDataError(f"pattern references nest too deeply: {pattern!r}")
    return _PATTERN_REF.sub(substitute, pattern)


def _build_rule(
    entry: Any,
    timex_type: str,
    expanded: dict[str, str],
    tables: dict[str, dict[str, str]],
    document_date: str,
    priority: int,
    used: set[str],
) -> Rule:
    if not isinstance(entry, dict) or not {"name", "pattern"} <= entry.keys():
        raise RuleDataError(f"a rule needs a name and a pattern: {entry!r}")
    name = str(entry["name"])
    unknown = entry.keys() - _RULE_KEYS
    if unknown:
        raise RuleDataError(f"rule {name}: unknown keys {sorted(unknown)}")
    try:
        regex = re.compile(
            f"{_START}(?:{_expand(str(entry['pattern']), expanded, used)}){_END}",
            re.IGNORECASE,
        )
    except re.error as error:
        raise RuleDataError(f"rule {name}: bad pattern: {error}") from error
    value = str(entry.get("value", "")) if timex_type != "NONE" else ""
    if timex_type != "NONE" and not value:
        raise RuleDataError(f"rule {name}: a value template is required")
    mod = entry.get("mod")
    interval = entry.get("interval")
    for template in (value, mod or "", interval or ""):
        for group, function in TEMPLATE_REF.findall(template):
            if group not in regex.groupindex:
                raise RuleDataError(f"rule {name}: template uses unknown group {group!r}")
            if function and function not in tables and function not in BUILTIN_FUNCTIONS:
                raise RuleDataError(f"rule {name}: unknown table or function {function!r}")
    examples = tuple(
        Example(
            str(ex["text"]), str(ex.get("value", "")), str(ex.get("document_date", document_date))
        )
        for ex in entry.get("examples") or ()
    )
    if not examples:
        raise RuleDataError(f"rule {name}: at least one example is required")
    return Rule(name, timex_type, regex, value, mod, examples, priority, needles(regex), interval)


def needles(regex: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings such that every match of ``regex`` contains one of each set.

    Read from the parsed pattern: runs of literals and of small finite alternatives, groups,
    branches and repeats of at least one; anything else requires nothing. At most
    ``MAX_NEEDLE_SETS`` not implied by another, the most selective (longest shortest string,
    then fewest strings).
    """
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    found = {_minimal(group) for group in _requirements(parsed)}
    kept = [group for group in found if not any(_implies(other, group) for other in found)]
    return tuple(sorted(kept, key=_selectivity, reverse=True)[:MAX_NEEDLE_SETS])


def _implies(group: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a text holding a string of ``group`` holds one of ``other`` (a different set)."""
    return group != other and all(_holds(needle, other) for needle in group)


def _holds(needle: str, group: frozenset[str]) -> bool:
    """Whether a text holding ``needle`` holds a string of ``group``."""
    if needle == DIGIT:
        return DIGIT in group
    return any(s in needle for s in group) or (DIGIT in group and any(map(str.isdigit, needle)))


def _minimal(strings: set[str]) -> frozenset[str]:
    """The same set with fewer strings: a text holding a dropped one holds a kept one."""
    if DIGIT in strings:
        strings = {s for s in strings if not any(map(str.isdigit, s))} | {DIGIT}
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _requirements(items: Iterable[tuple[object, Any]]) -> list[set[str]]:
    """The needle sets of a concatenation: its runs of finite parts, and its other parts' sets."""
    found: list[set[str]] = []
    run: set[str] = {""}
    for op, argument in items:
        strings = _strings(op, argument)
        if strings is not None:
            longer = _product(run, strings)
            if longer is not None:
                run = longer
                continue
            _add_run(found, run)
            run = strings
            continue
        _add_run(found, run)
        run = {""}
        found.extend(_node_requirements(op, argument))
    _add_run(found, run)
    return found


def _add_run(found: list[set[str]], run: set[str]) -> None:
    """Keep a run's strings as a needle set unless the run can match the empty string."""
    if "" not in run:
        found.append(run)


def _node_requirements(op: object, argument: Any) -> list[set[str]]:
    """The needle sets of a part with too many (or unknown) strings: group, repeat, branch."""
    if op is sre.SUBPATTERN:
        return _requirements(argument[3])
    if op is sre.ATOMIC_GROUP:
        return _requirements(argument)
    if op in _REPEATS:
        return _requirements(argument[2]) if argument[0] >= 1 else []
    if op is sre.BRANCH:
        best = [max(_requirements(alt), key=_selectivity, default=None) for alt in argument[1]]
        return [] if None in best else [set().union(*best)]
    if op is sre.IN and all(map(_is_digit_item, argument)):
        return [{DIGIT}]
    return []


def _strings(op: object, argument: Any) -> set[str] | None:
    """Every string a part can match, lower-cased, if they are few and plain ASCII; else None."""
    if op in _ZERO_WIDTH:
        return {""}
    if op is sre.LITERAL:
        return {chr(argument).lower()} if 32 <= argument < 127 else None
    if op is sre.IN:
        return _class_strings(argument)
    if op is sre.SUBPATTERN:
        return _sequence_strings(argument[3])
    if op is sre.BRANCH:
        alternatives = [_sequence_strings(alt) for alt in argument[1]]
        return None if None in alternatives else _capped(set().union(*alternatives))
    if op in _REPEATS and argument[1] <= 3:
        body = _sequence_strings(argument[2])
        if body is None:
            return None
        repeated = [_power(body, n) for n in range(argument[0], argument[1] + 1)]
        return None if None in repeated else _capped(set().union(*repeated))
    return None


def _class_strings(items: list[tuple[object, Any]]) -> set[str] | None:
    """The characters of a class of plain ASCII literals and short ranges ("[5-9]"), or None."""
    characters: set[str] = set()
    for op, argument in items:
        if op not in (sre.LITERAL, sre.RANGE):
            return None
        low, high = (argument, argument) if op is sre.LITERAL else argument
        if not 32 <= low <= high < min(127, low + 16):
            return None
        characters.update(chr(code).lower() for code in range(low, high + 1))
    return characters


def _sequence_strings(items: Iterable[tuple[object, Any]]) -> set[str] | None:
    """Every string a concatenation can match, if few and plain ASCII; else None."""
    strings: set[str] | None = {""}
    for op, argument in items:
        part = _strings(op, argument)
        strings = _product(strings, part) if part is not None and strings is not None else None
    return strings


def _power(strings: set[str], times: int) -> set[str] | None:
    """Every concatenation of ``times`` strings of ``strings``, if few; else None."""
    result: set[str] | None = {""}
    for _ in range(times):
        result = _product(result, strings) if result is not None else None
    return result


def _product(left: set[str], right: set[str]) -> set[str] | None:
    """Each string of ``left`` followed by each of ``right``, if few; else None."""
    if len(left) * len(right) > MAX_NEEDLES:
        return None
    return {a + b for a in left for b in right}


def _capped(strings: set[str]) -> set[str] | None:
    """``strings`` if few; else None."""
    return strings if len(strings) <= MAX_NEEDLES else None


def _is_digit_item(item: tuple[object, Any]) -> bool:
    """Whether a character-class item matches digits only."""
    op, argument = item
    if op is sre.CATEGORY:
        return argument is sre.CATEGORY_DIGIT
    if op is sre.RANGE:
        return ord("0") <= argument[0] <= argument[1] <= ord("9")
    return op is sre.LITERAL and ord("0") <= argument <= ord("9")


def _selectivity(strings: Iterable[str]) -> tuple[int, int]:
    """Longer shortest needle first, then fewer needles; a digit counts as one character."""
    strings = list(strings)
    return min(len(s) if s != DIGIT else 1 for s in strings), -len(strings)
