"""The OpenAPI document as YAML and the Swagger UI page, served from installed assets only."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, send_from_directory
from swagger_ui_bundle import swagger_ui_path

ASSETS_URL = "/docs/assets/"

blp = Blueprint("docs", __name__)


def openapi_yaml() -> str:
    """The service's OpenAPI document, generated from its schemas, as YAML."""
    return current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_yaml()


@blp.get("/openapi.yaml")
def serve_openapi_yaml() -> Response:
    """Serve the OpenAPI document."""
    return Response(openapi_yaml(), mimetype="application/yaml")


@blp.get(f"{ASSETS_URL}<path:filename>")
def serve_asset(filename: str) -> Response:
    """Serve a Swagger UI asset from the installed swagger-ui-bundle package (no CDN)."""
    return send_from_directory(swagger_ui_path, filename, max_age=86_400)
