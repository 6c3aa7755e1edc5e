"""POST /v1/timeline: one document in, its timeline out."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import abort

from service.api import formats
from service.api.blueprint import Blueprint
from service.api.metrics import count_document
from service.api.schemas import TimelineRequestSchema, TimelineResponseSchema
from service.api.schemas.requests import timeline_options
from service.api.time_budget import time_budget
from service.pipeline import TimelinePipeline, TimelineResult

PIPELINE_KEY = "timeline.pipeline"


def text_too_long(text: str, limit: int | None = None) -> str | None:
    """The field error for a text over ``limit`` characters (default: the app's
    MAX_TEXT_CHARS), or None when it fits."""
    limit = current_app.config["MAX_TEXT_CHARS"] if limit is None else limit
    return f"Longer than the limit of {limit} characters." if len(text) > limit else None


blp = Blueprint("timeline", __name__, url_prefix="/v1", description="Timelines of documents.")
blp.after_request(formats.vary_on_accept)


@blp.route("/timeline")
class Timeline(MethodView):
    """The timeline of one document."""

    @blp.doc(security=[{}, {"bearerAuth": []}], **formats.openapi_doc("TimelineResponse"))
    @blp.arguments(TimelineRequestSchema)
    @blp.response(200, TimelineResponseSchema)
    @blp.problems(400, 401, 406, 413, 415, 503)
    def post(self, body: dict[str, Any]) -> TimelineResult | Response:
        """Extract the dated events, actors and time expressions of one document.

        Relative dates resolve against `document_date`, else against a dateline at the top of
        the text; without either they stay unresolved. The response is JSON, or an export
        (TimelineJS, TimeML, CSV, JSON-LD) chosen by `format` or the `Accept` header.
        """
        answer_in = formats.requested_format()
        message = text_too_long(body["text"])
        if message is not None:
            abort(422, errors={"json": {"text": [message]}})
        pipeline: TimelinePipeline = current_app.extensions[PIPELINE_KEY]
        with time_budget(current_app.config["REQUEST_TIME_BUDGET"]):
            result = pipeline.process(
                body["text"],
                body["document_date"],
                id=body["id"],
                language=body["language"],
                annotations=tuple(body["annotations"]),
                timeline=timeline_options(body),
            )
        count_document(len(body["text"]))
        return formats.render(answer_in, result, TimelineResponseSchema(), body["text"])
