"""Where an event's arguments sit in the parse: subjects (own or shared), objects, voice,
relative pronouns, quotations and the pieces of hyphenated words, as the actor stage reads them.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.events import load_lexicon

RELATIVE_PRONOUNS = load_closed_class().relative_pronouns
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_INHERIT = frozenset({"xcomp", "conj", "acomp"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_MAX_CLIMB = 8
# Prepositions whose gerund the governing verb's object does ("barred Apple from selling",
# "accused him of lying"); after others ("by", "after", "in") the subject does.
_OBJECT_CONTROL_PREPS = frozenset({"from", "into", "of", "for", "with"})
_DOUBLE_QUOTES = frozenset({'"', "`", "``", "''", "\u201c", "\u201d", "\u201e"})


def subject_of(verb: Token, triggers: set[int]) -> Token | None:
    """The verb's own subject, else the one it shares with what it depends on.

    Shared: the controller of an infinitive, also after an adjective ("are able to set"), or of
    a gerund after a preposition (the governing verb's object if it has one: "forced Apple to
    lower", "barred Apple from using"), or of an adverbial participle ("while introducing the
    phone, Jobs ..."), the first conjunct's subject, the noun a participle modifies ("the
    recently announced iPhone"; the members, when it is their group: "the leaders from 15
    countries attending") or, when that noun is a predicate nominal, the subject it describes ("X
    and Y are among the leaders attending", "X is one of the ministers attending": X and Y
    attend), and the subject of the verb governing an event noun an active infinitive
    complements ("Apple has plans to import", "executives are in talks to buy").
    Nothing is shared into or out of a quotation ("saying, 'Stop me'").
    """
    subject = _climb_to_subject(verb, triggers)
    if subject is None or subject.head == verb:  # none, or its own
        return subject
    return None if _crosses_quotation(verb, subject) else subject


def _described_subject(noun: Token) -> Token | None:
    """The subject of "be" that a predicate nominal describes: "X are among the leaders (from 12
    countries)", "X is one of the ministers"; None for any other noun."""
    link = noun.head
    if noun.dep_ != "pobj" or link.dep_ != "prep":
        return None
    host = link.head
    if link.lower_ == "of" and host.lower_ == "one" and host.dep_ == "attr":
        host = host.head
    elif link.lower_ != "among" and not (
        link.lower_ == "from" and any(c.lower_ == "among" for c in host.children)
    ):  # the parser may hang "from 12 countries" of "among the leaders" on "are"
        return None
    if host.lemma_ != "be":
        return None
    return next((c for c in host.children if c.dep_ in SUBJECTS), None)


def members_of(noun: Token) -> Token | None:
    """The members a group of origin modifies ("the leaders" of "the leaders from 15
    countries"): a participle the parser hung on the group describes them ("the leaders from 15
    countries attending the summit"), not so after "of" ("a member of a task force
    investigating"); None for a noun in no such phrase."""
    link = noun.head
    if noun.dep_ != "pobj" or link.dep_ != "prep" or link.lower_ != "from":
        return None
    members = link.head
    return members if members.lemma_.lower() in load_lexicon().member_nouns else None


def _climb_to_subject(verb: Token, triggers: set[int]) -> Token | None:
    """The verb's own subject, else the one it shares, climbing the parse (see ``subject_of``)."""
    for _ in range(_MAX_CLIMB):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
        head = verb.head
        if head == verb:
            return None
        if verb.dep_ == "acl" and head.i in triggers and head.head != head and _to_infinitive(verb):
            verb = head.head.head if head.head.dep_ == "prep" else head.head  # "are in talks to"
        elif verb.dep_ in ("acl", "relcl", "amod") and head.pos_ in _NOMINAL:
            noun = head if _described_subject(head) else members_of(head) or head
            return _described_subject(noun) or noun
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


def antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one its clause modifies, else the word before
    it ("the quarter, which ended" with the clause misattached); None for other tokens."""
    if pronoun.lower_ not in RELATIVE_PRONOUNS or pronoun.tag_ not in ("WDT", "WP"):
        return None
    if pronoun.head.dep_ == "relcl":
        return pronoun.head.head
    before = [t for t in pronoun.doc[max(pronoun.i - 3, 0) : pronoun.i] if not t.is_punct]
    return before[-1] if before else None


def understood_subject(verb: Token, subject: Token) -> bool:
    """Whether ``subject`` is the understood subject of a verb complement, not written as its
    own: an infinitive or present participle that shares the governing verb's subject or object
    ("Jobs has chosen to step down", "forced Apple to lower", "Apple began selling films"), with
    no subordinator of its own."""
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ in ("VB", "VBG")
        and subject.head != verb
        and all(c.dep_ != "mark" for c in verb.children)
    )


def expletive(subject: Token, verb: Token) -> bool:
    """Whether a subject is an expletive "it": before a clause ("it is expected that ..."), or
    of "be" and a predicate before the infinitive it stands for ("it is hard to predict", "it
    was our destiny to rejoin": the infinitive hung on "be"; not "it is able to expand", hung on
    the adjective, nor "it is to be held": there "it" is the actor)."""
    if subject.lower_ != "it":
        return False
    if passive(verb) and any(c.dep_ == "ccomp" for c in verb.children):
        return True
    be = subject.head
    return (
        verb.dep_ == "xcomp"
        and verb.head == be
        and be.lemma_ == "be"
        and any(c.dep_ in ("acomp", "attr") for c in be.children)
    )


def _object(verb: Token) -> Token | None:
    """A verb's direct object, if a noun or pronoun."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.pos_ in _NOMINAL and not inside_word(c)
        ),
        None,
    )


def phrase_end(head: Token) -> int:
    """Where a participant's phrase ends: after its head, names, numbers, appositions and "of"
    complements ("members of the coalition"), not its other modifiers, and after the closing
    parenthesis of a short form in it ("the World Health Organization (WHO)") (token index,
    exclusive)."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "appos") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            end = child.right_edge.i + 1
    doc = head.doc
    inside = doc[head.i : end]
    opened = sum(t.text == "(" for t in inside) > sum(t.text == ")" for t in inside)
    return end + 1 if opened and end < len(doc) and doc[end].text == ")" else end


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


def passive(verb: Token) -> bool:
    """Whether a verb's subject undergoes it by voice: a passive ("was released"), a participle
    with a "by" agent (headlines), a bare participle sharing its subject ("territory held by
    ISIS", "as stated", "got fired") or a conjunct sharing a passive's subject and auxiliary ("is
    made and marketed")."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"auxpass", "nsubjpass"} or ("agent" in deps and verb.tag_ == "VBN"):
        return True
    if deps & (SUBJECTS | {"aux", "dobj"}):
        return False
    if verb.dep_ in ("acl", "amod", "advcl", "xcomp"):
        return verb.tag_ == "VBN"
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and passive(verb.head)


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


def inside_word(token: Token) -> bool:
    """Whether a token is a piece of a hyphenated word before its last piece ("co" and "-" of
    "co-founder", which the parser attaches like the last piece)."""
    doc = token.doc
    if token.whitespace_ or token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    if token.text == "-":
        return True
    return following.text == "-" and not following.whitespace_ and following.i + 1 < len(doc)


def word_end(token: Token) -> Token:
    """The last piece of the hyphenated word a token is in (the token itself if none)."""
    while inside_word(token):
        token = token.nbor()
    return token


def word_pieces(last: Token) -> list[Token]:
    """The pieces of the hyphenated word ending at ``last``, first to last."""
    pieces = [last]
    while pieces[0].i > 0 and inside_word(pieces[0].nbor(-1)):
        pieces.insert(0, pieces[0].nbor(-1))
    return pieces


def infinitive_subjects(clause: Token) -> Iterator[Token]:
    """The subject of a "to" infinitive complement ("allow developers to sell"): the object of
    the verb that governs it."""
    if any(c.tag_ == "TO" for c in clause.children):
        yield from (c for c in clause.children if c.dep_ == "nsubj")


def later_conjuncts(token: Token) -> tuple[Token, ...]:
    return tuple(t for t in token.conjuncts if t.i > token.i and not inside_word(t))
