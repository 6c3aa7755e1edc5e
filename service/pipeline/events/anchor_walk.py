"""What anchoring walks: the events to anchor, and what its steps share along the way."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from service.pipeline.events.time_mentions import TimeMention
from service.pipeline.records import EventTime
from service.pipeline.timex.discourse import AnaphoricTime


@dataclass(frozen=True)
class EventToAnchor:
    """What anchoring needs of an event: its trigger token, class, tense and aspect."""

    token: Token
    event_class: str
    tense: str
    aspect: str


@dataclass
class Walk:
    """What the steps share while they walk one document's events in text order."""

    triggers: set[int]
    governed: dict[int, TimeMention]  # trigger index -> the time attached to it
    named: dict[str, EventTime] = field(default_factory=dict)  # noun lemma -> its mention's time
    report_time: EventTime | None = None  # the time of the last report that had one
    # sentence index -> its phrases that refer back to a time ("at that time"), found once
    anaphoric: dict[int, list[AnaphoricTime]] = field(default_factory=dict)

    def record(self, event: EventToAnchor, time: EventTime | None) -> None:
        """Remember what later events can take from this one."""
        token = event.token
        if token.pos_ == "NOUN" and token.i in self.governed and time is not None:
            self.named.setdefault(token.lemma_.lower(), time)
        if event.event_class == "REPORTING" and time is not None and time.expression:
            self.report_time = time
