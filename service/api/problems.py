"""RFC 7807 problem details: the one shape every error response takes."""

from __future__ import annotations

import http
import json
import logging
from typing import Any

import marshmallow as ma
from flask import Flask, Response, g
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from service.api.time_budget import TimeBudgetExceededError
from service.pipeline import DocumentFailedError, PipelineError

PROBLEM_MIMETYPE = "application/problem+json"
logger = logging.getLogger("service.errors")

# What a client did wrong, in words it can act on, by status; overridden by a specific detail.
DEFAULT_DETAILS: dict[int, str] = {
    400: "The request body is not valid JSON.",
    404: "No such resource; see /openapi.yaml for the routes.",
    405: "This method is not allowed on this resource.",
    413: "The request body is larger than the limit (MAX_CONTENT_LENGTH bytes).",
    401: "Send a valid API key as 'Authorization: Bearer <key>'.",
    415: "The request body must be JSON, sent with Content-Type: application/json.",
    422: "The request body failed validation; see errors.",
    500: "Unexpected server error; quote the request id when reporting it.",
}


class ProblemSchema(ma.Schema):
    """An RFC 7807 problem details object."""

    type = ma.fields.String(required=True, metadata={"example": "about:blank"})
    title = ma.fields.String(required=True, metadata={"example": "Unprocessable Entity"})
    status = ma.fields.Integer(required=True, metadata={"example": 422})
    detail = ma.fields.String(required=True)
    request_id = ma.fields.String(metadata={"description": "the X-Request-ID of the request"})
    errors = ma.fields.Dict(
        metadata={"description": "field errors by location and field, where there are any"}
    )


def problem_body(
    status: int, detail: str | None = None, errors: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The problem details object of an error, without the request id (the command line's
    batch reports these for its bad records).

    status (int): the HTTP status.
    detail (str | None): a sentence for the client; defaults to the status's usual detail.
    errors (dict | None): marshmallow field errors, where there are any.
    RETURNS (dict[str, Any]): ``type``, ``title``, ``status``, ``detail`` and any ``errors``.
    """
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or DEFAULT_DETAILS.get(status, http.HTTPStatus(status).description),
    }
    if errors:
        body["errors"] = errors
    return body


def problem(
    status: int,
    detail: str | None = None,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Build a problem+json response.

    status (int): the HTTP status.
    detail (str | None): a sentence for the client; defaults to the status's usual detail.
    errors (dict | None): marshmallow field errors, where there are any.
    headers (dict | None): extra response headers (e.g. ``Allow``).
    RETURNS (Response): the response.
    """
    body = problem_body(status, detail)
    body["request_id"] = g.get("request_id")
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MIMETYPE)
    response.headers.update(headers or {})
    return response


def error_problem(error: BaseException) -> tuple[int, str | None, dict[str, Any] | None]:
    """Status, detail and field errors of the problem the pipeline's exceptions are answered
    with: a refusal the client caused (``PipelineError``) is a 422, a defect on one document a
    500 naming it, anything else a bare 500.

    error (BaseException): what the pipeline raised.
    RETURNS (tuple): the arguments of :func:`problem` and :func:`problem_body`.
    """
    if isinstance(error, PipelineError):
        return 422, str(error), None
    if isinstance(error, DocumentFailedError):
        detail = f"The service failed on {error}; the request_id finds it in the logs."
        documents = {str(error.index): {"_document": [f"{error}".capitalize()]}}
        return 500, detail, {"json": {"documents": documents}}
    return 500, None, None


class ProblemApi(Api):
    """flask-smorest's Api with every error rendered, and documented, as problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        """Render any HTTP error raised by Flask, werkzeug, webargs or a view."""
        data = getattr(error, "data", None) or {}
        errors = data.get("errors") or data.get("messages")
        detail = data.get("message")
        if detail is None and error.code not in DEFAULT_DETAILS:
            detail = error.description
        headers = dict(data.get("headers") or {})
        if error.code == 405:
            headers.update(dict(error.get_headers()))
            headers.pop("Content-Type", None)
        return problem(error.code or 500, detail, errors, headers)

    def _register_responses(self) -> None:
        content_type = self.DEFAULT_RESPONSE_CONTENT_TYPE
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_MIMETYPE
        try:
            super()._register_responses()
        finally:
            self.DEFAULT_RESPONSE_CONTENT_TYPE = content_type


def _log_failure(message: str, error: BaseException) -> None:
    logger.error(
        message,
        exc_info=(type(error), error, error.__traceback__),
        extra={"request_id": g.get("request_id")},
    )


def handle_unexpected(error: BaseException) -> Response:
    """Log an unexpected failure with its request id and answer a bare 500 problem."""
    _log_failure("unhandled error", error)
    return problem(500)


def handle_document_failed(error: DocumentFailedError) -> Response:
    """A defect on one document: logged, and a 500 that names the document among the others."""
    _log_failure("document failed", error)
    return problem(*error_problem(error))


def handle_pipeline_error(error: PipelineError) -> Response:
    """A pipeline refusal the client caused (an unsupported language) is a 422."""
    return problem(*error_problem(error))


def handle_time_budget(error: TimeBudgetExceededError) -> Response:
    """A request that outran REQUEST_TIME_BUDGET is a 503 the client may retry."""
    detail = (
        f"The document took longer than the time budget of {error.seconds:g} s "
        "(REQUEST_TIME_BUDGET); send a shorter text or retry later."
    )
    return problem(503, detail, headers={"Retry-After": "1"})


def init_app(app: Flask) -> None:
    """Register the handlers Flask calls outside flask-smorest's own."""
    app.register_error_handler(PipelineError, handle_pipeline_error)
    app.register_error_handler(DocumentFailedError, handle_document_failed)
    app.register_error_handler(TimeBudgetExceededError, handle_time_budget)
    app.register_error_handler(InternalServerError, handle_unexpected)
    app.register_error_handler(Exception, handle_unexpected)
