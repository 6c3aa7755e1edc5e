"""What a batch worker does with one partition: extract each document with the process's one
pipeline, write the responses (and the group's story) as part files, and report the bad ones.

Runs in a local worker process or on a Dask worker; the pipeline is loaded once per process by
:func:`worker_pipeline` and never pickled.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from service.api.problems import error_problem, problem_body
from service.api.schemas import TimelineResponseSchema, TimelinesResponseSchema
from service.cli.inputs import BadRecord, Document
from service.cli.outputs import part_name, write_part
from service.pipeline import TimelinePipeline, TimelineResult
from service.pipeline.story.build import build_story

logger = logging.getLogger("service.cli")
RESPONSE = TimelineResponseSchema()
STORY = TimelinesResponseSchema(only=("timeline", "actor_timelines"))


@dataclass(frozen=True)
class Settings:
    """What every partition of a run shares: where to write, how, and with which model."""

    output: str
    compress: bool
    model: str
    max_tokens: int | None
    actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Partition:
    """Documents written to one part file; ``story`` names the group when they are one story."""

    index: int
    documents: tuple[Document, ...]
    story: str | None = None


@dataclass(frozen=True)
class Report:
    """What a worker sends back: never the results, only how many and the bad records."""

    index: int
    written: int
    errors: tuple[BadRecord, ...]


@functools.cache
def worker_pipeline(model: str, max_tokens: int | None) -> TimelinePipeline:
    """This process's pipeline, loaded on first use and kept for every later partition."""
    return TimelinePipeline(model, max_tokens=max_tokens)


def warm_up(settings: Settings) -> None:
    """Load the pipeline when a worker process starts (a process pool's initializer)."""
    worker_pipeline(settings.model, settings.max_tokens)


def response(result: TimelineResult) -> dict[str, Any]:
    """The ``/v1/timeline`` response body of a result (the API's own schema)."""
    return RESPONSE.dump(result)


def extract(
    pipeline: TimelinePipeline, documents: tuple[Document, ...]
) -> list[TimelineResult | BaseException]:
    """Each document's result, or what the pipeline raised on it alone (as the API would)."""
    try:
        return list(pipeline.process_many(d.request for d in documents))
    except Exception:  # one bad document: redo them one by one to find it
        outcomes: list[TimelineResult | BaseException] = []
        for document in documents:
            try:
                outcomes.append(next(pipeline.process_many([document.request])))
            except Exception as error:  # reported as the API would answer it
                if error_problem(error)[0] == 500:  # a defect, not the client's doing
                    logger.exception("document %r failed", document.request.id)
                outcomes.append(error)
        return outcomes


def run_partition(partition: Partition, settings: Settings) -> Report:
    """Extract a partition, write its part file (and story), and report the bad records."""
    pipeline = worker_pipeline(settings.model, settings.max_tokens)
    outcomes = extract(pipeline, partition.documents)
    done: list[tuple[str, TimelineResult]] = []
    errors = []
    for document, outcome in zip(partition.documents, outcomes, strict=True):
        if isinstance(outcome, TimelineResult):
            done.append((document.request.id or "", outcome))
        else:
            problem = problem_body(*error_problem(outcome))
            errors.append(BadRecord(document.where, document.request.id, problem))
    folder = Path(settings.output)
    if partition.story is not None and done:
        story = build_story(done, settings.actors)
        body = STORY.dump({"timeline": story.timeline, "actor_timelines": story.actor_timelines})
        line = {"story": partition.story, "documents": [i for i, _ in done], **body}
        write_part(folder, part_name("story", partition.index, settings.compress), [line])
    lines = [response(result) for _, result in done]
    write_part(folder, part_name("part", partition.index, settings.compress), lines)
    return Report(partition.index, len(done), tuple(errors))
