"""Optional API keys, CORS, and the per-request time budget."""

from __future__ import annotations

import pytest

from service.api.auth import key_matches, parse_keys

ARTICLE = {"text": "Talks resumed on Monday in Geneva."}


@pytest.fixture(scope="module")
def secured_client(make_app):
    app = make_app(API_KEYS="alpha-key, beta-key", CORS_ORIGINS="https://a.example")
    return app.test_client()


def test_keys_are_parsed_and_compared():
    keys = parse_keys(" alpha , ,beta")
    assert keys == (b"alpha", b"beta")
    assert key_matches("beta", keys)
    assert not key_matches("gamma", keys)
    assert not key_matches("", keys)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic alpha-key"},
        {"Authorization": "alpha-key"},
    ],
    ids=["none", "wrong-key", "wrong-scheme", "no-scheme"],
)
def test_api_without_a_valid_key_is_401(secured_client, headers):
    response = secured_client.post("/v1/timeline", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("key", ["alpha-key", "beta-key"])
def test_api_with_a_valid_key_answers(secured_client, key):
    response = secured_client.post(
        "/v1/timeline", json=ARTICLE, headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.yaml", "/docs"])
def test_probes_and_docs_stay_open(secured_client, path):
    assert secured_client.get(path).status_code == 200


def test_metrics_need_a_key_when_keys_are_set(secured_client):
    assert secured_client.get("/metrics").status_code == 401
    keyed = secured_client.get("/metrics", headers={"Authorization": "Bearer alpha-key"})
    assert keyed.status_code == 200


def test_a_browser_preflight_is_answered_without_a_key(secured_client):
    preflight = secured_client.options(
        "/v1/timeline",
        headers={"Origin": "https://a.example", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization, content-type"},
    )  # fmt: skip
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_the_request_after_the_preflight_still_needs_its_key(secured_client):
    response = secured_client.post(
        "/v1/timeline", json=ARTICLE, headers={"Origin": "https://a.example"}
    )
    assert response.status_code == 401


def test_cors_only_for_configured_origins(secured_client, client):
    allowed = secured_client.options(
        "/v1/timeline",
        headers={"Origin": "https://a.example", "Access-Control-Request-Method": "POST"},
    )
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://a.example"
    other = secured_client.options("/v1/timeline", headers={"Origin": "https://b.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    default = client.post("/v1/timeline", json=ARTICLE, headers={"Origin": "https://a.example"})
    assert "Access-Control-Allow-Origin" not in default.headers


def test_request_over_its_time_budget_is_503_and_the_model_still_works(
    app, client, mattis_article, monkeypatch
):
    monkeypatch.setitem(app.config, "REQUEST_TIME_BUDGET", 0.001)
    response = client.post("/v1/timeline", json={"text": mattis_article * 20})
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.headers["Retry-After"] == "1"
    assert "REQUEST_TIME_BUDGET" in response.get_json()["detail"]
    monkeypatch.setitem(app.config, "REQUEST_TIME_BUDGET", 30.0)
    again = client.post("/v1/timeline", json={"text": mattis_article})
    assert again.status_code == 200
    assert again.get_json()["time_expressions"]
