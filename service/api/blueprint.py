"""The blueprint class every resource uses: flask-smorest's, with a hardened JSON parser."""

from __future__ import annotations

import json
from typing import Any

import flask_smorest
from flask import Request
from webargs.flaskparser import FlaskParser


class JsonBodyParser(FlaskParser):
    """webargs' Flask parser that reads a body nested beyond the decoder's depth as invalid JSON."""

    def _raw_load_json(self, req: Request) -> Any:
        try:
            return super()._raw_load_json(req)
        except RecursionError as error:
            raise json.JSONDecodeError("JSON nested too deeply", "<body>", 0) from error


class Blueprint(flask_smorest.Blueprint):
    """A flask-smorest blueprint whose arguments go through :class:`JsonBodyParser`."""

    ARGUMENTS_PARSER = JsonBodyParser()
