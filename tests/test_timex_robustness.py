"""A 100 000-character adversarial text is tagged in bounded time (a hang guard only)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Generous: the point is to catch catastrophic backtracking, which takes hours, not seconds.
HANG_GUARD_SECONDS = 300
SCRIPT = """
import spacy
from datetime import datetime
from bench.timex_share import adversarial_text
from service.pipeline.pipeline import DEFAULT_MODEL
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
