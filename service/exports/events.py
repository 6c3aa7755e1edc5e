"""What every export says of an event: its actors by role, headline, marked sentence, story."""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from typing import Any

Event = Mapping[str, Any]
Response = Mapping[str, Any]


def entity_names(response: Response) -> dict[str, str]:
    """Entity id -> canonical name, for one document's response."""
    return {entity["id"]: entity["name"] for entity in response["entities"]}


def actor_names(event: Event, names: Mapping[str, str], role: str) -> list[str]:
    """The actors of ``event`` in ``role``, each once, by entity name where it is an entity."""
    found: dict[str, None] = {}
    for actor in event["actors"]:
        if actor["role"] == role:
            found[names.get(actor["entity"] or "", actor["text"])] = None
    return list(found)


def headline(event: Event, names: Mapping[str, str]) -> str:
    """The event's ``description`` when the response has one, else agents, trigger, patients."""
    if event.get("description"):
        return event["description"]
    parts = [
        ", ".join(actor_names(event, names, "agent")),
        event["trigger"]["text"],
        ", ".join(actor_names(event, names, "patient")),
    ]
    return " ".join(part for part in parts if part)


def main_actor(event: Event, names: Mapping[str, str]) -> str | None:
    """The named actor an event is grouped under: its first agent that is an entity, else its
    first other entity that is not a place; None when no entity takes part."""
    agents = [a for a in event["actors"] if a["entity"] in names and a["role"] == "agent"]
    others = [a for a in event["actors"] if a["entity"] in names and a["role"] != "location"]
    chosen = (agents or others or [None])[0]
    return None if chosen is None else names[chosen["entity"]]


def confidence(event: Event) -> float | None:
    """The event's ``confidence`` when the response has one."""
    return event.get("confidence")


def date_source(event: Event) -> str | None:
    """Where the event's date came from (its time's ``source``) when the response says."""
    return (event.get("time") or {}).get("source")


def marked_sentence(event: Event) -> str:
    """The event's sentence as HTML: escaped, its trigger inside ``<mark>``, outer space cut."""
    sentence, trigger = event["sentence"], event["trigger"]
    text = sentence["text"]
    start = max(0, trigger["start"] - sentence["start"])
    end = max(start, trigger["end"] - sentence["start"])
    return (
        html.escape(text[:start].lstrip())
        + f"<mark>{html.escape(text[start:end])}</mark>"
        + html.escape(text[end:].rstrip())
    )


def story_events(story: Response) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(timeline entry, story event) pairs of a ``/v1/timelines`` response, in time order."""
    for entry in story["timeline"]:
        for story_event in entry["events"]:
            yield entry, story_event


def documents_by_id(story: Response) -> dict[str, Response]:
    """Each document's response in a story, by document id."""
    return {document["document"]["id"]: document for document in story["documents"]}


def events_by_id(response: Response) -> dict[str, Event]:
    """One document's events by id."""
    return {event["id"]: event for event in response["events"]}
