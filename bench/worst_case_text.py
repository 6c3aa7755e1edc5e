"""The worst case of one text: seconds for 100 000-character texts built to be expensive.

Usage: .venv/bin/python bench/worst_case_text.py [--chars 100000] [--max-tokens 12000]

Each text in ``_dense_texts.UNITS``, repeated to --chars characters, goes through
``TimelinePipeline.process`` with the service's token limit (MAX_TEXT_TOKENS, default 12 000):
either it is processed or refused before the parse; a refused one is also cut to the most tokens
the limit lets through and processed, the worst case of its kind. Prints characters, tokens,
seconds and the outcome per text, then the worst. Target: every text under 3 s on this machine.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from _common import machine_note, table
from _dense_texts import UNITS, dense_text

from service.pipeline import TextTooLongError, TimelinePipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--max-tokens", type=int, default=12_000, help="0: no limit")
    args = parser.parse_args()
    pipeline = TimelinePipeline(max_tokens=args.max_tokens or None)
    rows = []
    for unit in UNITS:
        text = dense_text(unit, args.chars)
        doc = pipeline.nlp.make_doc(text)
        texts = [(text, len(doc))]
        if args.max_tokens and len(doc) > args.max_tokens:
            # the longest text of this kind the limit lets through: its first max_tokens tokens
            texts.append((text[: doc[args.max_tokens - 1].idx + 1], args.max_tokens))
        for variant, tokens in texts:
            started = time.perf_counter()
            try:
                pipeline.process(variant, date(2017, 5, 9))
                outcome = "processed"
            except TextTooLongError:
                outcome = "refused (422)"
            seconds = time.perf_counter() - started
            rows.append((repr(unit[:12]), len(variant), tokens, seconds, outcome))
    print(table(("unit", "characters", "tokens", "seconds", "outcome"), rows))
    worst = max(rows, key=lambda row: row[3])
    print(f"worst: {worst[0]} {worst[3]:.2f} s for {worst[1]} characters (target < 3 s)")
    print(machine_note())


if __name__ == "__main__":
    main()
