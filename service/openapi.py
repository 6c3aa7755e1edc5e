"""``python -m service.openapi [PATH]``: write the OpenAPI document generated from the schemas."""

from __future__ import annotations

import sys
from pathlib import Path

from service.api.docs import openapi_yaml
from service.app import create_api


def write_openapi(path: str) -> None:
    """Write the generated OpenAPI document to ``path`` (no spaCy model is loaded)."""
    with create_api().app_context():
        Path(path).write_text(openapi_yaml(), encoding="utf-8")


if __name__ == "__main__":
    write_openapi(sys.argv[1] if len(sys.argv) > 1 else "openapi.yaml")
