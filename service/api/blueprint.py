"""The blueprint class every resource uses: flask-smorest's, with a hardened JSON parser."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import flask_smorest
from flask import Request, request
from flask_smorest import abort
from webargs.flaskparser import FlaskParser


class JsonBodyParser(FlaskParser):
    """webargs' Flask parser that also reads as invalid JSON a body the decoder cannot hold:
    nested beyond its depth, or a number beyond Python's digit limit."""

    def _raw_load_json(self, req: Request) -> Any:
        if not req.get_data(cache=True):
            raise json.JSONDecodeError("empty body", "<empty body>", 0)
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise
        except (RecursionError, ValueError) as error:
            raise json.JSONDecodeError(
                f"JSON the decoder cannot hold: {error}", "<body>", 0
            ) from error


# Error responses a view may document: status -> (flask-smorest response name, description).
PROBLEM_RESPONSES: dict[int, tuple[str, str]] = {
    400: ("BAD_REQUEST", "Body is not valid JSON."),
    401: ("UNAUTHORIZED", "API key missing or wrong (when API_KEYS is set)."),
    406: ("NOT_ACCEPTABLE", "Unknown format, or no served media type is acceptable."),
    413: ("REQUEST_ENTITY_TOO_LARGE", "Body or batch over its size limit."),
    415: ("UNSUPPORTED_MEDIA_TYPE", "Body is not JSON."),
    503: ("SERVICE_UNAVAILABLE", "Time budget exceeded."),
}


def require_json_body() -> None:
    """Refuse a POST body not declared as JSON (415) before webargs reads it."""
    if request.method == "POST" and not request.is_json:
        abort(415)


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest blueprint: POST bodies must be JSON, parsed by :class:`JsonBodyParser`."""

    ARGUMENTS_PARSER = JsonBodyParser()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.before_request(require_json_body)

    def problems(self, *statuses: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Document the problem responses ``statuses`` (keys of ``PROBLEM_RESPONSES``)."""

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            for status in statuses:
                name, description = PROBLEM_RESPONSES[status]
                view = self.alt_response(status, response=name, description=description)(view)
            return view

        return decorate
