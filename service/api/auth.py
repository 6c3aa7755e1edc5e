"""Optional bearer-key authentication for service-to-service use.

When ``API_KEYS`` is set, every ``/v1/`` request and ``/metrics`` need
``Authorization: Bearer <one of them>``; the probes, the API documents and CORS preflights
(``OPTIONS``, which browsers send without credentials) stay open.
"""

from __future__ import annotations

import hmac

from flask import Flask, Response, request

from service.api.problems import problem

PROTECTED_PREFIX = "/v1/"
PROTECTED_PATHS = frozenset({"/metrics"})


def parse_keys(raw: str) -> tuple[bytes, ...]:
    """Split the comma-separated ``API_KEYS`` setting into keys."""
    return tuple(key.strip().encode() for key in raw.split(",") if key.strip())


def key_matches(supplied: str, keys: tuple[bytes, ...]) -> bool:
    """Compare ``supplied`` with every key in constant time (no early exit on a match)."""
    token = supplied.encode("utf-8", "surrogateescape")
    return sum(hmac.compare_digest(token, key) for key in keys) > 0


def init_app(app: Flask) -> None:
    """Require a key on the API routes when keys are configured."""
    keys = parse_keys(app.config["API_KEYS"])
    if not keys:
        return

    @app.before_request
    def require_key() -> Response | None:
        if request.method == "OPTIONS":
            return None
        if not (request.path.startswith(PROTECTED_PREFIX) or request.path in PROTECTED_PATHS):
            return None
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and key_matches(token.strip(), keys):
            return None
        return problem(
            401,
            "Send a valid API key as 'Authorization: Bearer <key>'.",
            headers={"WWW-Authenticate": 'Bearer realm="timeline"'},
        )
