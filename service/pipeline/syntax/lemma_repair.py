"""Lemmas of "-ed" and "-ing" forms of one-syllable "-e" verbs, which the lemmatizer cuts short.

spaCy's English rule lemmatizer strips "hoped" to "hop" and "rated" to "rat" when the shorter word
is itself a verb. English spelling settles it: a one-syllable verb ending in a single vowel and a
single consonant doubles the consonant before "-ed" and "-ing" ("hopped", "hopping"), so a form
with one consonant ("hoped", "hoping") comes from the verb with a final "e" ("hope").

Register by importing this module; add with ``nlp.add_pipe(LEMMA_REPAIR, after="lemmatizer")``.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

LEMMA_REPAIR = "lemma_repair"
_SUFFIXES = ("ed", "ing")
# Past tense, past participle and gerund tags by string id (a string's hash, the same in every
# vocabulary), to find the tokens in the tag array.
_TAGS = np.array([get_string_id(tag) for tag in ("VBD", "VBN", "VBG")], dtype=np.uint64)
# One syllable ending in one vowel and one consonant that doubles (not w, x or y): "hop", "rat".
_DOUBLING = re.compile(r"[^aeiouy]*[aeiou][b-df-hj-np-tvz]")


@Language.component(LEMMA_REPAIR)
def lemma_repair(doc: Doc) -> Doc:
    """Give "hoped", "hoping", "rated" the lemmas "hope" and "rate".

    doc (Doc): a document with tags and lemmas.
    RETURNS (Doc): the same document, those lemmas repaired.
    """
    for i in np.flatnonzero(np.isin(doc.to_array(TAG), _TAGS)).tolist():
        token = doc[i]
        lemma, form = token.lemma_.lower(), token.lower_
        if any(form == lemma + suffix for suffix in _SUFFIXES) and _DOUBLING.fullmatch(lemma):
            token.lemma_ = lemma + "e"
    return doc
