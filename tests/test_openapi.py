"""openapi.yaml is valid and is exactly what the schemas generate."""

from __future__ import annotations

from pathlib import Path

import yaml
from openapi_spec_validator import validate

from service.api.docs import openapi_yaml
from service.api.timeline import PIPELINE_KEY
from service.app import create_api

COMMITTED = Path(__file__).parent.parent / "openapi.yaml"


def test_committed_document_matches_the_code(app):
    with app.app_context():
        generated = openapi_yaml()
    assert COMMITTED.read_text(encoding="utf-8") == generated, "run `make openapi` and commit"


def test_the_document_is_generated_without_loading_a_model():
    api_only = create_api({"TESTING": True})
    assert PIPELINE_KEY not in api_only.extensions
    with api_only.app_context():
        generated = openapi_yaml()
    assert COMMITTED.read_text(encoding="utf-8") == generated


def test_committed_document_is_valid_openapi():
    validate(yaml.safe_load(COMMITTED.read_text(encoding="utf-8")))


def test_errors_are_documented_as_problem_json():
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    responses = spec["paths"]["/v1/timeline"]["post"]["responses"]
    assert {"200", "400", "413", "415", "422"} <= set(responses)
    unprocessable = spec["components"]["responses"]["UNPROCESSABLE_ENTITY"]
    assert list(unprocessable["content"]) == ["application/problem+json"]
