"""Features of a candidate event trigger, shared by the event classifier and its training script.

Each feature is a short string ("l=attack", "dep|head=dobj|launch"); the classifier maps the known
ones to weight rows. Only the token, its neighbours, its syntactic head and children are read.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.pipeline.event_lexicon import Lexicon

CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN", "ADV", "NUM", "ADP"})
_CHILD_WORDS = frozenset({"aux", "auxpass", "neg", "det", "case", "mark", "prt"})
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl"})
_MARKS = frozenset({"mark", "aux"})
# Complements whose presence tells an intensional or aspectual frame from a plain occurrence.
_EMBEDDED = frozenset({"xcomp", "ccomp", "dobj", "pcomp"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay"})
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "al")


def eventive(token: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names an event (a listed event noun or a nominalisation, "-tion")."""
    if token.pos_ not in ("NOUN", "VERB"):
        return False
    lemma = token.lemma_.lower()
    return lemma in lexicon.nominal_events or lemma.endswith(_EVENT_SUFFIXES)


def is_candidate(token: Token, blocked: bool) -> bool:
    """Whether a token may be an event trigger (content word outside times and names)."""
    return token.pos_ in CANDIDATE_POS and not blocked and token.is_alpha


def token_features(token: Token, lexicon: Lexicon) -> list[str]:
    """Return the feature strings of one candidate trigger.

    token (Token): the candidate.
    lexicon (Lexicon): the word lists (classed predicates, event nouns).
    RETURNS (list[str]): its features, without duplicates.
    """
    doc: Doc = token.doc
    lemma = token.lemma_.lower()
    head = token.head
    head_lemma = head.lemma_.lower()
    pos, dep = token.pos_, token.dep_
    features = [
        "bias",
        f"w={token.lower_}",
        f"l={lemma}",
        f"p={pos}",
        f"t={token.tag_}",
        f"d={dep}",
        f"pd={pos}|{dep}",
        f"lp={lemma}|{pos}",
        f"s3={token.lower_[-3:]}|{pos}",
        f"s4={token.lower_[-4:]}|{pos}",
        f"hl={head_lemma}",
        f"hp={head.pos_}|{dep}",
        f"dhl={dep}|{head_lemma}",
        f"lc={lexicon.verb_classes.get(lemma, '-')}|{pos}",
        f"hlc={lexicon.verb_classes.get(head_lemma, '-')}|{dep}",
        f"ln={lemma in lexicon.nominal_events}|{pos}",
        f"e={token.ent_type_ or '-'}",
        f"shape={token.is_title}|{pos}",
    ]
    if token.i > 0:
        prev = doc[token.i - 1]
        features += [f"pl={prev.lemma_.lower()}", f"pt={prev.tag_}|{pos}"]
    if token.i + 1 < len(doc):
        nxt = doc[token.i + 1]
        features += [f"nl={nxt.lemma_.lower()}", f"nt={nxt.tag_}|{pos}"]
    lc = lexicon.verb_classes.get(lemma, "-")
    deps = []
    for child in token.children:
        deps.append(child.dep_)
        features.append(f"cd={child.dep_}|{pos}")
        if child.dep_ in _EMBEDDED:
            # the frame, not the word: an event or clause complement makes I_ACTION / I_STATE /
            # ASPECTUAL readings ("offered to pay", "kept rising", "completed the takeover")
            features += [f"fr={child.dep_}|{child.tag_}|{lc}", f"frl={child.dep_}|{lemma}"]
            if child.dep_ in ("dobj", "pobj") and eventive(child, lexicon):
                features += [f"evobj={lc}", f"evobjl={lemma}"]
        if child.dep_ in _CHILD_WORDS:
            features.append(f"cw={child.dep_}|{child.lower_}")
        elif child.dep_ in _COMPLEMENTS:
            features.append(f"cc={child.dep_}|{child.tag_}|{lemma}")
            features += [f"cm={child.dep_}|{g.lower_}" for g in child.children if g.dep_ in _MARKS]
        elif child.dep_ == "prep":
            features += [f"cp={child.lower_}|{pos}", f"cpl={child.lower_}|{lemma}"]
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and eventive(objects[0], lexicon):
                features.append(f"cpev={child.lower_}|{lc}")
    if head.lemma_ in _COPULAS and dep in ("acomp", "attr", "oprd"):
        features.append(f"pred={dep}|{pos}")  # "is able", "remained a threat": STATE
    if head.i != token.i and dep in _EMBEDDED:
        features.append(f"gov={dep}|{lexicon.verb_classes.get(head_lemma, '-')}|{pos}")
    features.append(f"deps={'+'.join(sorted(set(deps)))}|{lc}")
    return list(dict.fromkeys(features))
