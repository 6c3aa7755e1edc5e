"""The output formats of ``timeline extract --format``: one table, so a format added here is
offered by the command line (its choices and help come from ``FORMATS``): the API's JSON, and
every export format the API offers (``service.exports``), rendered from the same JSON."""

from __future__ import annotations

from collections.abc import Callable

from service.cli.outputs import dumps
from service.cli.work import response
from service.exports import FORMATS as EXPORTS
from service.exports import Format
from service.pipeline import TimelineResult

# A format renders one document's result, given the text it came from, as the text to print.
Render = Callable[[TimelineResult, str], str]


def render_json(result: TimelineResult, text: str) -> str:
    """The ``/v1/timeline`` response body, byte for byte."""
    return dumps(response(result))


def _export(export: Format) -> Render:
    """Render a result in an export format, as the API's ``format`` parameter does."""
    return lambda result, text: export.document(response(result), text)


FORMATS: dict[str, Render] = {
    "json": render_json,
    **{name: _export(export) for name, export in EXPORTS.items()},
}
