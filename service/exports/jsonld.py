"""JSON-LD with the schema.org vocabulary: a ``NewsArticle`` per document (``dateCreated`` the
document date) that ``mentions`` one ``Action`` per event with participants (``agent``,
``object`` the patient, ``location``, ``startTime``/``endTime``) or an ``Event``
(``startDate``/``endDate``) for one without. Times are those of the event's timeline entry, so
only events on the timeline have them: the inclusive interval of its date, only its end for an
event before the date ("before", "on or before"), only its start for one after it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from service.exports import events as ev

MEDIA_TYPE = "application/ld+json"
CONTEXT = "https://schema.org"
_KINDS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "NORP": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}


class _Article:
    """One document's entities (names and schema.org types), to describe its events."""

    def __init__(self, response: Mapping[str, Any], base: str) -> None:
        self.names = ev.entity_names(response)
        self.entries = {event: e for e in response["timeline"] for event in e["events"]}
        self.kinds = {e["id"]: _KINDS[e["type"]] for e in response["entities"]}
        self.base = base

    def things(self, event: ev.Event, role: str) -> list[dict[str, Any]]:
        """The event's actors in ``role``, each once, as schema.org things."""
        found: dict[str, dict[str, Any]] = {}
        for actor in event["actors"]:
            if actor["role"] == role:
                entity = actor["entity"] or ""
                name = self.names.get(entity, actor["text"])
                kind = "Place" if role == "location" else self.kinds.get(entity, "Thing")
                found.setdefault(name, {"@type": kind, "name": name})
        return list(found.values())

    def node(self, event: ev.Event) -> dict[str, Any]:
        """The event as an ``Action`` (it has an agent or object) or an ``Event``."""
        agents, objects = self.things(event, "agent"), self.things(event, "patient")
        action = bool(agents or objects)
        node: dict[str, Any] = {
            "@type": "Action" if action else "Event",
            "@id": f"{self.base}#{event['id']}",
            "name": ev.headline(event, self.names),
            "description": event["sentence"]["text"].strip(),
        }
        for key, things in (
            ("agent", agents),
            ("object", objects),
            ("location", self.things(event, "location")),
        ):
            if things:
                node[key] = things if len(things) > 1 else things[0]
        entry = self.entries.get(event["id"])
        if entry and entry["interval"]:
            start, end = ("startTime", "endTime") if action else ("startDate", "endDate")
            relation = entry.get("relation", "on")
            if relation != "after":
                node[end] = entry["interval"]["end"]
            if relation not in ("before", "on or before"):
                node[start] = entry["interval"]["start"]
        return node


def article(response: Mapping[str, Any]) -> dict[str, Any]:
    """The ``NewsArticle`` node of one document's response, without ``@context``."""
    document = response["document"]
    base = f"urn:timeline:{quote(document['id'] or 'document', safe='')}"
    node: dict[str, Any] = {"@type": "NewsArticle", "@id": base, "inLanguage": document["language"]}
    if document["id"]:
        node["identifier"] = document["id"]
    if document["document_date"]["value"]:
        node["dateCreated"] = document["document_date"]["value"]
    described = _Article(response, base)
    node["mentions"] = [described.node(event) for event in response["events"]]
    return node


def document(response: Mapping[str, Any], text: str) -> str:
    """One document as a JSON-LD ``NewsArticle``."""
    return json.dumps({"@context": CONTEXT, **article(response)}, ensure_ascii=False)


def story(response: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """A story's documents as a JSON-LD graph of ``NewsArticle`` nodes."""
    graph = [article(result) for result in response["documents"]]
    return json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False)
