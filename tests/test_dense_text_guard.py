"""Generated expensive texts of up to 100 000 characters finish: processed or refused, never hung.

The pipeline runs in a subprocess that a hard limit kills (a guard against hangs, not a timing
assertion: bench/worst_case_text.py prints the seconds).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from bench._dense_texts import UNITS, dense_text
from service.config import SETTINGS

MAX_TOKENS = next(s.default for s in SETTINGS if s.name == "MAX_TEXT_TOKENS")
WORKER = textwrap.dedent(
    f"""
    import json, sys
    from service.pipeline import TextTooLongError, TimelinePipeline
    pipeline = TimelinePipeline(max_tokens={MAX_TOKENS})
    for text in json.load(sys.stdin):
        try:
            pipeline.process(text, None)
            print("processed")
        except TextTooLongError:
            print("refused")
    """
)
UNIT = st.sampled_from(UNITS) | st.text(
    alphabet=st.sampled_from("0123456789-/:., \nMayFebruaryMonday"), min_size=1, max_size=8
)


@settings(max_examples=3, deadline=None)
@given(st.lists(st.tuples(UNIT, st.integers(1_000, 100_000)), min_size=4, max_size=4))
def test_expensive_texts_are_processed_or_refused_within_the_limit(units):
    texts = [dense_text(unit, length) for unit, length in units]
    finished = subprocess.run(
        [sys.executable, "-c", WORKER],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        timeout=120,  # four texts at under 3 s each, plus loading the model, with a wide margin
        check=True,
    )
    assert finished.stdout.split() and set(finished.stdout.split()) <= {"processed", "refused"}
    assert len(finished.stdout.split()) == len(texts)
