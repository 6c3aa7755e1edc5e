"""A short description of an event read off the parse: who did what to whom, and where.

"The FAA closes 149 control towers in Texas" gives "The FAA closes 149 control towers in
Texas"; "No one was injured" keeps its negation, "may resign" its modal. Each argument is
shortened to its core noun phrase (determiner, possessor, modifiers, compound names, and an "of"
phrase: "Key members of the coalition"), so a long subject does not swallow the description. A
noun event is described by its own phrase ("Tuesday's summit", "the campaign against ISIS").
The words keep their order in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from service.pipeline.events.argument_syntax import members_of
from service.pipeline.records import Actor

# The words of a verb group: auxiliaries, modals, negation, particles ("has not given up").
_VERB_GROUP = frozenset({"aux", "auxpass", "neg", "prt"})
# Left dependents that belong to a noun's core phrase.
_CORE_LEFT = frozenset({"det", "poss", "case", "compound", "amod", "nummod", "nmod", "neg"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})
# Prepositions whose object a noun event or a noun phrase keeps in its core ("the campaign
# against ISIS", "members of the coalition").
_CORE_PREPOSITIONS = frozenset({"of", "against"})
# Roles of actors that a description names after the verb, with their preposition.
_PLACED_ROLES = frozenset({"location", "recipient"})
MAX_WORDS = 16


def describe(
    trigger: Token, actors: Sequence[Actor], front_matter: tuple[int, int] = (0, 0)
) -> str:
    """Return a short description of the event whose head is ``trigger``.

    trigger (Token): the event's head token.
    actors (Sequence[Actor]): the event's actors (their locations and recipients are named).
    front_matter (tuple[int, int]): (start, end) offsets of a dateline's front matter, of
        which nothing is named. Defaults to none.
    RETURNS (str): the description, words in text order.
    """
    if trigger.pos_ not in ("VERB", "AUX"):
        words = _core(trigger, depth=2)
    else:
        words = [trigger, *(c for c in trigger.children if c.dep_ in _VERB_GROUP)]
        words.extend(_nor(trigger))
        subjects = [c for c in trigger.children if c.dep_ in _SUBJECTS]
        if not subjects and trigger.dep_ == "acl":  # "the leaders (from 15 countries) attending"
            subjects = [members_of(trigger.head) or trigger.head]
        elif not subjects:
            subjects = [_token(trigger, a) for a in actors if a.start < trigger.idx][:1]
        for subject in subjects:
            words.extend(_core(subject, depth=1))
        for child in trigger.children:
            if child.dep_ in _OBJECTS:
                words.extend(_core(child, depth=2))
        words.extend(_placed(trigger, actors))
    start, end = front_matter
    return _render(w for w in words if not start <= w.idx < end)


def _nor(trigger: Token) -> list[Token]:
    """The "nor" that negates a verb ("nor will we pay"): before it, the parser hangs it on the
    verb or on the first conjunct."""
    holders = [trigger, trigger.head] if trigger.dep_ == "conj" else [trigger]
    return [
        c
        for holder in holders
        for c in holder.children
        if c.dep_ == "cc"
        and c.lower_ == "nor"
        and c.i < trigger.i
        and (c.i > holder.i) == (holder != trigger)
    ]


def _token(trigger: Token, actor: Actor) -> Token:
    """The head token of an actor's span."""
    span = trigger.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None else trigger


def _core(head: Token, depth: int) -> list[Token]:
    """The core phrase of a noun: its close left dependents and, ``depth`` levels down, an "of"
    or "against" phrase."""
    words = [head]
    for child in head.lefts:
        if child.dep_ in _CORE_LEFT:
            words.extend(c for c in child.subtree if not c.is_punct)
    # a number that ends a name ("the FTSE 100", "the Boeing 777")
    words.extend(c for c in head.rights if c.dep_ == "nummod" and c.i == head.i + 1)
    if depth > 0:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _CORE_PREPOSITIONS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    words.append(child)
                    words.extend(_core(objects[0], depth - 1))
    return words


def _placed(trigger: Token, actors: Sequence[Actor]) -> Iterable[Token]:
    """The prepositional phrases of the trigger's places and recipients ("in Copenhagen")."""
    doc = trigger.doc
    for actor in actors:
        if actor.role not in _PLACED_ROLES:
            continue
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if head.dep_ == "pobj" and head.head.head == trigger:
            yield head.head
        yield from _core(head, depth=0)


def _infix(token: Token) -> bool:
    """Whether punctuation sits inside a word ("US-led"), not between words."""
    doc = token.doc
    return (
        not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and not doc[token.i - 1].is_punct
        and token.i + 1 < len(doc)
    )


def _render(words: Iterable[Token]) -> str:
    """The words in text order, spaced as in the text, cut to ``MAX_WORDS``."""
    kept = {w.i: w for w in words if not w.is_punct}
    doc = next(iter(kept.values())).doc
    kept.update({i + 1: doc[i + 1] for i in list(kept) if i + 2 in kept and _infix(doc[i + 1])})
    ordered = sorted(kept.values())
    ordered = ordered[:MAX_WORDS]
    parts = []
    for token, following in zip(ordered, [*ordered[1:], None], strict=True):
        joined = following is not None and following.i == token.i + 1
        parts.append(token.text_with_ws if joined else token.text + " ")
    return "".join(parts).strip()
