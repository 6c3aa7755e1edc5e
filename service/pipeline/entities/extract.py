"""Entity stage: actors named in the text, their mentions merged, small-model errors corrected.

Mentions come from the model's named entities (types in ``ENTITY_TYPES``) and from organisations
named by a collective noun with a proper modifier ("the US-led coalition"). They are then
relabelled where the context decides ("Mattis" after "Jim Mattis" is a PERSON, "in Copenhagen" a
GPE) and merged: same name, surname of a person, acronym of a longer name, a bare collective noun
("the coalition") after the organisation it names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from service.pipeline import vocabulary
from service.pipeline.entities.name_forms import acronyms, name_core
from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.records import Entity, TextSpan

ENTITY_TYPES = frozenset(vocabulary.ENTITY_TYPES)
LOCATIVE_PREPOSITIONS = load_closed_class().locative_prepositions
_LEADING_DROP = frozenset({"the", "a", "an", "'", '"', "‘", "“"})
_TRAILING_DROP = frozenset({"'s", "’s", "'", '"', "’", "”"})
_PLACE_ERRORS = frozenset({"ORG", "PERSON", "NORP"})  # labels the model gives places by mistake
_NOT_NAME = frozenset({"DET", "ADV", "PUNCT", "ADP", "CCONJ", "PART", "SPACE"})
_MODIFIER_TYPES = frozenset({"GPE", "NORP", "LOC"})
_ORGANISATION_ERRORS = frozenset({"GPE", "LOC", "FAC", "PRODUCT"})  # labels the model gives orgs
_ACRONYM_SKIP = load_closed_class().acronym_skip_words
_LONE_PLACE_ERRORS = frozenset({"PERSON", "PRODUCT"})  # what the model calls unknown towns
_MOTION = frozenset({"to", "from", "into"})  # locative prepositions people follow too


@dataclass
class _Mention:
    start: int  # token indices, end exclusive
    end: int
    label: str
    text: str
    head: Token
    group: bool = False  # named by a collective noun ("the US-led coalition")

    @property
    def key(self) -> str:
        """The name without titles and legal-form words: "Microsoft Corp." is "microsoft"."""
        return " ".join(name_core(self.text)) or self.text.lower()


class EntityExtractor:
    """Finds actors and merges their mentions.

    nlp (Language): the loaded pipeline (kept for symmetry with the other stages).
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> list[Entity]:
        """Return the entities of ``doc``, ids ``ent1``... in order of first mention.

        doc (Doc): the parsed document.
        RETURNS (list[Entity]): one record per actor, canonical name the longest proper form.
        """
        mentions = [m for m in self._named(doc) if m is not None]
        mentions += self._groups(doc, mentions)
        mentions.sort(key=lambda m: (m.start, -m.end))
        self._relabel(mentions)
        return _build(doc, _cluster(mentions))

    def _named(self, doc: Doc) -> list[_Mention | None]:
        return [
            _trim(part, ent.label_)
            for ent in doc.ents
            if ent.label_ in ENTITY_TYPES
            for part in _parenthesised(ent)
        ]

    def _groups(self, doc: Doc, named: list[_Mention]) -> list[_Mention]:
        """Organisations named by a collective noun, and their later bare mentions."""
        covered = {i for m in named for i in range(m.start, m.end) if not m.group}
        found: list[_Mention] = []
        for token in doc:
            if token.lemma_.lower() not in self.lexicon.group_nouns or token.i in covered:
                continue
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            left = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "npadvmod")]
            if any(_names_place_or_people(t) for t in left):
                start = min(t.left_edge.i for t in left)
                mention = _trim(doc[start : token.i + 1], "ORG")
                if mention is not None:
                    mention.group = True
                    found.append(mention)
            elif any(m.head.lemma_ == token.lemma_ for m in found):
                bare = _Mention(token.i, token.i + 1, "ORG", token.text, token, group=True)
                found.append(bare)
        return found

    def _relabel(self, mentions: list[_Mention]) -> None:
        """Correct labels where the document decides: surnames of persons, gazetteer places, names
        the model calls places elsewhere when they follow a locative preposition, and one-word
        names it calls people or things that stand where something happens ("fighting broke out
        in Avdiivka": all their mentions)."""
        surnames = {
            m.text.split()[-1]: m for m in mentions if m.label == "PERSON" and " " in m.text
        }
        gpe_names = {m.key for m in mentions if m.label == "GPE"}
        placed = {
            m.key
            for m in mentions
            if _lone(m, surnames) and m.label in _LONE_PLACE_ERRORS and _where_it_happens(m)
        }
        for mention in mentions:
            if mention.group:
                continue
            if " " not in mention.text and mention.text in surnames:
                mention.label = "PERSON"
            elif self._place(mention, gpe_names) or (
                mention.key in placed
                and mention.label in _LONE_PLACE_ERRORS
                and _lone(mention, surnames)
            ):
                mention.label = "GPE"
            elif mention.label in _ORGANISATION_ERRORS and self._organisation(mention):
                mention.label = "ORG"

    def _place(self, mention: _Mention, gpe_names: set[str]) -> bool:
        """Whether a name the model calls an organisation, a person or a people is a place: a
        gazetteer place, or a place elsewhere in the text that follows a locative preposition."""
        return mention.label in _PLACE_ERRORS and (
            mention.text in self.lexicon.places
            or (mention.key in gpe_names and _after_locative(mention))
        )

    def _organisation(self, mention: _Mention) -> bool:
        """Whether a name typed a place or a thing owns what only an organisation has ("the
        offices of Vesti", "Vesti's headquarters")."""
        head = mention.head
        owner = head.head if head.dep_ == "poss" else None
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            owner = head.head.head
        return owner is not None and owner.lower_ in self.lexicon.organisation_nouns


def _parenthesised(span: Span) -> list[Span]:
    """A name and the short form in parentheses after it, where the model made them one
    ("World Health Organization (WHO"); else the span alone."""
    opening = next((t.i for t in span[1:] if t.text == "("), None)
    if opening is None:
        return [span]
    doc = span.doc
    inside = [t.i for t in doc[opening + 1 : span.end] if t.text != ")"]
    parts = [doc[span.start : opening]]
    if inside:
        parts.append(doc[inside[0] : inside[-1] + 1])
    return parts


def _trim(span: Span, label: str) -> _Mention | None:
    """Drop leading articles, adverbs and quotes and a trailing possessive from a mention."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].pos_ in _NOT_NAME):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_DROP or doc[end - 1].is_space):
        end -= 1
    if start == end:
        return None
    trimmed = doc[start:end]
    return _Mention(start, end, label, trimmed.text, trimmed.root)


def _names_place_or_people(modifier: Token) -> bool:
    """Whether a modifier names a place or a people ("US-led", "Syrian"), not an organisation."""
    subtree = list(modifier.subtree)
    if any(t.tag_ == "VBG" for t in subtree):
        return False
    return any(
        t.ent_type_ in _MODIFIER_TYPES or (t.pos_ == "PROPN" and not t.ent_type_) for t in subtree
    )


def _after_locative(mention: _Mention) -> bool:
    """Whether a mention is the object of a locative preposition ("meet in X")."""
    head = mention.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS


def _where_it_happens(mention: _Mention) -> bool:
    """Whether a mention is where a verb's event happens: the object of a locative preposition
    of place, not of motion ("to X", "from X": people too), on a verb ("broke out in X", not
    "faith in X")."""
    if not _after_locative(mention):
        return False
    preposition = mention.head.head
    return preposition.lower_ not in _MOTION and preposition.head.pos_ in ("VERB", "AUX")


def _lone(mention: _Mention, surnames: dict[str, _Mention]) -> bool:
    """Whether a mention is a one-word name that is no person's surname in the text."""
    return " " not in mention.text and mention.text not in surnames


def _is_surname(mention: _Mention, person: _Mention) -> bool:
    return (
        mention.label == person.label == "PERSON"
        and " " not in mention.text
        and person.text.split()[-1] == mention.text
    )


def _acronyms(text: str) -> set[str]:
    """The acronyms of a name of capitalised words, upper case ("CDC"); none for other names."""
    words = text.replace("-", " ").split()
    if not all(w[:1].isupper() or w.lower() in _ACRONYM_SKIP for w in words):
        return set()
    return {a.upper() for a in acronyms(name_core(" ".join(words)))}


def _cluster(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group mentions that name the same actor, clusters in order of first mention."""
    clusters: list[list[_Mention]] = []
    by_key: dict[str, list[_Mention]] = {}
    for mention in mentions:
        cluster = by_key.get(mention.key) or _partner(mention, clusters)
        if cluster is None:
            cluster = []
            clusters.append(cluster)
        cluster.append(mention)
        by_key.setdefault(mention.key, cluster)
        if mention.group:
            by_key.setdefault(mention.head.lower_, cluster)
    return clusters


def _partner(mention: _Mention, clusters: list[list[_Mention]]) -> list[_Mention] | None:
    """An earlier cluster this mention is a surname, acronym or expansion of, if any."""
    single = " " not in mention.text
    expansions = _acronyms(mention.text)
    for cluster in reversed(clusters):
        for other in cluster:
            if mention.group and other.group and mention.head.lemma_ == other.head.lemma_:
                return cluster
            if mention.group or other.group:
                continue
            if _is_surname(mention, other):
                return cluster
            if single and mention.text.isupper() and mention.text in _acronyms(other.text):
                return cluster
            if other.text.isupper() and other.text in expansions:
                return cluster
    return None


def _build(doc: Doc, clusters: list[list[_Mention]]) -> list[Entity]:
    entities = []
    for number, cluster in enumerate(clusters, start=1):
        label = Counter(m.label for m in cluster).most_common(1)[0][0]
        if any(m.label == "PERSON" for m in cluster) and label != "PERSON":
            label = "PERSON" if any(" " in m.text for m in cluster) else label
        name = max((m.text for m in cluster), key=len)
        spans = tuple(
            TextSpan(m.text, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
            for m in cluster
        )
        entities.append(Entity(f"ent{number}", name, label, spans))
    return entities
