"""The application factory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from service import api
from service.api.metrics import observe_stage
from service.api.request_log import configure_logging
from service.api.timeline import PIPELINE_KEY
from service.config import load_config
from service.pipeline import TimelinePipeline

WARMUP_TEXT = "Mon May 8, 2017\n\nOfficials met in Paris on Tuesday and said talks would resume."


def create_api(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the Flask app without the spaCy pipeline: configuration, logging and the API.

    Enough to describe the API (``python -m service.openapi``) without loading a model; it
    cannot serve extraction requests.
    test_config (Mapping[str, Any] | None): settings that win over defaults and environment.
    RETURNS (Flask): the application.
    """
    app = Flask(__name__)
    app.json.sort_keys = False  # responses keep the schemas' field order  # type: ignore[attr-defined]
    app.config.update(load_config(overrides=test_config))
    configure_logging(app.config["LOG_LEVEL"])
    api.init_app(app)
    return app


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the Flask app of :func:`create_api` with the spaCy pipeline, loaded once.

    test_config (Mapping[str, Any] | None): settings that win over defaults and environment.
    RETURNS (Flask): the application.
    """
    app = create_api(test_config)
    pipeline = TimelinePipeline(
        app.config["SPACY_MODEL"],
        observer=observe_stage,
        max_tokens=app.config["MAX_TEXT_TOKENS"] or None,
    )
    if app.config["WARMUP"]:
        pipeline.process(WARMUP_TEXT)
    app.extensions[PIPELINE_KEY] = pipeline
    return app
