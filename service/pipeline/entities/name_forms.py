"""The forms of a name that the entity stage and the story share: its core (without titles and
legal-form words: "Microsoft Corp." -> "microsoft") and its acronyms ("CDC" of "Centers for
Disease Control and Prevention", with or without the words after its last "and")."""

from __future__ import annotations

import re
from functools import lru_cache

from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.story import load_story_lexicon

POSSESSIVE = re.compile(r"['’]s?$")
PUNCTUATION = re.compile(r"[^\w\s&-]")
_ACRONYM_SKIP = load_closed_class().acronym_skip_words


@lru_cache(maxsize=65536)
def name_core(name: str) -> tuple[str, ...]:
    """The lower-case words of a name without titles before it or legal-form words after it.

    name (str): a name as written ("President Obama", "Apple Inc.'s").
    RETURNS (tuple[str, ...]): e.g. ``("obama",)``, ``("apple",)``; empty when nothing is left.
    """
    lexicon = load_story_lexicon()
    words = [PUNCTUATION.sub("", POSSESSIVE.sub("", word)) for word in name.lower().split()]
    words = [word for word in words if word]
    while words and words[0] in lexicon.name_titles:
        words.pop(0)
    while len(words) > 1 and words[-1] in lexicon.name_designators:
        words.pop()
    return tuple(words)


def acronyms(words: tuple[str, ...]) -> set[str]:
    """The lower-case acronyms of a name's core words: the initials of its words (less the skip
    words), and of its words before a last "and" ("Centers for Disease Control and Prevention":
    "cdcp" and "cdc"); none for a one-word name.

    words (tuple[str, ...]): a name's core, as :func:`name_core` returns it.
    RETURNS (set[str]): the acronyms, each at least two letters.
    """
    if len(words) < 2:
        return set()
    forms = [words]
    if "and" in words[2:]:
        forms.append(words[: len(words) - 1 - words[::-1].index("and")])
    found = {"".join(w[0] for w in form if w not in _ACRONYM_SKIP) for form in forms}
    return {a for a in found if len(a) >= 2}
