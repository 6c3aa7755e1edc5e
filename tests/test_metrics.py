"""GET /metrics: Prometheus text with request, document and stage metrics."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from service.api.metrics import METHODS


def samples(client):
    text = client.get("/metrics").get_data(as_text=True)
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_requests_documents_and_stages_are_counted(client):
    before = samples(client)
    response = client.post("/v1/timeline", json={"text": "Talks resumed on Monday in Geneva."})
    assert response.status_code == 200
    client.get("/no-such-route")
    after = samples(client)

    def delta(name, **labels):
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    ok = {"method": "POST", "route": "/v1/timeline", "status": "200"}
    assert delta("timeline_http_requests_total", **ok) == 1
    assert (
        delta("timeline_http_requests_total", method="GET", route="<unmatched>", status="404") == 1
    )
    assert delta("timeline_documents_processed_total") == 1
    assert delta("timeline_characters_processed_total") == len("Talks resumed on Monday in Geneva.")
    for stage in ("parse", "timex", "entities", "events", "timeline"):
        assert delta("timeline_pipeline_stage_duration_seconds_count", stage=stage) == 1
    latency = (
        "timeline_http_request_duration_seconds_count",
        {"method": "POST", "route": "/v1/timeline"},
    )
    assert delta(latency[0], **latency[1]) == 1


def test_metrics_content_type_is_prometheus_text(client):
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"


def test_random_methods_do_not_grow_the_scrape(client):
    client.open("/healthz", method="BREW")
    before = len(client.get("/metrics").data)
    for number in range(50):
        client.open(f"/healthz-{number}", method=f"M{number}")
    after = samples(client)
    assert len(client.get("/metrics").data) - before < 500  # one series, counted up
    methods = {dict(labels).get("method") for (name, labels) in after}
    assert methods <= METHODS | {None, "other"}
    assert not {f"M{number}" for number in range(50)} & methods


def test_known_methods_keep_their_label(client):
    client.delete("/healthz")
    methods = {dict(labels).get("method") for (name, labels) in samples(client)}
    assert "DELETE" in methods
