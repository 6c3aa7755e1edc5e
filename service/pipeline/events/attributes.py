"""TimeML attributes of an event trigger read off its auxiliaries and dependents.

Tense, aspect, polarity and modality follow TimeML's MAKEINSTANCE; factuality is the summary a
consumer filters on: negated, possible (a modal or a hedging governor), future, reported (inside
what a reporting event reports) or asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
HEDGES = frozenset({"possible", "likely", "unlikely", "able", "expected", "probably", "perhaps"})
_PERFECT = frozenset({"have", "has", "had", "'ve", "'d", "having"})
_TENSE_BY_TAG = {
    "VBD": "PAST",
    "VBZ": "PRESENT",
    "VBP": "PRESENT",
    "VBG": "PRESPART",
    "VBN": "PASTPART",
    "VB": "INFINITIVE",
}
_IRREALIS_CLASSES = frozenset({"I_STATE", "I_ACTION"})


@dataclass(frozen=True)
class Attributes:
    """An event's tense, aspect, polarity, modality and factuality."""

    tense: str = "NONE"
    aspect: str = "NONE"
    polarity: str = "POS"
    modality: str | None = None
    factuality: str = "asserted"


def read_attributes(trigger: Token, governor_class: str | None) -> Attributes:
    """Compute the attributes of one event trigger.

    trigger (Token): the event's head token.
    governor_class (str | None): the TimeML class of the event that syntactically embeds this one
        (``REPORTING`` for "said" in "said it would close"), if any.
    RETURNS (Attributes): the trigger's attributes.
    """
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    polarity = "NEG" if _negated(trigger) else "POS"
    modals = [a for a in auxes if a.tag_ == "MD"]
    modality = next((a.lower_ for a in modals if a.lower_ not in FUTURE_MODALS), None)
    tense, aspect = _tense_aspect(trigger, auxes) if trigger.pos_ in ("VERB", "AUX") else _NONE
    if polarity == "NEG":
        factuality = "negated"
    elif modality is not None or _hedged(trigger) or governor_class in _IRREALIS_CLASSES:
        factuality = "possible"
    elif tense == "FUTURE" or _going_to(trigger):
        factuality = "future"
    elif governor_class == "REPORTING":
        factuality = "reported"
    else:
        factuality = "asserted"
    return Attributes(tense, aspect, polarity, modality, factuality)


_NONE = ("NONE", "NONE")


def _tense_aspect(trigger: Token, auxes: list[Token]) -> tuple[str, str]:
    perfect = any(a.lower_ in _PERFECT for a in auxes)
    progressive = trigger.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes)
    aspect = {
        (True, True): "PERFECTIVE_PROGRESSIVE",
        (True, False): "PERFECTIVE",
        (False, True): "PROGRESSIVE",
    }.get((perfect, progressive), "NONE")
    finite = auxes[0] if auxes else trigger
    if finite.lower_ in FUTURE_MODALS:
        return "FUTURE", aspect
    if finite.tag_ == "MD":
        return "NONE", aspect
    if finite.lower_ == "to" or finite.tag_ == "TO":
        return "INFINITIVE", aspect
    tense = _TENSE_BY_TAG.get(finite.tag_, "NONE")
    if auxes and tense in ("PASTPART", "PRESPART", "INFINITIVE"):
        tense = "NONE"
    return tense, aspect


def _negated(trigger: Token) -> bool:
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    head = trigger.head
    # "did not agree to sell": the negation of a verb embedding this one through "to".
    return trigger.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children)


def _hedged(trigger: Token) -> bool:
    if any(c.lower_ in HEDGES for c in trigger.children if c.dep_ in ("advmod", "acomp")):
        return True
    head = trigger.head
    return trigger.dep_ in ("xcomp", "ccomp") and head.lower_ in HEDGES


def _going_to(trigger: Token) -> bool:
    return trigger.dep_ == "xcomp" and trigger.head.lower_ == "going"
