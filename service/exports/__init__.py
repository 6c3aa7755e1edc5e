"""Exports: the API's response (the schema's output) turned into other formats.

Each module takes the JSON that ``/v1/timeline`` (a document) or ``/v1/timelines`` (a story)
returns, as a dict, with the submitted text(s) where the format needs them, and returns the
format's text. Nothing here knows about Flask or spaCy, so the command line can reuse it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from service.exports import csv, jsonld, timelinejs, timeml


@dataclass(frozen=True)
class Format:
    """An export format: its name (the ``format`` query value), media type and writers."""

    name: str
    media_type: str
    document: Callable[[Mapping[str, Any], str], str]
    story: Callable[[Mapping[str, Any], Mapping[str, str]], str]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("timelinejs", timelinejs.MEDIA_TYPE, timelinejs.document, timelinejs.story),
        Format("timeml", timeml.MEDIA_TYPE, timeml.document, timeml.story),
        Format("csv", csv.MEDIA_TYPE, csv.document, csv.story),
        Format("jsonld", jsonld.MEDIA_TYPE, jsonld.document, jsonld.story),
    )
}
"""Every export format by name, in the order they are offered."""
