"""Evaluation against gold corpora: pure functions returning dicts, and a thin CLI.

>>> from service.evaluate import evaluate_timex, read_timeml_dir
>>> docs = read_timeml_dir("../shared/data/tempeval3")
>>> evaluate_timex(docs, predictions)["relaxed"]["f1"]
"""

from service.corpora.meantime import read_meantime_dir
from service.corpora.timeml import parse_timeml, read_timeml_dir
from service.evaluate.actors import evaluate_actors
from service.evaluate.events import evaluate_events
from service.evaluate.matching import SpanKey, match_corpus, match_one_to_one
from service.evaluate.timex import evaluate_timex

__all__ = [
    "SpanKey",
    "evaluate_actors",
    "evaluate_events",
    "evaluate_timex",
    "match_corpus",
    "match_one_to_one",
    "parse_timeml",
    "read_meantime_dir",
    "read_timeml_dir",
]
