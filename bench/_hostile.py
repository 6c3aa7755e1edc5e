"""Hostile requests for POST /v1/timeline, with the statuses a correct service answers.

Shared by ``tests/test_hostile_input.py`` (in-process) and ``bench/hostile_load.py`` (a real
gunicorn server). Standard library only, so both can import it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

PATH = "/v1/timeline"
JSON = {"Content-Type": "application/json"}
MAX_CONTENT_LENGTH = 1_048_576  # the service's default
MAX_TEXT_CHARS = 100_000  # the service's default

ARTICLE = (
    "Tue May 9, 2017 12:02:17\n\n"
    "Key members of the US-led coalition fighting ISIS meet in Copenhagen on Tuesday. "
    "Defense Secretary Jim Mattis said last week that the talks would resume in June, "
    "two years after the first meeting in Paris."
)
RELATIVE = (
    "Yesterday the board met. Tomorrow it meets again, and next year, last year, next month, "
    "in two days, three weeks ago, next week, the next decade, the last century, 5000 years "
    "ago and in 20000 years were all mentioned, as was the day before yesterday."
)


@dataclass(frozen=True)
class Case:
    """One request and the statuses a correct answer may have (one, unless the contract allows
    two readings)."""

    name: str
    body: bytes
    expected: frozenset[int]
    headers: dict[str, str] = field(default_factory=lambda: dict(JSON))
    method: str = "POST"
    path: str = PATH


def _json(payload: object) -> bytes:
    return json.dumps(payload).encode()


def _case(name: str, payload: object, *statuses: int, **kwargs: object) -> Case:
    body = payload if isinstance(payload, bytes) else _json(payload)
    return Case(name, body, frozenset(statuses), **kwargs)  # type: ignore[arg-type]


def _nested(depth: int) -> bytes:
    return b'{"text": "a", "x": ' + b"[" * depth + b"]" * depth + b"}"


def valid_cases() -> list[Case]:
    """Well-formed requests the service must answer 200."""
    return [
        _case("valid article", {"text": ARTICLE}, 200),
        _case(
            "valid article with date and id",
            {"text": ARTICLE, "document_date": "2017-05-09", "id": "doc-1", "language": "en"},
            200,
        ),
        _case("valid, explicit nulls", {"text": ARTICLE, "document_date": None, "id": None}, 200),
        _case("single character", {"text": "a"}, 200),
        _case("only punctuation", {"text": "?!.,;:()[]{}--..."}, 200),
        _case("100 000-character single token", {"text": "a" * MAX_TEXT_CHARS}, 200),
        _case("100 000 digits", {"text": "7" * MAX_TEXT_CHARS}, 200),
        _case("text of newlines", {"text": "\n" * (MAX_TEXT_CHARS - 1) + "a"}, 200),
        _case(
            "control characters",
            {
                "text": "Talks\x00 resumed\x01 on\x07 Tuesday\x1b[31m, "
                "May\x0b 9\x0c 2017\x7f\x85.\x1f"
            },
            200,
        ),
        _case("unicode line separators", {"text": "Met on Monday.\u2028Left on\u2029Friday."}, 200),
        _case(
            "right-to-left text",
            {
                "text": "\u202eالاجتماع يوم الثلاثاء 9 مايو 2017. "
                "הפגישה ביום שלישי\u200f. They met on Tuesday."
            },
            200,
        ),
        _case(
            "emoji text",
            {
                "text": "🎉 On Tuesday 👩‍👩‍👧‍👦 met 🇺🇸🇩🇰 in Copenhagen 🏳️‍🌈; "
                "talks resume next week 🤝🏽.",
                "document_date": "2017-05-09",
            },
            200,
        ),
        _case(
            "lone surrogate escape", b'{"text": "Met on Tuesday \\ud800 in Paris."}', 200, 400, 422
        ),
        _case("duplicate keys, last wins", b'{"text": 1, "text": "Met on Tuesday."}', 200),
        _case("UTF-8 byte order mark", b'\xef\xbb\xbf{"text": "Met on Tuesday."}', 200, 400),
    ]


def date_cases() -> list[Case]:
    """Every document_date edge: calendar limits, time zones, leap days."""
    good = [
        "0001-01-01",
        "9999-12-31",
        "2016-02-29",
        "2000-02-29",
        "2017-05-09T12:02:17",
        "2017-05-09T12:02:17Z",
        "2017-05-09T12:02:17+14:00",
        "2017-05-09T12:02:17-12:00",
        "2017-05-09T12:02:17.123456+05:30",
        "0001-01-01T00:00:00-12:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59.999999+14:00",
        "9999-12-31T23:59:59-12:00",
    ]
    bad = [
        "2017-02-29",
        "1900-02-29",
        "2017-13-01",
        "2017-00-10",
        "2017-04-31",
        "0000-01-01",
        "10000-01-01",
        "2017-05-09T24:01",
        "2017-05-09T12:00+25:00",
        "2017-05-09T12:00:00 garbage",
        "May 9, 2017",
        "yesterday",
        "",
        "2017-05-09" + "0" * 40,
    ]
    cases = []
    for value in good:
        for text in (ARTICLE, RELATIVE):
            kind = "article" if text is ARTICLE else "relative"
            cases.append(
                _case(f"date {value} ({kind})", {"text": text, "document_date": value}, 200)
            )
    cases += [
        _case(f"bad date {value!r}", {"text": ARTICLE, "document_date": value}, 422)
        for value in bad
    ]
    cases += [
        _case("date as number", {"text": ARTICLE, "document_date": 20170509}, 422),
        _case("date as object", {"text": ARTICLE, "document_date": {"$gt": ""}}, 422),
        _case("date as list", {"text": ARTICLE, "document_date": ["2017-05-09"]}, 422),
        _case("date as boolean", {"text": ARTICLE, "document_date": True}, 422),
        # ISO 8601 forms outside the documented YYYY-MM-DD[THH:MM...]: either reading is fine.
        _case("ISO week date", {"text": ARTICLE, "document_date": "2017-W19-2"}, 200, 422),
        _case("ISO ordinal date", {"text": ARTICLE, "document_date": "2017-129"}, 200, 422),
        _case("basic format", {"text": ARTICLE, "document_date": "20170509"}, 200, 422),
    ]
    return cases


def malformed_cases() -> list[Case]:
    """Bodies that are not JSON, not the right JSON, or not acceptable at all."""
    too_long = "a " * (MAX_TEXT_CHARS // 2) + "b"
    return [
        _case("truncated JSON", b'{"text": "Met on Tuesday.', 400),
        _case("trailing garbage", b'{"text": "a"} x', 400),
        _case("empty body", b"", 400, 422),  # webargs reads it as {}: 422 "text missing"
        _case("single quotes", b"{'text': 'a'}", 400),
        _case("invalid UTF-8", b'{"text": "Met \xff\xfe on \xc3\x28 Tuesday"}', 400),
        _case("overlong UTF-8", b'{"text": "\xc0\xaf"}', 400),
        _case(
            "latin-1 declared charset",
            '{"text": "café"}'.encode("latin-1"),
            400,
            415,
            headers={"Content-Type": "application/json; charset=latin-1"},
        ),
        _case("deeply nested (100 000)", _nested(100_000), 400),
        _case("nested 500 deep", _nested(500), 400, 422),
        _case(
            "integer with 10 000 digits", b'{"text": "a", "n": ' + b"9" * 10_000 + b"}", 400, 422
        ),
        _case("NaN literal", b'{"text": NaN}', 400, 422),
        _case("Infinity date", b'{"text": "a", "document_date": Infinity}', 400, 422),
        _case("JSON null", None, 422),
        _case("JSON array", [], 422),
        _case("JSON string", "Met on Tuesday.", 422),
        _case("JSON number", 5, 422),
        _case("text as number", {"text": 123}, 422),
        _case("text as list", {"text": ["Met on Tuesday."]}, 422),
        _case("text as object", {"text": {"a": 1}}, 422),
        _case("text null", {"text": None}, 422),
        _case("text missing", {"document_date": "2017-05-09"}, 422),
        _case("text empty", {"text": ""}, 422),
        _case("text blank", {"text": " \n\t\u00a0\u3000 "}, 422),
        _case("text too long", {"text": too_long}, 422),
        _case("language unsupported", {"text": ARTICLE, "language": "de"}, 422),
        _case("language as number", {"text": ARTICLE, "language": 5}, 422),
        _case("id as number", {"text": ARTICLE, "id": 5}, 422),
        _case("id too long", {"text": ARTICLE, "id": "x" * 300}, 422),
        _case("unknown field", {"text": ARTICLE, "extra": 1}, 422),
        _case("10 000 unknown fields", {"text": "a", **{f"k{i}": i for i in range(10_000)}}, 422),
        _case("body over MAX_CONTENT_LENGTH", {"text": "a" * (MAX_CONTENT_LENGTH + 10)}, 413),
        _case("text/plain", b"Met on Tuesday.", 415, headers={"Content-Type": "text/plain"}),
        _case("no content type", _json({"text": "a"}), 415, headers={}),
        _case(
            "form encoded",
            b"text=a",
            415,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ),
        _case("GET", b"", 405, headers={}, method="GET"),
        _case("PUT", _json({"text": "a"}), 405, method="PUT"),
        _case("unknown route", _json({"text": "a"}), 404, path="/v1/timeline/../../etc/passwd"),
        _case("unknown version", _json({"text": "a"}), 404, path="/v2/timeline"),
    ]


def slow_cases() -> list[Case]:
    """Valid but expensive: seconds of spaCy parse each (left out of the in-process tests)."""
    return [
        _case("100 000 characters of glued dates", {"text": "2017-05-09" * 10_000}, 200, 503),
        _case("100 000 characters of 'May 9'", {"text": "May 9 " * 16_666}, 200, 503),
    ]


def all_cases() -> list[Case]:
    """Every fast case: valid, date edges, malformed."""
    return valid_cases() + date_cases() + malformed_cases()


def check_answer(case: Case, status: int, content_type: str, body: bytes) -> list[str]:
    """What is wrong with the answer to ``case`` (empty when it is right)."""
    problems = []
    if status >= 500 and status not in case.expected:  # a 503 from the time budget may be
        problems.append(f"{status} server error")
    if status not in case.expected:
        problems.append(f"status {status}, expected {sorted(case.expected)}")
    if status >= 400:
        if not content_type.startswith("application/problem+json"):
            problems.append(f"error with content type {content_type!r}")
        else:
            try:
                document = json.loads(body)
            except ValueError:
                problems.append("problem body is not JSON")
            else:
                if document.get("status") != status:
                    problems.append(f"problem status {document.get('status')} != {status}")
                missing = {"type", "title", "status", "detail"} - set(document)
                if missing:
                    problems.append(f"problem without {sorted(missing)}")
    elif status == 200 and not content_type.startswith("application/json"):
        problems.append(f"200 with content type {content_type!r}")
    return problems
