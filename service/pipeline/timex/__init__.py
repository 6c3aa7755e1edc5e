"""Time-expression stage: HeidelTime-style rules as data, two-phase normalisation.

>>> tagger = TimexTagger(nlp)              # loads and validates service/resources/en once
>>> tagger(nlp("They met on Tuesday."), datetime(2017, 5, 9))
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from service.pipeline.records import TimeExpression
from service.pipeline.timex.discourse import locate
from service.pipeline.timex.functions import UnnormalisableError, warm_up
from service.pipeline.timex.grammar import is_valid_value
from service.pipeline.timex.intervals import interval_of
from service.pipeline.timex.normalise import fill
from service.pipeline.timex.recognise import RuleIndex, TenseFinder, find_candidates
from service.pipeline.timex.resolve import UNITS, ReferenceDates, resolve
from service.pipeline.timex.rules import RESOURCES, load_rules

__all__ = ["TimexTagger"]

# Distinct lower-cased words whose trigger test is remembered (bounded: the service runs long).
TRIGGER_CACHE_SIZE = 50_000
# Rank of the finest unit a resolved value pins down, by its length (see resolve.ReferenceDates).
_RANK_BY_LENGTH = {4: UNITS["year"].rank, 7: UNITS["month"].rank, 10: UNITS["day"].rank}
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_HALF = re.compile(r"\d{4}-H[12]")
# Values computed from the reporting period compare with it; they do not replace it.
_COMPARISONS = ("REL PERIOD", "IN PERIOD")
# A reporting span longer than a quarter ("the nine months", "the fiscal year"): after it,
# "a year earlier" is the year before, not the quarter a year before.
_LONG_SPAN = re.compile(r"P(?:[4-9]|1[0-2])M|P[2-4]Q|P1Y")
# What separates a length of time from the date it counts from ("days after Oct. 12").
_ONE_WORD = re.compile(r"\s+\w+\s+")
# Components the tense of a clause does not need, skipped when a sentence is parsed on demand.
_NOT_FOR_TENSE = ("ner",)


class TimexTagger:
    """Finds and normalises TIMEX3 time expressions.

    nlp (Language): the shared spaCy pipeline (its parse gives the tense of each clause; a
        document only split into sentences has the sentences that need a tense parsed alone).
    resources (Path): folder of the rule data. Defaults to ``service/resources/en``.
    """

    def __init__(self, nlp: Language, resources: Path = RESOURCES) -> None:
        self.nlp = nlp
        self.ruleset = load_rules(resources)
        self.index = RuleIndex(self.ruleset.rules)
        triggers, strings = self.ruleset.triggers, nlp.vocab.strings
        # By string id: a word's id is its hash, the same in every memory zone.
        self._is_trigger = lru_cache(maxsize=TRIGGER_CACHE_SIZE)(
            lambda word_id: triggers.fullmatch(strings[word_id]) is not None
        )
        self._skipped = [name for name in _NOT_FOR_TENSE if name in nlp.pipe_names]
        warm_up()

    def parse_sentences(self, sentences: list[Span]) -> list[Doc]:
        """Parse sentences, each alone, for the tense of their clauses (no named entities)."""
        copies = (sentence.as_doc() for sentence in sentences)
        return list(self.nlp.pipe(copies, disable=self._skipped))

    def __call__(
        self, doc: Doc, document_date: datetime | None, text: str | None = None
    ) -> list[TimeExpression]:
        """Return the time expressions of ``doc``, values resolved against ``document_date``.

        doc (Doc): the parsed document, or one only split into sentences (no names then).
        document_date (datetime | None): the document date; None leaves relative values as
            placeholders.
        text (str | None): ``doc.text`` if the caller has it (spaCy rebuilds it token by token).
        RETURNS (list[TimeExpression]): expressions in text order, ids "t1", "t2", ...
        """
        dct = document_date.date() if document_date is not None else None
        references = ReferenceDates(dct)
        found: list[TimeExpression] = []
        text = doc.text if text is None else text
        filled = []
        open_end: int | None = None  # where the last length of time with no known end stops
        for candidate in find_candidates(doc, text, self.index, self._is_trigger):
            try:
                filled.append(
                    (candidate, *fill(candidate.rule, candidate.match, self.ruleset.tables))
                )
            except UnnormalisableError:
                continue
        tense_of = TenseFinder(doc, self.parse_sentences)
        tense_of.prepare([(c.start, c.end) for c, raw, *_ in filled if _by_tense(raw)])
        for candidate, raw, mod, placed in filled:
            tense = tense_of(candidate.start, candidate.end) if _by_tense(raw) else None
            try:
                value = resolve(raw, references, tense)
            except UnnormalisableError:
                continue
            if not is_valid_value(value):
                continue
            timex_type = candidate.rule.type
            interval, reference = locate(placed, value, timex_type, references)
            if timex_type == "DURATION" and interval is None:
                references, open_end = replace(references, moved=True), candidate.end
            if reference is not None and not raw.startswith(_COMPARISONS):
                # "eight days after Oct. 12": the date is where that length of time starts.
                starts_it = open_end is not None and bool(
                    _ONE_WORD.fullmatch(text[open_end : candidate.start])
                )
                references = _with_reference(replace(references, moved=starts_it), reference)
            elif (
                timex_type == "DURATION"
                and _LONG_SPAN.fullmatch(value)
                and candidate.match.group(0)[:4].lower() == "the "
            ):
                references = replace(references, period_unit="year")
            found.append(
                TimeExpression(
                    id=f"t{len(found) + 1}",
                    text=text[candidate.start : candidate.end],
                    start=candidate.start,
                    end=candidate.end,
                    type=timex_type,
                    value=value,
                    interval=interval,
                    mod=mod or None,
                    rule=candidate.rule.name,
                )
            )
        return found


def _by_tense(raw: str) -> bool:
    """Whether a filled value seeks a day or month in the direction of its clause's tense."""
    return raw.startswith("SEEK ") and raw.split()[3:4] == ["~"]


def _with_reference(references: ReferenceDates, value: str) -> ReferenceDates:
    """Make a resolved DATE the discourse reference, or the reporting period.

    A quarter or half becomes the reporting period only once it is over by the document date:
    results are reported for past periods, and a forecast ("losses through the third quarter
    of next year") is not what "a year earlier" compares with. A date other than the document
    date itself also becomes what "that year" refers to (reference ``THEN``).
    """
    interval = interval_of(value)
    if interval is None:
        return references
    start = date.fromisoformat(interval.start[:10])
    end = date.fromisoformat(interval.end[:10])
    calendar_part = value.partition("T")[0]
    if _QUARTER.fullmatch(calendar_part) or _HALF.fullmatch(calendar_part):
        if references.dct is not None and start > references.dct:
            return references
        unit = "quarter" if _QUARTER.fullmatch(calendar_part) else "half"
        return replace(references, period=start, period_unit=unit)
    rank = _RANK_BY_LENGTH.get(len(calendar_part), -1)
    if rank < 0:
        return references
    if start == end == references.dct:  # the document's present: "today", the dateline
        return replace(references, ref=start, ref_rank=rank)
    return replace(references, ref=start, ref_rank=rank, then=start, then_rank=rank)
