"""Find time-expression candidates: rule matches over windows around temporal trigger tokens.

Only windows around tokens that match the trigger list are searched, so ordinary text costs
one regex test per distinct word, and in a window only the rules whose needles (strings every
match contains, see ``Rule.needles``) it holds. Overlapping matches are settled longest first,
then negative rules before positive ones, then by rule priority; a negative rule that wins an
overlap vetoes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER
from spacy.tokens import Doc, Span, Token

from service.pipeline.syntax.tense import FUTURE_HEADS, PAST, PROSPECTIVE, clause_tense
from service.pipeline.timex.rules import DIGIT, Rule

# Tokens searched on each side of a trigger; longer than any rule's reach.
WINDOW_TOKENS = 8
# Windows longer than this are searched in pieces this long, overlapping by MAX_MATCH_CHARS.
MAX_WINDOW_CHARS = 2000
MAX_MATCH_CHARS = 120
# Entity labels that may hold a time expression; any other name hides the times inside it.
_TEMPORAL_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
_DETERMINERS = frozenset({"", "the", "a", "an", "this", "that"})
# Prepositions after which a day or month is an end point set in the past ("postponed until
# Tuesday"): it may lie on either side of the document date.
_END_POINT_PREPOSITIONS = frozenset({"until", "till", "til", "through"})
# The characters besides "I" and "S" that a case-insensitive "i" or "s" matches, and whose lower
# case is not "i" or "s" ("İ" lower-cases to two characters): mapped before lower-casing.
_CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_DIGIT_CHAR = re.compile(r"\d")
# The needle bit every text has, standing in for a needle set a rule lacks (see RuleIndex).
_ALWAYS = 1
# A needle and its bit; a rule and the needle masks of its (at most three) needle sets.
_Needle = tuple[str, int]
_Entry = tuple[Rule, int, int, int]


@dataclass(frozen=True)
class Candidate:
    """A rule match in the document text."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def find_candidates(
    doc: Doc, text: str, index: RuleIndex, is_trigger: Callable[[int], bool]
) -> list[Candidate]:
    """Return the non-overlapping rule matches of ``doc`` in text order.

    doc (Doc): the parsed document.
    text (str): ``doc.text``, which spaCy rebuilds token by token on each access.
    index (RuleIndex): the compiled rules in priority order, by needle.
    is_trigger (Callable[[int], bool]): whether a lower-cased token, by its string id (the
        ``LOWER`` attribute), opens a search window.
    RETURNS (list[Candidate]): the winning matches, negative ones removed.
    """
    found: list[Candidate] = []
    folded = fold_case(text)
    windows = list(_windows(doc, is_trigger))
    pieces = [folded[start:end] for start, end in windows]
    # Needles are looked for in all windows at once ("\0" is in none), then window by window.
    in_windows = index.present("\0".join(pieces), index.needles)
    entries = index.searchable(index.entries, in_windows)
    wanted = index.wanted(entries, in_windows)
    for (start, end), piece in zip(windows, pieces, strict=True):
        for rule, *_ in index.searchable(entries, index.present(piece, wanted)):
            for match in rule.regex.finditer(text, start, end):
                found.append(Candidate(match.start(), match.end(), rule, match))
    found.sort(key=lambda c: (c.start - c.end, c.rule.type != "NONE", c.rule.priority, c.start))
    taken: list[Candidate] = []
    occupied: set[int] = set()
    for candidate in found:
        span = range(candidate.start, candidate.end)
        if candidate.start == candidate.end or any(i in occupied for i in span):
            continue
        occupied.update(span)
        taken.append(candidate)
    names = _name_spans(doc)
    return sorted(
        (c for c in taken if c.rule.type != "NONE" and not _inside_name(c, names, text)),
        key=lambda c: c.start,
    )


def fold_case(text: str) -> str:
    """Lower-case ``text`` as a case-insensitive pattern compares it, keeping every offset."""
    return (text if text.isascii() else text.translate(_CASE_FOLD)).lower()


class RuleIndex:
    """The rules in priority order, and which of them may match in a piece of text.

    A rule with a needle set (``Rule.needles``) none of whose strings a text holds cannot match
    in it, so its search is skipped; the matches found are exactly those of searching every rule.
    Needles are bits of an int: a text's needles are one mask, a rule's sets three more.

    rules (tuple[Rule, ...]): compiled rules in priority order.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        names = sorted({n for rule in rules for group in rule.needles for n in group})
        self.needles = [(needle, 2 << i) for i, needle in enumerate(names)]
        bits = dict(self.needles)
        self.entries = [
            (rule, *_padded([sum(bits[n] for n in group) for group in rule.needles]))
            for rule in rules
        ]

    @staticmethod
    def present(folded: str, needles: Iterable[_Needle]) -> list[_Needle]:
        """The ``needles`` in ``folded`` (text passed through :func:`fold_case`)."""
        return [
            (needle, bit)
            for needle, bit in needles
            if (needle in folded if needle != DIGIT else _DIGIT_CHAR.search(folded))
        ]

    @staticmethod
    def searchable(entries: Iterable[_Entry], needles: list[_Needle]) -> list[_Entry]:
        """The ``entries``, in their order, whose rule may match a text holding ``needles``."""
        mask = _ALWAYS + sum(bit for _, bit in needles)  # distinct powers of two
        return [e for e in entries if e[1] & mask and e[2] & mask and e[3] & mask]

    @staticmethod
    def wanted(entries: Iterable[_Entry], needles: list[_Needle]) -> list[_Needle]:
        """The ``needles`` that some of the ``entries`` look for."""
        mask = 0
        for _, first, second, third in entries:
            mask |= first | second | third
        return [(needle, bit) for needle, bit in needles if bit & mask]


def _padded(masks: list[int]) -> tuple[int, int, int]:
    """Exactly three set masks: fewer sets are padded with the always-set bit; more, cut."""
    first, second, third = (masks + [_ALWAYS] * 3)[:3]
    return first, second, third


def _name_spans(doc: Doc) -> tuple[list[int], list[int]]:
    """Starts and ends of the named entities that are not times or numbers, in text order."""
    names = [ent for ent in doc.ents if ent.label_ not in _TEMPORAL_LABELS]
    return [ent.start_char for ent in names], [ent.end_char for ent in names]


def _inside_name(candidate: Candidate, names: tuple[list[int], list[int]], text: str) -> bool:
    """Whether a longer name contains the candidate ("The Apollo 1969 Foundation").

    A name that adds only a determiner ("the Aug. 7" tagged as an event) hides nothing.
    """
    starts, ends = names
    index = bisect_right(starts, candidate.start) - 1
    if index < 0:
        return False
    start, end = starts[index], ends[index]
    if candidate.end > end or end - start <= candidate.end - candidate.start:
        return False
    before = text[start : candidate.start].strip().lower()
    return before not in _DETERMINERS or bool(text[candidate.end : end].strip())


def _windows(doc: Doc, is_trigger: Callable[[int], bool]) -> Iterator[tuple[int, int]]:
    """Character ranges around the trigger tokens, read from token arrays (no Token objects)."""
    if not len(doc):
        return
    lower, starts, lengths, spaces = doc.to_array([LOWER, IDX, LENGTH, IS_SPACE]).T
    words, word_of_token = np.unique(lower, return_inverse=True)
    triggers = np.fromiter(map(is_trigger, words.tolist()), bool, len(words))
    merged: list[list[int]] = []
    for i in np.flatnonzero(triggers[word_of_token]).tolist():
        low, high = max(i - WINDOW_TOKENS, 0), min(i + WINDOW_TOKENS, len(doc) - 1)
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = high
        else:
            merged.append([low, high])
    long_spaces = np.flatnonzero(spaces.astype(bool) & (lengths > MAX_MATCH_CHARS)).tolist()
    for low, high in _split_at(merged, long_spaces):
        start, end = int(starts[low]), int(starts[high] + lengths[high])
        while end - start > MAX_WINDOW_CHARS:
            yield start, start + MAX_WINDOW_CHARS
            start += MAX_WINDOW_CHARS - MAX_MATCH_CHARS
        yield start, end


def _split_at(ranges: list[list[int]], cuts: list[int]) -> Iterator[tuple[int, int]]:
    """Cut token ranges at the (sorted) token indices ``cuts``: whitespace tokens longer than
    any match, which nothing can span."""
    for low, high in ranges:
        first = low
        for i in cuts[bisect_left(cuts, low) : bisect_right(cuts, high)]:
            if first < i:
                yield first, i - 1
            first = i + 1
        if first <= high:
            yield first, high


class TenseFinder:
    """Finds the tense of the clause around a character span of one document.

    doc (Doc): the document; token offsets are indexed once, so each look-up is logarithmic in
        the document length.
    parse (Callable[[list[Span]], list[Doc]] | None): for a document only split into sentences
        (the fast time-only path), parses sentences each alone: those :meth:`prepare` names in one
        batch, any other when its tense is asked for. A document with neither parse nor sentences
        has no tenses.
    """

    def __init__(self, doc: Doc, parse: Callable[[list[Span]], list[Doc]] | None = None) -> None:
        self.doc = doc
        self.parsed = doc.has_annotation("DEP")
        self.parse = parse if not self.parsed and doc.has_annotation("SENT_START") else None
        self.starts = doc.to_array(IDX).tolist() if self.parsed or self.parse else []
        self._sentences: dict[int, tuple[Doc, list[int]]] = {}

    def prepare(self, spans: list[tuple[int, int]]) -> None:
        """Parse at once the sentences around the character spans whose tense will be asked."""
        if self.parse is None or not self.starts:
            return
        sentences = {}
        for start, _ in spans:
            sentence = self._sentence(start)
            if sentence.start_char not in self._sentences:
                sentences[sentence.start_char] = sentence
        for offset, parsed in zip(sentences, self.parse(list(sentences.values())), strict=True):
            self._sentences[offset] = (parsed, parsed.to_array(IDX).tolist())

    def __call__(self, start: int, end: int) -> str | None:
        """Return "past", "present" or "future" for the verb governing ``start:end``, or None."""
        if self.parsed:
            return _span_tense(self.doc, self.starts, start, end)
        if self.parse is None or not self.starts:
            return None
        offset = self._sentence(start).start_char
        if offset not in self._sentences:
            self.prepare([(start, end)])
        parsed, starts = self._sentences[offset]
        return _span_tense(parsed, starts, start - offset, end - offset) if starts else None

    def _sentence(self, start: int) -> Span:
        return self.doc[max(bisect_right(self.starts, start) - 1, 0)].sent


def _span_tense(doc: Doc, starts: list[int], start: int, end: int) -> str | None:
    """The tense of the clause around ``start:end`` of a parsed ``doc`` (token offsets
    ``starts``)."""
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_left(starts, end), first + 1)
    span = doc[first:last]
    verb = _governing_verb(span)
    if verb is None:
        return None
    tense = clause_tense(verb)
    if tense == PAST and span.root.head.lower_ in _END_POINT_PREPOSITIONS:
        return PROSPECTIVE
    if tense == PROSPECTIVE and verb.lemma_ in FUTURE_HEADS and span.end <= verb.i:
        return PAST  # fronted, it dates the planning: "On Friday, the firm planned to ..."
    return tense


def _governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(12):
        inside = span.start <= token.i < span.end
        if token.pos_ in ("VERB", "AUX") and not inside:
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None
