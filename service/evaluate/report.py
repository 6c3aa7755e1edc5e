"""Plain-text rendering of evaluation dicts; no scoring happens here."""

from __future__ import annotations

from collections.abc import Sequence

_RULE = "-" * 72


def format_prf(report: dict, rows: Sequence[tuple[str, str]]) -> list[str]:
    """A P/R/F1 table.

    report (dict): an evaluation result.
    rows (Sequence[tuple[str, str]]): (label, key of a ``prf`` dict in ``report``) pairs.
    RETURNS (list[str]): the lines.
    """
    lines = [f"{'':<18}{'P':>8}{'R':>8}{'F1':>8}   correct / system / gold"]
    for label, key in rows:
        s = report[key]
        lines.append(
            f"{label:<18}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
            f"   {s['correct']} / {s['predicted']} / {s['gold']}"
        )
    return lines


def format_accuracies(report: dict, rows: Sequence[tuple[str, str]]) -> list[str]:
    """One line per (label, key of an ``accuracy`` dict in ``report``)."""
    return [
        f"{label:<30}{report[key]['accuracy']:>8.3f}   {report[key]['correct']} / "
        f"{report[key]['total']}"
        for label, key in rows
    ]


def format_breakdown(title: str, breakdown: dict[str, dict], accuracy_label: str) -> list[str]:
    """A per-label table: count, recall and attribute accuracy on matches."""
    lines = [f"{title:<18}{'count':>8}{'recall':>8}{accuracy_label:>16}"]
    lines.extend(
        f"{name:<18}{row['count']:>8}{row['recall']:>8.3f}{row['accuracy']:>16.3f}"
        for name, row in breakdown.items()
    )
    return lines


def format_counts(title: str, counts: Sequence[tuple[str, int]]) -> list[str]:
    """A titled one-line list of (item, count) pairs."""
    return [f"{title}: " + (", ".join(f"{item} ({n})" for item, n in counts) or "none")]


def format_errors(report: dict, kinds: int = 10, examples: int = 3) -> list[str]:
    """The most frequent error kinds, each with a few examples (document, context, gold, system)."""
    lines = [f"Top error kinds ({len(report['errors'])} errors)"]
    for kind, count in report["error_kinds"][:kinds]:
        lines.append(f"  {count:>5}  {kind}")
        shown = [e for e in report["errors"] if e["kind"] == kind][:examples]
        for e in shown:
            lines.append(f"           [{e['doc']}] {e['context']}")
            lines.append(f"             gold: {_brief(e['gold'])}   system: {_brief(e['pred'])}")
    return lines


def format_timing(timing: dict) -> list[str]:
    """Throughput of a pipeline run."""
    return [
        f"Timing: {timing['documents']} docs, {timing['characters']} chars in "
        f"{timing['seconds']:.2f} s = {timing['docs_per_second']:.1f} docs/s, "
        f"{timing['chars_per_second']:.0f} chars/s (model load {timing['load_seconds']:.2f} s)"
    ]


def format_timex(report: dict, timing: dict | None = None, kinds: int = 10) -> str:
    """The TempEval-3 task A report."""
    lines = [f"TIMEX3 (TempEval-3 task A), {report['documents']} documents", _RULE]
    lines += format_prf(
        report,
        [
            ("strict span", "strict"),
            ("relaxed span", "relaxed"),
            ("type", "type"),
            ("value", "value"),
        ],
    )
    lines += format_accuracies(
        report,
        [
            ("type accuracy (matches)", "type_accuracy"),
            ("value accuracy (matches)", "value_accuracy"),
        ],
    )
    lines += [_RULE, *format_breakdown("gold type", report["per_type"], "value accuracy"), _RULE]
    lines += format_errors(report, kinds)
    return "\n".join(lines + _timing_lines(timing))


def format_events(report: dict, timing: dict | None = None, kinds: int = 10) -> str:
    """The TempEval-3 task B report, with attribute accuracies and anchoring."""
    lines = [f"EVENTS (TempEval-3 task B), {report['documents']} documents", _RULE]
    lines += format_prf(
        report, [("strict span", "strict"), ("relaxed span", "relaxed"), ("class", "event_class")]
    )
    r, s, c = report["relaxed"], report["strict"], report["event_class"]
    lines.append(
        f"TempEval-3 row:  F1 {r['f1']:.4f}  P {r['precision']:.4f}  R {r['recall']:.4f}  "
        f"strict F1 {s['f1']:.4f}  class F1 {c['f1']:.4f}"
    )
    lines += format_accuracies(
        report,
        [
            ("class accuracy (matches)", "class_accuracy"),
            ("tense accuracy (matches)", "tense"),
            ("aspect accuracy (matches)", "aspect"),
            ("polarity accuracy (matches)", "polarity"),
            ("anchoring (gold links)", "anchoring"),
        ],
    )
    anchoring = report["anchoring"]
    lines.append(f"{'anchoring ceiling':<30}{anchoring['ceiling']:>8.3f}")
    lines.append(f"{'anchoring, same value':<30}{anchoring['same_value']:>8.3f}")
    lines += [_RULE, *format_breakdown("gold class", report["per_class"], "class accuracy"), _RULE]
    lines += format_counts("Missed lemmas", report["missed_lemmas"])
    lines += format_counts("Spurious lemmas", report["spurious_lemmas"])
    lines += format_counts("Class confusions", report["class_confusions"])
    lines += [_RULE, *format_errors(report, kinds)]
    return "\n".join(lines + _timing_lines(timing))


def format_actors(report: dict, timing: dict | None = None, kinds: int = 10) -> str:
    """The MEANTIME participant report."""
    lines = [f"ACTORS (MEANTIME, sentences 0-5), {report['documents']} documents", _RULE]
    lines += format_prf(
        report, [("agent (Arg0)", "agent"), ("patient (Arg1)", "patient"), ("all", "all")]
    )
    lines += [_RULE, *format_errors(report, kinds)]
    return "\n".join(lines + _timing_lines(timing))


def format_actor_halves(reports: dict[str, dict]) -> str:
    """Agent and patient P/R/F1 of each subset (all, even half, odd half), one a line."""
    lines = [
        "ACTORS per half (documents in sorted path order, even and odd positions)",
        f"{'':<6}{'docs':>5}" + "".join(f"{r + ' P':>11}{'R':>7}{'F1':>7}" for r in _ROLES),
    ]
    for name, r in reports.items():
        cells = "".join(
            f"{r[role]['precision']:>11.3f}{r[role]['recall']:>7.3f}{r[role]['f1']:>7.3f}"
            for role in _ROLES
        )
        lines.append(f"{name:<6}{r['documents']:>5}{cells}")
    return "\n".join(lines)


_ROLES = ("agent", "patient")


def format_gold_anchoring(report: dict, kinds: int = 10) -> str:
    """The anchoring report on gold events and times, with the nearest-time baseline."""
    lines = [f"ANCHORING on gold events and times, {report['documents']} documents", _RULE]
    lines += format_accuracies(
        report,
        [
            ("anchoring (gold links)", "anchoring"),
            ("  time in the same sentence", "same_sentence"),
            ("  time in another sentence", "other_sentence"),
            ("baseline: nearest in sentence", "nearest"),
            ("end to end (pipeline's own)", "end_to_end"),
        ],
    )
    lines += [_RULE, *format_errors(report, kinds), _RULE]
    lines.append(f"Timing: {report['documents']} docs in {report['seconds']:.1f} s")
    return "\n".join(lines)


def _timing_lines(timing: dict | None) -> list[str]:
    return [_RULE, *format_timing(timing)] if timing else []


def _brief(item: dict | None) -> str:
    if item is None:
        return "-"
    return " ".join(f"{k}={v!r}" for k, v in item.items() if k not in ("start", "end"))
