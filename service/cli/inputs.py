"""Batch inputs: JSON Lines (gzip read transparently), a folder of ``.txt`` files, or TimeML
files; each record checked as the API checks a request, so a bad one gets the API's problem.
"""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import marshmallow as ma
from marshmallow import fields, validate

from service.api.problems import problem_body
from service.api.schemas import TimelineRequestSchema
from service.api.timeline import text_too_long
from service.corpora.timeml import parse_timeml
from service.pipeline import DocumentRequest

GZIP_MAGIC = b"\x1f\x8b"
# What the API (webargs) says of a body that is not JSON.
NOT_JSON = {"json": ["Invalid JSON body."]}


class BatchRecordSchema(TimelineRequestSchema):
    """A batch record: a ``/v1/timeline`` request whose ``id`` is required (it names the record
    in the output and lets ``--resume`` skip it). Fields the API does not know (a story key, a
    source) are ignored."""

    class Meta:
        unknown = ma.EXCLUDE

    id = fields.String(required=True, validate=validate.Length(min=1, max=256))


@dataclass(frozen=True)
class RawRecord:
    """One input record before validation: where it is, and its values (None when unreadable)."""

    where: dict[str, Any]
    values: Any = None
    problem: dict[str, Any] | None = None


@dataclass(frozen=True)
class Document:
    """A valid record: where it came from, the request, and its story key (if grouped)."""

    where: dict[str, Any]
    request: DocumentRequest
    story: str | None = None


@dataclass(frozen=True)
class BadRecord:
    """An invalid record: where it is, its id if it has one, and the API's problem."""

    where: dict[str, Any]
    id: str | None
    problem: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        """The line of ``errors.jsonl``: where, id, problem."""
        return {**self.where, "id": self.id, "problem": self.problem}


def open_text(path: Path) -> IO[bytes]:
    """Open a file for reading, through gzip when it starts with gzip's magic bytes."""
    with path.open("rb") as probe:
        compressed = probe.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _tml_files(path: Path) -> list[Path]:
    return [path] if path.suffix == ".tml" else sorted(path.rglob("*.tml"))


def input_kind(path: Path) -> str:
    """``jsonl``, ``txt`` or ``timeml``: a file is JSON Lines unless it ends in ``.tml``; a folder
    holds TimeML when it has ``.tml`` files, else ``.txt`` files."""
    if path.is_file():
        return "timeml" if path.suffix == ".tml" else "jsonl"
    if not path.is_dir():
        raise FileNotFoundError(f"no such file or folder: {path}")
    return "timeml" if _tml_files(path) else "txt"


def count_records(path: Path) -> int:
    """How many records ``read_records`` will yield (non-blank lines, or files)."""
    kind = input_kind(path)
    if kind == "jsonl":
        with open_text(path) as stream:
            return sum(1 for line in stream if line.strip())
    if kind == "timeml":
        return len(_tml_files(path))
    return sum(1 for _ in path.rglob("*.txt"))


def read_records(path: Path) -> Iterator[RawRecord]:
    """The records of an input, in order (lines, or files sorted by path)."""
    kind = input_kind(path)
    if kind == "jsonl":
        yield from _read_jsonl(path)
    elif kind == "timeml":
        for file in _tml_files(path):
            yield _read_timeml(file, path)
    else:
        for file in sorted(path.rglob("*.txt")):
            name = file.relative_to(path).as_posix()
            where = {"file": name}
            try:
                text = file.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                yield RawRecord(where, problem=problem_body(400, "The file is not UTF-8 text."))
                continue
            yield RawRecord(where, {"id": name.removesuffix(".txt"), "text": text})


def _read_jsonl(path: Path) -> Iterator[RawRecord]:
    with open_text(path) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            where = {"line": number}
            try:
                yield RawRecord(where, json.loads(line.decode("utf-8")))
            except (UnicodeDecodeError, ValueError, RecursionError):
                yield RawRecord(where, problem=problem_body(400, errors=NOT_JSON))


def _read_timeml(file: Path, root: Path) -> RawRecord:
    name = file.name if file == root else file.relative_to(root).as_posix()
    where = {"file": name}
    try:
        document = parse_timeml(file.read_text(encoding="utf-8"), str(file))
    except (UnicodeDecodeError, ET.ParseError) as error:
        return RawRecord(where, problem=problem_body(400, f"The file is not TimeML: {error}."))
    date = document.dct.isoformat() if document.dct is not None else None
    return RawRecord(where, {"id": document.doc_id, "text": document.text, "document_date": date})


class Validator:
    """Checks records as the API checks requests, and refuses an id seen before in the run.

    max_chars (int): MAX_TEXT_CHARS.
    annotations (tuple[str, ...] | None): what to extract when a record does not say.
    story_key (str | None): the field that groups records into stories.
    schema (ma.Schema | None): the request schema. Defaults to :class:`BatchRecordSchema`.
    """

    def __init__(
        self,
        max_chars: int,
        annotations: tuple[str, ...] | None = None,
        story_key: str | None = None,
        schema: ma.Schema | None = None,
    ) -> None:
        self.schema = schema or BatchRecordSchema()
        self.max_chars = max_chars
        self.annotations = annotations
        self.story_key = story_key
        self.seen: set[str] = set()

    def request(self, values: Any) -> DocumentRequest | dict[str, Any]:
        """The request a record's values make, or the problem the API would answer them with."""
        if isinstance(values, dict) and self.annotations and "annotations" not in values:
            values = {**values, "annotations": list(self.annotations)}
        try:
            body = self.schema.load(values)
        except ma.ValidationError as error:
            return _unprocessable(error.normalized_messages())
        message = text_too_long(body["text"], self.max_chars)
        if message is not None:
            return _unprocessable({"text": [message]})
        return DocumentRequest(
            body["text"],
            body["document_date"],
            body["id"],
            body["language"],
            tuple(body["annotations"]),
        )

    def check(self, record: RawRecord) -> Document | BadRecord:
        """The document of a valid record, or a bad record with the API's problem."""
        values = record.values
        identifier = values.get("id") if isinstance(values, dict) else None
        identifier = identifier if isinstance(identifier, str) else None
        if record.problem is not None:
            return BadRecord(record.where, identifier, record.problem)
        request = self.request(values)
        if isinstance(request, dict):
            return BadRecord(record.where, identifier, request)
        if request.id in self.seen:
            duplicate = {"id": [f"Duplicate document id {request.id!r}."]}
            return BadRecord(record.where, identifier, _unprocessable(duplicate))
        self.seen.add(request.id or "")
        story = values.get(self.story_key) if self.story_key else None
        return Document(record.where, request, None if story is None else str(story))


def _unprocessable(messages: Any) -> dict[str, Any]:
    return problem_body(422, errors={"json": messages})
