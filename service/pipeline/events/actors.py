"""Participants of an event read off the dependency parse.

Roles: agent (active subject, "by" agent of a passive, speaker of a reporting verb, possessor of a
nominal event, the parties "between" whom a reciprocal event happens), patient (object, passive
subject, "of" object of a nominal event, "in" object of a change noun: "a rise in prices"),
recipient (dative, "to" object that is not a place), location (prepositional place), other (any
other prepositional entity). The subject of an intransitive change-of-state verb ("prices rose")
is its patient. A verb without its own subject takes the one it shares (see ``_subject``); a
relative pronoun subject keeps its span and links the entity of the noun it stands for. A
hyphenated word the tokenizer split ("co-founder") is one participant; coordinated names are one
actor each, coordinated common nouns one phrase.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.records import Actor

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ACTOR_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
RELATIVE_PRONOUNS = load_closed_class().relative_pronouns
RECIPIENT_VERBS = frozenset({"tell", "inform", "brief", "notify", "assure", "remind"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_INHERIT = frozenset({"xcomp", "conj", "acomp"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_MAX_CLIMB = 8
_LOCATIVE = load_closed_class().locative_prepositions
_NOMINAL_PATIENT_PREPS = frozenset({"of", "against", "on", "over", "for"})
_CHANGE_PATIENT_PREPS = _NOMINAL_PATIENT_PREPS | {"in"}
# Prepositions whose gerund the governing verb's object does ("barred Apple from selling",
# "accused him of lying"); after others ("by", "after", "in") the subject does.
_OBJECT_CONTROL_PREPS = frozenset({"from", "into", "of", "for", "with"})
_DOUBLE_QUOTES = frozenset({'"', "`", "``", "''", "\u201c", "\u201d", "\u201e"})


class ActorFinder:
    """Finds the actors of event triggers in one document.

    doc (Doc): the parsed document.
    entity_of (Sequence[str | None]): for each token, the id of the entity mention it is in.
    entity_type (dict[str, str]): entity id -> entity type.
    blocked (Sequence[bool]): for each token, whether it belongs to a time expression.
    triggers (set[int]): token indices of the document's event triggers; an argument that is
        itself an event ("filed a lawsuit") is not an actor.
    text (str): ``doc.text``, which actor texts are cut from.
    """

    def __init__(
        self,
        doc: Doc,
        entity_of: Sequence[str | None],
        entity_type: dict[str, str],
        blocked: Sequence[bool],
        triggers: set[int],
        text: str,
    ) -> None:
        self.doc = doc
        self.entity_of = entity_of
        self.entity_type = entity_type
        self.blocked = blocked
        self.triggers = triggers
        self.lexicon = load_lexicon()
        self.text = text

    def __call__(self, trigger: Token) -> tuple[Actor, ...]:
        """Return the actors of one trigger, in text order.

        trigger (Token): the event's head token.
        RETURNS (tuple[Actor, ...]): its participants with their roles.
        """
        found = self._verbal(trigger) if trigger.pos_ in ("VERB", "AUX") else self._nominal(trigger)
        actors: dict[tuple[int, str], Actor] = {}
        for found_token, role in found:
            token = self._named_part(_word_end(found_token))
            if not self._participant(token) or self._paragraph_break(token, trigger):
                continue
            for head, last in self._members(token):
                actor = self._actor(head, role, last)
                actors.setdefault((actor.start, role), actor)
        return tuple(sorted(actors.values(), key=lambda a: a.start))

    def _members(self, token: Token) -> list[tuple[Token, Token]]:
        """The actors a coordination stands for, as (head, last conjunct): each conjunct when one
        is a name or pronoun ("Apple and Samsung"), so each links to its entity; else one phrase
        ("its name and logo", "video and sound"), as news annotation marks such a participant."""
        members = (token, *_conjuncts(token))
        if len(members) > 1 and not any(self._named(m) for m in members):
            return [(token, members[-1])]
        return [(member, member) for member in members]

    def _named(self, token: Token) -> bool:
        return token.pos_ in ("PROPN", "PRON") or self.entity_of[token.i] is not None

    def _named_part(self, token: Token) -> Token:
        """For a head the parser put inside a time expression ("Apple Computer today"), the
        name it swallowed; else the token itself."""
        if not self.blocked[token.i]:
            return token
        names = [c for c in token.lefts if c.dep_ == "compound" and not self.blocked[c.i]]
        return names[-1] if names else token

    def _participant(self, token: Token) -> bool:
        """Whether an argument can be an actor: a name, noun or pronoun that is not an event, a
        time, or a relative pronoun standing for a time."""
        if self.blocked[token.i] or token.i in self.triggers:
            return False
        antecedent = _antecedent(token)
        if antecedent is not None and self.blocked[antecedent.i]:
            return False  # "the last quarter, which ended"
        return token.pos_ in ACTOR_POS or self.entity_of[token.i] is not None

    def _verbal(self, verb: Token) -> Iterator[tuple[Token, str]]:
        subject = _subject(verb, self.triggers)
        if subject is not None and not _expletive(subject, verb):
            undergoer = _passive(verb) or self._undergoer_subject(verb)
            yield subject, "patient" if undergoer else "agent"
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
                yield from self._prepositional(child, frozenset())
            elif dep in ("ccomp", "xcomp") and not any(c.dep_ == "dobj" for c in verb.children):
                yield from ((s, "patient") for s in _infinitive_subjects(child))

    def _undergoer_subject(self, verb: Token) -> bool:
        """Whether the subject undergoes the event by the verb's meaning: a verb about its subject
        ("the program costs $99") or an intransitive change-of-state verb ("prices rose")."""
        lemma = verb.lemma_.lower()
        if lemma in self.lexicon.theme_subject_verbs:
            return True
        return lemma in self.lexicon.unaccusative_verbs and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children
        )

    def _nominal(self, noun: Token) -> Iterator[tuple[Token, str]]:
        # "its launch", "the phone's debut": without an "of" object, the possessor of a noun
        # whose subject undergoes the event is what is launched, not who launches.
        lemma = noun.lemma_.lower()
        undergoer = lemma in self.lexicon.undergoer_nouns and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
        )
        # what a change noun changes follows "in": "a rise in prices"
        patient_preps = (
            _CHANGE_PATIENT_PREPS
            if lemma in self.lexicon.unaccusative_verbs
            else _NOMINAL_PATIENT_PREPS
        )
        for child in noun.children:
            dep = child.dep_
            if dep == "poss" or (dep == "compound" and self.entity_of[child.i] is not None):
                yield child, "patient" if undergoer else "agent"
            elif dep == "prep":
                yield from self._prepositional(child, patient_preps)

    def _prepositional(
        self, prep: Token, patient_preps: frozenset[str]
    ) -> Iterator[tuple[Token, str]]:
        word = prep.lower_
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if self._is_place(obj) and word in _LOCATIVE:
                yield obj, "location"
            elif word == "by" or (word == "between" and not self._is_place(obj)):
                yield obj, "agent"  # "talks between A and B": both parties act
            elif word in patient_preps:
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

    def _actor(self, head: Token, role: str, last: Token) -> Actor:
        """The actor headed by ``head``, its span running to the end of ``last`` (the last
        conjunct of a coordination it stands for, else ``head`` itself)."""
        entity = self.entity_of[head.i]
        if entity is None and head.lemma_.lower() in self.lexicon.member_nouns:
            entity = self._whole_of(head)
        antecedent = _antecedent(head)
        if entity is None and antecedent is not None:
            entity = self.entity_of[antecedent.i]
        final = self.doc[_phrase_end(last) - 1]
        start_char, end_char = self.doc[self._start(head)].idx, final.idx + len(final)
        return Actor(entity, self.text[start_char:end_char], start_char, end_char, role)

    def _start(self, head: Token) -> int:
        """Where an actor's phrase starts (token index): at the head's leftmost dependent (of any
        piece of a hyphenated word), after leading punctuation and any heading before a blank
        line."""
        start = min(t.left_edge.i for t in _pieces(head))
        while start < head.i and (self.doc[start].is_punct or "\n" in self.doc[start].text):
            start += 1
        cut = self.text.rfind("\n\n", self.doc[start].idx, head.idx)
        while start < head.i and self.doc[start].idx <= cut:
            start += 1
        return start

    def _paragraph_break(self, first: Token, second: Token) -> bool:
        """Whether a blank line separates two tokens (a heading parsed into the next sentence)."""
        low, high = sorted((first.idx, second.idx))
        return "\n\n" in self.text[low:high]

    def _whole_of(self, part: Token) -> str | None:
        """The entity a part names ("members of the coalition" -> the coalition)."""
        for prep in part.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                named = (self.entity_of[t.i] for t in prep.subtree)
                return next((e for e in named if e is not None), None)
        return None


def _subject(verb: Token, triggers: set[int]) -> Token | None:
    """The verb's own subject, else the one it shares with what it depends on.

    Shared: the controller of an infinitive, also after an adjective ("are able to set"), or of
    a gerund after a preposition (the governing verb's object if it has one: "forced Apple to
    lower", "barred Apple from using"), or of an adverbial participle ("while introducing the
    phone, Jobs ..."), the first conjunct's subject, the noun a participle modifies ("the
    recently announced iPhone"), and the subject of the verb governing an event noun an active
    infinitive complements ("Apple has plans to import", "executives are in talks to buy").
    Nothing is shared into or out of a quotation ("saying, 'Stop me'").
    """
    subject = _climb_to_subject(verb, triggers)
    if subject is None or subject.head == verb:  # none, or its own
        return subject
    return None if _crosses_quotation(verb, subject) else subject


def _climb_to_subject(verb: Token, triggers: set[int]) -> Token | None:
    """The verb's own subject, else the one it shares, climbing the parse (see ``_subject``)."""
    for _ in range(_MAX_CLIMB):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        head = verb.head
        if head == verb:
            return None
        if verb.dep_ == "acl" and head.i in triggers and head.head != head and _to_infinitive(verb):
            verb = head.head.head if head.head.dep_ == "prep" else head.head  # "are in talks to"
        elif verb.dep_ in ("acl", "relcl", "amod") and head.pos_ in _NOMINAL:
            return head
        elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX"):
            controller = _object(head.head) if head.lower_ in _OBJECT_CONTROL_PREPS else None
            if controller is not None:
                return controller
            verb = head.head
        elif verb.dep_ == "xcomp" and (controller := _object(head)) is not None:
            return controller
        elif verb.dep_ in _INHERIT or _adverbial_participle(verb):
            verb = head
        else:
            return None
    return None


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one its clause modifies, else the word before
    it ("the quarter, which ended" with the clause misattached); None for other tokens."""
    if pronoun.lower_ not in RELATIVE_PRONOUNS or pronoun.tag_ not in ("WDT", "WP"):
        return None
    if pronoun.head.dep_ == "relcl":
        return pronoun.head.head
    before = [t for t in pronoun.doc[max(pronoun.i - 3, 0) : pronoun.i] if not t.is_punct]
    return before[-1] if before else None


def _expletive(subject: Token, verb: Token) -> bool:
    """Whether a subject is an expletive "it" before a clause ("it is expected that ...")."""
    return (
        subject.lower_ == "it" and _passive(verb) and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _object(verb: Token) -> Token | None:
    """A verb's direct object, if a noun or pronoun."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.pos_ in _NOMINAL and not _inside_word(c)
        ),
        None,
    )


def _phrase_end(head: Token) -> int:
    """Where a participant's phrase ends: after its head, names, numbers, appositions and "of"
    complements ("members of the coalition"), not its other modifiers (token index, exclusive)."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "appos") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            end = child.right_edge.i + 1
    return end


def _adverbial_participle(verb: Token) -> bool:
    """Whether a verb heads an adverbial participle clause ("while introducing the phone", "as
    stated"), not a passive infinitive ("..., to be released in May")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBG", "VBN")
        and all(c.tag_ != "TO" for c in verb.children)
    )


def _to_infinitive(verb: Token) -> bool:
    """Whether a verb is an active "to" infinitive ("plans to import", not "to be released")."""
    children = list(verb.children)
    return any(c.tag_ == "TO" for c in children) and all(c.dep_ != "auxpass" for c in children)


def _passive(verb: Token) -> bool:
    """Whether a verb's subject undergoes it by voice: a passive ("was released"), a participle
    with a "by" agent (headlines), a bare participle sharing its subject ("territory held by
    ISIS", "as stated", "got fired") or a conjunct sharing a passive's subject and auxiliary ("is
    made and marketed")."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"auxpass", "nsubjpass"} or ("agent" in deps and verb.tag_ == "VBN"):
        return True
    if deps & (_SUBJECTS | {"aux", "dobj"}):
        return False
    if verb.dep_ in ("acl", "amod", "advcl", "xcomp"):
        return verb.tag_ == "VBN"
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and _passive(verb.head)


def _crosses_quotation(first: Token, second: Token) -> bool:
    """Whether one of two tokens is quoted and the other not: an odd number of double quotation
    marks lies between them (single ones are apostrophes too often; "``" may be two tokens)."""
    low, high = sorted((first.i, second.i))
    marks, previous = 0, False
    for token in first.doc[low + 1 : high]:
        quote = token.text in _DOUBLE_QUOTES
        marks += quote and not previous
        previous = quote
    return marks % 2 == 1


def _inside_word(token: Token) -> bool:
    """Whether a token is a piece of a hyphenated word before its last piece ("co" and "-" of
    "co-founder", which the parser attaches like the last piece)."""
    doc = token.doc
    if token.whitespace_ or token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    if token.text == "-":
        return True
    return following.text == "-" and not following.whitespace_ and following.i + 1 < len(doc)


def _word_end(token: Token) -> Token:
    """The last piece of the hyphenated word a token is in (the token itself if none)."""
    while _inside_word(token):
        token = token.nbor()
    return token


def _pieces(last: Token) -> list[Token]:
    """The pieces of the hyphenated word ending at ``last``, first to last."""
    pieces = [last]
    while pieces[0].i > 0 and _inside_word(pieces[0].nbor(-1)):
        pieces.insert(0, pieces[0].nbor(-1))
    return pieces


def _infinitive_subjects(clause: Token) -> Iterator[Token]:
    """The subject of a "to" infinitive complement ("allow developers to sell"): the object of
    the verb that governs it."""
    if any(c.tag_ == "TO" for c in clause.children):
        yield from (c for c in clause.children if c.dep_ == "nsubj")


def _conjuncts(token: Token) -> tuple[Token, ...]:
    return tuple(t for t in token.conjuncts if t.i > token.i and not _inside_word(t))
