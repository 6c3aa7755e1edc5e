"""Texts made to cost the most per character: short units repeated to a given length.

Shared by ``bench/worst_case_text.py`` (which prints the seconds each costs) and the test that
runs generated ones in a subprocess with a time limit.
"""

from __future__ import annotations

# Each unit tokenizes into as many tokens, dates or candidate triggers per character as we could
# find: digits and punctuation, numbers that look like dates, month and weekday names, newlines.
UNITS: tuple[str, ...] = (
    "1-",
    "1 ",
    "a ",
    "1/2/",
    "31 February ",
    "Monday ",
    "May 9 ",
    "\n",
    "-",
    "1-2-3 4:5 ",
    "next week ",
    "10 years ago ",
    "he said ",
    "he said, ",
    "1. ",
    "x" * 99 + " ",
    # Many distinct names and descriptions for the actor stage to resolve ("{n}" differs each
    # time: "Qab", "Qac", ...).
    "Q{n} Group met the Q{n} board. The Q{n} unit said it rose. ",
)


def dense_text(unit: str, length: int) -> str:
    """``unit`` repeated, cut to ``length`` characters; a "{n}" in it is a different word of
    letters each time."""
    if "{n}" not in unit:
        return (unit * (length // len(unit) + 1))[:length]
    parts, total, index = [], 0, 0
    while total < length:
        part = unit.replace("{n}", _letters(index))
        parts.append(part)
        total += len(part)
        index += 1
    return "".join(parts)[:length]


def _letters(index: int) -> str:
    """A lower-case word of letters for a number: 0 -> "aa", 1 -> "ab", ..."""
    word = ""
    for _ in range(3):
        index, letter = divmod(index, 26)
        word = chr(ord("a") + letter) + word
    return word
