"""The TimelineJS export rendered by TimelineJS itself (3.9.11, vendored under tests/vendor) in
headless Chromium: every slide drawn, dates and display dates as exported, nothing fetched from
outside (script_path is the local copy, the font is off)."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_driver import chromium, requested_urls, screenshot
from live_server import live_server
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

VENDORED = Path(__file__).parent / "vendor" / "timelinejs"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS export</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="css/timeline.css"></head>
<body><div id="timeline-embed" style="width: 1200px; height: 640px"></div>
<script src="js/timeline.js"></script><script src="start.js"></script></body></html>
"""
START = """
const source = new URLSearchParams(location.search).get("data") || "export.json";
fetch(source).then((response) => response.json()).then((data) => {
  window.timeline = new TL.Timeline("timeline-embed", data,
    {script_path: new URL("js/", location.href).href, font: null, hash_bookmark: false});
  window.timeline.on("loaded", () => { window.loaded = true; });
});
"""

pytestmark = pytest.mark.timeout(300)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def post(base: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        f"{base}{path}?format=timelinejs",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers.get_content_type() == "application/vnd.timelinejs+json"
        return json.loads(response.read())


@pytest.fixture(scope="module")
def exports(mattis_article, west_article) -> dict[str, dict]:
    """The TimelineJS exports of the first example article and of a story of both."""
    documents = [
        {"id": "a1", "text": mattis_article},
        {"id": "a2", "text": west_article, "document_date": "2017-05-10"},
    ]
    with live_server() as (_, base):
        return {
            "export.json": post(base, "/v1/timeline", {"text": mattis_article}),
            "story.json": post(base, "/v1/timelines", {"documents": documents}),
        }


@pytest.fixture(scope="module")
def exported(exports) -> dict:
    return exports["export.json"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, exports):
    """The vendored TimelineJS, a page that loads the export with it, served on loopback."""
    root = tmp_path_factory.mktemp("timelinejs-site")
    shutil.copytree(VENDORED, root, dirs_exist_ok=True)
    (root / "index.html").write_text(PAGE, "utf-8")
    (root / "start.js").write_text(START, "utf-8")
    for name, export in exports.items():
        (root / name).write_text(json.dumps(export), "utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, site):
    profile = tmp_path_factory.mktemp("chromium-profile-tljs")
    with chromium(profile, tmp_path_factory.mktemp("downloads-tljs")) as browser:
        requested_urls(browser)  # start the request log at the page
        browser.get(site + "/index.html")
        WebDriverWait(browser, 60).until(lambda b: b.execute_script("return window.loaded"))
        yield browser


def slide_text(browser, unique_id: str) -> str:
    browser.execute_script("window.timeline.goToId(arguments[0])", unique_id)
    slide = browser.find_element(By.ID, unique_id)
    WebDriverWait(browser, 10).until(lambda b: slide.is_displayed() and slide.text)
    return slide.text


def test_timelinejs_draws_every_exported_slide(rendered, exported):
    slides = rendered.find_elements(By.CSS_SELECTOR, ".tl-slide")
    assert len(slides) == len(exported["events"]) + 1  # and the title slide
    markers = rendered.find_elements(By.CSS_SELECTOR, ".tl-timemarker")
    assert len(markers) == len(exported["events"])
    assert rendered.execute_script("return window.timeline.config.events.length") == len(
        exported["events"]
    )


def test_the_meeting_slide_is_on_9_may_2017_with_its_sentence(rendered, exported):
    meeting = next(s for s in exported["events"] if " meet" in s["text"]["headline"])
    text = slide_text(rendered, meeting["unique_id"])
    assert "May 9, 2017" in text
    assert "Key members of the 'US-led coalition'" in text
    mark = rendered.find_element(By.CSS_SELECTOR, f"[id='{meeting['unique_id']}'] mark")
    assert mark.text == "meet"
    screenshot(rendered, "timelinejs-export")


def test_the_campaign_slide_shows_autumn_2014(rendered, exported):
    autumn = [s for s in exported["events"] if s.get("display_date") == "autumn 2014"]
    assert autumn
    for slide in autumn:
        assert "autumn 2014" in slide_text(rendered, slide["unique_id"])


def test_timelinejs_fetched_nothing_from_outside(rendered, site):
    urls = requested_urls(rendered)
    for path in ("index.html", "js/timeline.js", "css/timeline.css", "export.json"):
        assert f"{site}/{path}" in urls
    assert [u for u in urls if not u.startswith((site + "/", "data:"))] == [], urls


def test_the_story_export_renders_with_its_sources(rendered, site, exports):
    story = exports["story.json"]
    rendered.get(site + "/index.html?data=story.json")
    WebDriverWait(rendered, 60).until(lambda b: b.execute_script("return window.loaded"))
    assert len(rendered.find_elements(By.CSS_SELECTOR, ".tl-slide")) == len(story["events"]) + 1
    merged = next(s for s in story["events"] if "Sources: a1, a2" in s["text"]["text"])
    text = slide_text(rendered, merged["unique_id"])
    assert "Sources: a1, a2" in text
    assert len(rendered.find_elements(By.CSS_SELECTOR, f"[id='{merged['unique_id']}'] mark")) >= 2
    urls = requested_urls(rendered)
    assert f"{site}/story.json" in urls
    assert [u for u in urls if not u.startswith((site + "/", "data:"))] == [], urls
