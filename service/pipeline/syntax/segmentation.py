"""Sentence starts at line breaks, set before the parser so headlines and datelines stand alone.

News text puts its headline, dateline and each paragraph on lines of their own; the small
parser otherwise reads "Apple launches 3G iPhone / June 9, 2008 / Apple Computer today
launched ..." as one sentence and takes the headline's words as the body's subject. A line
break starts a sentence unless it looks like a hard wrap inside one (the line ends in a
lower-case word or a comma and the next begins in lower case).

Register by importing this module; add with ``nlp.add_pipe(LINE_SENTENCES, before="parser")``.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

LINE_SENTENCES = "line_sentences"


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
    return doc


class FastSentences:
    """Sentences without a parser, for the time-only path: sentence-final punctuation (spaCy's
    rule-based sentencizer), then line breaks as :func:`line_sentences` reads them."""

    def __init__(self) -> None:
        self.sentencizer = Sentencizer()

    def __call__(self, doc: Doc) -> Doc:
        """Set the sentence starts of a tokenised document; RETURNS the same document."""
        return line_sentences(self.sentencizer(doc))
