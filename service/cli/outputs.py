"""Batch outputs: a folder of JSON Lines part files, each written whole under a temporary name
and then renamed (a killed run leaves only whole parts), and ``errors.jsonl``.

``part-NNNNN.jsonl[.gz]`` holds one ``/v1/timeline`` response per document;
``story-NNNNN.jsonl[.gz]`` (with ``--story-key``) one story per group, written before the part
of the same partition, so a story whose part is missing is from an interrupted partition.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from service.cli.inputs import open_text

ERRORS_FILE = "errors.jsonl"
_PART = re.compile(r"^(part|story)-(\d+)\.jsonl(\.gz)?$")


def dumps(value: Any) -> str:
    """JSON as the API serialises its bodies: compact, ASCII, the schemas' field order."""
    return json.dumps(value, separators=(",", ":"))


def part_name(kind: str, index: int, compress: bool) -> str:
    """``part-00007.jsonl`` (``.gz`` when compressed); ``kind`` is ``part`` or ``story``."""
    return f"{kind}-{index:05d}.jsonl" + (".gz" if compress else "")


def write_part(folder: Path, name: str, lines: Iterable[Any]) -> None:
    """Write JSON lines to ``folder/name`` whole: a temporary file, flushed, then renamed."""
    target = folder / name
    temporary = folder / f".{name}.tmp"
    with temporary.open("wb") as raw:
        stream: IO[bytes] = (
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) if name.endswith(".gz") else raw
        )
        for line in lines:
            stream.write(dumps(line).encode("utf-8") + b"\n")
        if stream is not raw:
            stream.close()
        raw.flush()
        os.fsync(raw.fileno())
    temporary.replace(target)


@dataclass
class Finished:
    """What an earlier run left in the output folder: ids written, the next part number, and
    the records already reported in ``errors.jsonl`` (by where they are)."""

    ids: set[str] = field(default_factory=set)
    next_index: int = 0
    reported: set[str] = field(default_factory=set)


def where_key(where: dict[str, Any]) -> str:
    """A record's position as a comparable key (``{"line": 3}`` -> ``line=3``)."""
    return ",".join(f"{key}={value}" for key, value in sorted(where.items()))


def scan_output(folder: Path) -> Finished:
    """Read what a killed or finished run wrote, and tidy it for a resumed run: temporary files
    are removed, and so is a story whose partition's part was never written."""
    finished = Finished()
    parts: dict[int, Path] = {}
    stories: dict[int, Path] = {}
    for path in folder.iterdir():
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            path.unlink()
            continue
        match = _PART.match(path.name)
        if match is None:
            continue
        index = int(match.group(2))
        (parts if match.group(1) == "part" else stories)[index] = path
        finished.next_index = max(finished.next_index, index + 1)
    for index, path in stories.items():
        if index not in parts:
            path.unlink()
    for path in parts.values():
        with open_text(path) as stream:
            finished.ids.update(json.loads(line)["document"]["id"] for line in stream)
    errors = folder / ERRORS_FILE
    if errors.exists():
        with errors.open("rb") as stream:
            for line in stream:
                try:
                    record = json.loads(line)
                except ValueError:  # a line cut short by a kill: its record runs again
                    continue
                where = {k: v for k, v in record.items() if k not in {"id", "problem"}}
                finished.reported.add(where_key(where))
    return finished


class ErrorLog:
    """``errors.jsonl``, appended one flushed line per bad record; a line a killed run left cut
    short is dropped first (its record is reported again)."""

    def __init__(self, folder: Path) -> None:
        path = folder / ERRORS_FILE
        if path.exists():
            data = path.read_bytes()
            if data and not data.endswith(b"\n"):
                with path.open("r+b") as stream:
                    stream.truncate(data.rfind(b"\n") + 1)
        self.stream = path.open("ab")

    def write(self, record: dict[str, Any]) -> None:
        """Append one record and flush it."""
        self.stream.write(dumps(record).encode("utf-8") + b"\n")
        self.stream.flush()

    def close(self) -> None:
        """Close the file."""
        self.stream.close()
