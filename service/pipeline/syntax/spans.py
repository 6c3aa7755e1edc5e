"""Character spans read over the tokens of a parse."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc


def token_mask(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies inside one of the character spans."""
    mask = [False] * len(doc)
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            mask[span.start : span.end] = [True] * len(span)
    return mask
