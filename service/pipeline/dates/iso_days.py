"""Calendar days of ISO 8601 values, as the anchoring and the timelines compare them."""

from __future__ import annotations

from datetime import date


def day_of(value: str) -> str:
    """The ``YYYY-MM-DD`` part of an ISO date or date-time."""
    return value[:10]


def calendar_day(value: str | None) -> date | None:
    """An ISO date (or the day of a date-time) as a date; None when absent or not a day."""
    try:
        return date.fromisoformat(day_of(value)) if value else None
    except ValueError:
        return None
