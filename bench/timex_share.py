"""Share of pipeline time spent in the time-expression stage against the spaCy parse.

Usage: python -m bench.timex_share [DIR]   (DIR: *.txt or *.tml files; default ../shared/examples)

Prints parse and tagger seconds per corpus and the tagger's share (target: under 15%), then
the same for a 100 000-character adversarial text (digit runs, repeated month names, unicode
digits), whose tagging must stay bounded.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import datetime
from pathlib import Path

import spacy

from service.pipeline.facade import DEFAULT_MODEL
from service.pipeline.timex import TimexTagger

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "examples"
ANCHOR = datetime(2017, 5, 9)
_TAGS = re.compile(r"<[^>]+>")


def adversarial_text(size: int = 100_000) -> str:
    """Build ``size`` characters of text made to stress the rule patterns."""
    pieces = [
        "1" * 500,
        " May March May June 12 13 14 ",
        "٣٤٥٦ ١٩٩٨ ২০১৪ ",
        "the 1990s-1980s-'90s 2014-2015-2016-2017 ",
        "last last last next next Friday Friday ",
        "12:30:45:67 p.m. a.m. 10/11/12/13/14 ",
        "three-four-five-six-year-old " * 3,
    ]
    block = "".join(pieces)
    return (block * (size // len(block) + 1))[:size]


def read_texts(directory: Path) -> list[str]:
    """Read the documents under ``directory``: plain text, or the TEXT part of TimeML."""
    texts = []
    for path in sorted(directory.rglob("*")):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".tml":
            raw = path.read_text(encoding="utf-8")
            body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
            texts.append(_TAGS.sub("", body))
    return texts


def measure(
    nlp: spacy.language.Language, tagger: TimexTagger, texts: list[str]
) -> tuple[float, float]:
    """Return (parse seconds, tagger seconds) over ``texts``."""
    parse = tag = 0.0
    for text in texts:
        start = time.perf_counter()
        doc = nlp(text)
        parse += time.perf_counter() - start
        start = time.perf_counter()
        tagger(doc, ANCHOR)
        tag += time.perf_counter() - start
    return parse, tag


def main(argv: list[str]) -> None:
    """Print the tagger's share of time for the corpus and for the adversarial text."""
    directory = Path(argv[0]) if argv else DEFAULT_DIR
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.max_length = max(nlp.max_length, 200_000)
    tagger = TimexTagger(nlp)
    measure(nlp, tagger, ["Warm-up on Friday, May 5, 2017."])
    for name, texts in (
        (f"{directory} ({len(read_texts(directory))} docs)", read_texts(directory)),
        ("adversarial (100000 chars)", [adversarial_text()]),
    ):
        parse, tag = measure(nlp, tagger, texts)
        share = 100 * tag / (parse + tag) if parse + tag else 0.0
        print(f"{name}: parse {parse:.2f} s, timex {tag:.2f} s, timex share {share:.1f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
