"""Train the event trigger classifier on TimeML (TempEval-3 TBAQ) and report held-out figures.

    python -m service.pipeline.train_events ../shared/data/tempeval3
    python -m service.pipeline.train_events ../shared/data/tempeval3 --heldout /tmp/models

The first writes ``service/resources/en/events/event_model.npz`` from every document; the second
trains on TimeBank and scores AQUAINT, then the reverse, then runs a 5-fold cross-validation over
all documents (token-level figures; a gold event no candidate covers counts as missed), and
writes the two cross-corpus models to the given directory for end-to-end scoring
(``EventExtractor(nlp, model_path)``). Training is deterministic.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc

from service.evaluate.timeml import TimeMLDocument, read_timeml_dir
from service.pipeline.event_features import is_candidate, time_governors, token_features
from service.pipeline.event_lexicon import Lexicon, load_lexicon
from service.pipeline.event_model import MODEL_PATH, NONE_LABEL, EventModel, softmax
from service.pipeline.pipeline import DEFAULT_MODEL, load_model

LABELS = (NONE_LABEL, "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL")
LABELS += ("PERCEPTION",)
MIN_FEATURE_COUNT = 2
EPOCHS = 4
BATCH = 256
LEARNING_RATE = 0.2
L2 = 1e-4
THRESHOLD = 0.4
SEED = 13
FOLDS = 5


@dataclass
class Examples:
    """Candidate triggers of a corpus: their features and gold labels."""

    features: list[list[str]]
    labels: list[int]
    missed: int  # gold events no candidate covers


def merge(parts: list[Examples]) -> Examples:
    """Concatenate the examples of several documents."""
    merged = Examples([], [], 0)
    for part in parts:
        merged.features += part.features
        merged.labels += part.labels
        merged.missed += part.missed
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
    blocked = [False] * len(doc)
    for time in document.timexes:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None:
            blocked[span.start : span.end] = [True] * len(span)
    gold = {}
    for event in document.events:
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is not None:
            gold[span.root.i] = event.event_class
    candidates = [t for t in doc if is_candidate(t, blocked[t.i])]
    labels = [gold.get(token.i, NONE_LABEL) for token in candidates]
    covered = sum(label != NONE_LABEL for label in labels)
    governed = time_governors(doc, blocked)
    features = [token_features(token, lexicon, governed) for token in candidates]
    indices = [LABELS.index(label) for label in labels]
    return Examples(features, indices, len(document.events) - covered)


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


def score(model: EventModel, examples: Examples) -> dict[str, float]:
    """Token-level event F1 and class F1 (TempEval-3 attribute F1) of a model on examples."""
    predicted = model.predict(examples.features)
    gold = [LABELS[label] for label in examples.labels]
    n_gold = sum(label != NONE_LABEL for label in gold) + examples.missed
    n_system = sum(label != NONE_LABEL for label in predicted)
    found = sum(p != NONE_LABEL and g != NONE_LABEL for p, g in zip(predicted, gold, strict=True))
    right = sum(p == g != NONE_LABEL for p, g in zip(predicted, gold, strict=True))
    return {
        "event_f1": 200 * found / (n_gold + n_system),
        "class_f1": 200 * right / (n_gold + n_system),
        "class_accuracy": 100 * right / max(1, found),
    }


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="directory with TimeBank/ and AQUAINT/")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--heldout", type=Path, help="held-out evaluation; models go here")
    args = parser.parse_args()
    nlp = load_model(DEFAULT_MODEL)  # as the pipeline parses: line breaks start sentences
    corpora = {
        name: collect(nlp, read_timeml_dir(args.data / name)) for name in ("TimeBank", "AQUAINT")
    }
    if args.heldout is None:
        train(merge([d for docs in corpora.values() for d in docs])).save(args.output)
        print(f"wrote {args.output}")
        return
    args.heldout.mkdir(parents=True, exist_ok=True)
    for source, target in (("TimeBank", "AQUAINT"), ("AQUAINT", "TimeBank")):
        model = train(merge(corpora[source]))
        model.save(args.heldout / f"trained_on_{source}.npz")
        print(f"train {source} -> test {target}: {_figures(score(model, merge(corpora[target])))}")
    documents = [d for docs in corpora.values() for d in docs]
    folds = [
        score(
            train(merge([d for i, d in enumerate(documents) if i % FOLDS != fold])),
            merge(documents[fold::FOLDS]),
        )
        for fold in range(FOLDS)
    ]
    mean = {key: sum(f[key] for f in folds) / FOLDS for key in folds[0]}
    print(f"{FOLDS}-fold cross-validation over documents: {_figures(mean)}")


def _figures(scores: dict[str, float]) -> str:
    return ", ".join(f"{key} {value:.1f}" for key, value in scores.items())


if __name__ == "__main__":
    main()
