"""Read MEANTIME CAT XML: tokens joined into text; events, times, participants and the links
between events and times as character spans."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from service.corpora.timeml import (
    GoldEvent,
    GoldTimex,
    GoldTlink,
    TimeMLDocument,
    parse_dct_value,
)

ANNOTATED_SENTENCES = range(6)
"""Sentences (token attribute ``sentence``) with event and participant annotation."""
TIMEML_CLASSES = {"SPEECH_COGNITIVE": "REPORTING"}
"""MEANTIME event classes as the nearest TimeML class (anchoring treats reports apart);
every other class (OTHER, GRAMMATICAL, MIX) reads as OCCURRENCE."""


@dataclass(frozen=True)
class Token:
    """A CAT token and its character span in :attr:`MeantimeDocument.text`."""

    t_id: str
    sentence: int
    number: int
    start: int
    end: int


@dataclass(frozen=True)
class GoldParticipant:
    """A HAS_PARTICIPANT relation: an event mention, its PropBank role and a participant.

    Spans cover the first to the last anchor token (a few mentions are discontinuous).
    """

    relation_id: str
    role: str
    event_id: str
    event_start: int
    event_end: int
    participant_id: str
    start: int
    end: int


@dataclass(frozen=True)
class GoldEntityMention:
    """An entity mention (first to last anchor token), its syntactic type (NAM, NOM, PRO, ...)
    and the entity instance it REFERS_TO ("" when none)."""

    mention_id: str
    start: int
    end: int
    syntactic_type: str
    instance: str


@dataclass(frozen=True)
class GoldFactuality:
    """The factuality attributes of a gold event mention and the spans of its anchor tokens.

    An attribute the annotators left empty is "" (composite mentions such as "releases ...
    announces" in a title carry none).
    """

    event_id: str
    spans: tuple[tuple[int, int], ...]
    polarity: str
    certainty: str
    time: str


@dataclass(frozen=True)
class MeantimeDocument:
    """One MEANTIME document."""

    doc_id: str
    path: str
    dct: date | datetime | None
    text: str
    tokens: tuple[Token, ...]
    participants: tuple[GoldParticipant, ...]
    annotated_end: int
    """Character offset where the annotated sentences end."""
    events: tuple[GoldEvent, ...] = ()
    """The gold event mentions (first to last anchor token), classes as ``TIMEML_CLASSES``."""
    timexes: tuple[GoldTimex, ...] = ()
    """The gold time expressions of the text (not the creation time)."""
    tlinks: tuple[GoldTlink, ...] = ()
    """The TLINKs between an event mention and a time expression, either way round."""
    factuality: tuple[GoldFactuality, ...] = ()
    """The factuality attributes of each gold event mention, in markable order."""
    entity_mentions: tuple[GoldEntityMention, ...] = ()
    """The entity mentions with the instance each refers to (entity coreference)."""

    def as_timeml(self) -> TimeMLDocument:
        """The document as TimeML sees it: text, creation time, events, times and their links."""
        return TimeMLDocument(
            self.doc_id, self.path, self.dct, self.text, self.timexes, self.events, self.tlinks
        )


def parse_meantime(xml: str, path: str = "") -> MeantimeDocument:
    """Parse one CAT XML document.

    xml (str): the document.
    path (str): where it came from. Defaults to "".
    RETURNS (MeantimeDocument): tokens joined by spaces, sentences by newlines.
    """
    root = ET.fromstring(xml)
    tokens, parts, offset, sentence = [], [], 0, None
    for element in root.iter("token"):
        token_sentence = int(element.get("sentence", "0"))
        if sentence is not None:
            parts.append(" " if token_sentence == sentence else "\n")
            offset += 1
        sentence = token_sentence
        surface = element.text or ""
        number = int(element.get("number", "0"))
        tokens.append(
            Token(element.get("t_id", ""), sentence, number, offset, offset + len(surface))
        )
        parts.append(surface)
        offset += len(surface)
    by_id = {t.t_id: t for t in tokens}
    text = "".join(parts)
    spans: dict[str, tuple[int, int]] = {}
    events, timexes, factuality, entity_types = [], [], [], {}
    dct = None
    for markable in root.iterfind("Markables/*"):
        m_id = markable.get("m_id", "")
        if markable.tag == "TIMEX3" and markable.get("functionInDocument") == "CREATION_TIME":
            dct = parse_dct_value(markable.get("value"))
            continue
        anchored = [by_id[a.get("t_id")] for a in markable.iter("token_anchor")]
        if not anchored:
            continue
        start, end = min(t.start for t in anchored), max(t.end for t in anchored)
        spans[m_id] = (start, end)
        if markable.tag == "EVENT_MENTION":
            event_class = TIMEML_CLASSES.get(markable.get("class", ""), "OCCURRENCE")
            events.append(GoldEvent(m_id, text[start:end], start, end, event_class, eiid=m_id))
            factuality.append(_factuality(markable, m_id, anchored))
        elif markable.tag == "ENTITY_MENTION":
            entity_types[m_id] = markable.get("syntactic_type", "")
        elif markable.tag == "TIMEX3":
            timex_type, value = markable.get("type", ""), markable.get("value", "")
            timexes.append(GoldTimex(m_id, text[start:end], start, end, timex_type, value))
    participants = []
    for relation in root.iter("HAS_PARTICIPANT"):
        source = relation.find("source")
        target = relation.find("target")
        if source is None or target is None:
            continue
        event_id, participant_id = source.get("m_id", ""), target.get("m_id", "")
        if event_id in spans and participant_id in spans:
            participants.append(
                GoldParticipant(
                    relation.get("r_id", ""),
                    relation.get("sem_role", ""),
                    event_id,
                    *spans[event_id],
                    participant_id,
                    *spans[participant_id],
                )
            )
    annotated_end = max((t.end for t in tokens if t.sentence in ANNOTATED_SENTENCES), default=0)
    instance_of = {
        source.get("m_id", ""): target.get("m_id", "")
        for relation in root.iter("REFERS_TO")
        if (target := relation.find("target")) is not None
        for source in relation.iterfind("source")
    }
    entity_mentions = tuple(
        GoldEntityMention(m_id, *spans[m_id], kind, instance_of.get(m_id, ""))
        for m_id, kind in entity_types.items()
    )
    doc_id = root.get("doc_id") or Path(path).stem
    return MeantimeDocument(
        doc_id,
        path,
        dct,
        text,
        tuple(tokens),
        tuple(participants),
        annotated_end,
        tuple(events),
        tuple(timexes),
        _time_links(root, {e.eid for e in events}, {t.tid for t in timexes}),
        tuple(factuality),
        entity_mentions,
    )


def _factuality(markable: ET.Element, m_id: str, anchored: list[Token]) -> GoldFactuality:
    return GoldFactuality(
        m_id,
        tuple((t.start, t.end) for t in anchored),
        markable.get("polarity", ""),
        markable.get("certainty", ""),
        markable.get("time", ""),
    )


def _time_links(root: ET.Element, events: set[str], times: set[str]) -> tuple[GoldTlink, ...]:
    """The TLINKs from an event mention to a time expression of the text, or the reverse."""
    links = []
    for link in root.iter("TLINK"):
        source, target = link.find("source"), link.find("target")
        if source is None or target is None:
            continue
        ends = source.get("m_id", ""), target.get("m_id", "")
        lid, rel_type = link.get("r_id", ""), link.get("reltype", "")
        if ends[0] in events and ends[1] in times:
            links.append(GoldTlink(lid, rel_type, event_instance=ends[0], related_to_time=ends[1]))
        elif ends[0] in times and ends[1] in events:
            links.append(GoldTlink(lid, rel_type, time=ends[0], related_to_event_instance=ends[1]))
    return tuple(links)


def read_meantime_dir(directory: str | Path, limit: int | None = None) -> list[MeantimeDocument]:
    """Parse every ``*.xml`` under ``directory`` (recursive), in sorted path order.

    limit (int | None): read only the first ``limit`` files. Defaults to None (all).
    RETURNS (list[MeantimeDocument]): the documents.
    """
    paths = sorted(Path(directory).rglob("*.xml"))[:limit]
    return [parse_meantime(p.read_text(encoding="utf-8"), str(p)) for p in paths]
