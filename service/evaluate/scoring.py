"""Small scoring helpers shared by the evaluations: P/R/F1, accuracies, error context."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from service.evaluate.matching import CorpusMatch, G, P, Span

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+|\n")
_CONTEXT_LIMIT = 300


def prf(correct: int, predicted: int, gold: int) -> dict:
    """Precision, recall and F1 of ``correct`` one-to-one matches.

    correct (int): matched (or matched and attribute-correct) system items.
    predicted (int): all system items.
    gold (int): all gold items.
    RETURNS (dict): precision, recall, f1 (0.0 when undefined) and the three counts.
    """
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * correct / (predicted + gold) if predicted + gold else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "correct": correct,
        "predicted": predicted,
        "gold": gold,
    }


def accuracy(correct: int, total: int) -> dict:
    """Share of ``total`` that is ``correct``; 0.0 when ``total`` is 0."""
    return {"accuracy": correct / total if total else 0.0, "correct": correct, "total": total}


def top_counts(items: Iterable[str], n: int = 10) -> list[tuple[str, int]]:
    """The ``n`` most frequent strings with their counts, most frequent first."""
    return Counter(items).most_common(n)


def sentence_context(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, the span marked with [[ ]], on one line.

    A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets) before white
    space, or at a line break: both corpora keep sentences on one line.

    RETURNS (str): at most about ``_CONTEXT_LIMIT`` characters each side of the span.
    """
    left_limit = max(0, start - _CONTEXT_LIMIT)
    left = left_limit
    for match in _SENTENCE_END.finditer(text, left_limit, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end, min(len(text), end + _CONTEXT_LIMIT))
    right = right_match.start() + 1 if right_match else min(len(text), end + _CONTEXT_LIMIT)
    snippet = f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}"
    return " ".join(snippet.split())


def per_label(
    match: CorpusMatch[G, P],
    label: Callable[[G], str],
    correct: Callable[[G, P], bool],
) -> dict[str, dict]:
    """Breakdown by gold label: count, recall (relaxed match) and attribute accuracy on matches.

    match (CorpusMatch): the corpus matching.
    label (Callable[[G], str]): the gold label to group by (e.g. TIMEX3 type).
    correct (Callable[[G, P], bool]): whether a matched pair has the attribute right.
    RETURNS (dict[str, dict]): label -> count, matched, recall, accuracy; most frequent first.
    """
    count: Counter[str] = Counter(label(g) for _, g in match.missed)
    matched: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for _, g, p in match.pairs:
        count[label(g)] += 1
        matched[label(g)] += 1
        right[label(g)] += correct(g, p)
    return {
        name: {
            "count": n,
            "matched": matched[name],
            "recall": matched[name] / n,
            "accuracy": right[name] / matched[name] if matched[name] else 0.0,
        }
        for name, n in count.most_common()
    }


def error(
    kind: str, doc_id: str, text: str, span: Span, gold: dict | None, pred: dict | None
) -> dict:
    """One error record: its kind, document, sentence context around ``span``, gold and system."""
    return {
        "kind": kind,
        "doc": doc_id,
        "context": sentence_context(text, *span),
        "gold": gold,
        "pred": pred,
    }
