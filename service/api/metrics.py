"""Prometheus metrics: requests and latency by route and status, documents, time per stage.

Under gunicorn, ``PROMETHEUS_MULTIPROC_DIR`` is set before this module is imported (see
``service.server``) and ``/metrics`` aggregates every worker's values.
"""

from __future__ import annotations

import os
import time

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUESTS = Counter(
    "timeline_http_requests_total", "HTTP requests answered.", ["method", "route", "status"]
)
LATENCY = Histogram(
    "timeline_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
DOCUMENTS = Counter("timeline_documents_processed_total", "Documents run through the pipeline.")
CHARACTERS = Counter("timeline_characters_processed_total", "Characters run through the pipeline.")
STAGE_SECONDS = Histogram(
    "timeline_pipeline_stage_duration_seconds",
    "Time spent in each pipeline stage (parse is per batch, the others per document).",
    ["stage"],
    buckets=LATENCY_BUCKETS,
)

blp = Blueprint("metrics", __name__)
# Label values come from closed sets, so no client can grow the scrape: a method outside the
# standard ones is "other", a path no route matches is "<unmatched>".
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER_METHOD = "other"
UNMATCHED = "<unmatched>"


def observe_stage(stage: str, seconds: float) -> None:
    """Record one stage duration (the pipeline's observer)."""
    STAGE_SECONDS.labels(stage).observe(seconds)


def count_document(characters: int) -> None:
    """Record one processed document of ``characters`` characters."""
    DOCUMENTS.inc()
    CHARACTERS.inc(characters)


@blp.get("/metrics")
def serve_metrics() -> Response:
    """Expose the metrics in Prometheus' text format."""
    registry = REGISTRY
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def _record(response: Response) -> Response:
    route = request.url_rule.rule if request.url_rule is not None else UNMATCHED
    method = request.method if request.method in METHODS else OTHER_METHOD
    REQUESTS.labels(method, route, str(response.status_code)).inc()
    elapsed = time.perf_counter() - g.get("started", time.perf_counter())
    LATENCY.labels(method, route).observe(elapsed)
    return response


def init_app(app: Flask) -> None:
    """Serve ``/metrics`` and count every request (timed from ``g.started``, which
    ``request_log`` sets; register after it)."""
    app.after_request(_record)
    app.register_blueprint(blp)
