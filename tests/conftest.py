"""Shared fixtures: one app from the factory (the real spaCy model), its client, article texts."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import settings
from spacy.tokens import Token

from service.api.timeline import PIPELINE_KEY
from service.app import create_app
from service.pipeline import TimeExpression, TimelinePipeline

# CI replays the same generated examples every run (a red CI then means a real regression);
# locally every run explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

FIXTURES = Path(__file__).parent / "fixtures"
TEST_CONFIG = {"TESTING": True, "PROPAGATE_EXCEPTIONS": False, "WARMUP": False}


@pytest.fixture(scope="session")
def make_app() -> Callable[..., Flask]:
    """Build an app from the factory with the test settings plus ``overrides``."""
    return lambda **overrides: create_app({**TEST_CONFIG, **overrides})


@pytest.fixture(scope="session")
def app(make_app) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def pipeline(app: Flask) -> TimelinePipeline:
    return app.extensions[PIPELINE_KEY]


@pytest.fixture(scope="session")
def tag(pipeline: TimelinePipeline) -> Callable[..., list[TimeExpression]]:
    """Run the time-expression stage of the real pipeline on one text.

    The document date defaults to Friday 2013-03-22, that of most time-expression tests.
    """

    def run(
        text: str, document_date: datetime | None = datetime(2013, 3, 22)
    ) -> list[TimeExpression]:
        return pipeline.timex(pipeline.nlp(text), document_date)

    return run


@pytest.fixture(scope="session")
def trigger(pipeline: TimelinePipeline) -> Callable[[str, str], Token]:
    """The first token of ``word`` in ``text`` parsed by the real pipeline."""

    def find(text: str, word: str) -> Token:
        return next(t for t in pipeline.nlp(text) if t.text == word)

    return find


@pytest.fixture(scope="session")
def mattis_article() -> str:
    """The first example article: a dateline (Tue May 9, 2017), then relative dates."""
    return (FIXTURES / "mattis_copenhagen.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def west_article() -> str:
    """The second example article: no dateline."""
    return (FIXTURES / "west_isis_loss.txt").read_text(encoding="utf-8")
