"""Sentence starts at line breaks, set before the parser so headlines and datelines stand alone.

News text puts its headline, dateline and each paragraph on lines of their own; the small
parser otherwise reads "Apple launches 3G iPhone / June 9, 2008 / Apple Computer today
launched ..." as one sentence and takes the headline's words as the body's subject. A line
break starts a sentence unless it looks like a hard wrap inside one (the line ends in a
lower-case word or a comma and the next begins in lower case).

A line that runs on for twice ``MAX_SENTENCE_TOKENS`` tokens with no full stop ("he said he said
...", a list of thousands of numbers) gets :func:`bound_sentences` before the parser: once a run
has gone ``MAX_SENTENCE_TOKENS`` tokens without a start, the token after the next sentence-final
mark starts one, and a run of twice the bound with no such mark is cut there. Real sentences are
far shorter, so real parses never change, and the bound keeps every reading of the parse linear
in the text: a word's children are found by scanning its subtree's span, which a sentence
bounds.

Register by importing this module; add with ``nlp.add_pipe(LINE_SENTENCES, before="parser")``.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

LINE_SENTENCES = "line_sentences"
MAX_SENTENCE_TOKENS = 200


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """Mark the first token after each line break as a sentence start.

    doc (Doc): a tokenised document, not yet parsed.
    RETURNS (Doc): the same document, sentence starts preset.
    """
    if len(doc) < 3:
        return doc
    # Only whitespace tokens can hold a line break: find them in the token array.
    for i in (np.flatnonzero(doc.to_array(IS_SPACE)[1:-1]) + 1).tolist():
        if "\n" not in doc[i].text:
            continue
        before, after = doc[i - 1], doc[i + 1]
        wrapped = (before.is_lower or before.text == ",") and after.is_lower
        if not wrapped and not after.is_space:
            after.is_sent_start = True
    return bound_sentences(doc) if _unmarked_run(doc) else doc


def _unmarked_run(doc: Doc) -> bool:
    """Whether a run of twice ``MAX_SENTENCE_TOKENS`` tokens has no start and no full stop."""
    if len(doc) <= 2 * MAX_SENTENCE_TOKENS:
        return False
    starts = doc.to_array(SENT_START) == 1
    run = 0
    for i, token in enumerate(doc):
        run = 0 if starts[i] or token.text in _STOPS else run + 1
        if run > 2 * MAX_SENTENCE_TOKENS:
            return True
    return False


def bound_sentences(doc: Doc) -> Doc:
    """Start a sentence in every run of tokens without a start that grows past the bound: after
    the first sentence-final mark past ``MAX_SENTENCE_TOKENS``, else at twice that.

    doc (Doc): a tokenised document, not yet parsed, line starts set.
    RETURNS (Doc): the same document.
    """
    starts = doc.to_array(SENT_START) == 1
    run = 0
    for i in range(1, len(doc)):
        run = 0 if starts[i] else run + 1
        past = run >= MAX_SENTENCE_TOKENS
        if run >= 2 * MAX_SENTENCE_TOKENS or (past and doc[i - 1].text in _FINAL_MARKS):
            doc[i].is_sent_start = True
            run = 0
    return doc


_STOPS = frozenset({".", "!", "?"})
_FINAL_MARKS = _STOPS | {";"}


class FastSentences:
    """Sentences without a parser, for the time-only path: sentence-final punctuation (spaCy's
    rule-based sentencizer), then line breaks as :func:`line_sentences` reads them."""

    def __init__(self) -> None:
        self.sentencizer = Sentencizer()

    def __call__(self, doc: Doc) -> Doc:
        """Set the sentence starts of a tokenised document; RETURNS the same document."""
        return line_sentences(self.sentencizer(doc))
