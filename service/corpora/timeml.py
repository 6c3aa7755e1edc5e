"""Read TimeML (``*.tml``) files: plain text of <TEXT>, DCT, and offsets of every annotation."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

EVENT_TIME_RELATIONS = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"})
"""Event -> time relation types that put the event inside the time."""


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 inside <TEXT>; ``start``/``end`` index into :attr:`TimeMLDocument.text`."""

    tid: str
    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """An EVENT inside <TEXT> with the attributes of its (first) MAKEINSTANCE, if any."""

    eid: str
    text: str
    start: int
    end: int
    event_class: str
    eiid: str | None = None
    tense: str | None = None
    aspect: str | None = None
    polarity: str | None = None
    modality: str | None = None


@dataclass(frozen=True)
class GoldTlink:
    """A TLINK: source (event instance or time) ``relType`` target (event instance or time)."""

    lid: str
    rel_type: str
    event_instance: str | None = None
    time: str | None = None
    related_to_time: str | None = None
    related_to_event_instance: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    """One TimeML document: its id, creation time, text and annotations."""

    doc_id: str
    path: str
    dct: date | datetime | None
    text: str
    timexes: tuple[GoldTimex, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    tlinks: tuple[GoldTlink, ...] = field(default=())
    dct_tid: str | None = None
    """The tid of the creation time (``t0``), which TLINKs name as a time."""

    def event_time_links(self) -> list[tuple[str, str]]:
        """(eid, tid) pairs of TLINKs putting an event of the text inside a time of the text.

        Links to times outside <TEXT> (the DCT ``t0``) or events outside it are left out.
        RETURNS (list[tuple[str, str]]): unique pairs in link order.
        """
        eid_of = {e.eiid: e.eid for e in self.events if e.eiid}
        tids = {t.tid for t in self.timexes}
        pairs: dict[tuple[str, str], None] = {}
        for link in self.tlinks:
            if (
                link.event_instance
                and link.related_to_time
                and link.rel_type in EVENT_TIME_RELATIONS
            ):
                pair = (eid_of.get(link.event_instance), link.related_to_time)
            elif link.time and link.related_to_event_instance and link.rel_type == "INCLUDES":
                pair = (eid_of.get(link.related_to_event_instance), link.time)
            else:
                continue
            if pair[0] is not None and pair[1] in tids:
                pairs[pair] = None
        return list(pairs)


def parse_dct_value(value: str | None) -> date | datetime | None:
    """A TIMEX3 value of a creation time as a date (``YYYY-MM-DD``) or datetime, else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        return None


def parse_timeml(xml: str, path: str = "") -> TimeMLDocument:
    """Parse one TimeML document.

    xml (str): the document.
    path (str): where it came from; its stem is the id when there is no <DOCID>. Defaults to "".
    RETURNS (TimeMLDocument): text of <TEXT> with tags removed, offsets into that text.
    """
    root = ET.fromstring(xml)
    doc_id = (root.findtext("DOCID") or "").strip() or Path(path).stem
    dct_timex = next(
        (t for t in root.iterfind("DCT/TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )
    dct = parse_dct_value(dct_timex.get("value")) if dct_timex is not None else None
    text_element = root.find("TEXT")
    parts: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    if text_element is not None:
        _flatten(text_element, parts, spans)
    text = "".join(parts)
    instances: dict[str, ET.Element] = {}
    for instance in root.iter("MAKEINSTANCE"):
        instances.setdefault(instance.get("eventID", ""), instance)
    timexes, events = [], []
    for element, start, end in spans:
        if element.tag == "TIMEX3":
            timexes.append(_timex(element, text, start, end))
        elif element.tag == "EVENT":
            events.append(_event(element, text, start, end, instances.get(element.get("eid", ""))))
    tlinks = tuple(_tlink(link) for link in root.iter("TLINK"))
    dct_tid = dct_timex.get("tid") if dct_timex is not None else None
    return TimeMLDocument(doc_id, path, dct, text, tuple(timexes), tuple(events), tlinks, dct_tid)


def read_timeml_dir(directory: str | Path, limit: int | None = None) -> list[TimeMLDocument]:
    """Parse every ``*.tml`` under ``directory`` (recursive), in sorted path order.

    limit (int | None): read only the first ``limit`` files. Defaults to None (all).
    RETURNS (list[TimeMLDocument]): the documents.
    """
    paths = sorted(Path(directory).rglob("*.tml"))[:limit]
    return [parse_timeml(p.read_text(encoding="utf-8"), str(p)) for p in paths]


def _flatten(element: ET.Element, parts: list[str], spans: list, offset: int = 0) -> int:
    """Append the text under ``element`` to ``parts`` and (child, start, end) to ``spans``.

    RETURNS (int): the offset after the element's text.
    """
    parts.append(element.text or "")
    offset += len(parts[-1])
    for child in element:
        end = _flatten(child, parts, spans, offset)
        spans.append((child, offset, end))
        parts.append(child.tail or "")
        offset = end + len(parts[-1])
    return offset


def _timex(element: ET.Element, text: str, start: int, end: int) -> GoldTimex:
    return GoldTimex(
        tid=element.get("tid", ""),
        text=text[start:end],
        start=start,
        end=end,
        type=element.get("type", ""),
        value=element.get("value", ""),
        mod=element.get("mod"),
    )


def _event(
    element: ET.Element, text: str, start: int, end: int, instance: ET.Element | None
) -> GoldEvent:
    attributes = {}
    if instance is not None:
        attributes = {
            "eiid": instance.get("eiid"),
            "tense": instance.get("tense"),
            "aspect": instance.get("aspect"),
            "polarity": instance.get("polarity"),
            "modality": instance.get("modality"),
        }
    return GoldEvent(
        eid=element.get("eid", ""),
        text=text[start:end],
        start=start,
        end=end,
        event_class=element.get("class", ""),
        **attributes,
    )


def _tlink(element: ET.Element) -> GoldTlink:
    return GoldTlink(
        lid=element.get("lid", ""),
        rel_type=element.get("relType", ""),
        event_instance=element.get("eventInstanceID"),
        time=element.get("timeID"),
        related_to_time=element.get("relatedToTime"),
        related_to_event_instance=element.get("relatedToEventInstance"),
    )
