"""The output formats of ``timeline extract --format``: one table, so a format added here is
offered by the command line (its choices and help come from ``FORMATS``)."""

from __future__ import annotations

from collections.abc import Callable

from service.cli.outputs import dumps
from service.cli.work import response
from service.pipeline import TimelineResult

# A format renders one document's result, given the text it came from, as the text to print.
Render = Callable[[TimelineResult, str], str]


def render_json(result: TimelineResult, text: str) -> str:
    """The ``/v1/timeline`` response body, byte for byte."""
    return dumps(response(result))


FORMATS: dict[str, Render] = {
    "json": render_json,
}
