"""One-to-one overlap matching of gold and system mentions, shared by every evaluation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Span = tuple[int, int]
G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True)
class SpanKey:
    """What a mention is matched on: one or more character spans and an optional label.

    spans (tuple[Span, ...]): e.g. ``((start, end),)`` for a time expression, or
        ``(event_span, participant_span)`` for a participant triple.
    label (Hashable): must be equal for two keys to match (e.g. a role). Defaults to None.
    """

    spans: tuple[Span, ...]
    label: Hashable = None


def overlap(a: Span, b: Span) -> int:
    """Number of characters two half-open spans share; an empty span overlaps itself.

    RETURNS (int): 0 when disjoint, 1 for two identical empty spans.
    """
    if a == b and a[0] == a[1]:
        return 1
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: SpanKey, b: SpanKey) -> bool:
    """Whether every span of ``a`` overlaps the span of ``b`` in the same position."""
    return all(overlap(x, y) for x, y in zip(a.spans, b.spans, strict=True))


def match_one_to_one(gold: Sequence[SpanKey], pred: Sequence[SpanKey]) -> list[tuple[int, int]]:
    """Pair gold and system keys one-to-one where labels agree and every span overlaps.

    Candidate pairs are taken greedily: exact matches first, then larger total overlap, then
    text order, so each gold and each system key is used at most once.

    gold (Sequence[SpanKey]): the gold keys.
    pred (Sequence[SpanKey]): the system keys, with as many spans each as the gold ones.
    RETURNS (list[tuple[int, int]]): (gold index, system index) pairs, sorted by gold index.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.label == p.label and spans_overlap(g, p):
                shared = sum(overlap(x, y) for x, y in zip(g.spans, p.spans, strict=True))
                candidates.append((g.spans != p.spans, -shared, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def count_exact(gold: Sequence[SpanKey], pred: Sequence[SpanKey]) -> int:
    """Number of gold keys with an identical system key (spans and label), one-to-one."""
    return sum((Counter(gold) & Counter(pred)).values())


@dataclass
class CorpusMatch(Generic[G, P]):
    """One-to-one matches over a corpus, as (document index, gold item, system item) triples."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    pairs: list[tuple[int, G, P]] = field(default_factory=list)
    missed: list[tuple[int, G]] = field(default_factory=list)
    spurious: list[tuple[int, P]] = field(default_factory=list)


def match_corpus(
    gold_docs: Sequence[Sequence[G]],
    pred_docs: Sequence[Sequence[P]],
    gold_key: Callable[[G], SpanKey],
    pred_key: Callable[[P], SpanKey],
) -> CorpusMatch[G, P]:
    """Match gold and system items document by document with :func:`match_one_to_one`.

    gold_docs (Sequence[Sequence[G]]): gold items of each document.
    pred_docs (Sequence[Sequence[P]]): system items of each document, same order.
    gold_key (Callable[[G], SpanKey]): what a gold item is matched on.
    pred_key (Callable[[P], SpanKey]): what a system item is matched on.
    RETURNS (CorpusMatch): counts, matched pairs, missed gold and spurious system items.
    """
    result: CorpusMatch[G, P] = CorpusMatch()
    for index, (gold, pred) in enumerate(zip(gold_docs, pred_docs, strict=True)):
        gold_keys = [gold_key(g) for g in gold]
        pred_keys = [pred_key(p) for p in pred]
        pairs = match_one_to_one(gold_keys, pred_keys)
        result.gold += len(gold)
        result.predicted += len(pred)
        result.exact += count_exact(gold_keys, pred_keys)
        result.pairs.extend((index, gold[gi], pred[pi]) for gi, pi in pairs)
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        result.missed.extend((index, g) for gi, g in enumerate(gold) if gi not in matched_gold)
        result.spurious.extend((index, p) for pi, p in enumerate(pred) if pi not in matched_pred)
    return result
