"""The OpenAPI document as YAML and the Swagger UI page, served from installed assets only."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, send_from_directory
from swagger_ui_bundle import swagger_ui_path

ASSETS_URL = "/docs/assets/"
STATIC = Path(__file__).parent / "static"
# Swagger UI sets styles inline and draws images from data: URLs; scripts come from files only.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)

blp = Blueprint("docs", __name__)


def openapi_yaml() -> str:
    """The service's OpenAPI document, generated from its schemas, as YAML."""
    return current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_yaml()


@blp.get("/openapi.yaml")
def serve_openapi_yaml() -> Response:
    """Serve the OpenAPI document."""
    return Response(openapi_yaml(), mimetype="application/yaml")


@blp.get("/docs")
def serve_docs() -> Response:
    """The interactive API page (Swagger UI), its script in a file rather than inline."""
    response = send_from_directory(STATIC, "docs.html", mimetype="text/html")
    response.headers["Content-Security-Policy"] = DOCS_POLICY
    return response


@blp.get("/docs/start.js")
def serve_docs_script() -> Response:
    """The script that starts Swagger UI on /openapi.json."""
    return send_from_directory(STATIC, "docs-start.js", mimetype="text/javascript")


@blp.get(f"{ASSETS_URL}<path:filename>")
def serve_asset(filename: str) -> Response:
    """Serve a Swagger UI asset from the installed swagger-ui-bundle package (no CDN)."""
    return send_from_directory(swagger_ui_path, filename, max_age=86_400)
