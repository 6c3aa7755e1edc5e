"""Whether two names can denote the same actor: aliases, surnames and acronyms.

"Obama", "President Obama" and "Barack Obama" match; "GM" matches "General Motors"; "Apple Inc."
matches "Apple"; matching ignores case, titles before a name and legal-form words after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from service.pipeline.entities.name_forms import POSSESSIVE, PUNCTUATION, acronyms, name_core

__all__ = ["NameIndex", "mentions_name", "name_core", "names_match"]
_NAME_REACH = 5  # a name is sought among the first words of an actor phrase
_LAST_WORD_REACH = 12  # where a name's last word may be when the name starts within the reach
MAX_CANDIDATES = 64
"""Most names :meth:`NameIndex.mentioned` tries for one phrase, so that a text of many names
sharing a last word costs linear time."""


def _short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` ends ``full`` ("Obama" of "Barack Obama") or is its acronym ("GM")."""
    if len(short) >= len(full):
        return False
    if full[-len(short) :] == short and any(c.isalpha() for c in short[-1]):
        return True
    return len(short) == 1 and short[0] in acronyms(full)


def _proper_part(name: str) -> tuple[str, ...]:
    """The core without the lower-case words ending a name that has a capitalised one: they
    describe what it is ("iTunes store" -> ``("itunes",)``); otherwise the core."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].islower() and not all(t.islower() for t in tokens):
        tokens.pop()
    return name_core(" ".join(tokens))


def _inside(part: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``part`` (two words or more) runs through ``full`` to its last word, in order, with at
    most one other word between two of its words: "iTunes store" in "iTunes Music Store"."""
    if len(part) < 2 or len(part) >= len(full):
        return False
    for start in (i for i, word in enumerate(full) if word == part[0]):
        last = start
        for word in part[1:]:
            last = next(
                (i for i in range(last + 1, last + 3) if i < len(full) and full[i] == word), -1
            )
            if last < 0:
                break
        if last == len(full) - 1:
            return True
    return False


@lru_cache(maxsize=65536)
def names_match(first: str, second: str) -> bool:
    """Whether two names can denote the same actor.

    first (str): a name, e.g. a requested actor ("Barack Obama", "iTunes store").
    second (str): another name, e.g. an entity of a document ("President Obama", "iTunes").
    RETURNS (bool): equal cores, one a final part of the other (a surname), an acronym of it,
        or inside it up to its last word; a name's final lower-case words may be left out.
    """
    return any(
        _same_core(a, b) or _short_form(a, b) or _short_form(b, a) or _inside(a, b) or _inside(b, a)
        for a in {name_core(first), _proper_part(first)}
        for b in {name_core(second), _proper_part(second)}
        if a and b
    )


@dataclass(frozen=True)
class _Word:
    """A word of an actor phrase: lower case without punctuation, and how it was written."""

    text: str
    capitalised: bool
    possessive: bool


def _phrase_words(text: str) -> list[_Word]:
    """The words of a phrase; a possessive ("Jobs's", "Jobs '") marks the word it follows."""
    words: list[_Word] = []
    for token in text.split():
        bare = PUNCTUATION.sub("", POSSESSIVE.sub("", token.lower()))
        if bare:
            words.append(_Word(bare, token[:1].isupper(), POSSESSIVE.search(token) is not None))
        elif POSSESSIVE.fullmatch(token) and words:
            words[-1] = replace(words[-1], possessive=True)
    return words


def _same_core(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Equal cores, or equal but for the plural of the last word ("iPods" and "iPod")."""
    return first[:-1] == second[:-1] and (
        _same_word(first[-1], second[-1]) or _same_word(second[-1], first[-1])
    )


def _same_word(word: str, name_word: str) -> bool:
    """Equal, or the plural of a word of letters ("ipods" for "ipod", not "3gs" for "3g")."""
    return word == name_word or (name_word.isalpha() and word == name_word + "s")


def _name_spans(words: list[_Word], core: tuple[str, ...], surname: bool) -> list[tuple[int, int]]:
    """(first, last) word indices where the name's words occur in order, at most one other
    word between two of them, or (``surname``) its capitalised last word alone."""
    spans = []
    for start, word in enumerate(words):
        if not _same_word(word.text, core[0]):
            continue
        last = start
        for name_word in core[1:]:
            following = range(last + 1, min(last + 3, len(words)))
            last = next((i for i in following if _same_word(words[i].text, name_word)), -1)
            if last < 0:
                break
        if last >= 0:
            spans.append((start, last))
    if surname and len(core) > 1:
        spans += [
            (i, i) for i, word in enumerate(words) if word.capitalised and word.text == core[-1]
        ]
    return spans


def mentions_name(text: str, name: str, surname: bool = True) -> bool:
    """Whether an actor phrase names ``name`` as what it is about: the name (one other word
    allowed between two of its words: "the iTunes Music Store") or its capitalised surname
    ("Jobs" for "Steve Jobs"), among the first words of the phrase, not as a possessor ("Jobs's
    health") or after "of" ("the tagline of Steve Jobs").

    text (str): an actor phrase as written ("The iPhone 4", "company CEO Steve Jobs").
    name (str): the requested name.
    surname (bool): whether the name's last word alone names it: a person's surname, not the
        "Group" of "Volkswagen Group". Defaults to True.
    RETURNS (bool): whether the phrase names it.
    """
    core = name_core(name)
    return bool(core) and _names(_phrase_words(text), core, surname)


def _names(words: list[_Word], core: tuple[str, ...], surname: bool) -> bool:
    """:func:`mentions_name` on a phrase's words and a name's core."""
    return any(
        start < _NAME_REACH
        and not words[last].possessive
        and not any(word.text == "of" for word in words[:start])
        for start, last in _name_spans(words, core, surname)
    )


class NameIndex:
    """Names to find in actor phrases (:func:`mentions_name`) without trying every one: a name
    is only tried on a phrase whose first words hold its last word (its surname, or the end of
    its full form), or that word's plural.

    names (Iterable[tuple[str, str, bool]]): (key, name, whether its last word alone names it:
        see :func:`mentions_name`), e.g. (entity id, entity name, True).
    """

    def __init__(self, names: Iterable[tuple[str, str, bool]]) -> None:
        self._by_last_word: dict[str, list[tuple[str, str, tuple[str, ...], bool]]] = {}
        for key, name, surname in names:
            core = name_core(name)
            if core:
                self._by_last_word.setdefault(core[-1], []).append((key, name, core, surname))

    def mentioned(self, text: str) -> list[tuple[str, str]]:
        """The (key, name) pairs whose name the phrase ``text`` names, in index order."""
        words = _phrase_words(text)
        candidates: dict[tuple[str, str, tuple[str, ...], bool], None] = {}
        for word in words[:_LAST_WORD_REACH]:
            for form in {word.text, word.text.removesuffix("s")}:
                for entry in self._by_last_word.get(form, ())[:MAX_CANDIDATES]:
                    candidates.setdefault(entry, None)
        tried = list(candidates)[:MAX_CANDIDATES]
        return [(key, name) for key, name, core, surname in tried if _names(words, core, surname)]
