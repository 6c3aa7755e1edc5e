"""Train the event trigger classifier on TimeML (TempEval-3 TBAQ).

    python -m service.training.events ../shared/data/tempeval3

writes ``service/resources/en/events/event_model.npz`` from every document (``make train``).
Training is deterministic. Held-out figures come from the evaluation, which trains the same way
in memory: ``python -m service.evaluate events DIR --folds 5`` (or ``--cross-corpus``).
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc

from service.corpora.timeml import TimeMLDocument, read_timeml_dir
from service.pipeline.events.features import is_candidate, time_governors, token_features
from service.pipeline.events.model import MODEL_PATH, NONE_LABEL, EventModel, softmax
from service.pipeline.facade import DEFAULT_MODEL, load_model
from service.pipeline.lexicon.events import Lexicon, load_lexicon
from service.pipeline.syntax.spans import token_mask

LABELS = (NONE_LABEL, "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL")
LABELS += ("PERCEPTION",)
MIN_FEATURE_COUNT = 2
EPOCHS = 4
BATCH = 256
LEARNING_RATE = 0.2
L2 = 1e-4
THRESHOLD = 0.4
SEED = 13


@dataclass
class Examples:
    """Candidate triggers of a corpus: their features and gold labels."""

    features: list[list[str]]
    labels: list[int]


def merge(parts: list[Examples]) -> Examples:
    """Concatenate the examples of several documents."""
    merged = Examples([], [])
    for part in parts:
        merged.features += part.features
        merged.labels += part.labels
    return merged


def collect(nlp: spacy.language.Language, documents: list[TimeMLDocument]) -> list[Examples]:
    """Parse the documents and label every candidate trigger with its gold class.

    RETURNS (list[Examples]): the examples of each document, in order.
    """
    lexicon = load_lexicon()
    texts = (document.text for document in documents)
    parsed = nlp.pipe(texts, batch_size=16)
    return [
        document_examples(document, doc, lexicon)
        for document, doc in zip(documents, parsed, strict=True)
    ]


def document_examples(document: TimeMLDocument, doc: Doc, lexicon: Lexicon) -> Examples:
    """Label every candidate trigger of one parsed gold document with its gold class.

    document (TimeMLDocument): the gold document.
    doc (Doc): its text, parsed by the pipeline's model.
    lexicon (Lexicon): the word lists the features read.
    RETURNS (Examples): the candidates' features and labels.
    """
    blocked = token_mask(doc, ((time.start, time.end) for time in document.timexes))
    gold = {}
    for event in document.events:
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is not None:
            gold[span.root.i] = event.event_class
    candidates = [t for t in doc if is_candidate(t, blocked[t.i])]
    labels = [gold.get(token.i, NONE_LABEL) for token in candidates]
    governed = time_governors(doc, blocked)
    features = [token_features(token, lexicon, governed) for token in candidates]
    indices = [LABELS.index(label) for label in labels]
    return Examples(features, indices)


def train(examples: Examples) -> EventModel:
    """Fit a softmax regression with AdaGrad over the examples' features."""
    counts = Counter(name for names in examples.features for name in names)
    vocabulary = {
        name: row for row, name in enumerate(n for n, c in counts.items() if c >= MIN_FEATURE_COUNT)
    }
    pad = len(vocabulary)
    width = max(len(names) for names in examples.features)
    matrix = np.full((len(examples.features), width), pad, dtype=np.int64)
    for row, names in enumerate(examples.features):
        known = [vocabulary[n] for n in names if n in vocabulary]
        matrix[row, : len(known)] = known
    labels = np.array(examples.labels)
    weights = np.zeros((pad + 1, len(LABELS)), dtype=np.float64)
    squares = np.full_like(weights, 1e-8)
    rng = np.random.default_rng(SEED)
    for _ in range(EPOCHS):
        order = rng.permutation(len(labels))
        for begin in range(0, len(order), BATCH):
            batch = order[begin : begin + BATCH]
            rows = matrix[batch]
            probs = softmax(weights[rows].sum(axis=1))
            probs[np.arange(len(batch)), labels[batch]] -= 1.0
            gradient = np.zeros_like(weights)
            np.add.at(gradient, rows, probs[:, None, :] / len(batch))
            gradient += L2 * weights
            gradient[pad] = 0.0
            squares += gradient**2
            weights -= LEARNING_RATE * gradient / np.sqrt(squares)
    return EventModel(vocabulary, LABELS, weights[:pad].astype(np.float32), THRESHOLD)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="directory with TimeBank/ and AQUAINT/")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    nlp = load_model(DEFAULT_MODEL)  # as the pipeline parses: line breaks start sentences
    corpora = {
        name: collect(nlp, read_timeml_dir(args.data / name)) for name in ("TimeBank", "AQUAINT")
    }
    train(merge([d for docs in corpora.values() for d in docs])).save(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
