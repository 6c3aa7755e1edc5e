"""Where a time expression sits in the parse, as anchoring reads it.

What a time attaches to ("met on Tuesday", "the Aug. 7 bombings"), the clause that holds it and
whether that clause is closed to an event (a relative or reported clause), how an adverbial
clause relates an event to its time ("after the talks ended on Friday"), and whether a time is
only the baseline of a comparison ("from $4 million a year ago"). Only the dependency parse is
read.
"""

from __future__ import annotations

from spacy.tokens import Token

from service.pipeline.records import TimeExpression

# Clauses whose dates do not reach the rest of the sentence.
CLOSED_CLAUSES = frozenset({"relcl", "ccomp", "csubj"})
# Clauses modifying a noun ("a warrant issued Monday") whose dates reach the rest of the
# sentence only when it has no other.
SOFT_CLOSED = frozenset({"acl"})
ANY_CLOSED = CLOSED_CLAUSES | SOFT_CLOSED
# Dependencies a time expression climbs through to reach what it modifies: in a noun phrase
# ("the Aug. 7 bombings", "Tuesday's summit"), then through a preposition or as an adverb.
_IN_NOUN_PHRASE = frozenset({"compound", "poss", "nummod", "amod", "det", "appos", "nmod"})
_TIMEX_ATTACH = _IN_NOUN_PHRASE | {"pobj", "prep", "npadvmod", "advmod"}
_BEFORE = frozenset({"before", "until", "till", "by", "prior"})
_AFTER = frozenset({"after", "since", "following"})
_COMPARED = frozenset({"from", "than", "compared", "versus", "vs.", "vs"})
_CLAUSE_HEADS = CLOSED_CLAUSES | {"advcl", "parataxis", "conj"}
# How many heads a word climbs looking for what it attaches to.
MAX_CLIMB = 6
# The most heads any walk up the parse takes: real sentences nest far less deeply, and a bound
# keeps a chain of thousands of clauses ("he said he said ...") linear in the text.
MAX_DEPTH = 64
# How a duration attaches when it is the event's time ("for three months", "rose 4% last week").
ADVERBIAL = frozenset({"pobj", "npadvmod", "advmod", "obl"})
# Clause relations through which a trailing speech verb hangs off the clause it reports.
_REPORTED = frozenset({"ccomp", "parataxis"})


def baseline_of(root: Token) -> Token | None:
    """The comparison a time is the baseline of ("rose to $5 from $4 a year ago", "compared with
    a year-earlier loss"): the word that introduces it. "From 1991 to 1997" is a range.
    """
    token = root
    for _ in range(MAX_CLIMB):
        head = token.head
        if head == token:
            return None
        if head.lower_ in _COMPARED and not (token == root and token.dep_ == "pobj"):
            return head
        if head.pos_ in ("VERB", "AUX"):
            return None
        token = head
    return None


def modifies_noun(root: Token) -> bool:
    """Whether a time modifies a noun ("the Aug. 7 bombings") rather than a clause."""
    head = root.head
    while head.pos_ == "ADP" and head.head != head:
        head = head.head
    return head != root and head.pos_ in ("NOUN", "PROPN")


def reported_clause(token: Token, event_class: str) -> Token | None:
    """The clause a trailing speech verb reports ('Prices will rise next year, he said').

    The parser hangs such a verb off the reported clause; that clause's dates are not the
    report's.
    """
    if event_class != "REPORTING" or token.dep_ not in _REPORTED or token.i < token.head.i:
        return None
    return token.head


def inside_clause(root: Token, clause: Token, event: Token) -> bool:
    """Whether a time sits in ``clause`` outside the event's own subtree."""
    token = root
    for _ in range(MAX_DEPTH):
        if token == event:
            return False
        if token == clause:
            return True
        if token.head == token:
            return False
        token = token.head
    return False


def subordinate_relation(root: Token, event: Token) -> str | None:
    """How an event stands to a time of the adverbial clause that times it, if it does.

    "They left after the talks ended on Friday": the leaving is AFTER Friday; "before" makes it
    BEFORE; "when", "as", "while" keep it inside (None: the time's own relation).
    """
    token = root
    for _ in range(MAX_CLIMB * 2):
        if token == event or token.head == token:
            return None
        if token.dep_ == "advcl" and token.head == event:
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if marks & _BEFORE:
                return "BEFORE"
            if marks & _AFTER:
                return "AFTER"
            return None
        token = token.head
    return None


def relation_to(root: Token, timex: TimeExpression) -> str:
    """How an event stands to the time: before it, after it, during it, or inside it."""
    word = root.head.lower_ if root.dep_ == "pobj" else ""
    if word in _BEFORE:
        return "BEFORE"
    if word in _AFTER:
        return "AFTER"
    return "DURING" if timex.type in ("DURATION", "SET") else "IS_INCLUDED"


def attached_event(root: Token, triggers: set[int]) -> Token | None:
    """The event a time expression modifies, if it attaches to one."""
    token = root
    for _ in range(MAX_CLIMB):
        if token.dep_ not in _TIMEX_ATTACH or token.head == token:
            break
        token = token.head
        if token.i in triggers:
            return token
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def clause_head(token: Token) -> Token:
    """The head of the clause a token belongs to (at most ``MAX_DEPTH`` heads up)."""
    for _ in range(MAX_DEPTH):
        if token.dep_ in _CLAUSE_HEADS or token.head == token:
            break
        token = token.head
    return token


def closed_off(root: Token, scope: set[int], event: Token, closed: frozenset[str]) -> bool:
    """Whether a time expression sits in a clause of a ``closed`` kind not containing the event.

    A clause that modifies a noun event is open to it ("shootings that injured two doctors in
    November": the shootings happened in November).
    """
    token = root
    for _ in range(MAX_DEPTH):
        if token.i in scope:
            return False
        if token.dep_ in closed and not (token.head == event and event.pos_ == "NOUN"):
            return True
        if token.head == token:
            return False
        token = token.head
    return True  # further from the event than any real sentence nests: not its time
