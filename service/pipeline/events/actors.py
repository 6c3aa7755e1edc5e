"""Participants of an event read off the dependency parse, their roles from a table of rules.

An argument's role is that of the first rule of ``resources/en/events/roles.tsv`` that fits it
(the event's part of speech, the dependency it hangs by, its preposition, and the named
``CONDITIONS``), and the actor records the rule (``Actor.rule``). Roles: agent (active subject,
"by" agent of a passive, speaker of a reporting verb, possessor of a nominal event, the parties
"between" whom a reciprocal event happens), patient (object, passive subject, "of" object of a
nominal event, "in" object of a change noun: "a rise in prices"), recipient (dative, "to" object
that is not a place), location (prepositional place), other (any other prepositional entity). The
subject of an intransitive change-of-state verb ("prices rose") is its patient. A verb without
its own subject takes the one it shares (``argument_syntax.subject_of``), except a participle
modifying a message ("a letter stating"; a rule with no role, "-", keeps an argument out). The
subject an infinitive or participle complement shares ("Jobs chose to step down", "began
selling") is its understood subject (``Actor.understood``): a participant that news annotation
marks on the governing verb, not as an argument of the complement. A relative pronoun subject
keeps its span and links the entity of the noun it stands for. A hyphenated word the tokenizer
split ("co-founder") is one participant; coordinated names are one actor each, coordinated
common nouns one phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from service.pipeline.events.argument_syntax import (
    antecedent,
    expletive,
    infinitive_subjects,
    later_conjuncts,
    passive,
    phrase_end,
    subject_of,
    understood_subject,
    word_end,
    word_pieces,
)
from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.confidence import load_confidence_tables
from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.lexicon.word_lists import RESOURCES, WordListError, read_table
from service.pipeline.records import Actor
from service.pipeline.vocabulary import ROLES, Role

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ACTOR_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
RECIPIENT_VERBS = frozenset({"tell", "inform", "brief", "notify", "assure", "remind"})
ROLE_RULES_PATH = RESOURCES / "events" / "roles.tsv"
_LOCATIVE = load_closed_class().locative_prepositions
_DEMONSTRATIVES = load_closed_class().pronouns_of("demonstrative")
_ANY = "*"
_NONE = "-"


@dataclass(frozen=True)
class RoleRule:
    """One row of the role table: the role of an argument that fits it (see roles.tsv)."""

    name: str
    event: str  # "verb", "noun" or "any"
    via: frozenset[str]  # dependency labels, or "subject"
    words: frozenset[str] | None  # prepositions; None: any
    conditions: tuple[str, ...]
    role: Role | None  # None: the argument is no actor

    def fits(self, event: str, via: str, word: str | None) -> bool:
        """Whether the rule is about such an argument (its conditions aside)."""
        return (
            self.event in ("any", event)
            and via in self.via
            and (self.words is None or word in self.words)
        )


@cache
def load_role_rules() -> tuple[RoleRule, ...]:
    """The role table, in order; a condition it names that ``CONDITIONS`` lacks stops loading."""
    rules = []
    for name, event, via, words, conditions, role in read_table(
        ROLE_RULES_PATH, fields=6, last_field_in=(*ROLES, _NONE)
    ):
        named = () if conditions == "-" else tuple(conditions.split())
        unknown = [c for c in named if c not in CONDITIONS]
        if unknown or event not in ("verb", "noun", "any"):
            raise WordListError(ROLE_RULES_PATH, 0, f"rule {name!r}: unknown {unknown or event}")
        chosen = None if words == _ANY else frozenset(words.split())
        chosen_role = None if role == _NONE else role
        rules.append(RoleRule(name, event, frozenset(via.split()), chosen, named, chosen_role))  # type: ignore[arg-type]
    return tuple(rules)


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
        actors: dict[tuple[int, str], Actor] = {}
        for found_token, via, rule in self._roles(trigger):
            if rule.role is None:
                continue
            token = self._named_part(word_end(found_token))
            if not self._participant(token) or self._paragraph_break(token, trigger):
                continue
            understood = via == "subject" and understood_subject(trigger, found_token)
            for head, last in self._members(token):
                actor = self._actor(head, rule, last, understood)
                actors.setdefault((actor.start, rule.role), actor)
        return tuple(sorted(actors.values(), key=lambda a: a.start))

    def _members(self, token: Token) -> list[tuple[Token, Token]]:
        """The actors a coordination stands for, as (head, last conjunct): each conjunct when one
        is a name or pronoun ("Apple and Samsung"), so each links to its entity; else one phrase
        ("its name and logo", "video and sound"), as news annotation marks such a participant."""
        members = (token, *later_conjuncts(token))
        if len(members) > 1 and not any(self._named(m) for m in members):
            return [(token, members[-1])]
        return [(member, member) for member in members]

    def _named_part(self, token: Token) -> Token:
        """For a head the parser put inside a time expression ("Apple Computer today"), the
        name it swallowed; else the token itself."""
        if not self.blocked[token.i]:
            return token
        names = [c for c in token.lefts if c.dep_ == "compound" and not self.blocked[c.i]]
        return names[-1] if names else token

    def _participant(self, token: Token) -> bool:
        """Whether an argument can be an actor: a name, noun or pronoun that is not an event, a
        time, or a relative pronoun standing for a time, and names an entity (:meth:`_entity`)."""
        if self.blocked[token.i] or token.i in self.triggers:
            return False
        noun = antecedent(token)
        if noun is not None and self.blocked[noun.i]:
            return False  # "the last quarter, which ended"
        if self.entity_of[token.i] is not None:
            return True
        return token.pos_ in ACTOR_POS and self._entity(token)

    def _entity(self, token: Token) -> bool:
        """Whether an argument outside every entity mention still names an entity: not a
        demonstrative standing alone ("This imperils the plan"), nor a common noun that names an
        event ("won the contest", unless it also names an entity: "its profits") or no entity at
        all ("drew attention", "the third time")."""
        if token.lower_ in _DEMONSTRATIVES and token.tag_ == "DT":
            return False
        if token.pos_ != "NOUN":
            return True
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.abstract_nouns:
            return False
        return lemma not in self.lexicon.nominal_events or lemma in self.lexicon.entity_nouns

    def _roles(self, trigger: Token) -> Iterator[tuple[Token, str, RoleRule]]:
        """The trigger's arguments, how each hangs from it, and the first rule of the role table
        that fits each."""
        event = "verb" if trigger.pos_ in ("VERB", "AUX") else "noun"
        rules = load_role_rules()
        for argument, via, word in self._arguments(trigger, event):
            for rule in rules:
                if rule.fits(event, via, word) and all(
                    CONDITIONS[c](self, trigger, argument, word) for c in rule.conditions
                ):
                    yield argument, via, rule
                    break

    def _arguments(self, trigger: Token, event: str) -> Iterator[tuple[Token, str, str | None]]:
        """(argument, dependency it hangs by, its preposition) in text order, the subject first."""
        if event == "verb":
            subject = subject_of(trigger, self.triggers)
            if subject is not None and not expletive(subject, trigger):
                yield subject, "subject", None
        for child in trigger.children:
            if child.dep_ in ("agent", "prep"):
                word = child.lower_
                yield from ((p, child.dep_, word) for p in child.children if p.dep_ == "pobj")
            elif child.dep_ in ("ccomp", "xcomp") and event == "verb":
                yield from ((s, child.dep_, None) for s in infinitive_subjects(child))
            else:
                yield child, child.dep_, None

    def _undergoer_subject(self, verb: Token, argument: Token, word: str | None) -> bool:
        """Whether the subject undergoes the event: by voice ("was released") or by the verb's
        meaning, a verb about its subject ("the program costs $99") or an intransitive
        change-of-state verb ("prices rose")."""
        if passive(verb):
            return True
        lemma = verb.lemma_.lower()
        if lemma in self.lexicon.theme_subject_verbs:
            return True
        return lemma in self.lexicon.unaccusative_verbs and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children
        )

    def _undergoer_noun(self, noun: Token, argument: Token, word: str | None) -> bool:
        """Whether a noun's possessor undergoes it: "its launch", "the phone's debut", without an
        "of" object (what is launched, not who launches)."""
        return noun.lemma_.lower() in self.lexicon.undergoer_nouns and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
        )

    def _message_participle(self, verb: Token, argument: Token, word: str | None) -> bool:
        """Whether a present participle modifies a message that it takes as subject ("a letter
        stating ...", "a recording telling callers ..."): the message only carries what its
        author says."""
        return (
            verb.tag_ == "VBG"
            and verb.dep_ == "acl"
            and verb.head == argument
            and argument.lemma_.lower() in self.lexicon.message_nouns
        )

    def _change_noun(self, noun: Token, argument: Token, word: str | None) -> bool:
        """Whether a noun names a change, whose "in" object changes: "a rise in prices"."""
        return noun.lemma_.lower() in self.lexicon.unaccusative_verbs

    def _named(self, token: Token) -> bool:
        return token.pos_ in ("PROPN", "PRON") or self.entity_of[token.i] is not None

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

    def _actor(self, head: Token, rule: RoleRule, last: Token, understood: bool) -> Actor:
        """The actor headed by ``head``, its span running to the end of ``last`` (the last
        conjunct of a coordination it stands for, else ``head`` itself); ``understood``: it is
        the event's understood subject, not one written for it."""
        entity = self.entity_of[head.i]
        if entity is None and head.lemma_.lower() in self.lexicon.member_nouns:
            entity = self._whole_of(head)
        noun = antecedent(head)
        if entity is None and noun is not None:
            entity = self.entity_of[noun.i]
        final = self.doc[phrase_end(last) - 1]
        start_char, end_char = self.doc[self._start(head)].idx, final.idx + len(final)
        text = self.text[start_char:end_char]
        confidence = load_confidence_tables().roles(rule.name)
        return Actor(
            entity, text, start_char, end_char, rule.role, rule.name, confidence, understood
        )

    def _start(self, head: Token) -> int:
        """Where an actor's phrase starts (token index): at the head's leftmost dependent (of any
        piece of a hyphenated word), after leading punctuation and any heading before a blank
        line."""
        start = min(t.left_edge.i for t in word_pieces(head))
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


Condition = Callable[[ActorFinder, Token, Token, str | None], bool]
CONDITIONS: dict[str, Condition] = {
    "message_participle": ActorFinder._message_participle,
    "undergoer_subject": ActorFinder._undergoer_subject,
    "recipient_verb": lambda _, verb, arg, word: verb.lemma_ in RECIPIENT_VERBS,
    "no_object": lambda _, verb, arg, word: not any(c.dep_ == "dobj" for c in verb.children),
    "undergoer_noun": ActorFinder._undergoer_noun,
    "by_agentive": lambda _, event, arg, word: event.pos_ not in ("VERB", "AUX") or passive(event),
    "change_noun": ActorFinder._change_noun,
    "named": lambda finder, event, arg, word: finder.entity_of[arg.i] is not None,
    "place": lambda finder, event, arg, word: finder._is_place(arg),
    "not_place": lambda finder, event, arg, word: not finder._is_place(arg),
    "locative": lambda _, event, arg, word: word in _LOCATIVE,
    "animate": lambda finder, event, arg, word: finder._is_animate(arg),
}
"""What a role rule may require, by name: (finder, trigger, argument, preposition) -> holds."""
