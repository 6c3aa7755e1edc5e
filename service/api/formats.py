"""Content negotiation for the timeline routes: JSON, or an export format by ``format`` query
parameter (first) or ``Accept`` header; anything else is a 406 problem listing the formats."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import marshmallow as ma
from flask import Response, request
from flask_smorest import abort

from service.exports import FORMATS

JSON = "application/json"
MEDIA_TYPES: dict[str, str] = {"json": JSON, **{f.name: f.media_type for f in FORMATS.values()}}
"""Media type by format name; JSON first, so ``*/*`` means JSON."""
_NAMES = {media_type: name for name, media_type in MEDIA_TYPES.items()}
_LIST = ", ".join(f"{name} ({media_type})" for name, media_type in MEDIA_TYPES.items())
_SCHEMAS = {
    "timelinejs": {"type": "object", "description": "TimelineJS 3 JSON"},
    "timeml": {"type": "string", "description": "TimeML (TempEval-3 style)"},
    "csv": {"type": "string", "description": "CSV, one row per event (RFC 4180)"},
    "jsonld": {"type": "object", "description": "schema.org JSON-LD"},
}


def requested_format() -> str:
    """The format the client asks for: ``format`` query parameter, else ``Accept``, else JSON.

    RETURNS (str): a key of :data:`MEDIA_TYPES`; aborts with a 406 problem for anything else.
    """
    name = request.args.get("format")
    if name is not None:
        if name not in MEDIA_TYPES:
            abort(406, message=f"Unknown format {name!r}; the formats are: {_LIST}.")
        return name
    if not request.accept_mimetypes:
        return "json"
    best = request.accept_mimetypes.best_match(list(MEDIA_TYPES.values()))
    if best is None:
        abort(
            406,
            message=f"None of the accepted media types is served; the formats are: {_LIST}. "
            "Ask by Accept header or by the format query parameter.",
        )
    return _NAMES[best]


def render(name: str, result: Any, schema: ma.Schema, texts: Mapping[str, str] | str) -> Any:
    """The response in format ``name``: ``result`` itself for JSON (the route's schema
    serialises it), else the export of the schema's output.

    texts (Mapping[str, str] | str): the submitted text (one document) or texts by id (story).
    """
    if name == "json":
        return result
    export = FORMATS[name]
    data = schema.dump(result)
    body = export.document(data, texts) if isinstance(texts, str) else export.story(data, texts)
    return Response(body, mimetype=export.media_type)


def vary_on_accept(response: Response) -> Response:
    """Caches must key these routes' responses on ``Accept`` too."""
    response.vary.add("Accept")
    return response


def openapi_doc(component: str) -> dict[str, Any]:
    """The OpenAPI of negotiation: the ``format`` parameter and every media type of the 200.

    component (str): the name of the JSON response's schema among the components.
    """
    content = {JSON: {"schema": {"$ref": f"#/components/schemas/{component}"}}}
    content.update({MEDIA_TYPES[name]: {"schema": s} for name, s in _SCHEMAS.items()})
    return {
        "parameters": [
            {
                "name": "format",
                "in": "query",
                "required": False,
                "description": "Response format, instead of the Accept header: "
                + _LIST
                + ". Unknown formats are a 406.",
                "schema": {"type": "string", "enum": list(MEDIA_TYPES)},
            }
        ],
        "responses": {"200": {"description": "OK", "content": content}},
    }
