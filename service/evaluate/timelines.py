"""SemEval-2015 task 4 (TimeLine): actor timelines across documents, scored as the task does.

The corpus is read by :mod:`service.corpora.semeval`.

Scores, micro-averaged over actors:

- events: a system line matches a gold line when they share a mention (one-to-one, most shared
  mentions first); precision, recall, F1 over lines;
- dates: accuracy of the (XX-padded) date on matched lines;
- ordering: temporal awareness (UzZaman and Allen 2011) over mention nodes: precision is the
  share of the system's reduced relations found in the closure of the gold ones, recall the
  share of the gold's reduced relations found in the closure of the system's.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from service.corpora.semeval import (
    GoldTimeline,
    TimelineDocument,
    TimelineLine,
    pad_date,
)
from service.evaluate.report import format_accuracies, format_errors, format_prf, format_timing
from service.evaluate.scoring import accuracy, error, prf, top_counts
from service.pipeline.records import ActorTimeline, ActorTimelineEntry, TimelineResult
from service.pipeline.story.build import build_story

_RULE = "-" * 72


def system_lines(
    timeline: ActorTimeline, documents: dict[str, TimelineDocument]
) -> tuple[TimelineLine, ...]:
    """An actor timeline of :func:`build_story` in the task's form: mentions as token ids.

    timeline (ActorTimeline): the system's timeline for one actor.
    documents (dict[str, TimelineDocument]): the documents by id.
    RETURNS (tuple[TimelineLine, ...]): lines with at least one mention on a token.
    """
    return tuple(line for entry in timeline.entries if (line := entry_line(entry, documents)))


def entry_line(
    entry: ActorTimelineEntry, documents: dict[str, TimelineDocument]
) -> TimelineLine | None:
    """One entry of an actor timeline as a line of the task; None when no mention is on a token."""
    ids = (documents[m.document].mention_id(m.start, m.end) for m in entry.mentions)
    mentions = tuple(dict.fromkeys(i for i in ids if i))
    return TimelineLine(entry.position, pad_date(entry.date), mentions) if mentions else None


def format_timeline(actor: str, lines: Sequence[TimelineLine]) -> str:
    """The task's file format: the actor, then ``position<TAB>date<TAB>mentions`` by position."""
    rows = [actor]
    rows += [
        "\t".join((str(line.position), line.date, *line.mentions))
        for line in sorted(lines, key=lambda line: line.position)
    ]
    return "\n".join(rows) + "\n"


def write_timelines(
    directory: Path, gold: Sequence[GoldTimeline], system: Sequence[Sequence[TimelineLine]]
) -> None:
    """Write each system timeline under ``directory``, named as the gold file it answers."""
    directory.mkdir(parents=True, exist_ok=True)
    for timeline, lines in zip(gold, system, strict=True):
        text = format_timeline(timeline.actor, lines)
        (directory / f"{timeline.name}.txt").write_text(text, encoding="utf-8")


def match_lines(
    gold: Sequence[TimelineLine], system: Sequence[TimelineLine]
) -> list[tuple[int, int]]:
    """Pair gold and system lines one-to-one when they share a mention, most shared first.

    RETURNS (list[tuple[int, int]]): (gold index, system index) pairs, sorted by gold index.
    """
    candidates = sorted(
        (-len(set(g.mentions) & set(s.mentions)), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if set(g.mentions) & set(s.mentions)
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


Relation = tuple[str, str, str]


def _classes(lines: Sequence[TimelineLine]) -> list[tuple[int, list[str]]]:
    """Groups of simultaneous mentions: one per non-zero position, one per position-0 line."""
    groups: dict[int, list[str]] = {}
    unordered = []
    for line in lines:
        if line.position:
            groups.setdefault(line.position, []).extend(line.mentions)
        else:
            unordered.append((0, sorted(set(line.mentions))))
    return [(p, sorted(set(m))) for p, m in sorted(groups.items())] + unordered


def _equal(a: str, b: str) -> Relation:
    return ("=", *sorted((a, b)))  # type: ignore[return-value]


def closure(lines: Sequence[TimelineLine]) -> set[Relation]:
    """Every relation a timeline implies: ``<`` between positions, ``=`` within one."""
    classes = _classes(lines)
    relations = {_equal(a, b) for _, m in classes for a in m for b in m if a < b}
    ordered = [(p, m) for p, m in classes if p]
    for i, (_, earlier) in enumerate(ordered):
        for _, later in ordered[i + 1 :]:
            relations.update(("<", a, b) for a in earlier for b in later if a != b)
    return relations


def reduction(lines: Sequence[TimelineLine]) -> set[Relation]:
    """A minimal set of relations with the same closure: a chain of ``=`` through each group,
    and ``<`` between the first mentions of consecutive positions."""
    classes = _classes(lines)
    relations = {_equal(a, b) for _, m in classes for a, b in pairwise(m)}
    ordered = [m for p, m in classes if p]
    relations.update(
        ("<", earlier[0], later[0])
        for earlier, later in pairwise(ordered)
        if earlier[0] != later[0]
    )
    return relations


def temporal_awareness(
    gold: Sequence[TimelineLine], system: Sequence[TimelineLine]
) -> tuple[int, int, int, int]:
    """Counts of temporal awareness for one actor.

    RETURNS (tuple[int, int, int, int]): system reduced relations in the gold closure, system
        reduced relations, gold reduced relations in the system closure, gold reduced relations.
    """
    system_reduced, gold_reduced = reduction(system), reduction(gold)
    return (
        len(system_reduced & closure(gold)),
        len(system_reduced),
        len(gold_reduced & closure(system)),
        len(gold_reduced),
    )


def _awareness(found_p: int, system: int, found_r: int, gold: int) -> dict:
    precision = found_p / system if system else 0.0
    recall = found_r / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "correct": f"{found_p}+{found_r}",
        "predicted": system,
        "gold": gold,
    }


def evaluate_timelines(
    gold: Sequence[GoldTimeline],
    system: Sequence[Sequence[TimelineLine]],
    documents: Sequence[TimelineDocument] = (),
) -> dict:
    """Score system timelines against the gold ones, micro-averaged over actors.

    gold (Sequence[GoldTimeline]): the gold timelines.
    system (Sequence[Sequence[TimelineLine]]): the system's lines for each, same order.
    documents (Sequence[TimelineDocument]): the documents, for error contexts. Defaults to none.
    RETURNS (dict): events (prf), dates (accuracy), ordering (P/R/F1), per_actor, errors,
        error_kinds.
    """
    by_id = {d.doc_id: d for d in documents}
    totals = {"matched": 0, "system": 0, "gold": 0, "dates": 0}
    awareness = [0, 0, 0, 0]
    per_actor: dict[str, dict] = {}
    errors: list[dict] = []
    for timeline, lines in zip(gold, system, strict=True):
        pairs = match_lines(timeline.lines, lines)
        right_dates = sum(timeline.lines[g].date == lines[s].date for g, s in pairs)
        counts = temporal_awareness(timeline.lines, lines)
        awareness = [a + b for a, b in zip(awareness, counts, strict=True)]
        totals["matched"] += len(pairs)
        totals["system"] += len(lines)
        totals["gold"] += len(timeline.lines)
        totals["dates"] += right_dates
        per_actor[timeline.actor] = {
            "events": prf(len(pairs), len(lines), len(timeline.lines)),
            "dates": accuracy(right_dates, len(pairs)),
            "ordering": _awareness(*counts),
        }
        errors += _errors(timeline, lines, pairs, by_id)
    return {
        "actors": len(gold),
        "events": prf(totals["matched"], totals["system"], totals["gold"]),
        "dates": accuracy(totals["dates"], totals["matched"]),
        "ordering": _awareness(*awareness),
        "per_actor": per_actor,
        "errors": errors,
        "error_kinds": top_counts((e["kind"] for e in errors), 50),
    }


def _errors(
    timeline: GoldTimeline,
    lines: Sequence[TimelineLine],
    pairs: list[tuple[int, int]],
    documents: dict[str, TimelineDocument],
) -> list[dict]:
    """Missed gold lines, spurious system lines and wrong dates, with sentence context."""
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    found = [
        ("missed event", timeline.lines[g], None)
        for g in range(len(timeline.lines))
        if g not in matched_gold
    ]
    found += [
        ("spurious event", None, lines[s]) for s in range(len(lines)) if s not in matched_system
    ]
    found += [
        ("wrong date", timeline.lines[g], lines[s])
        for g, s in pairs
        if timeline.lines[g].date != lines[s].date
    ]
    return [
        _error(f"{kind} ({timeline.actor})", gold_line, system_line, documents)
        for kind, gold_line, system_line in found
    ]


def _describe(line: TimelineLine | None) -> dict | None:
    if line is None:
        return None
    return {"position": line.position, "date": line.date, "mentions": " ".join(line.mentions)}


def _error(
    kind: str,
    gold: TimelineLine | None,
    system: TimelineLine | None,
    documents: dict[str, TimelineDocument],
) -> dict:
    """One error record, its context the sentence of the line's first mention."""
    doc_id, sentence, word = (gold or system).mentions[0].split("-", 2)  # type: ignore[union-attr]
    document = documents.get(doc_id)
    tokens = document.tokens if document else ()
    token = next((t for t in tokens if t.sentence == int(sentence) and t.word == word), None)
    if document is None or token is None:
        return {
            "kind": kind,
            "doc": doc_id,
            "context": "",
            "gold": _describe(gold),
            "pred": _describe(system),
        }
    span = (token.start, token.end)
    return error(kind, doc_id, document.text, span, _describe(gold), _describe(system))


def actor_timelines(
    documents: Sequence[TimelineDocument],
    results: Sequence[TimelineResult],
    gold: Sequence[GoldTimeline],
) -> list[ActorTimeline]:
    """The gold actors' timelines that :func:`build_story` builds from these documents."""
    pairs = [(d.doc_id, r) for d, r in zip(documents, results, strict=True)]
    return list(build_story(pairs, [t.actor for t in gold]).actor_timelines)


def format_timelines(report: dict, timing: dict | None = None, kinds: int = 10) -> str:
    """The TimeLine report: overall and per-actor events, dates and ordering, errors, timing."""
    lines = [f"TIMELINES (SemEval-2015 task 4), {report['actors']} actors, micro-averaged", _RULE]
    lines += format_prf(report, [("events", "events"), ("ordering (TA)", "ordering")])
    lines += format_accuracies(report, [("date accuracy (matched)", "dates")])
    lines += [
        _RULE,
        f"{'actor':<24}{'event P':>10}{'event F1':>10}{'date acc':>10}{'order F1':>10}",
    ]
    lines += [
        f"{actor:<24}{row['events']['precision']:>10.3f}{row['events']['f1']:>10.3f}"
        f"{row['dates']['accuracy']:>10.3f}"
        f"{row['ordering']['f1']:>10.3f}"
        for actor, row in report["per_actor"].items()
    ]
    lines += [_RULE, *format_errors(report, kinds)]
    if timing:
        lines += [_RULE, *format_timing(timing)]
    return "\n".join(lines)
