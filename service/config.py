"""Configuration: defaults, overridden by environment variables, overridden by a test mapping.

Every setting is documented in the README's configuration table; nothing is read at import time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from service.pipeline import DEFAULT_MODEL


@dataclass(frozen=True)
class Setting:
    """One environment-configurable setting: its name, default and parser."""

    name: str
    default: Any
    parse: Callable[[str], Any]
    help: str


def _boolean(raw: str) -> bool:
    return raw.strip().lower() in {"1", "true", "yes", "on"}


SETTINGS: tuple[Setting, ...] = (
    Setting("SPACY_MODEL", DEFAULT_MODEL, str, "spaCy pipeline package to load"),
    Setting("MAX_TEXT_CHARS", 100_000, int, "longest accepted `text`, in characters"),
    Setting(
        "MAX_TEXT_TOKENS",
        12_000,
        int,
        "most tokens in one `text` (prose has about one per 5 characters; 0: no limit)",
    ),
    Setting("MAX_CONTENT_LENGTH", 1_048_576, int, "largest accepted request body, in bytes"),
    Setting("LOG_LEVEL", "INFO", str.upper, "log level of the JSON logs"),
    Setting("WARMUP", True, _boolean, "run one document through the pipeline at start-up"),
    Setting("MAX_DOCUMENTS", 200, int, "most documents in one /v1/timelines request"),
    Setting(
        "MAX_BATCH_CHARS", 1_000_000, int, "most characters of text in one /v1/timelines request"
    ),
    Setting(
        "MAX_BATCH_CONTENT_LENGTH", 4_194_304, int, "largest /v1/timelines request body, in bytes"
    ),
    Setting("REQUEST_TIME_BUDGET", 30.0, float, "seconds a request may run before a 503 (0: none)"),
    Setting("API_KEYS", "", str, "comma-separated bearer keys required on /v1/ (empty: open)"),
    Setting("CORS_ORIGINS", "", str, "comma-separated CORS origins allowed on /v1/ (empty: off)"),
    Setting("HOST", "0.0.0.0", str, "address `python -m service` binds (0.0.0.0: every interface)"),
    Setting("PORT", 8000, int, "port `python -m service` listens on"),
    Setting("WORKER_TIMEOUT", 120, int, "seconds before gunicorn restarts a silent worker"),
    Setting("MAX_REQUESTS", 5000, int, "requests a worker serves before it is recycled (0: never)"),
    Setting("MAX_REQUESTS_JITTER", 500, int, "random spread added to MAX_REQUESTS"),
    Setting("WORKER_THREADS", 2, int, "threads per worker process that run the app"),
    Setting(
        "REQUEST_READ_TIMEOUT",
        10.0,
        float,
        "seconds a client has to send a whole request (headers and body) from its first byte",
    ),
    Setting("KEEPALIVE_TIMEOUT", 30, int, "seconds an idle connection stays open"),
    Setting("MAX_CONNECTIONS", 1000, int, "open connections per worker process"),
    Setting("MAX_HEADER_BYTES", 16_384, int, "largest request line and headers, in bytes"),
)


def load_config(
    environ: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Build the configuration mapping.

    environ (Mapping[str, str] | None): environment to read; defaults to ``os.environ``.
    overrides (Mapping[str, Any] | None): values that win over both (tests).
    RETURNS (dict[str, Any]): setting name -> parsed value.
    """
    environ = os.environ if environ is None else environ
    config: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(setting.name)
        if raw is None or raw == "":
            config[setting.name] = setting.default
            continue
        try:
            config[setting.name] = setting.parse(raw)
        except ValueError as error:
            raise ValueError(f"setting {setting.name}={raw!r} is not valid: {error}") from error
    config.update(overrides or {})
    return config
