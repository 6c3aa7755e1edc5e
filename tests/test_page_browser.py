"""The timeline page in a real browser (headless Debian Chromium): the first example article
drawn, an event highlighted in its text, an API error shown, a download, and no request that
leaves the service."""

from __future__ import annotations

import csv
import io
import time

import pytest
from browser_driver import chromium, requested_urls, screenshot
from live_server import live_server
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def server():
    with live_server() as (_, base):
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    downloads = tmp_path_factory.mktemp("downloads")
    with chromium(profile, downloads) as session:
        session.downloads = downloads
        yield session


def paste(browser, text: str) -> None:
    """Put ``text`` in the first article's box as a paste would, and submit the form."""
    area = browser.find_element(By.CSS_SELECTOR, "#documents textarea")
    browser.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        area,
        text,
    )
    browser.find_element(By.ID, "submit").click()


def wait(browser, condition, seconds: float = 90):
    return WebDriverWait(browser, seconds).until(condition)


def list_entries(browser, list_id: str) -> list[str]:
    return [li.text for li in browser.find_elements(By.CSS_SELECTOR, f"#{list_id} li")]


@pytest.fixture(scope="module")
def drawn(server, browser, mattis_article):
    """The page after submitting the first example article."""
    browser.get(server + "/")
    requested_urls(browser)  # start the request log at the page
    paste(browser, mattis_article)
    assert browser.find_element(By.ID, "status").is_displayed()  # progress while the model works
    wait(browser, ec.visibility_of_element_located((By.CSS_SELECTOR, "#dated li")))
    return browser


def test_the_copenhagen_meeting_is_on_9_may_2017_and_the_campaign_in_autumn_2014(drawn):
    dated = list_entries(drawn, "dated")
    assert any(e.startswith("9 May 2017 ") and " meet " in f" {e} " for e in dated), dated
    assert any(e.startswith("autumn 2014 ") and "began" in e for e in dated), dated
    assert not drawn.find_element(By.ID, "status").is_displayed()
    autumn = drawn.find_elements(By.CSS_SELECTOR, ".vis-item.vis-range [data-entry]")
    assert autumn, "the season is drawn as a range"
    assert all(item.get_attribute("title").startswith("autumn 2014: ") for item in autumn)
    lanes = [label.text for label in drawn.find_elements(By.CSS_SELECTOR, ".vis-label")]
    assert "ISIS" in lanes
    assert list_entries(drawn, "undated"), "undated events are listed apart"


def test_clicking_an_event_highlights_it_in_the_text(drawn):
    meeting = next(
        li
        for li in drawn.find_elements(By.CSS_SELECTOR, "#dated li")
        if li.text.startswith("9 May 2017 ") and " meet " in f" {li.text} "
    )
    meeting.find_element(By.TAG_NAME, "button").click()
    assert drawn.find_element(By.CSS_SELECTOR, "#text .hl-trigger").text == "meet"
    actors = [m.text for m in drawn.find_elements(By.CSS_SELECTOR, "#text .hl-actor")]
    assert "Copenhagen" in actors
    assert [m.text for m in drawn.find_elements(By.CSS_SELECTOR, "#text .hl-time")] == ["Tuesday"]
    field = {
        dd.get_attribute("data-field"): dd.text
        for dd in drawn.find_elements(By.CSS_SELECTOR, "#details dd")
    }
    assert field["factuality"] == "asserted"
    assert "Tuesday" in field["date source"]
    assert field["confidence"]
    selected = drawn.find_element(By.CSS_SELECTOR, ".vis-item.vis-selected [data-entry]")
    assert selected.get_attribute("data-entry") == meeting.get_attribute("data-entry")
    assert " meet" in selected.text
    drawn.find_element(By.ID, "fit").click()
    drawn.execute_script("document.getElementById('result').scrollIntoView()")
    screenshot(drawn, "timeline-page")


def test_clicking_a_range_on_the_timeline_selects_it(drawn):
    drawn.find_element(By.ID, "fit").click()
    item = drawn.find_element(By.CSS_SELECTOR, ".vis-item.vis-range [data-entry]")
    item.click()
    assert drawn.find_element(By.CSS_SELECTOR, "#text .hl-time").text == "autumn 2014"
    assert "autumn 2014" in drawn.find_element(By.CSS_SELECTOR, "#details dd[data-field=date]").text


def test_the_factuality_filter_hides_events(drawn):
    before = len(list_entries(drawn, "dated"))
    box = drawn.find_element(By.CSS_SELECTOR, "#factuality input[value=asserted]")
    box.click()
    after = len(list_entries(drawn, "dated"))
    box.click()
    assert after < before
    assert len(list_entries(drawn, "dated")) == before


def test_a_download_link_saves_the_export(drawn):
    drawn.find_element(By.CSS_SELECTOR, "#downloads a[data-format=csv]").click()
    target = drawn.downloads / "timeline.csv"
    deadline = time.monotonic() + 60
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"), newline="")))
    assert any(r["trigger"] == "meet" and r["date"] == "2017-05-09" for r in rows)


def test_an_empty_text_shows_the_problem_detail(drawn):
    paste(drawn, "")
    error = wait(drawn, ec.visibility_of_element_located((By.ID, "error")), 30)
    assert "The request body failed validation; see errors." in error.text
    assert "text:" in error.text
    screenshot(drawn, "timeline-page-error")


def test_two_articles_make_one_story_with_its_sources(drawn, mattis_article, west_article):
    drawn.find_element(By.ID, "add").click()
    blocks = drawn.find_elements(By.CSS_SELECTOR, "#documents fieldset")
    for block, text, date in zip(
        blocks, (mattis_article, west_article), ("", "2017-05-10"), strict=True
    ):
        drawn.execute_script(
            "arguments[0].querySelector('textarea').value = arguments[1];"
            "arguments[0].querySelector('[name=document_date]').value = arguments[2];",
            block,
            text,
            date,
        )
    drawn.find_element(By.ID, "submit").click()
    wait(
        drawn,
        lambda b: b.execute_script("return document.body.getAttribute('aria-busy')") == "false",
    )
    assert not drawn.find_element(By.ID, "error").is_displayed()
    merged = [
        li
        for li in drawn.find_elements(By.CSS_SELECTOR, "#dated li")
        if li.text.endswith("2 sources")
    ]
    assert merged, list_entries(drawn, "dated")
    merged[0].find_element(By.TAG_NAME, "button").click()
    mentions = drawn.find_elements(By.CSS_SELECTOR, "#mentions button")
    assert {m.text for m in mentions} == {"in article 1", "in article 2"}
    next(m for m in mentions if m.text == "in article 2").click()
    assert drawn.find_element(By.ID, "text-title").text == "(article 2)"
    assert drawn.find_element(By.CSS_SELECTOR, "#text .hl-trigger").text
    screenshot(drawn, "timeline-page-story")


def test_a_dropped_text_file_becomes_an_article(drawn, server):
    drawn.get(server + "/")
    drawn.execute_script(
        "const files = new DataTransfer();"
        "files.items.add(new File(['Officials met in Paris.'], 'paris-talks.txt',"
        " {type: 'text/plain'}));"
        "files.items.add(new File(['%PDF'], 'scan.pdf', {type: 'application/pdf'}));"
        "document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true}));"
    )
    area = drawn.find_element(By.CSS_SELECTOR, "#documents textarea")
    wait(drawn, lambda b: area.get_attribute("value"), 10)
    assert area.get_attribute("value") == "Officials met in Paris."
    ident = drawn.find_element(By.CSS_SELECTOR, "#documents [name=id]")
    assert ident.get_attribute("value") == "paris-talks"
    assert len(drawn.find_elements(By.CSS_SELECTOR, "#documents fieldset")) == 1


def test_an_api_key_is_sent_when_given(server, browser):
    with live_server(API_KEYS="secret-key") as (_, keyed):
        browser.get(keyed + "/")
        paste(browser, "Officials met in Paris on 3 March 2015.")
        error = wait(browser, ec.visibility_of_element_located((By.ID, "error")), 60)
        assert "Bearer" in error.text
        browser.find_element(By.CSS_SELECTOR, ".settings summary").click()
        browser.find_element(By.ID, "api-key").send_keys("secret-key")
        browser.find_element(By.ID, "submit").click()
        wait(browser, ec.visibility_of_element_located((By.CSS_SELECTOR, "#dated li")))
        assert list_entries(browser, "dated")[0].startswith("3 March 2015 ")
        assert not browser.find_element(By.ID, "error").is_displayed()


def test_the_page_asks_nothing_outside_the_service(drawn, server, mattis_article):
    drawn.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    requested_urls(drawn)  # from here on
    drawn.get(server + "/")
    paste(drawn, mattis_article)
    wait(drawn, ec.visibility_of_element_located((By.CSS_SELECTOR, "#dated li")))
    drawn.find_element(By.CSS_SELECTOR, "#downloads a[data-format=timeml]").click()
    wait(
        drawn,
        lambda b: b.execute_script("return document.body.getAttribute('aria-busy')") == "false",
    )
    urls = requested_urls(drawn)
    for path in (
        "/",
        "/page/app.js",
        "/page/app.css",
        "/page/vendor/vis-timeline-graph2d.min.js",
        "/page/vendor/vis-timeline-graph2d.min.css",
        "/v1/timeline",
        "/v1/timeline?format=timeml",
    ):
        assert server + path in urls, (path, urls)
    outside = [u for u in urls if not u.startswith((server + "/", "data:", "blob:" + server))]
    assert outside == []


def test_the_policy_refuses_nothing_but_the_bundle_s_inline_styles(drawn):
    severe = [e["message"] for e in drawn.get_log("browser") if e["level"] == "SEVERE"]
    refused = [m for m in severe if "Content Security Policy" in m]
    assert refused, "the bundle's inline <style> elements are refused"
    assert all("Applying inline style violates" in m for m in refused), refused
    assert all("vis-timeline-graph2d.min.js" in m for m in refused), refused
    provoked = ("status of 401", "status of 422")  # the empty text, the missing key
    others = [m for m in severe if m not in refused and not any(p in m for p in provoked)]
    assert others == []
