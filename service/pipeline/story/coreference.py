"""Cross-document event coreference: which event mentions report the same occurrence.

Two mentions corefer when :func:`coreference_score` reaches ``MERGE_THRESHOLD``. The score adds:

- trigger: 1.0 for the same lemma, 0.9 for a noun and its verb ("announcement"/"announce",
  "loss"/"lose": a data table plus suffix rules), 0.7 for synonyms ("battle"/"fight"); other
  triggers never corefer;
- actors: +1.0 when an entity plays the same role in both (names matched across documents:
  "Obama" and "Barack Obama"), +0.6 when it plays different roles, +0.3 when only the head nouns
  of unresolved agents agree ("the terrorists" and "battle-hardened militants", through a table
  of actor nouns; pronouns never count);
- time: +0.5 when time expressions give both the same date, +0.25 when they give overlapping
  ones ("May 2010" and "June 7, 2010"), else 0 (a date taken from the document date is no
  evidence: every event of a day's news has it);
- generic triggers ("say", "take", reporting events): -1.0 unless an entity is shared.

Some pairs never corefer, whatever their score: dates that cannot overlap, different entities
in the agent or patient role ("Apple sued Cisco" and "Apple sued Samsung"; a one-word name
opening the other, "Apple" and "Apple Computer", may be the same), two events of one sentence,
two finite verbs of one document ("he called it ..." twice is two calls; "died" and "his death"
may be one), and generic triggers within one document. News reports what just happened: two
mentions no time expression dates, from documents published more than ``UNDATED_REACH_DAYS``
apart, never corefer either, nor does a mention only known to precede its document with one a
time expression dates over ``STATED_REACH_DAYS`` before that document ("Jobs returned" in 2011
news and "Jobs returned in 1996"). Clustering is greedy: best pairs first, two clusters merge
only when no pair across them is ruled out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from service.pipeline.dates.iso_days import calendar_day
from service.pipeline.entities.names import name_core, names_match
from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.story import load_story_lexicon
from service.pipeline.records import Event
from service.pipeline.story.participants import Participant
from service.pipeline.timeline.placement import OPEN_START, Window

MERGE_THRESHOLD = 1.2
"""Lowest score at which two mentions are the same event: the same lemma (or a noun and its verb)
needs a shared actor or a shared date besides; a synonym needs a shared entity or explicit date;
a generic trigger needs a shared entity."""

SAME_LEMMA, NOMINALISATION, SYNONYM = 1.0, 0.9, 0.7
SAME_ROLE_ACTOR, OTHER_ROLE_ACTOR, SAME_HEAD_WORD = 1.0, 0.6, 0.3
SAME_DATE, OVERLAPPING_DATE = 0.5, 0.25
GENERIC_PENALTY = -1.0
NEVER = -math.inf
UNDATED_REACH_DAYS = 31
STATED_REACH_DAYS = 365
FINITE_TENSES = frozenset({"PAST", "PRESENT", "FUTURE"})

# Only the first suffix that ends the word is undone ("station" is no "stat" + "ion").
_NOUN_SUFFIXES = load_closed_class().nominalisation_suffixes
_MIN_STEM = 3
_CONFLICT_ROLES = ("agent", "patient")
_GENERIC_CLASSES = frozenset({"REPORTING"})


def verb_forms(lemma: str) -> frozenset[str]:
    """The lemma and the verbs it may nominalise: ``announcement`` -> {announcement, announce}.

    lemma (str): a trigger lemma, lower case.
    RETURNS (frozenset[str]): candidate keys; two triggers sharing one are noun and verb.
    """
    forms = {lemma}
    irregular = load_story_lexicon().nominalisations.get(lemma)
    if irregular:
        forms.add(irregular)
    suffix, endings = next(((s, e) for s, e in _NOUN_SUFFIXES if lemma.endswith(s)), ("", ()))
    stem = lemma[: len(lemma) - len(suffix)]
    if len(stem) >= _MIN_STEM:
        forms.update(stem + ending for ending in endings)
    return frozenset(forms)


@dataclass(frozen=True)
class MentionFeatures:
    """What coreference compares of one event mention.

    document (str): the document id.
    event (Event): the mention.
    window (Window | None): earliest start and latest end (ISO dates) it can have happened in;
        ``""`` and ``"\uffff"`` stand for an open start or end.
    stated_date (str | None): its TIMEX3 value when a time expression places it on that date.
    lemma (str): its trigger lemma, lower case.
    forms (frozenset[str]): its lemma and the verbs it may nominalise.
    synsets (frozenset[int]): indices of the synonym sets its forms belong to.
    actors (tuple[tuple[str, str], ...]): (role, entity name) of its resolved actors.
    heads (frozenset[str]): actor-noun classes (or head nouns) of its unresolved agents.
    generic (bool): whether the trigger is too common to corefer on the word alone.
    document_date (date | None): when its document was written.
    """

    document: str
    event: Event
    window: Window | None
    stated_date: str | None
    lemma: str
    forms: frozenset[str]
    synsets: frozenset[int]
    actors: tuple[tuple[str, str], ...]
    heads: frozenset[str]
    generic: bool
    document_date: date | None = None


def mention_features(
    document: str,
    event: Event,
    participants: Sequence[Participant],
    entity_names: dict[str, str],
    window: Window | None,
    stated_date: str | None,
    document_date: date | None = None,
) -> MentionFeatures:
    """Collect the features of one mention.

    document (str): the document id.
    event (Event): the mention.
    participants (Sequence[Participant]): its actors, with the entities they refer to.
    entity_names (dict[str, str]): entity id -> name, for the mention's document.
    window (Window | None): when it can have happened, see :class:`MentionFeatures`.
    stated_date (str | None): its date, when a time expression places it on one.
    document_date (date | None): when its document was written. Defaults to None (unknown).
    RETURNS (MentionFeatures): the features.
    """
    lexicon = load_story_lexicon()
    lemma = event.lemma.lower()
    forms = verb_forms(lemma)
    synsets = frozenset(index for index, words in enumerate(lexicon.synonyms) if words & forms)
    actors = tuple(
        (actor.role, entity_names[actor.entity])
        for actor in participants
        if actor.entity in entity_names
    )
    heads = frozenset(
        _actor_noun(actor.text)
        for actor in participants
        if actor.entity is None and actor.role == "agent"
    )
    generic = event.event_class in _GENERIC_CLASSES or bool(forms & lexicon.generic_triggers)
    return MentionFeatures(
        document,
        event,
        window,
        stated_date,
        lemma,
        forms,
        synsets,
        actors,
        heads - {""},
        generic,
        document_date,
    )


def _actor_noun(text: str) -> str:
    """The head noun of an actor phrase as a class: "the militants" -> "#3"; "" for pronouns."""
    lexicon = load_story_lexicon()
    words = text.lower().split()
    word = words[-1].strip(".,;:'\"’") if words else ""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word in lexicon.pronouns:
        return ""
    classes = [f"#{i}" for i, nouns in enumerate(lexicon.actor_nouns) if word in nouns]
    return classes[0] if classes else word


def trigger_score(a: MentionFeatures, b: MentionFeatures) -> float:
    """1.0 same lemma, 0.9 noun and verb, 0.7 synonyms, else 0."""
    if a.lemma == b.lemma:
        return SAME_LEMMA
    if a.forms & b.forms:
        return NOMINALISATION
    return SYNONYM if a.synsets & b.synsets else 0.0


def _windows_overlap(a: Window, b: Window) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _actor_conflict(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Both name an entity in the agent (or patient) role, and no two of those names match."""
    for role in _CONFLICT_ROLES:
        names_a = [name for r, name in a.actors if r == role]
        names_b = [name for r, name in b.actors if r == role]
        if names_a and names_b and not any(_may_match(x, y) for x in names_a for y in names_b):
            return True
    return False


def _may_match(a: str, b: str) -> bool:
    """Names that match, or a one-word name opening the other ("Apple", "Apple Computer")."""
    core_a, core_b = name_core(a), name_core(b)
    short, full = sorted((core_a, core_b), key=len)
    return names_match(a, b) or (len(short) == 1 and full[:1] == short)


def _published_apart(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Both only known to precede their documents, published over ``UNDATED_REACH_DAYS``
    apart; or one only known so, the other dated by a time expression to over
    ``STATED_REACH_DAYS`` before the first's document."""
    if a.document_date is None or b.document_date is None:
        return False
    if _undated(a) and _undated(b):
        return abs((a.document_date - b.document_date).days) > UNDATED_REACH_DAYS
    stated, other = (a, b) if a.stated_date else (b, a)
    if not (stated.stated_date and _undated(other) and stated.window):
        return False
    end = calendar_day(stated.window[1])
    return end is not None and (other.document_date - end).days > STATED_REACH_DAYS


def _undated(mention: MentionFeatures) -> bool:
    """No time expression dates the mention: at most, it precedes its document."""
    window = mention.window
    return mention.stated_date is None and (window is None or window[0] == OPEN_START)


def compatible(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Whether two mentions may report one event at all (see the module docstring)."""
    if a.window is not None and b.window is not None and not _windows_overlap(a.window, b.window):
        return False
    if a.document == b.document and (
        a.event.sentence.start == b.event.sentence.start
        or a.generic
        or b.generic
        or (a.event.tense in FINITE_TENSES and b.event.tense in FINITE_TENSES)
    ):
        return False
    return not _published_apart(a, b) and not _actor_conflict(a, b)


def actor_score(a: MentionFeatures, b: MentionFeatures) -> tuple[float, bool]:
    """The actors' part of the score, and whether an entity is shared."""
    same_role = any(ra == rb and names_match(na, nb) for ra, na in a.actors for rb, nb in b.actors)
    if same_role:
        return SAME_ROLE_ACTOR, True
    if any(names_match(na, nb) for _, na in a.actors for _, nb in b.actors):
        return OTHER_ROLE_ACTOR, True
    return (SAME_HEAD_WORD if a.heads & b.heads else 0.0), False


def time_score(a: MentionFeatures, b: MentionFeatures) -> float:
    """0.5 same explicit date, 0.25 other explicit dates (overlapping: ``compatible`` vetoes
    disjoint ones), else 0."""
    if a.stated_date is None or b.stated_date is None:
        return 0.0
    return SAME_DATE if a.stated_date == b.stated_date else OVERLAPPING_DATE


def coreference_score(a: MentionFeatures, b: MentionFeatures) -> float:
    """How strongly two mentions look like one event; ``NEVER`` when they cannot be.

    a (MentionFeatures): one mention.
    b (MentionFeatures): another mention.
    RETURNS (float): the summed evidence (module docstring); merge at ``MERGE_THRESHOLD``.
    """
    trigger = trigger_score(a, b)
    if trigger == 0.0 or not compatible(a, b):
        return NEVER
    actors, shared_entity = actor_score(a, b)
    penalty = GENERIC_PENALTY if (a.generic or b.generic) and not shared_entity else 0.0
    return trigger + actors + time_score(a, b) + penalty


def cluster_mentions(mentions: Sequence[MentionFeatures]) -> list[tuple[list[int], float]]:
    """Group mentions into events: greedy merging of the best-scoring pairs first.

    mentions (Sequence[MentionFeatures]): every mention of every document.
    RETURNS (list[tuple[list[int], float]]): clusters of indices into ``mentions``, each sorted,
        in order of their first mention, each with the score of the weakest merge that joined
        it (``math.inf`` for a single mention).
    """
    blocks: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        keys = set(mention.forms) | {f"#{s}" for s in mention.synsets}
        for key in keys:
            blocks.setdefault(key, []).append(index)
    scored: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        for i, j in combinations(members, 2):
            if (i, j) not in scored:
                scored[(i, j)] = coreference_score(mentions[i], mentions[j])
    cluster_of = list(range(len(mentions)))
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
    weakest = [math.inf] * len(mentions)
    ranked = sorted((-s, i, j) for (i, j), s in scored.items() if s >= MERGE_THRESHOLD)
    for negative, i, j in ranked:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        if all(
            compatible(mentions[x], mentions[y]) for x in members_of[ci] for y in members_of[cj]
        ):
            for member in members_of[cj]:
                cluster_of[member] = ci
            members_of[ci].extend(members_of.pop(cj))
            weakest[ci] = min(weakest[ci], weakest[cj], -negative)
    clusters = [(sorted(group), weakest[first]) for first, group in members_of.items()]
    return sorted(clusters, key=lambda cluster: cluster[0][0])
