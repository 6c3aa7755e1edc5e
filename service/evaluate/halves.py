"""Fixed document halves for held-out reporting: a rule tuned on one half is judged on the other.

Documents are taken in the order the corpus readers return them (sorted paths); the even half
holds documents 0, 2, 4, ... and the odd half 1, 3, 5, ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def even_odd(count: int) -> list[tuple[str, list[int]]]:
    """The two halves of ``count`` documents by position.

    RETURNS (list[tuple[str, list[int]]]): ("even", indices) and ("odd", indices).
    """
    return [("even", list(range(0, count, 2))), ("odd", list(range(1, count, 2)))]


def per_half(
    count: int,
    score: Callable[[list[int]], T],
    extra: Sequence[tuple[str, list[int]]] = (),
) -> dict[str, T]:
    """Score all documents, then each half (and any ``extra`` named subsets).

    count (int): number of documents.
    score (Callable[[list[int]], T]): scores the documents at the given indices.
    extra (Sequence[tuple[str, list[int]]]): further (name, indices) subsets. Defaults to none.
    RETURNS (dict[str, T]): "all", "even", "odd" and the extra names, each with its score.
    """
    subsets = [("all", list(range(count))), *even_odd(count), *extra]
    return {name: score(indices) for name, indices in subsets}
