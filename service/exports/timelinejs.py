"""TimelineJS 3 JSON: a title slide and one slide per dated event (undated events left out).

A slide's ``start_date`` holds only the fields its value knows (``year`` always, a number); a
season, quarter, week or decade spans its interval (``start_date`` to ``end_date``) with a
``display_date`` such as "autumn 2014". ``text`` is the headline and the sentence, HTML-escaped
with the trigger in ``<mark>``; ``group`` is the main actor; ``unique_id`` the event id. An
entry's relation other than "on" ("on or about", "before", ...) opens its ``display_date``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from service.exports import events as ev
from service.exports.dates import label, when

MEDIA_TYPE = "application/vnd.timelinejs+json"


def _dates(entry: Mapping[str, Any]) -> dict[str, Any] | None:
    """A timeline entry's slide dates; a relation other than "on" is said in ``display_date``
    ("on or before 2017-05-09")."""
    placed = when(entry["value"], entry["interval"])
    if placed is None:
        return None
    dates: dict[str, Any] = {"start_date": placed["start"]}
    if "end" in placed:
        dates["end_date"] = placed["end"]
        dates["display_date"] = placed["display"]
    relation = entry.get("relation", "on")
    if relation != "on":
        dates["display_date"] = f"{relation} {dates.get('display_date', label(entry['value']))}"
    return dates


def _slide(
    dates: dict[str, Any], event: ev.Event, names: Mapping[str, str], text: str, unique_id: str
) -> dict[str, Any]:
    slide = {**dates, "text": {"headline": html.escape(ev.headline(event, names)), "text": text}}
    group = ev.main_actor(event, names)
    if group:
        slide["group"] = group
    slide["unique_id"] = unique_id
    return slide


def _title(headline: str, text: str) -> dict[str, Any]:
    return {"text": {"headline": html.escape(headline), "text": f"<p>{html.escape(text)}</p>"}}


def document_timeline(response: Mapping[str, Any]) -> dict[str, Any]:
    """The TimelineJS object of one document's response (``/v1/timeline``)."""
    names = ev.entity_names(response)
    by_id = ev.events_by_id(response)
    slides = []
    for entry in response["timeline"]:
        dates = _dates(entry)
        if dates is None:
            continue
        for event_id in entry["events"]:
            event = by_id[event_id]
            text = f"<p>{ev.marked_sentence(event)}</p>"
            slides.append(_slide(dates, event, names, text, event_id))
    document = response["document"]
    date = document["document_date"]
    return {
        "title": _title(
            document["id"] or "Timeline",
            f"Document date: {date['value'] or 'unknown'} ({date['source']}).",
        ),
        "events": slides,
    }


def story_timeline(story: Mapping[str, Any]) -> dict[str, Any]:
    """The TimelineJS object of a story (``/v1/timelines``): one slide per story event, with the
    sentence of every document that reports it and the documents named as its sources."""
    documents = ev.documents_by_id(story)
    events = {doc_id: ev.events_by_id(response) for doc_id, response in documents.items()}
    names = {doc_id: ev.entity_names(response) for doc_id, response in documents.items()}
    slides = []
    for entry, story_event in ev.story_events(story):
        dates = _dates(entry)
        if dates is None:
            continue
        paragraphs, sources, first = [], [], None
        for mention in story_event["mentions"]:
            event = events[mention["document"]][mention["event"]]
            if first is None:
                first = (event, names[mention["document"]])
            sources.append(mention["document"])
            paragraphs.append(
                f"<p>{ev.marked_sentence(event)} "
                f"<cite>{html.escape(mention['document'])}</cite></p>"
            )
        unique = list(dict.fromkeys(sources))
        paragraphs.append(f"<p>Sources: {html.escape(', '.join(unique))}</p>")
        event, event_names = first  # type: ignore[misc]  # a story event has a mention
        slides.append(_slide(dates, event, event_names, "".join(paragraphs), story_event["id"]))
    count = len(story["documents"])
    return {
        "title": _title("Story", f"{count} document{'s' if count != 1 else ''} merged."),
        "events": slides,
    }


def document(response: Mapping[str, Any], text: str) -> str:
    """One document's TimelineJS JSON (``text`` is not needed: the sentences are in it)."""
    return json.dumps(document_timeline(response), ensure_ascii=False)


def story(response: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """A story's TimelineJS JSON."""
    return json.dumps(story_timeline(response), ensure_ascii=False)
