"""TimeML as TempEval-3 writes it: the document date as the DCT, time expressions and events
inline in ``<TEXT>``, a ``MAKEINSTANCE`` per event and a ``TLINK`` per anchor.

``service.corpora.timeml`` reads an export back to the same text, time expressions, events and
links. The text is kept character for character: carriage returns are written as ``&#13;``
and the few characters XML 1.0 cannot hold (most C0 controls) as U+FFFD, so offsets never move.
An annotation that would cross another (neither inside nor apart) cannot be inline XML and is
left out; the pipeline's time expressions and triggers do not cross.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

MEDIA_TYPE = "application/xml"
DCT_ID = "t0"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Span = tuple[int, int, str, str]  # start, end, opening tag, closing tag


def _text(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text)).replace("\r", "&#13;")


def _tag(name: str, attributes: Mapping[str, Any], empty: bool = False) -> str:
    pairs = "".join(f" {key}={quoteattr(str(value))}" for key, value in attributes.items())
    return f"<{name}{pairs}{' /' if empty else ''}>"


def inline(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped with each span's tags around it, nested; crossing spans left out.

    RETURNS (str): the XML content, O(n log n) in the number of spans.
    """
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    position = 0

    def close_until(offset: int) -> None:
        nonlocal position
        while stack and stack[-1][0] <= offset:
            end, closing = stack.pop()
            out.append(_text(text[position:end]) + closing)
            position = end

    for start, end, opening, closing in sorted(spans, key=lambda s: (s[0], -s[1])):
        close_until(start)
        if end <= start or (stack and end > stack[-1][0]) or start < position:
            continue
        out.append(_text(text[position:start]) + opening)
        position = start
        stack.append((end, closing))
    close_until(len(text))
    out.append(_text(text[position:]))
    return "".join(out)


def instance_id(event_id: str) -> str:
    """The ``eiid`` of an event's instance: ``e3`` -> ``ei3``."""
    return "ei" + event_id.removeprefix("e")


def document_element(response: Mapping[str, Any], text: str) -> str:
    """One ``<TimeML>`` element of a document's response and the text it was made from."""
    document = response["document"]
    dct = document["document_date"]["value"]
    lines = ["<TimeML>", f"<DOCID>{_text(document['id'] or 'document')}</DOCID>"]
    if dct:
        attributes = {
            "tid": DCT_ID,
            "type": "TIME" if "T" in dct else "DATE",
            "value": dct,
            "temporalFunction": "false",
            "functionInDocument": "CREATION_TIME",
        }
        lines.append(f"<DCT>{_tag('TIMEX3', attributes)}{_text(dct)}</TIMEX3></DCT>")
    spans: list[Span] = []
    for timex in response["time_expressions"]:
        attributes = {"tid": timex["id"], "type": timex["type"], "value": timex["value"]}
        if timex["mod"]:
            attributes["mod"] = timex["mod"]
        spans.append((timex["start"], timex["end"], _tag("TIMEX3", attributes), "</TIMEX3>"))
    for event in response["events"]:
        opening = _tag("EVENT", {"eid": event["id"], "class": event["class"]})
        spans.append((event["trigger"]["start"], event["trigger"]["end"], opening, "</EVENT>"))
    lines.append(f"<TEXT>{inline(text, spans)}</TEXT>")
    for event in response["events"]:
        attributes = {
            "eiid": instance_id(event["id"]),
            "eventID": event["id"],
            "tense": event["tense"],
            "aspect": event["aspect"],
            "polarity": event["polarity"],
        }
        if event["modality"]:
            attributes["modality"] = event["modality"]
        lines.append(_tag("MAKEINSTANCE", attributes, empty=True))
    for number, (event, time) in enumerate(anchors(response), start=1):
        attributes = {
            "lid": f"l{number}",
            "relType": event["time"]["relation"],
            "eventInstanceID": instance_id(event["id"]),
            "relatedToTime": time,
        }
        lines.append(_tag("TLINK", attributes, empty=True))
    lines.append("</TimeML>")
    return "\n".join(lines)


def anchors(response: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], str]]:
    """(event, tid) of every event anchored to a time expression, or to the document date
    (``t0``) when it has one."""
    has_dct = bool(response["document"]["document_date"]["value"])
    found = []
    for event in response["events"]:
        time = event["time"]
        if time is None:
            continue
        if time["expression"]:
            found.append((event, time["expression"]))
        elif has_dct and time["value"]:
            found.append((event, DCT_ID))
    return found


PROLOGUE = '<?xml version="1.0" encoding="UTF-8"?>\n'


def document(response: Mapping[str, Any], text: str) -> str:
    """One document as a TimeML file."""
    return PROLOGUE + document_element(response, text) + "\n"


def story(response: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """Every document of a story, each a ``<TimeML>`` element, in one ``<TimeMLDocuments>``."""
    parts = [
        document_element(result, texts[result["document"]["id"]])
        for result in response["documents"]
    ]
    return PROLOGUE + "<TimeMLDocuments>\n" + "\n".join(parts) + "\n</TimeMLDocuments>\n"
