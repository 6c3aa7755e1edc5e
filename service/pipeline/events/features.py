"""Features of a candidate event trigger, shared by the event classifier and its training script.

Each feature is a short string ("l=attack", "dep|head=dobj|launch"); the classifier maps the known
ones to weight rows. Only the token, its neighbours, its syntactic head and children, and which
words belong to time expressions are read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.events import Lexicon

# Parts of speech a trigger has. Proper nouns stay: a title-case headline's verbs are tagged so
# ("Apple Unveils New iPhone"). Numbers, adverbs and prepositions are left out: in TempEval-3
# fewer than 1 in 500 of them is an event, and they are a quarter of the other words.
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN"})
_AUXILIARIES = frozenset({"aux", "auxpass"})
_CHILD_WORDS = frozenset({"aux", "auxpass", "neg", "det", "case", "mark", "prt"})
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl"})
_MARKS = frozenset({"mark", "aux"})
# Complements whose presence tells an intensional or aspectual frame from a plain occurrence.
_EMBEDDED = frozenset({"xcomp", "ccomp", "dobj", "pcomp"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay"})
_EVENT_SUFFIXES = load_closed_class().event_suffixes


def eventive(token: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names an event (a listed event noun or a nominalisation, "-tion")."""
    if token.pos_ not in ("NOUN", "VERB"):
        return False
    lemma = token.lemma_.lower()
    return lemma in lexicon.nominal_events or lemma.endswith(_EVENT_SUFFIXES)


def is_candidate(token: Token, blocked: bool) -> bool:
    """Whether a token may be an event trigger (content word outside times and names).

    An auxiliary ("has" in "has left", "was" in "was hit") never is: TimeML tags the verb it
    helps. A main-verb "have" or "be" stays a candidate.
    """
    return (
        token.pos_ in CANDIDATE_POS
        and not blocked
        and token.is_alpha
        and token.dep_ not in _AUXILIARIES
    )


def time_governors(doc: Doc, in_time: Sequence[bool]) -> dict[int, list[str]]:
    """The words that govern a time expression, and how: its dependency, or the preposition.

    Words dated by a time are events far more often than others ("third-quarter earnings",
    "recent advances", "talks on Monday"). Found once per document from the time's tokens.
    doc (Doc): the parsed document.
    in_time (Sequence[bool]): per token, whether it is inside a time expression.
    RETURNS (dict[int, list[str]]): token index -> its time features, without the word's part of
        speech ("tc=compound", "tp=on").
    """
    governed: dict[int, list[str]] = {}
    for i in (i for i, inside in enumerate(in_time) if inside):
        token = doc[i]
        head = token.head
        if head == token or in_time[head.i]:
            continue
        governed.setdefault(head.i, []).append(f"tc={token.dep_}")
        if head.dep_ == "prep" and head.head != head:
            governed.setdefault(head.head.i, []).append(f"tp={head.lower_}")
    return governed


def token_features(
    token: Token, lexicon: Lexicon, time_governed: Mapping[int, list[str]]
) -> list[str]:
    """Return the feature strings of one candidate trigger.

    token (Token): the candidate.
    lexicon (Lexicon): the word lists (classed predicates, event nouns).
    time_governed (Mapping[int, list[str]]): ``time_governors`` of the document.
    RETURNS (list[str]): its features, without duplicates.
    """
    lemma = token.lemma_.lower()
    lower = token.lower_
    head = token.head
    head_lemma = head.lemma_.lower()
    pos, dep = token.pos_, token.dep_
    lc = lexicon.verb_classes.get(lemma, "-")
    head_lc = lexicon.verb_classes.get(head_lemma, "-")
    features = [
        "bias",
        f"l={lemma}",
        f"p={pos}",
        f"t={token.tag_}",
        f"d={dep}",
        f"pd={pos}|{dep}",
        f"lp={lemma}|{pos}",
        f"s3={lower[-3:]}|{pos}",
        f"s4={lower[-4:]}|{pos}",
        f"hl={head_lemma}",
        f"hp={head.pos_}|{dep}",
        f"dhl={dep}|{head_lemma}",
        f"lc={lc}|{pos}",
        f"hlc={head_lc}|{dep}",
        f"ln={lemma in lexicon.nominal_events}|{pos}",
        f"e={token.ent_type_ or '-'}",
        f"shape={token.is_title}|{pos}",
    ]
    features += _neighbour_features(token, pos)
    features += [f"{feature}|{pos}" for feature in time_governed.get(token.i, ())]
    features += _child_features(token, lemma, lc, lexicon)
    if head_lemma in _COPULAS and dep in ("acomp", "attr", "oprd"):
        features.append(f"pred={dep}|{pos}")  # "is able", "remained a threat": STATE
    if head.i != token.i and dep in _EMBEDDED:
        features.append(f"gov={dep}|{head_lc}|{pos}")
    return list(dict.fromkeys(features))


def _neighbour_features(token: Token, pos: str) -> list[str]:
    """The lemma and tag of the words just before and after the candidate."""
    doc: Doc = token.doc
    features = []
    if token.i > 0:
        prev = doc[token.i - 1]
        features += [f"pl={prev.lemma_.lower()}", f"pt={prev.tag_}|{pos}"]
    if token.i + 1 < len(doc):
        nxt = doc[token.i + 1]
        features += [f"nl={nxt.lemma_.lower()}", f"nt={nxt.tag_}|{pos}"]
    return features


def _child_features(token: Token, lemma: str, lc: str, lexicon: Lexicon) -> list[str]:
    """The candidate's dependents: its frame, function words, clauses and prepositions."""
    pos = token.pos_
    features = []
    deps = set()
    for child in token.children:
        child_dep = child.dep_
        deps.add(child_dep)
        if child_dep in _EMBEDDED:
            # the frame, not the word: an event or clause complement makes I_ACTION / I_STATE /
            # ASPECTUAL readings ("offered to pay", "kept rising", "completed the takeover")
            features += [f"fr={child_dep}|{child.tag_}|{lc}", f"frl={child_dep}|{lemma}"]
            if child_dep == "dobj" and eventive(child, lexicon):
                features += [f"evobj={lc}", f"evobjl={lemma}"]
        if child_dep in _CHILD_WORDS:
            features.append(f"cw={child_dep}|{child.lower_}")
        elif child_dep in _COMPLEMENTS:
            features.append(f"cc={child_dep}|{child.tag_}|{lemma}")
            features += [f"cm={child_dep}|{g.lower_}" for g in child.children if g.dep_ in _MARKS]
        elif child_dep == "prep":
            word = child.lower_
            features += [f"cp={word}|{pos}", f"cpl={word}|{lemma}"]
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and eventive(objects[0], lexicon):
                features.append(f"cpev={word}|{lc}")
    features.append(f"deps={'+'.join(sorted(deps))}|{lc}")
    return features
