"""POST /v1/timelines: several documents on one story in, one merged story out."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import abort

from service.api import formats
from service.api.blueprint import Blueprint
from service.api.metrics import count_document
from service.api.schemas import TimelinesRequestSchema, TimelinesResponseSchema
from service.api.schemas.requests import timeline_options
from service.api.time_budget import time_budget
from service.api.timeline import PIPELINE_KEY, text_too_long
from service.pipeline import DocumentRequest, TimelinePipeline
from service.pipeline.story.build import build_story

blp = Blueprint(
    "timelines", __name__, url_prefix="/v1", description="Merged timelines of many documents."
)
blp.after_request(formats.vary_on_accept)


@blp.before_request
def allow_batch_bodies() -> None:
    """Batches may be larger than single documents (MAX_BATCH_CONTENT_LENGTH)."""
    request.max_content_length = current_app.config["MAX_BATCH_CONTENT_LENGTH"]


def check_limits(documents: list[dict[str, Any]]) -> None:
    """Refuse a batch over MAX_DOCUMENTS (422), over MAX_BATCH_CHARS (413), or with a text over
    MAX_TEXT_CHARS (422, naming the document by index and id)."""
    config = current_app.config
    if len(documents) > config["MAX_DOCUMENTS"]:
        message = f"More than the limit of {config['MAX_DOCUMENTS']} documents (MAX_DOCUMENTS)."
        abort(422, errors={"json": {"documents": [message]}})
    total = sum(len(document["text"]) for document in documents)
    if total > config["MAX_BATCH_CHARS"]:
        abort(
            413,
            message=f"The documents hold {total} characters of text, over the limit of "
            f"{config['MAX_BATCH_CHARS']} (MAX_BATCH_CHARS); send fewer per request.",
        )
    errors = {}
    for index, document in enumerate(documents):
        message = text_too_long(document["text"])
        if message is not None:
            errors[index] = {"text": [message], "_document": [f"Document id {document['id']!r}."]}
    if errors:
        abort(422, errors={"json": {"documents": errors}})


@blp.route("/timelines")
class Timelines(MethodView):
    """The merged timeline of several documents."""

    @blp.doc(security=[{}, {"bearerAuth": []}], **formats.openapi_doc("TimelinesResponse"))
    @blp.arguments(TimelinesRequestSchema)
    @blp.response(200, TimelinesResponseSchema)
    @blp.problems(400, 401, 406, 413, 415, 503)
    def post(self, body: dict[str, Any]) -> dict[str, Any] | Response:
        """Merge several documents on one story into one timeline, with per-actor timelines.

        Each document is processed as by `/v1/timeline` (in one batch); events reported by
        several documents become one story event with a mention from each. The response is
        JSON, or an export chosen by `format` or the `Accept` header.
        """
        answer_in = formats.requested_format()
        documents = body["documents"]
        check_limits(documents)
        pipeline: TimelinePipeline = current_app.extensions[PIPELINE_KEY]
        options = timeline_options(body)
        requests = [
            DocumentRequest(
                d["text"], d["document_date"], d["id"], body["language"], timeline=options
            )
            for d in documents
        ]
        with time_budget(current_app.config["REQUEST_TIME_BUDGET"]):
            results = list(pipeline.process_many(requests))
            story = build_story(
                [(d["id"], r) for d, r in zip(documents, results, strict=True)], body["actors"]
            )
        for document in documents:
            count_document(len(document["text"]))
        merged = {
            "documents": results,
            "timeline": story.timeline,
            "actor_timelines": story.actor_timelines,
        }
        texts = {document["id"]: document["text"] for document in documents}
        return formats.render(answer_in, merged, TimelinesResponseSchema(), texts)
