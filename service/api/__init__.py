"""The HTTP edge: API object, blueprints, error handling, request logging."""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

from service.api import (
    auth,
    docs,
    headers,
    health,
    metrics,
    page,
    problems,
    request_log,
    timeline,
    timelines,
)
from service.api.problems import ProblemApi

API_SETTINGS = {
    "API_TITLE": "timeline",
    "API_VERSION": "1.0.0",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "API_SPEC_OPTIONS": {
        "info": {
            "description": "Turns news text into a structured timeline: dated events, the "
            "actors who took part in them, and TIMEX3-normalised time expressions.",
            "license": {"name": "MIT"},
        },
    },
}


def init_app(app: Flask) -> ProblemApi:
    """Bind the API, its blueprints and handlers to ``app``."""
    for key, value in API_SETTINGS.items():
        app.config.setdefault(key, value)
    request_log.init_app(app)
    headers.init_app(app)
    metrics.init_app(app)
    auth.init_app(app)
    origins = [origin.strip() for origin in app.config["CORS_ORIGINS"].split(",") if origin.strip()]
    if origins:
        CORS(app, resources={r"/v1/*": {"origins": origins}}, expose_headers=["X-Request-ID"])
    api = ProblemApi(app)
    api.register_blueprint(timeline.blp)
    api.register_blueprint(timelines.blp)
    api.register_blueprint(health.blp)
    api.spec.components.security_scheme(
        "bearerAuth",
        {"type": "http", "scheme": "bearer", "description": "Required when API_KEYS is set."},
    )
    app.register_blueprint(docs.blp)
    app.register_blueprint(page.blp)
    problems.init_app(app)
    return api
