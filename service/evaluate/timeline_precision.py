"""Timeline precision on TimeML: are the events the service dates on ``timeline`` dated right?

Every event on the system's ``timeline`` (an entry with a calendar interval) gets one verdict:

- ``agrees``: it matches a gold event (trigger overlap, one-to-one) and a gold TLINK of that
  event to a time of the text or to the creation time supports its date, and none contradicts;
  ``agrees (value)`` when a placing link (IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY, BEGINS,
  ENDS; INCLUDES and its kin) names a time whose interval contains the system's or is contained
  in it (same day, or the same value at a coarser or finer granularity), ``agrees (relation)``
  when only a BEFORE/AFTER link is satisfied (the system's date lies wholly on the right side);
- ``contradicted``: some gold link rules the date out (a placing link to a time disjoint from
  it; BEFORE a time the system's date starts at or after; AFTER a time it ends at or before).
  The creation time is a moment inside its day: an event BEFORE it and dated on that day is
  undecided (news of the day), one dated after that day is contradicted;
- no gold support: a gold event with no TLINK to a time that has a calendar value
  (``no time link``), or whose links decide nothing (``undecided``: a date spanning the time
  it is before or after, or the creation day of an event before the creation time) -- or
  ``spurious event``: no gold event at all.

An entry's relation sets the days it claims: its interval for "on" and "on or about", every day
up to its end for "on or before", up to the day before it for "before", from the day after it
for "after". A time of value PRESENT_REF is the creation day. Shares are over the timeline's
events, for all documents, each corpus (a folder TimeBank or AQUAINT in the path) and the even and
odd halves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from service.corpora.timeml import GoldEvent, GoldTlink, TimeMLDocument
from service.evaluate.halves import per_half
from service.evaluate.matching import SpanKey, match_corpus
from service.evaluate.report import format_errors, format_timing
from service.evaluate.scoring import error
from service.pipeline.records import Event, Interval, TimelineEntry, TimelineResult
from service.pipeline.timex.intervals import interval_of

VERDICTS = (
    "agrees (value)",
    "agrees (relation)",
    "contradicted",
    "no time link",
    "undecided",
    "spurious event",
)
PLACING = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"})
CONTAINING = frozenset({"INCLUDES", "DURING_INV", "BEGUN_BY", "ENDED_BY"})
INVERSE = {
    "BEFORE": "AFTER",
    "IBEFORE": "IAFTER",
    "INCLUDES": "IS_INCLUDED",
    "BEGINS": "BEGUN_BY",
    "ENDS": "ENDED_BY",
    "DURING": "DURING_INV",
}
INVERSE |= {v: k for k, v in INVERSE.items()}
CORPORA = ("TimeBank", "AQUAINT")


def time_intervals(doc: TimeMLDocument) -> dict[str, Interval | None]:
    """The calendar interval of each time of the document, the creation time included."""
    intervals = {t.tid: _interval(doc, t.value) for t in doc.timexes}
    if doc.dct_tid and doc.dct:
        intervals[doc.dct_tid] = _day(doc.dct)
    return intervals


def event_time_links(
    doc: TimeMLDocument, gold: GoldEvent, intervals: dict[str, Interval | None]
) -> list[tuple[str, Interval, bool]]:
    """The gold event's TLINKs to a time with a calendar interval, as (event relation, interval,
    whether the time is the creation moment): "t1 INCLUDES e1" reads e1 IS_INCLUDED t1."""
    links = []
    for link in doc.tlinks:
        relation, tid = _from_event(link, gold.eiid)
        interval = intervals.get(tid or "")
        if relation and interval:
            links.append((relation, interval, tid == doc.dct_tid))
    return links


def _from_event(link: GoldTlink, eiid: str | None) -> tuple[str | None, str | None]:
    if eiid and link.event_instance == eiid and link.related_to_time:
        return link.rel_type, link.related_to_time
    if eiid and link.related_to_event_instance == eiid and link.time:
        return INVERSE.get(link.rel_type, link.rel_type), link.time
    return None, None


def _interval(doc: TimeMLDocument, value: str) -> Interval | None:
    if value == "PRESENT_REF":
        return _day(doc.dct) if doc.dct else None
    return interval_of(value)


FIRST_DAY, LAST_DAY = "0001-01-01", "9999-12-31"


def claimed(entry: TimelineEntry) -> Interval | None:
    """The days a timeline entry says its events happened on (see the module docstring)."""
    interval = entry.interval
    if interval is None or entry.relation in ("on", "on or about"):
        return interval
    start, end = date.fromisoformat(interval.start[:10]), date.fromisoformat(interval.end[:10])
    if entry.relation == "on or before":
        return Interval(FIRST_DAY, end.isoformat())
    if entry.relation == "before":
        return Interval(FIRST_DAY, (start - timedelta(days=1)).isoformat())
    return Interval((end + timedelta(days=1)).isoformat(), LAST_DAY)


def _day(moment: date) -> Interval:
    day = moment.isoformat()[:10]
    return Interval(day, day)


def link_verdict(
    relation: str, system: Interval, gold: Interval, moment: bool = False
) -> str | None:
    """What one gold link says of the system's date: agrees (value/relation), contradicted, or
    None (undecided). Interval ends are compared as days.

    moment (bool): the gold time is a moment inside its interval (the creation time), so being
        before or after it rules out only the days after or before. Defaults to False.
    """
    s_start, s_end, g_start, g_end = _aligned(system, gold)
    nested = (g_start <= s_start and s_end <= g_end) or (s_start <= g_start and g_end <= s_end)
    disjoint = s_end < g_start or g_end < s_start
    if relation in PLACING:
        return "agrees (value)" if nested else "contradicted" if disjoint else None
    if relation in CONTAINING:
        return "agrees (value)" if nested else None
    if relation in ("BEFORE", "IBEFORE"):
        return _side(s_end < g_start, s_start > g_end if moment else s_start >= g_start)
    if relation in ("AFTER", "IAFTER"):
        return _side(s_start > g_end, s_end < g_start if moment else s_end <= g_end)
    return None


def _side(right: bool, wrong: bool) -> str | None:
    return "agrees (relation)" if right else "contradicted" if wrong else None


def _aligned(system: Interval, gold: Interval) -> tuple[str, str, str, str]:
    """Both intervals' ends cut to days (``2013-03-22T10:00`` -> ``2013-03-22``)."""
    return system.start[:10], system.end[:10], gold.start[:10], gold.end[:10]


def event_verdict(links: Sequence[tuple[str, Interval, bool]], system: Interval) -> str:
    """The verdict of a gold event's links on a system date (see the module docstring)."""
    found = {link_verdict(relation, system, *link) for relation, *link in links}
    for verdict in ("contradicted", "agrees (value)", "agrees (relation)"):
        if verdict in found:
            return verdict
    return "undecided" if links else "no time link"


def timeline_verdicts(doc: TimeMLDocument, result: TimelineResult) -> list[tuple[Event, str]]:
    """Each event on the result's timeline with its verdict, in timeline order."""
    events = {e.id: e for e in result.events}
    dated = [events[i] for entry in result.timeline for i in entry.events]
    match = match_corpus([doc.events], [dated], _gold_key, _event_key)
    gold_of = {id(p): g for _, g, p in match.pairs}
    intervals = time_intervals(doc)
    verdicts = []
    for entry in result.timeline:
        for event_id in entry.events:
            event = events[event_id]
            gold = gold_of.get(id(event))
            days = claimed(entry)
            if gold is None or days is None:
                verdicts.append((event, "spurious event"))
            else:
                links = event_time_links(doc, gold, intervals)
                verdicts.append((event, event_verdict(links, days)))
    return verdicts


def _gold_key(event: GoldEvent) -> SpanKey:
    return SpanKey(((event.start, event.end),))


def _event_key(event: Event) -> SpanKey:
    return SpanKey(((event.trigger.start, event.trigger.end),))


def evaluate_timeline_precision(
    gold_docs: Sequence[TimeMLDocument], predictions: Sequence[TimelineResult]
) -> dict:
    """Verdict counts and shares of the timelines' events, overall and per subset.

    RETURNS (dict): "subsets" (name -> documents, events, decided: agreeing share of the agreeing
        and contradicted ones, counts and shares of each verdict),
        errors (one per event not agreeing) and error_kinds.
    """
    verdicts = [timeline_verdicts(d, r) for d, r in zip(gold_docs, predictions, strict=True)]
    corpora = [
        (name, [i for i, d in enumerate(gold_docs) if name in d.path.split("/")])
        for name in CORPORA
    ]
    subsets = per_half(
        len(gold_docs),
        lambda kept: _shares([v for i in kept for _, v in verdicts[i]], len(kept)),
        [(name, kept) for name, kept in corpora if kept],
    )
    errors = []
    for doc, found in zip(gold_docs, verdicts, strict=True):
        for event, verdict in found:
            if not verdict.startswith("agrees"):
                span = (event.trigger.start, event.trigger.end)
                time = event.time
                pred = {"event": event.trigger.text, "date": time.value if time else None}
                errors.append(error(verdict, doc.doc_id, doc.text, span, None, pred))
    return {
        "subsets": subsets,
        "errors": errors,
        "error_kinds": Counter(e["kind"] for e in errors).most_common(),
    }


def _shares(verdicts: list[str], documents: int) -> dict:
    counts = Counter(verdicts)
    total = len(verdicts)
    agree = counts["agrees (value)"] + counts["agrees (relation)"]
    return {
        "documents": documents,
        "events": total,
        "decided": agree / (agree + counts["contradicted"]) if agree else 0.0,
        "counts": {v: counts[v] for v in VERDICTS},
        "shares": {v: counts[v] / total if total else 0.0 for v in VERDICTS},
    }


def format_timeline_precision(report: dict, timing: dict | None = None, kinds: int = 10) -> str:
    """One line per subset: events on the timeline, the share of the decided ones that agree,
    and the share of each verdict."""
    rule = "-" * 72
    heads = ("decided", "agrees", "(value)", "(rel.)", "contra.", "no link", "undecid.", "spurious")
    lines = [
        "TIMELINE PRECISION (TimeML): events on `timeline` judged by the gold TLINKs",
        rule,
        f"{'':<10}{'docs':>5}{'events':>7}" + "".join(f"{h:>9}" for h in heads),
    ]
    for name, part in report["subsets"].items():
        shares = part["shares"]
        agree = shares["agrees (value)"] + shares["agrees (relation)"]
        lines.append(
            f"{name:<10}{part['documents']:>5}{part['events']:>7}{part['decided']:>9.3f}"
            f"{agree:>9.3f}" + "".join(f"{shares[v]:>9.3f}" for v in VERDICTS)
        )
    lines += [rule, *format_errors(report, kinds)]
    if timing:
        lines += [rule, *format_timing(timing)]
    return "\n".join(lines)
