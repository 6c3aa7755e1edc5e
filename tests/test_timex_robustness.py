"""A 100 000-character adversarial text is tagged in bounded time (a hang guard only), and the
rule prefilter skips only searches that cannot match."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from service.pipeline.timex.recognise import RuleIndex, find_candidates

ROOT = Path(__file__).resolve().parents[1]
# Generous: the point is to catch catastrophic backtracking, which takes hours, not seconds.
HANG_GUARD_SECONDS = 300
SCRIPT = """
import spacy
from datetime import datetime
from bench.timex_share import adversarial_text
from service.pipeline.facade import DEFAULT_MODEL
from service.pipeline.timex import TimexTagger
nlp = spacy.load(DEFAULT_MODEL)
tagger = TimexTagger(nlp)
anchor = datetime(2017, 5, 9)
tagger(nlp(adversarial_text()), anchor)
for text in ("May 12 " * 14000, "1" * 100000, "Friday" + " " * 100000, "٣" * 100000):
    tagger(nlp.make_doc(text), anchor)  # tokens only: the stage alone, without the parse
print("done")
"""


def test_adversarial_text_finishes():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=True,
    )
    assert result.stdout.strip() == "done"


# Odd case and digits: "ſ" and "ı" match "s" and "i" case-insensitively, "İ" lower-cases to two
# characters, "٣" is a digit; the needle prefilter must keep every rule that could match.
PREFILTER_TEXTS = [
    "The talks began on Tueſday, Jan. 5, and ended on FrİDAY at 3 p.m. after two weeks.",
    "Sales rose 5% in the fırst quarter of 2012 from a year earlier; each Monday it halts.",
    "It opened ٣ days ago, in the ſpring of 1998, during the 1990s, for the past 10 years.",
    "He is 45 years old.\n\n" + "MAY 12 " * 40 + "the decade-long war ended on 12/31/99.",
]


@pytest.mark.parametrize("text", PREFILTER_TEXTS)
def test_needle_prefilter_finds_what_searching_every_rule_finds(pipeline, text):
    rules = pipeline.timex.ruleset.rules
    unfiltered = RuleIndex(tuple(replace(rule, needles=()) for rule in rules))
    doc = pipeline.nlp(text)
    is_trigger = pipeline.timex._is_trigger

    def spans(index: RuleIndex) -> list[tuple[int, int, str, tuple]]:
        found = find_candidates(doc, text, index, is_trigger)
        return [(c.start, c.end, c.rule.name, c.match.groups()) for c in found]

    assert spans(pipeline.timex.index) == spans(unfiltered)
    assert spans(unfiltered)
