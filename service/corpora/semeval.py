"""SemEval-2015 task 4 (TimeLine) corpora: tokenised TimeML documents and gold actor timelines.

A corpus folder holds TimeML documents (``*.tml``, tokens separated by spaces inside ``<s id>``
sentences) and gold timelines (``*.txt`` beside ``.tml`` files or anywhere below: first line the
actor, then ``position<TAB>date<TAB>doc-sentence-word...``, one event a line, coreferent mentions
on one line, position 0 for events not ordered).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from service.corpora.timeml import parse_dct_value
from service.pipeline.story.build import UNKNOWN_DATE

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,:;!?%)\]}']|'s|'S|n't|'re|'ve|'ll|'d|'m|''|”|’s)$")
_WEEK = re.compile(r"(\d{4})-W(\d\d)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "£", "€"})


@dataclass(frozen=True)
class Token:
    """A token of the text the pipeline reads: its sentence number, word and character span."""

    sentence: int
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class TimelineDocument:
    """One corpus document: id, creation time, detokenised text and its tokens."""

    doc_id: str
    path: str
    dct: date | datetime | None
    text: str
    tokens: tuple[Token, ...]

    def mention_id(self, start: int, end: int) -> str | None:
        """The task's ``doc-sentence-word`` id of the tokens a character span overlaps, several
        joined by ``_`` as the task writes them ("showed_off"); None when it overlaps none."""
        tokens = [t for t in self.tokens if t.start < end and start < t.end]
        if not tokens:
            return None
        sentence = tokens[0].sentence
        words = "_".join(t.word for t in tokens if t.sentence == sentence)
        return f"{self.doc_id}-{sentence}-{words}"


@dataclass(frozen=True)
class TimelineLine:
    """One line of a timeline: position (0: not ordered), XX-padded date, mention ids."""

    position: int
    date: str
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class GoldTimeline:
    """One actor's timeline: the actor's name (first line of the file) and its lines."""

    actor: str
    name: str
    lines: tuple[TimelineLine, ...]


def detokenise(words: Sequence[str], offset: int) -> tuple[str, list[tuple[str, int, int]]]:
    """Join space-separated tokens as running text: no space before "," or "'s" (or a lone
    "'": "Apple ' s" is "Apple's"), none after "(".

    words (Sequence[str]): the tokens of one sentence.
    offset (int): where the sentence starts in the document text.
    RETURNS (tuple[str, list[tuple[str, int, int]]]): the sentence text and (word, start, end)
        of each token, offsets into the document text.
    """
    parts: list[str] = []
    spans = []
    length = offset
    quote_open = False
    for index, word in enumerate(words):
        glue = (
            index == 0
            or _NO_SPACE_BEFORE.match(word) is not None
            or words[index - 1] in _NO_SPACE_AFTER
            or (words[index - 1] == '"' and quote_open)
            or (word == '"' and quote_open)
            or (word == "s" and words[index - 1] == "'")
        )
        if word == '"':
            quote_open = not quote_open
        if not glue:
            parts.append(" ")
            length += 1
        spans.append((word, length, length + len(word)))
        parts.append(word)
        length += len(word)
    return "".join(parts), spans


def parse_timeline_document(xml: str, path: str = "") -> TimelineDocument:
    """Parse one TimeML document of the task into text the pipeline can read, one sentence a line.

    xml (str): the document.
    path (str): where it came from; its stem is the id when there is no <DOCID>. Defaults to "".
    RETURNS (TimelineDocument): text and tokens; annotations inside the sentences are ignored.
    """
    root = ET.fromstring(xml)
    doc_id = (root.findtext("DOCID") or "").strip() or Path(path).stem.split("_")[0]
    dct_timex = root.find("DCT/TIMEX3")
    dct = parse_dct_value(dct_timex.get("value")) if dct_timex is not None else None
    lines: list[str] = []
    tokens: list[Token] = []
    offset = 0
    for sentence in root.iter("s"):
        number = int(sentence.get("id", "0"))
        line, spans = detokenise("".join(sentence.itertext()).split(), offset)
        tokens.extend(Token(number, word, start, end) for word, start, end in spans)
        lines.append(line)
        offset += len(line) + 1
    return TimelineDocument(doc_id, path, dct, "\n".join(lines), tuple(tokens))


def parse_timeline(text: str, name: str = "") -> GoldTimeline:
    """Parse a timeline file: the actor on the first line, then one event a line."""
    rows = [row.split("\t") for row in text.splitlines()]
    lines = tuple(
        TimelineLine(int(row[0]), pad_date(row[1]), tuple(m for m in row[2:] if m))
        for row in rows[1:]
        if len(row) >= 3 and row[0].strip().isdigit()
    )
    return GoldTimeline(rows[0][0].strip() if rows else "", name, lines)


def read_timeline_corpus(
    directory: str | Path, limit: int | None = None
) -> tuple[list[TimelineDocument], list[GoldTimeline]]:
    """Read every ``*.tml`` document and every ``*.txt`` timeline under ``directory``.

    limit (int | None): read only the first ``limit`` documents. Defaults to None (all).
    RETURNS (tuple[list[TimelineDocument], list[GoldTimeline]]): in sorted path order.
    """
    root = Path(directory)
    documents = [
        parse_timeline_document(p.read_text(encoding="utf-8"), str(p))
        for p in sorted(root.rglob("*.tml"))[:limit]
    ]
    timelines = [
        parse_timeline(p.read_text(encoding="utf-8"), p.stem) for p in sorted(root.rglob("*.txt"))
    ]
    return documents, [t for t in timelines if t.actor and t.lines]


def pad_date(value: str | None) -> str:
    """A TIMEX3 value as the task writes dates: ``2010-06`` -> ``2010-06-XX``; a week is the
    month of its Thursday (``2010-W22`` -> ``2010-06-XX``); unknown: X only.

    value (str | None): a TIMEX3 value (``2010-06-07T10:00``, ``2014-FA``, ``198``) or None.
    RETURNS (str): ``YYYY-MM-DD`` with ``XX`` / ``XXXX`` for the parts not known.
    """
    week = _WEEK.match(value or "")
    if week:
        thursday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return f"{thursday:%Y-%m}-XX"
    match = re.match(r"(\d{3}[\dX])(?:-(\d\d)(?:-(\d\d))?)?", value or "")
    if not match:
        return UNKNOWN_DATE
    year, month, day = match.groups()
    if year.endswith("X") and year[:3] == "XXX":
        return UNKNOWN_DATE
    return f"{year}-{month or 'XX'}-{day or 'XX'}"
