"""``timeline extract``: one document from a file or stdin, its timeline to stdout."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

from service.api.problems import error_problem, problem_body
from service.api.schemas import TimelineRequestSchema
from service.cli.formats import FORMATS
from service.cli.inputs import Validator
from service.cli.outputs import dumps
from service.cli.work import worker_pipeline
from service.config import load_config
from service.pipeline import PipelineError


def read_document(source: str, stdin: IO[bytes]) -> bytes:
    """The bytes of ``source``: a file path, or ``-`` for stdin."""
    return stdin.read() if source == "-" else Path(source).read_bytes()


def extract(
    data: bytes,
    document_date: str | None,
    document_id: str | None,
    annotations: tuple[str, ...] | None,
    output_format: str,
) -> tuple[str, dict[str, Any] | None]:
    """Process one document as ``POST /v1/timeline`` would.

    data (bytes): the text, UTF-8.
    document_date (str | None): ISO 8601 date or date-time, as the API takes it.
    document_id (str | None): echoed in ``document.id``.
    annotations (tuple[str, ...] | None): what to extract (default: all).
    output_format (str): a key of ``FORMATS``.
    RETURNS (tuple): the rendered document and None, or "" and the API's problem.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "", problem_body(400, "The text is not UTF-8.")
    config = load_config()
    fields: dict[str, Any] = {"text": text, "document_date": document_date, "id": document_id}
    validator = Validator(config["MAX_TEXT_CHARS"], annotations, schema=TimelineRequestSchema())
    request = validator.request(fields)
    if isinstance(request, dict):
        return "", request
    pipeline = worker_pipeline(config["SPACY_MODEL"], config["MAX_TEXT_TOKENS"] or None)
    try:
        result = next(pipeline.process_many([request]))
    except PipelineError as error:
        return "", problem_body(*error_problem(error))
    return FORMATS[output_format](result, text), None


def run_extract(
    source: str,
    document_date: str | None,
    document_id: str | None,
    annotations: tuple[str, ...] | None,
    output_format: str,
) -> int:
    """Print the document's rendering to stdout (exit 0), or the API's problem to stderr (1)."""
    rendered, problem = extract(
        read_document(source, sys.stdin.buffer),
        document_date,
        document_id,
        annotations,
        output_format,
    )
    if problem is not None:
        print(dumps(problem), file=sys.stderr)
        return 1
    sys.stdout.write(rendered + "\n")
    return 0
