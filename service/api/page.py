"""The timeline page: one HTML file, one script, one stylesheet and the vendored vis-timeline,
served from the package (no CDN) under the strict HTML policy of :mod:`service.api.headers`."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, send_from_directory

STATIC = Path(__file__).parent / "static"
PAGE = STATIC / "page"
VENDOR = STATIC / "vendor" / "vis-timeline"

blp = Blueprint("page", __name__)


@blp.get("/")
def serve_page() -> Response:
    """The page where a user pastes articles and sees their timeline."""
    return send_from_directory(PAGE, "index.html", mimetype="text/html", max_age=0)


@blp.get("/page/app.js")
def serve_script() -> Response:
    """The page's script."""
    return send_from_directory(PAGE, "app.js", mimetype="text/javascript", max_age=0)


@blp.get("/page/app.css")
def serve_stylesheet() -> Response:
    """The page's stylesheet."""
    return send_from_directory(PAGE, "app.css", mimetype="text/css", max_age=0)


@blp.get("/page/vendor/<any('vis-timeline-graph2d.min.js', 'vis-timeline-graph2d.min.css'):name>")
def serve_vendored(name: str) -> Response:
    """vis-timeline's standalone build and stylesheet, as vendored (``make vendor``)."""
    return send_from_directory(VENDOR, name, max_age=86_400)
