"""TempEval-3 task A: time expression spans, types and values."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from service.corpora.timeml import GoldTimex, TimeMLDocument
from service.evaluate.matching import CorpusMatch, SpanKey, match_corpus
from service.evaluate.scoring import accuracy, error, per_label, prf


class TimexLike(Protocol):
    """What is scored of a system time expression (e.g. ``records.TimeExpression``)."""

    text: str
    start: int
    end: int
    type: str
    value: str


_SHAPES: tuple[tuple[str, str], ...] = (
    (r"^P(T?)\d+(?:\.\d+)?", r"P\1n"),
    (r"(?<=\D)\d+(?:\.\d+)?(?=[YMWDHS])", "n"),
    (r"^\d{4}", "YYYY"),
    (r"^\d{3}", "YYY"),
    (r"^\d{2}", "YY"),
    (r"(?<=^[YX]{4})-W\d\d", "-Www"),
    (r"(?<=^[YX]{4})-([QH])\d", r"-\1n"),
    (r"(?<=^[YX]{4})-\d\d", "-MM"),
    (r"(?<=-MM)-\d\d", "-DD"),
    (r"(?<=-W(?:ww|XX))-\d", "-D"),
    (r"T\d\d:\d\d:\d\d", "Thh:mm:ss"),
    (r"T\d\d:\d\d", "Thh:mm"),
    (r"T\d\d", "Thh"),
    (r"\d+", "n"),
)
"""(pattern, replacement) pairs applied in order to turn a TIMEX3 value into its shape."""


_FIELDS = re.compile(r"[-T:]")


def value_shape(value: str) -> str:
    """The shape of a TIMEX3 value: digits replaced by field names, ``X`` and tokens kept.

    value (str): e.g. ``1998-08-07``, ``P3D``, ``XXXX-XX-XX``, ``PRESENT_REF``.
    RETURNS (str): e.g. ``YYYY-MM-DD``, ``PnD``, ``XXXX-XX-XX``, ``PRESENT_REF``.
    """
    shape = value
    for pattern, replacement in _SHAPES:
        shape = re.sub(pattern, replacement, shape)
    return shape


def value_error_kind(timex_type: str, gold: str, pred: str) -> str:
    """The error kind of a wrong value: gold type and both shapes, and which fields differ.

    RETURNS (str): e.g. ``wrong value DATE YYYY-MM-DD vs YYYY-MM-DD (DD differs)``.
    """
    gold_shape, pred_shape = value_shape(gold), value_shape(pred)
    kind = f"wrong value {timex_type} {gold_shape} vs {pred_shape}"
    if gold_shape != pred_shape:
        return kind
    fields = zip(_FIELDS.split(gold_shape), _FIELDS.split(gold), _FIELDS.split(pred), strict=False)
    differ = [name for name, a, b in fields if a != b]
    return f"{kind} ({'/'.join(differ)} differs)"


def evaluate_timex(
    gold_docs: Sequence[TimeMLDocument], predictions: Sequence[Sequence[TimexLike]]
) -> dict:
    """Score system time expressions against TimeML gold, as TempEval-3 task A does.

    Strict: exact offsets. Relaxed: overlap, matched one-to-one. Type and value: the attribute
    is right on a relaxed match (so value F1 = relaxed F1 x value accuracy).

    gold_docs (Sequence[TimeMLDocument]): the gold documents.
    predictions (Sequence[Sequence[TimexLike]]): system time expressions per document.
    RETURNS (dict): documents, strict, relaxed, type, value (P/R/F1 dicts), type_accuracy,
        value_accuracy, per_type (gold type -> count, recall, value accuracy), error_kinds
        ((kind, count) pairs, most frequent first) and errors (every error, in corpus order).
    """
    match = match_timexes(gold_docs, predictions)
    n_pred, n_gold = match.predicted, match.gold
    type_right = sum(g.type == p.type for _, g, p in match.pairs)
    value_right = sum(g.value == p.value for _, g, p in match.pairs)
    errors = timex_errors(gold_docs, match)
    return {
        "documents": len(gold_docs),
        "strict": prf(match.exact, n_pred, n_gold),
        "relaxed": prf(len(match.pairs), n_pred, n_gold),
        "type": prf(type_right, n_pred, n_gold),
        "value": prf(value_right, n_pred, n_gold),
        "type_accuracy": accuracy(type_right, len(match.pairs)),
        "value_accuracy": accuracy(value_right, len(match.pairs)),
        "per_type": per_label(match, lambda g: g.type, lambda g, p: g.value == p.value),
        "error_kinds": Counter(e["kind"] for e in errors).most_common(),
        "errors": errors,
    }


def match_timexes(
    gold_docs: Sequence[TimeMLDocument], predictions: Sequence[Sequence[TimexLike]]
) -> CorpusMatch[GoldTimex, TimexLike]:
    """One-to-one overlap matching of gold and system time expressions, per document."""
    return match_corpus([doc.timexes for doc in gold_docs], predictions, _span_key, _span_key)


def timex_errors(
    gold_docs: Sequence[TimeMLDocument], match: CorpusMatch[GoldTimex, TimexLike]
) -> list[dict]:
    """Every error of a matching: missed, spurious, wrong extent, wrong type, wrong value."""
    errors = []
    for index, g in match.missed:
        doc = gold_docs[index]
        kind = f"missed span {g.type}"
        errors.append(error(kind, doc.doc_id, doc.text, (g.start, g.end), _describe(g), None))
    for index, g, p in match.pairs:
        doc = gold_docs[index]
        kinds = []
        if (g.start, g.end) != (p.start, p.end):
            kinds.append("wrong extent")
        if g.type != p.type:
            kinds.append(f"wrong type {g.type}->{p.type}")
        if g.value != p.value:
            kinds.append(value_error_kind(g.type, g.value, p.value))
        errors.extend(
            error(k, doc.doc_id, doc.text, (g.start, g.end), _describe(g), _describe(p))
            for k in kinds
        )
    for index, p in match.spurious:
        doc = gold_docs[index]
        kind = f"spurious span {p.type}"
        errors.append(error(kind, doc.doc_id, doc.text, (p.start, p.end), None, _describe(p)))
    return errors


def _span_key(item: TimexLike | GoldTimex) -> SpanKey:
    return SpanKey(((item.start, item.end),))


def _describe(item: TimexLike | GoldTimex) -> dict:
    return {
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "type": item.type,
        "value": item.value,
    }
