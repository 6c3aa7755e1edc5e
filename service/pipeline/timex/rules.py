"""Load and validate the temporal rule data: named patterns, normalisation tables, rules.

The data lives in ``service/resources/en/``: ``patterns.yaml`` (name -> regex alternatives),
``tables.yaml`` (name -> surface form -> value) and one rule file per TIMEX3 type under
``rules/`` (``negative.yaml`` holds vetoes). A rule pattern refers to a pattern list as
``%name``; a value template fills ``{group}`` or ``{group:table}`` from the match.
Anything inconsistent raises :class:`RuleDataError` at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "en"
RULE_FILES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET",
              "negative": "NONE"}  # fmt: skip
# Tables the built-in functions read (see normalise.py).
CODE_TABLES = frozenset({"numbers", "ordinals", "decades", "clock_words"})
# Table names computed in code rather than looked up (see normalise.py).
BUILTIN_FUNCTIONS = frozenset(
    {"num", "neg", "pad2", "decade", "century", "clock", "calendar_day", "calendar_month", "year"}
)
_PATTERN_REF = re.compile(r"%([a-z][a-z0-9_]*)")
# "{group}" or "{group:function}" in a value or mod template.
TEMPLATE_REF = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([a-z][a-z0-9_]*))?\}")
# A match neither starts nor ends inside a word, a number or a hyphenated compound.
_START = r"(?<![\w$£€])"
_END = r"(?![\w%]|[.,]\d|-\w)"
_RULE_KEYS = frozenset({"name", "pattern", "value", "mod", "examples"})


class RuleDataError(ValueError):
    """The rule data is inconsistent: the service refuses to start."""


@dataclass(frozen=True)
class Example:
    """A text a rule must tag, with the value expected for the given anchor."""

    text: str
    value: str
    anchor: str


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
    anchor = str(_read_mapping(directory / "rules" / "settings.yaml")["example_anchor"])
    for stem, timex_type in RULE_FILES.items():
        path = directory / "rules" / f"{stem}.yaml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            raise RuleDataError(f"{path.name}: expected a list of rules")
        for entry in entries:
            rules.append(_build_rule(entry, timex_type, expanded, tables, anchor, len(rules), used))
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
    anchor: str,
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
    for template in (value, mod or ""):
        for group, function in TEMPLATE_REF.findall(template):
            if group not in regex.groupindex:
                raise RuleDataError(f"rule {name}: template uses unknown group {group!r}")
            if function and function not in tables and function not in BUILTIN_FUNCTIONS:
                raise RuleDataError(f"rule {name}: unknown table or function {function!r}")
    examples = tuple(
        Example(str(ex["text"]), str(ex.get("value", "")), str(ex.get("anchor", anchor)))
        for ex in entry.get("examples") or ()
    )
    if not examples:
        raise RuleDataError(f"rule {name}: at least one example is required")
    return Rule(name, timex_type, regex, value, mod, examples, priority)
