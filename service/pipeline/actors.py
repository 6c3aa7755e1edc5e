"""Participants of an event read off the dependency parse.

Roles: agent (active subject, "by" agent of a passive, speaker of a reporting verb, possessor of a
nominal event, the parties "between" whom a reciprocal event happens), patient (object, passive
subject, "of" object of a nominal event), recipient (dative, "to" object that is not a place),
location (prepositional place), other (any other prepositional entity). The subject of an
intransitive change-of-state verb ("prices rose") is its patient. A verb without its own subject
takes the one it shares (see ``_subject``); a relative pronoun subject keeps its span and links
the entity of the noun it stands for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from service.pipeline.event_lexicon import load_lexicon
from service.pipeline.records import Actor

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ACTOR_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
RECIPIENT_VERBS = frozenset({"tell", "inform", "brief", "notify", "assure", "remind"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_INHERIT = frozenset({"xcomp", "conj"})
_MAX_CLIMB = 8
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "into", "to", "from"})
_NOMINAL_PATIENT_PREPS = frozenset({"of", "against", "on", "over", "for"})


class ActorFinder:
    """Finds the actors of event triggers in one document.

    doc (Doc): the parsed document.
    entity_of (Sequence[str | None]): for each token, the id of the entity mention it is in.
    entity_type (dict[str, str]): entity id -> entity type.
    blocked (Sequence[bool]): for each token, whether it belongs to a time expression.
    triggers (set[int]): token indices of the document's event triggers; an argument that is
        itself an event ("filed a lawsuit") is not an actor.
    """

    def __init__(
        self,
        doc: Doc,
        entity_of: Sequence[str | None],
        entity_type: dict[str, str],
        blocked: Sequence[bool],
        triggers: set[int],
    ) -> None:
        self.doc = doc
        self.entity_of = entity_of
        self.entity_type = entity_type
        self.blocked = blocked
        self.triggers = triggers
        self.lexicon = load_lexicon()

    def __call__(self, trigger: Token) -> tuple[Actor, ...]:
        """Return the actors of one trigger, in text order.

        trigger (Token): the event's head token.
        RETURNS (tuple[Actor, ...]): its participants with their roles.
        """
        found = self._verbal(trigger) if trigger.pos_ in ("VERB", "AUX") else self._nominal(trigger)
        actors: dict[tuple[int, str], Actor] = {}
        for found_token, role in found:
            token = self._named_part(found_token)
            if not self._participant(token) or _paragraph_break(token, trigger):
                continue
            for member in (token, *_conjuncts(token)):
                actor = self._actor(member, role)
                actors.setdefault((actor.start, role), actor)
        return tuple(sorted(actors.values(), key=lambda a: a.start))

    def _named_part(self, token: Token) -> Token:
        """For a head the parser put inside a time expression ("Apple Computer today"), the
        name it swallowed; else the token itself."""
        if not self.blocked[token.i]:
            return token
        names = [c for c in token.lefts if c.dep_ == "compound" and not self.blocked[c.i]]
        return names[-1] if names else token

    def _participant(self, token: Token) -> bool:
        """Whether an argument can be an actor: a name, noun or pronoun that is not an event."""
        if self.blocked[token.i] or token.i in self.triggers:
            return False
        return token.pos_ in ACTOR_POS or self.entity_of[token.i] is not None

    def _verbal(self, verb: Token) -> Iterator[tuple[Token, str]]:
        # A participle with a "by" agent is passive even without its auxiliary (headlines).
        passive = any(
            c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "agent" and verb.tag_ == "VBN")
            for c in verb.children
        )
        subject = _subject(verb, self.triggers)
        if subject is not None:
            yield subject, "patient" if passive or self._undergoer_subject(verb) else "agent"
        for child in verb.children:
            dep = child.dep_
            if dep == "agent":
                yield from ((p, "agent") for p in child.children if p.dep_ == "pobj")
            elif dep == "dobj":
                recipient = verb.lemma_ in RECIPIENT_VERBS
                yield child, "recipient" if recipient else "patient"
            elif dep == "dative":
                yield child, "recipient"
            elif dep == "prep":
                yield from self._prepositional(child, nominal=False)
            elif dep in ("ccomp", "xcomp") and not any(c.dep_ == "dobj" for c in verb.children):
                yield from ((s, "patient") for s in _infinitive_subjects(child))

    def _undergoer_subject(self, verb: Token) -> bool:
        """Whether the subject undergoes the event: a modified participle ("territory held by
        ISIS"), a verb about its subject ("the program costs $99") or an intransitive
        change-of-state verb ("prices rose")."""
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return True
        lemma = verb.lemma_.lower()
        if lemma in self.lexicon.theme_subject_verbs:
            return True
        return lemma in self.lexicon.unaccusative_verbs and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children
        )

    def _nominal(self, noun: Token) -> Iterator[tuple[Token, str]]:
        # "its launch", "the phone's debut": without an "of" object, the possessor of a noun
        # whose subject undergoes the event is what is launched, not who launches.
        undergoer = noun.lemma_.lower() in self.lexicon.undergoer_nouns and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
        )
        for child in noun.children:
            dep = child.dep_
            if dep == "poss" or (dep == "compound" and self.entity_of[child.i] is not None):
                yield child, "patient" if undergoer else "agent"
            elif dep == "prep":
                yield from self._prepositional(child, nominal=True)

    def _prepositional(self, prep: Token, *, nominal: bool) -> Iterator[tuple[Token, str]]:
        word = prep.lower_
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if self._is_place(obj) and word in _LOCATIVE:
                yield obj, "location"
            elif word == "by" or (word == "between" and not self._is_place(obj)):
                yield obj, "agent"  # "talks between A and B": both parties act
            elif nominal and word in _NOMINAL_PATIENT_PREPS:
                yield obj, "patient"
            elif word == "to" and self._is_animate(obj):
                yield obj, "recipient"
            elif self.entity_of[obj.i] is not None:
                yield obj, "other"

    def _is_place(self, token: Token) -> bool:
        entity = self.entity_of[token.i]
        if entity is not None:
            return self.entity_type[entity] in PLACE_TYPES
        return token.text in self.lexicon.places

    def _is_animate(self, token: Token) -> bool:
        entity = self.entity_of[token.i]
        if entity is not None:
            return self.entity_type[entity] in ("PERSON", "ORG", "NORP", "GPE")
        return token.pos_ == "PRON"

    def _actor(self, head: Token, role: str) -> Actor:
        entity = self.entity_of[head.i]
        start, end = head.left_edge.i, head.i + 1
        for child in head.rights:
            if child.dep_ in ("compound", "flat", "nummod", "appos") or (
                child.dep_ == "prep" and child.lower_ == "of"
            ):
                end = child.right_edge.i + 1
        if entity is None and head.lemma_.lower() in self.lexicon.member_nouns:
            entity = self._whole_of(head)
        if entity is None and head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            entity = self.entity_of[head.head.head.i]
        while start < head.i and (self.doc[start].is_punct or "\n" in self.doc[start].text):
            start += 1
        breaks = [t.i for t in self.doc[start : head.i] if "\n\n" in t.text]
        if breaks:
            start = breaks[-1] + 1
        span = self.doc[start:end]
        return Actor(entity, span.text, span.start_char, span.end_char, role)

    def _whole_of(self, part: Token) -> str | None:
        """The entity a part names ("members of the coalition" -> the coalition)."""
        for prep in part.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                named = (self.entity_of[t.i] for t in prep.subtree)
                return next((e for e in named if e is not None), None)
        return None


def _subject(verb: Token, triggers: set[int]) -> Token | None:
    """The verb's own subject, else the one it shares with what it depends on.

    Shared: the controller of an infinitive or of an adverbial participle ("while introducing
    the phone, Jobs ..."), the first conjunct's subject, the noun a participle modifies, and the
    subject of the verb governing an event noun the verb complements ("Apple has plans to
    import").
    """
    for _ in range(_MAX_CLIMB):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        head = verb.head
        if verb.dep_ == "acl" and head.i in triggers and head.head != head:
            verb = head.head
        elif verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head
        elif verb.dep_ in _INHERIT or (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN")):
            if head == verb:
                return None
            verb = head
        else:
            return None
    return None


def _infinitive_subjects(clause: Token) -> Iterator[Token]:
    """The subject of a "to" infinitive complement ("allow developers to sell"): the object of
    the verb that governs it."""
    if any(c.tag_ == "TO" for c in clause.children):
        yield from (c for c in clause.children if c.dep_ == "nsubj")


def _paragraph_break(first: Token, second: Token) -> bool:
    """Whether a blank line separates two tokens (a heading parsed into the next sentence)."""
    low, high = sorted((first.i, second.i))
    return "\n\n" in first.doc[low:high].text_with_ws  # not doc.text: that rebuilds the whole text


def _conjuncts(token: Token) -> tuple[Token, ...]:
    return tuple(t for t in token.conjuncts if t.i > token.i)
