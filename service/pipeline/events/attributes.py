"""TimeML attributes of an event trigger read off its auxiliaries and dependents.

Tense and aspect are the one tense reader's (``syntax.tense``); polarity and modality follow
TimeML's MAKEINSTANCE. Factuality is the summary a consumer filters on, decided by the first step
of ``FACTUALITY_STEPS`` that holds (the attributes record its name). The words the steps look for
are ``resources/en/events/factuality_cues.tsv``, by kind:

- ``negative_subject``: "No one was injured", "no strike has been called", "Neither the union nor
  the airline commented": negated (and polarity NEG);
- ``negative_coordination``: "neither confirmed nor denied", "will not pay, nor will we register":
  negated (and polarity NEG);
- ``negation``: "did not strike", "no agreement", "no longer sells": negated;
- ``open_implication``: under a negated, modal or hedged verb of meaning ("does not necessarily
  mean that he will stand trial"): possible;
- ``modal``, ``hedge``: a modal other than the future's ("may resign") or a hedging word ("likely
  to close"): possible;
- ``allegation``: "the alleged fraud", "accused of stealing", "suspected of smuggling": possible
  (an allegation is neither confirmed nor denied);
- ``condition``: an "if", "unless" or "whether" clause ("if the airline refuses", "an inquiry into
  whether he abused ..."), or one whose auxiliary comes first ("Had the relatives allowed him to
  go, ..."): possible;
- ``planned``: a to-infinitive of purpose ("met to discuss"), of a plan ("plans to buy", "has
  plans to buy", "is set to begin", "is to be held", "is going to reopen"), of an order ("told
  them to leave"), a passive one of a noun ("an event to be held"), a noun planned ("plans a
  summit"): future;
- ``inherited``: a complement, conjunct or predicate without a tense of its own takes the
  factuality of the negated, possible or future verb that governs it ("will allow developers to
  create and distribute", "will be able to set", "did not strike or picket"), and so does an
  event noun that is the subject of the verb saying it happens ("the change will occur"); a
  complement of a negated verb is possible;
- ``future_tense``: "will reopen", also under a claim or belief ("claims it will reopen"): future;
- ``irrealis_governor``: a clause under an intention or belief ("wants to buy", "believes he
  overpaid"): possible;
- ``reported_clause``: inside what a reporting event reports ("said the man escaped"): reported;
- ``asserted``: anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.syntax.tense import (
    FUTURE_AUXILIARIES,
    announces_future,
    auxiliaries_of,
    tense_aspect,
)
from service.pipeline.vocabulary import Factuality

_IRREALIS_CLASSES = frozenset({"I_STATE", "I_ACTION"})
# Dependencies through which a verb governs a clause whose factuality it passes on.
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "advcl", "acomp", "attr"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How far up a chain of governing verbs the inherited factuality is looked for.
_DEPTH = 6
# How far back the first verb of a list hung under a later one is looked for.
_LIST_SPAN = 16


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
    """What the factuality steps read: the trigger, its governor's class and its attributes.

    path (frozenset[int]): the tokens read on the way up from the event, itself included (a
        misparsed list can hang a verb under the one it governs).
    """

    trigger: Token
    governor_class: str | None
    tense: str
    aspect: str
    polarity: str
    modality: str | None
    path: frozenset[int]


FactualityStep = tuple[str, Factuality | None, Callable[[_Reading], bool]]


def _cue(token: Token, kind: str) -> bool:
    """Whether ``token`` (its word or its lemma) is a factuality cue of ``kind``."""
    cues = load_lexicon().factuality_cues
    return cues.get(token.lower_) == kind or cues.get(token.lemma_.lower()) == kind


def read_attributes(trigger: Token, governor_class: str | None) -> Attributes:
    """Compute the attributes of one event trigger.

    trigger (Token): the event's head token.
    governor_class (str | None): the TimeML class of the event that syntactically embeds this one
        (``REPORTING`` for "said" in "said it would close"), if any.
    RETURNS (Attributes): the trigger's attributes.
    """
    reading = _read(trigger, governor_class, frozenset())
    step, factuality = _decide(reading)
    return Attributes(
        reading.tense, reading.aspect, reading.polarity, reading.modality, factuality, step
    )


def _read(trigger: Token, governor_class: str | None, path: frozenset[int]) -> _Reading:
    negative = _negated(trigger) or _negative_subject(trigger) or _negative_coordination(trigger)
    polarity = "NEG" if negative else "POS"
    modals = [a for a in auxiliaries_of(trigger) if a.tag_ == "MD"]
    modality = next((a.lower_ for a in modals if a.lower_ not in FUTURE_AUXILIARIES), None)
    tense, aspect = tense_aspect(trigger)
    path = path | {trigger.i}
    return _Reading(trigger, governor_class, tense, aspect, polarity, modality, path)


def _decide(reading: _Reading) -> tuple[str, Factuality]:
    """The first step of ``FACTUALITY_STEPS`` that holds, and the factuality it gives."""
    for name, factuality, holds in FACTUALITY_STEPS:
        if factuality is None:  # inherited: read the governor once
            passed_on = _inherited(reading)
            if passed_on is not None:
                return name, passed_on
        elif holds(reading):
            return name, factuality
    raise AssertionError("the last step always holds")  # pragma: no cover


def _negated(trigger: Token) -> bool:
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        # "no longer sells": the negation hangs from the adverb.
        if child.dep_ == "advmod" and any(c.dep_ == "neg" for c in child.children):
            return True
    head = trigger.head
    # "did not agree to sell": the negation of a verb embedding this one through "to".
    return trigger.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children)


def _negative_subject(trigger: Token) -> bool:
    """ "No one was injured", "Nobody came", "Neither the union nor the airline commented"."""
    for subject in (c for c in trigger.children if c.dep_ in _SUBJECTS):
        if _cue(subject, "negative") or any(
            c.dep_ in ("det", "preconj") and _cue(c, "negative") for c in subject.children
        ):
            return True
    return False


def _negative_coordination(trigger: Token) -> bool:
    """ "neither confirmed nor denied", "will not pay, nor will we register"."""
    if any(
        c.dep_ in ("preconj", "cc") and c.i < trigger.i and _cue(c, "negative")
        for c in trigger.children
    ):
        return True
    head = trigger.head
    return trigger.dep_ == "conj" and any(
        c.dep_ == "cc" and head.i < c.i < trigger.i and _cue(c, "negative") for c in head.children
    )


def _open_implication(trigger: Token) -> bool:
    """Under a verb of meaning that is negated, modal or hedged: "does not mean he will go"."""
    head = trigger.head
    if trigger.dep_ not in ("ccomp", "xcomp", "dobj") or not _cue(head, "implication"):
        return False
    return any(
        c.dep_ == "neg"
        or (c.tag_ == "MD" and c.lower_ not in FUTURE_AUXILIARIES)
        or (c.dep_ == "advmod" and _cue(c, "hedge"))
        for c in head.children
    )


def _hedged(trigger: Token) -> bool:
    if any(_cue(c, "hedge") for c in trigger.children if c.dep_ in ("advmod", "acomp")):
        return True
    head = trigger.head
    return trigger.dep_ in ("xcomp", "ccomp") and _cue(head, "hedge")


def _alleged(trigger: Token) -> bool:
    """ "the alleged fraud", "allegedly stole", "accused of stealing", "alleges that he stole"."""
    if any(_cue(c, "allegation") for c in trigger.children if c.dep_ in ("amod", "advmod")):
        return True
    head = trigger.head
    if trigger.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
        return _cue(head.head, "allegation")
    return trigger.dep_ in ("ccomp", "xcomp") and _cue(head, "allegation")


def _conditional(trigger: Token) -> bool:
    """An "if", "unless" or "whether" clause with its own subject: "will strike if the airline
    refuses" (not a reduced "if compared to last year"); or an adverbial clause whose auxiliary
    comes before its subject: "Had the relatives allowed him to go, ..."."""
    children = list(trigger.children)
    subjects = [c for c in children if c.dep_ in _SUBJECTS or c.dep_ == "expl"]
    if not subjects:
        return False
    if any(c.dep_ == "mark" and _cue(c, "condition") for c in children):
        return True
    return trigger.dep_ == "advcl" and any(
        c.dep_ in ("aux", "auxpass") and c.i < subjects[0].i and _cue(c, "condition")
        for c in children
    )


def _to_infinitive(trigger: Token) -> bool:
    """ "to sell", "to be released"."""
    passive = trigger.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in trigger.children)
    return (trigger.tag_ == "VB" or passive) and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children
    )


def _planned(reading: _Reading) -> bool:
    """A to-infinitive of purpose ("met to discuss"), of a plan ("plans to buy", "has plans to
    buy", "is set to begin", "is to be held", "is going to close"), of an order ("told people to
    call back") or a passive one of a noun ("an event to be held"); a noun planned ("plans a
    summit")."""
    trigger = reading.trigger
    head = trigger.head
    if not _to_infinitive(trigger):
        return trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" and _cue(head, "plan")
    if trigger.dep_ == "advcl":
        return True
    if trigger.dep_ in ("acl", "relcl"):  # "an event to be held", "plans to import"
        return trigger.tag_ == "VBN" or _cue(head, "plan")
    order = reading.governor_class == "REPORTING" and any(c.dep_ == "dobj" for c in head.children)
    return trigger.dep_ in ("xcomp", "ccomp") and (announces_future(head) or order)


def _inherited(reading: _Reading) -> Factuality | None:
    """The factuality a governing verb passes on, if any."""
    trigger = reading.trigger
    governor = _governor(trigger)
    own_tense = reading.tense in ("PAST", "PRESENT") or "PERFECTIVE" in reading.aspect
    if own_tense and governor is not None and _shared_perfect(trigger, governor):
        own_tense = False  # "had not admitted a role or implicated anyone": one "had not"
    if governor is None or governor.i in reading.path or own_tense or len(reading.path) > _DEPTH:
        return None
    governor_class = _class_of_governor(governor, reading.path)
    above = _read(governor, governor_class, reading.path)
    _, factuality = _decide(above)
    if factuality in ("future", "possible"):
        return factuality
    if factuality != "negated":
        return None
    if trigger.dep_ != "conj":
        return "possible"
    shares_negation = not any(c.dep_ in _SUBJECTS for c in trigger.children) and not any(
        c.dep_ == "cc" and governor.i < c.i < trigger.i and _cue(c, "contrast")
        for c in governor.children
    )
    return "negated" if shares_negation else None


def _shared_perfect(trigger: Token, governor: Token) -> bool:
    """Whether a conjunct with no subject or auxiliary of its own is a participle under its
    head's perfect auxiliary (the tagger often reads "implicated" there as a past tense)."""
    bare = not any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") for c in trigger.children)
    participle = trigger.tag_ in ("VBD", "VBN")
    perfect = "PERFECTIVE" in tense_aspect(governor)[1]
    return trigger.dep_ == "conj" and bare and participle and perfect


def _governor(trigger: Token) -> Token | None:
    """The verb whose factuality this event shares: its governor through a complement or a
    conjunction, or the first verb of a list the parser hung under this one ("going to look ...,
    determine ...": "determine" has no subject nor auxiliary of its own)."""
    if trigger.tag_ == "VB" and not any(
        c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") for c in trigger.children
    ):
        first = _verb_before(trigger)
        if first is not None:
            return first
    if trigger.dep_ in _COMPLEMENTS or trigger.dep_ == "conj":
        return trigger.head
    if trigger.dep_ in _SUBJECTS and trigger.pos_ == "NOUN":
        # "The change will occur", "The trial is set to begin": the verb that says it happens.
        head = trigger.head
        said = [head, *(c for c in head.children if c.dep_ == "xcomp")]
        return next((verb for verb in said if _cue(verb, "happening")), None)
    return None


def _verb_before(trigger: Token) -> Token | None:
    """The nearest bare verb before ``trigger`` in its own phrase, at most ``_LIST_SPAN`` tokens
    back (a bounded look keeps the stage linear on any text)."""
    start = max(trigger.left_edge.i, trigger.i - _LIST_SPAN)
    for token in reversed(trigger.doc[start : trigger.i]):
        if token.tag_ == "VB":
            return token if trigger.is_ancestor(token) else None
    return None


def _class_of_governor(token: Token, path: frozenset[int]) -> str | None:
    """The listed class of the verb that embeds ``token`` through a complement, if any and if
    it is not on the ``path`` already read."""
    if token.dep_ not in ("ccomp", "xcomp", "advcl") or token.head.i in path:
        return None
    return load_lexicon().verb_classes.get(token.head.lemma_.lower())


FACTUALITY_STEPS: tuple[FactualityStep, ...] = (
    ("negative_subject", "negated", lambda r: _negative_subject(r.trigger)),
    ("negative_coordination", "negated", lambda r: _negative_coordination(r.trigger)),
    ("negation", "negated", lambda r: r.polarity == "NEG"),
    ("open_implication", "possible", lambda r: _open_implication(r.trigger)),
    ("modal", "possible", lambda r: r.modality is not None),
    ("hedge", "possible", lambda r: _hedged(r.trigger)),
    ("allegation", "possible", lambda r: _alleged(r.trigger)),
    ("condition", "possible", lambda r: _conditional(r.trigger)),
    ("planned", "future", _planned),
    ("inherited", None, lambda r: _inherited(r) is not None),
    ("future_tense", "future", lambda r: r.tense == "FUTURE"),
    ("irrealis_governor", "possible", lambda r: r.governor_class in _IRREALIS_CLASSES),
    ("reported_clause", "reported", lambda r: r.governor_class == "REPORTING"),
    ("asserted", "asserted", lambda r: True),
)
"""The factuality steps in the order they are tried: (name, factuality, holds); the factuality
of ``inherited`` (None here) is its governor's."""
