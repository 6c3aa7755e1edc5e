"""TimeML attributes of an event trigger read off its auxiliaries and dependents.

Tense and aspect are the one tense reader's (``syntax.tense``); polarity and modality follow
TimeML's MAKEINSTANCE. Factuality is the summary a consumer filters on, decided by the first step
of ``FACTUALITY_STEPS`` that holds (the attributes record its name):

- ``negation``: "did not strike", "no agreement": negated;
- ``modal``, ``hedge``, ``irrealis_governor``: a modal other than the future's ("may resign"),
  a hedging word ("likely to close"), or a governing intention or state ("wants to buy"):
  possible;
- ``future_tense``, ``going_to``: "will reopen", "is going to reopen": future;
- ``reported_clause``: inside what a reporting event reports ("said the man escaped"): reported;
- ``asserted``: anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.pipeline.syntax.tense import FUTURE_AUXILIARIES, auxiliaries_of, tense_aspect
from service.pipeline.vocabulary import Factuality

HEDGES = frozenset({"possible", "likely", "unlikely", "able", "expected", "probably", "perhaps"})
_IRREALIS_CLASSES = frozenset({"I_STATE", "I_ACTION"})


@dataclass(frozen=True)
class Attributes:
    """An event's tense, aspect, polarity, modality and factuality.

    factuality_step (str): the step of ``FACTUALITY_STEPS`` that decided the factuality (internal:
        not in the API response).
    """

    tense: str = "NONE"
    aspect: str = "NONE"
    polarity: str = "POS"
    modality: str | None = None
    factuality: Factuality = "asserted"
    factuality_step: str = "asserted"


@dataclass(frozen=True)
class _Reading:
    """What the factuality steps read: the trigger, its governor's class and its attributes."""

    trigger: Token
    governor_class: str | None
    tense: str
    polarity: str
    modality: str | None


FactualityStep = tuple[str, Factuality, Callable[[_Reading], bool]]
FACTUALITY_STEPS: tuple[FactualityStep, ...] = (
    ("negation", "negated", lambda r: r.polarity == "NEG"),
    ("modal", "possible", lambda r: r.modality is not None),
    ("hedge", "possible", lambda r: _hedged(r.trigger)),
    ("irrealis_governor", "possible", lambda r: r.governor_class in _IRREALIS_CLASSES),
    ("future_tense", "future", lambda r: r.tense == "FUTURE"),
    ("going_to", "future", lambda r: _going_to(r.trigger)),
    ("reported_clause", "reported", lambda r: r.governor_class == "REPORTING"),
    ("asserted", "asserted", lambda r: True),
)
"""The factuality steps in the order they are tried: (name, factuality, holds)."""


def read_attributes(trigger: Token, governor_class: str | None) -> Attributes:
    """Compute the attributes of one event trigger.

    trigger (Token): the event's head token.
    governor_class (str | None): the TimeML class of the event that syntactically embeds this one
        (``REPORTING`` for "said" in "said it would close"), if any.
    RETURNS (Attributes): the trigger's attributes.
    """
    polarity = "NEG" if _negated(trigger) else "POS"
    modals = [a for a in auxiliaries_of(trigger) if a.tag_ == "MD"]
    modality = next((a.lower_ for a in modals if a.lower_ not in FUTURE_AUXILIARIES), None)
    tense, aspect = tense_aspect(trigger)
    reading = _Reading(trigger, governor_class, tense, polarity, modality)
    step, factuality = next((name, f) for name, f, holds in FACTUALITY_STEPS if holds(reading))
    return Attributes(tense, aspect, polarity, modality, factuality, step)


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
