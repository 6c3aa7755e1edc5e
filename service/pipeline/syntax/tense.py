"""The one reader of tense: what a verb's tag and auxiliaries say about when it happens.

Two readings of the same auxiliaries, from the one list of future auxiliaries
(``resources/en/words/future_auxiliaries.txt``):

- ``tense_aspect``: an event trigger's TimeML tense and aspect (the event attributes);
- ``clause_tense``: where in time a clause points (past, present, future, or prospective: ahead
  of a past moment), which resolves a bare "Friday" or "May" (the time expressions).

They answer different questions and stay two functions: a TimeML tense is the verb's own
("had planned" is PAST, PERFECTIVE), a clause's direction follows plans and infinitives up to
the verb that frames them ("planned to leave Thursday" points ahead of a past moment).
"""

from __future__ import annotations

from spacy.tokens import Token

from service.pipeline.lexicon.closed_class import load_closed_class

PAST, FUTURE, PRESENT = "past", "future", "present"
# A plan or prospect seen from the past ("planned to leave Friday", "would meet Friday"): the
# time may lie on either side of the document date, so the nearest one is taken.
PROSPECTIVE = "prospective"
FUTURE_AUXILIARIES = load_closed_class().future_auxiliaries
# Past forms of modals: "would meet Friday", "could be reached Wednesday" point ahead from a
# past moment, or describe it; either way the nearest day is meant.
_PAST_MODALS = frozenset({"would", "could", "might", "'d"})
# Verbs (and "due") whose infinitive is planned ahead: "plans to open on Friday".
FUTURE_HEADS = frozenset({"plan", "expect", "schedule", "set", "intend", "hope", "aim", "due"})
# Auxiliaries of the perfect ("has closed", "'d closed", "having closed").
_PERFECT = frozenset({"have", "has", "had", "'ve", "'d", "having"})
_TENSE_BY_TAG = {
    "VBD": "PAST",
    "VBZ": "PRESENT",
    "VBP": "PRESENT",
    "VBG": "PRESPART",
    "VBN": "PASTPART",
    "VB": "INFINITIVE",
}
_NONE = ("NONE", "NONE")


def auxiliaries_of(verb: Token) -> list[Token]:
    """The auxiliaries of ``verb`` (active and passive), in text order."""
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass")]


def tense_aspect(trigger: Token) -> tuple[str, str]:
    """The TimeML tense and aspect of an event trigger; ("NONE", "NONE") for a noun.

    trigger (Token): the event's head token.
    RETURNS (tuple[str, str]): tense (PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART or
        NONE) and aspect (PERFECTIVE, PROGRESSIVE, PERFECTIVE_PROGRESSIVE or NONE).
    """
    if trigger.pos_ not in ("VERB", "AUX"):
        return _NONE
    auxes = auxiliaries_of(trigger)
    perfect = any(a.lower_ in _PERFECT for a in auxes)
    progressive = trigger.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes)
    aspect = {
        (True, True): "PERFECTIVE_PROGRESSIVE",
        (True, False): "PERFECTIVE",
        (False, True): "PROGRESSIVE",
    }.get((perfect, progressive), "NONE")
    finite = auxes[0] if auxes else trigger
    if finite.lower_ in FUTURE_AUXILIARIES:
        return "FUTURE", aspect
    if finite.tag_ == "MD":
        return "NONE", aspect
    if finite.lower_ == "to" or finite.tag_ == "TO":
        return "INFINITIVE", aspect
    tense = _TENSE_BY_TAG.get(finite.tag_, "NONE")
    if auxes and tense in ("PASTPART", "PRESPART", "INFINITIVE"):
        tense = "NONE"
    return tense, aspect


def announces_future(head: Token) -> bool:
    """Whether ``head`` of a to-infinitive points ahead: "plans to", "is to", "going to"."""
    if head.lemma_ in FUTURE_HEADS:
        return True
    return (head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP")) or (
        head.lemma_ == "go" and head.tag_ == "VBG"
    )


def plan_tense(head: Token) -> str:
    """FUTURE for a plan stated now ("plans to", "is due to"), else PROSPECTIVE ("planned to")."""
    clause = head if head.pos_ in ("VERB", "AUX") or head.head.i == head.i else head.head
    return PROSPECTIVE if clause_tense(clause) in (PAST, PROSPECTIVE) else FUTURE


def clause_tense(verb: Token) -> str | None:
    """Tense of ``verb`` from its tag and auxiliaries; a bare infinitive takes its head's.

    A plan or prospect seen from the past ("planned to leave Thursday", "would meet Friday",
    "had been due to expire Friday") is PROSPECTIVE: its time may lie on either side of the
    document date, as is the to-infinitive of a past verb ("agreed to buy it in February").
    """
    infinitive = False
    for _ in range(6):
        auxiliaries = auxiliaries_of(verb)
        words = {child.lower_ for child in auxiliaries}
        tags = {child.tag_ for child in auxiliaries}
        if words & FUTURE_AUXILIARIES or verb.lower_ in FUTURE_AUXILIARIES:
            return FUTURE
        if "MD" in tags:
            if "have" in words:
                return PAST
            return PROSPECTIVE if words & _PAST_MODALS else FUTURE
        if verb.lemma_ in FUTURE_HEADS:
            if "VBD" in tags or verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not tags):
                return PROSPECTIVE
            if verb.tag_ in ("VBN", "VBZ", "VBP"):
                return FUTURE
        if (
            verb.tag_ == "VB"
            and "to" in words
            and verb.head.i != verb.i
            and announces_future(verb.head)
        ):
            return plan_tense(verb.head) if verb.head.lemma_ in FUTURE_HEADS else FUTURE
        if (
            "VBD" in tags
            or verb.tag_ == "VBD"
            or (
                verb.tag_ == "VBN"
                and tags & {"VBZ", "VBP"}
                and words & {"has", "have", "'ve", "'s"}
            )
        ):
            return PROSPECTIVE if infinitive else PAST
        if tags & {"VBZ", "VBP"} or verb.tag_ in ("VBZ", "VBP"):
            return PRESENT
        if verb.tag_ != "VB" or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        infinitive = infinitive or "to" in words
        verb = verb.head
    return None
