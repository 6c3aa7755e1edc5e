"""Headless Debian Chromium driven by selenium, for the browser tests: a fresh profile, no
background traffic, and the DevTools network events kept so a test can list every request."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
)
SCREENSHOTS = Path(__file__).parent.parent / "build" / "screenshots"


def require_chromium() -> tuple[str, str]:
    """Paths of Debian's chromium and chromedriver; skip (fail under CI) when missing."""
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (browser and driver):
        message = "needs Debian's chromium and chromium-driver (apt-get install, or .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return browser, driver


@contextmanager
def chromium(profile: Path, downloads: Path) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a fresh ``--user-data-dir``, saving downloads in ``downloads``."""
    browser, driver = require_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    prefs = {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    session.set_script_timeout(30)
    try:
        yield session
    finally:
        session.quit()


BROWSER_PAGES = ("chrome://", "chrome-untrusted://", "chrome-search://")
"""Schemes of the browser's own pages (its new-tab page), whose requests are not the test's."""


def requested_urls(session: webdriver.Chrome) -> list[str]:
    """Every URL a web page asked for since the last call (DevTools ``Network`` events), leaving
    out what the browser's own pages load."""
    urls = []
    for entry in session.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            if not params.get("documentURL", "").startswith(BROWSER_PAGES):
                urls.append(params["request"]["url"])
    return urls


def screenshot(session: webdriver.Chrome, name: str) -> Path:
    """Save the window as ``build/screenshots/<name>.png`` (a test artefact, not tracked)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    session.save_screenshot(str(path))
    return path
