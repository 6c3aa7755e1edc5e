"""CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
quoted, quotes doubled), one row per event, with a header row of :data:`COLUMNS`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from service.exports import events as ev

MEDIA_TYPE = "text/csv"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("document", "the document id (empty when the request gave none)"),
    ("event", "the event id within its document"),
    ("story_event", "the story event it belongs to (/v1/timelines only)"),
    ("date", "the TIMEX3 value of its time (empty when undated)"),
    ("interval_start", "first day of that value's interval (inclusive)"),
    ("interval_end", "last day of that value's interval (inclusive)"),
    ("relation", "TimeML relation of the event to that time"),
    ("trigger", "the word(s) that express the event"),
    ("description", "the event's description, else its agents, trigger and patients"),
    ("class", "TimeML event class"),
    ("factuality", "asserted, negated, possible, future or reported"),
    ("confidence", "the event's confidence, when the service gives one"),
    ("date_source", "where the date came from, when the service says"),
    ("agents", "agents, '; '-separated, by entity name where they are entities"),
    ("patients", "patients, likewise"),
    ("locations", "locations, likewise"),
    ("sentence", "the sentence the event is in, as in the text"),
)
"""Column name and meaning, in order."""


def _row(
    document_id: str, event: ev.Event, names: Mapping[str, str], story_event: str
) -> list[Any]:
    time = event["time"] or {}
    interval = time.get("interval") or {}
    confidence = ev.confidence(event)
    return [
        document_id,
        event["id"],
        story_event,
        time.get("value") or "",
        interval.get("start", ""),
        interval.get("end", ""),
        time.get("relation") or "",
        event["trigger"]["text"],
        ev.headline(event, names),
        event["class"],
        event["factuality"],
        "" if confidence is None else confidence,
        ev.date_source(event) or "",
        "; ".join(ev.actor_names(event, names, "agent")),
        "; ".join(ev.actor_names(event, names, "patient")),
        "; ".join(ev.actor_names(event, names, "location")),
        event["sentence"]["text"],
    ]


# A text cell opening with one of these is a formula to a spreadsheet ("=HYPERLINK(...)" in an
# article): it is written after a single quote, which spreadsheets show as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: Any) -> Any:
    """A cell a spreadsheet will not run: text opening like a formula gets a leading quote."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) else cell


def _write(rows: Iterable[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return out.getvalue()


def _rows(response: Mapping[str, Any], story_of: Mapping[str, str]) -> Iterable[list[Any]]:
    names = ev.entity_names(response)
    document_id = response["document"]["id"] or ""
    for event in response["events"]:
        yield _row(document_id, event, names, story_of.get(event["id"], ""))


def document(response: Mapping[str, Any], text: str) -> str:
    """One document's events as CSV."""
    return _write(_rows(response, {}))


def story(response: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """Every document's events as CSV, each with the story event it was merged into."""
    story_of: dict[str, dict[str, str]] = {}
    for _, story_event in ev.story_events(response):
        for mention in story_event["mentions"]:
            story_of.setdefault(mention["document"], {})[mention["event"]] = story_event["id"]
    return _write(
        row
        for result in response["documents"]
        for row in _rows(result, story_of.get(result["document"]["id"], {}))
    )
