"""Property-based run of the whole documented API, in process: no 5xx, responses conform.

schemathesis generates the cases from the served OpenAPI document and checks each response
(status documented, body and content type as documented, no server error). Its own pytest
plugin is not used: each operation's strategy is driven by Hypothesis directly.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

OPERATIONS = ["POST /v1/timeline", "POST /v1/timelines", "GET /healthz", "GET /readyz"]


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/openapi.json", app)


def test_every_operation_is_covered(api_schema):
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels == set(OPERATIONS)


def ids_are_unique(case) -> bool:
    """Document ids must be unique: a rule OpenAPI 3.0 cannot state, so generated cases that
    break it are not valid data (the 422 they get is tested in test_timelines_api)."""
    documents = case.body.get("documents") if isinstance(case.body, dict) else None
    if not isinstance(documents, list):
        return True
    ids = [d.get("id") for d in documents if isinstance(d, dict)]
    return len(ids) == len(set(map(str, ids)))


@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_conforms_to_its_contract(api_schema, label):
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy().filter(ids_are_unique))
    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case):
        case.call_and_validate()

    check()
