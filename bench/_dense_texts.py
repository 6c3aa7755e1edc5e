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
)


def dense_text(unit: str, length: int) -> str:
    """``unit`` repeated, cut to ``length`` characters."""
    return (unit * (length // len(unit) + 1))[:length]
