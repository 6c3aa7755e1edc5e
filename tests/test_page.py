"""GET / serves the timeline page: one HTML file, one script, one stylesheet and the vendored
vis-timeline, all from the service, under a strict Content-Security-Policy."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from service.api.page import VENDOR


class Resources(HTMLParser):
    """The URLs a page loads (scripts, stylesheets, icons) and whether it has inline script."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_script = False
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self._in_script = True
            self.urls.append(attributes["src"])
        elif tag == "link":
            self.urls.append(attributes["href"])
        self.inline_script |= any(name.startswith("on") for name in attributes)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        self.inline_script |= self._in_script and bool(data.strip())


def test_the_page_and_everything_it_loads_come_from_the_service(client):
    page = client.get("/")
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy
    assert "connect-src 'self'" in policy
    found = Resources()
    found.feed(page.get_data(as_text=True))
    assert not found.inline_script
    assert found.urls == [
        "data:,",
        "/page/vendor/vis-timeline-graph2d.min.css",
        "/page/app.css",
        "/page/vendor/vis-timeline-graph2d.min.js",
        "/page/app.js",
    ]
    for url in found.urls[1:]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_script_asks_only_the_service():
    script = (VENDOR.parent.parent / "page" / "app.js").read_text("utf-8")
    assert not re.search(r"https?://", script)
    assert "fetch(url" in script


def test_vis_timeline_is_vendored_at_a_pinned_version_with_its_licence():
    version = (VENDOR / "VERSION").read_text("utf-8")
    assert version.startswith("vis-timeline@8.5.4\n")
    assert "Apache" in (VENDOR / "LICENSE.Apache-2.0.txt").read_text("utf-8")
    assert "MIT" in (VENDOR / "LICENSE.MIT.txt").read_text("utf-8")
    assert "vis-timeline@8.5.4" in (VENDOR.parents[4] / ".ci" / "vendor").read_text("utf-8")


def test_only_the_vendored_files_are_served(client):
    assert client.get("/page/vendor/VERSION").status_code == 404
    assert client.get("/page/vendor/../page.py").status_code == 404
