"""Probes, request ids, structured request logs, and the API documents."""

from __future__ import annotations

import json
import logging

from service.api.request_log import JsonFormatter


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_names_the_loaded_model(client, app):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ready", "model": app.config["SPACY_MODEL"]}


def test_request_id_is_echoed(client):
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123.x"})
    assert response.headers["X-Request-ID"] == "abc-123.x"


def test_request_id_is_generated_when_absent_or_malformed(client):
    generated = client.get("/healthz").headers["X-Request-ID"]
    replaced = client.get("/healthz", headers={"X-Request-ID": "bad id <script>"})
    assert len(generated) == 32
    assert replaced.headers["X-Request-ID"] != "bad id <script>"
    assert len(replaced.headers["X-Request-ID"]) == 32


def test_one_structured_log_line_per_request(client, caplog):
    with caplog.at_level(logging.INFO, logger="service.access"):
        client.get("/healthz", headers={"X-Request-ID": "log-me"})
    records = [r for r in caplog.records if r.name == "service.access"]
    assert len(records) == 1
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["request_id"] == "log-me"
    assert line["method"] == "GET"
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0


def test_request_log_never_contains_the_article_text(client, caplog):
    with caplog.at_level(logging.DEBUG, logger="service"):
        client.post("/v1/timeline", json={"text": "Zanzibar-unique-marker talks ended Monday."})
    assert all("Zanzibar-unique-marker" not in JsonFormatter().format(r) for r in caplog.records)


def test_openapi_yaml_is_served(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    assert "/v1/timeline:" in response.get_data(as_text=True)


def test_docs_page_uses_only_local_assets(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in page
    assert "//cdn" not in page and "unpkg" not in page
    asset = client.get("/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200
    assert len(asset.data) > 100_000


def test_every_response_forbids_mime_sniffing(client):
    for response in (client.get("/healthz"), client.get("/no-such-route"), client.get("/docs")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_docs_page_runs_no_inline_script_under_its_policy(client):
    response = client.get("/docs")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert response.headers["X-Frame-Options"] == "DENY"
    page = response.get_data(as_text=True)
    assert "<script>" not in page  # every script has a src
    assert client.get("/docs/start.js").status_code == 200


def test_json_answers_carry_no_page_policy(client):
    assert "Content-Security-Policy" not in client.get("/healthz").headers
