"""Security headers on every response: no MIME sniffing; HTML pages not framed, scripts from files.

A page that needs a looser policy (the API page's inline styles) sets its own
``Content-Security-Policy``, which is kept.
"""

from __future__ import annotations

from flask import Flask, Response

HTML_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def add_security_headers(response: Response) -> Response:
    """Add ``nosniff`` everywhere, and a CSP and ``X-Frame-Options`` on HTML responses."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", HTML_POLICY)
        response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def init_app(app: Flask) -> None:
    """Register the headers on every response the app makes."""
    app.after_request(add_security_headers)
