"""Exports of real responses: TimelineJS slides, TimeML that round-trips through the project's
reader, RFC 4180 CSV, and JSON-LD that expands without dropping a term."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pyld import jsonld

from service.corpora.timeml import parse_timeml
from service.exports import FORMATS, timelinejs, timeml
from service.exports import csv as csv_export
from service.exports.dates import calendar_parts, label, when

QUOTED = (
    'Mon Mar 2, 2015\n\nOn 3 March 2015, the "Red, Blue" alliance met in Paris, officials said.\n'
    'The talks, called "frank", resumed on Wednesday\nafter a break.'
)


def respond(client, body: dict, path: str = "/v1/timeline") -> dict:
    response = client.post(path, json=body)
    assert response.status_code == 200
    return response.get_json()


@pytest.fixture(scope="module")
def mattis(app, mattis_article) -> dict:
    return respond(app.test_client(), {"text": mattis_article})


@pytest.fixture(scope="module")
def story(app, mattis_article, west_article) -> dict:
    body = {
        "documents": [
            {"id": "a1", "text": mattis_article},
            {"id": "a2", "text": west_article, "document_date": "2017-05-10"},
        ]
    }
    return respond(app.test_client(), body, "/v1/timelines")


def slides_by_id(timeline: dict) -> dict[str, dict]:
    return {slide["unique_id"]: slide for slide in timeline["events"]}


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("2017-05-09", {"year": 2017, "month": 5, "day": 9}),
        ("2017-05", {"year": 2017, "month": 5}),
        ("2017", {"year": 2017}),
        ("2017-05-09T14:30", {"year": 2017, "month": 5, "day": 9, "hour": 14, "minute": 30}),
        ("2014-FA", None),
        ("PRESENT_REF", None),
        ("XXXX-XX-XX", None),
    ],
)
def test_a_value_gives_only_the_calendar_fields_it_knows(value, parts):
    assert calendar_parts(value) == parts


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2014-FA", "autumn 2014"),
        ("2015-Q3", "Q3 2015"),
        ("2017-W07", "week 7 of 2017"),
        ("198", "1980s"),
        ("2013-03-22TEV", "evening of 2013-03-22"),
        ("P3D", "P3D"),
    ],
)
def test_spans_without_calendar_fields_get_a_label(value, text):
    assert label(value) == text


def test_values_off_the_calendar_are_not_placed():
    assert when("PRESENT_REF", None) is None
    assert when("XXXX-WXX-2", None) is None
    season = when("2014-FA", {"start": "2014-09-01", "end": "2014-11-30"})
    assert season == {
        "start": {"year": 2014, "month": 9, "day": 1},
        "end": {"year": 2014, "month": 11, "day": 30},
        "display": "autumn 2014",
    }


# --- TimelineJS --------------------------------------------------------------------------------


def test_timelinejs_slides_of_the_first_article(mattis):
    timeline = timelinejs.document_timeline(mattis)
    slides = slides_by_id(timeline)
    meeting = next(e for e in mattis["events"] if e["trigger"]["text"] == "meet")
    slide = slides[meeting["id"]]
    assert slide["start_date"] == {"year": 2017, "month": 5, "day": 9}
    assert "end_date" not in slide
    assert slide["text"]["text"] == (
        "<p>Key members of the &#x27;US-led coalition&#x27; fighting ISIS group in Iraq and "
        "Syria <mark>meet</mark> in Copenhagen on Tuesday to assess the campaign&#x27;s next "
        "steps as the jihadists&#x27; &quot;caliphate&quot; collapses.</p>"
    )
    assert slide["text"]["headline"] == meeting["description"]
    assert "meet" in slide["text"]["headline"]
    assert slide["group"] == "US-led coalition"
    began = next(e for e in mattis["events"] if e["trigger"]["text"] == "began")
    autumn = slides[began["id"]]
    assert autumn["start_date"] == {"year": 2014, "month": 9, "day": 1}
    assert autumn["end_date"] == {"year": 2014, "month": 11, "day": 30}
    assert autumn["display_date"] == "autumn 2014"
    assert all(isinstance(s["start_date"]["year"], int) for s in timeline["events"])


def test_timelinejs_leaves_out_undated_events(mattis):
    dated = {event for entry in mattis["timeline"] for event in entry["events"]}
    slides = slides_by_id(timelinejs.document_timeline(mattis))
    assert set(slides) == dated
    assert len(mattis["events"]) > len(dated)  # some events are undated, and left out


def test_timelinejs_headline_is_the_description_when_there_is_one(mattis):
    described = json.loads(json.dumps(mattis))
    event_id = described["timeline"][0]["events"][0]
    for event in described["events"]:
        if event["id"] == event_id:
            event["description"] = "ISIS campaign <begins>"
    slide = slides_by_id(timelinejs.document_timeline(described))[event_id]
    assert slide["text"]["headline"] == "ISIS campaign &lt;begins&gt;"


def test_a_year_only_date_has_no_month_or_day(client):
    text = "The company was founded in 1998 in Berlin."
    response = respond(client, {"text": text, "document_date": "2017-05-09"})
    slides = timelinejs.document_timeline(response)["events"]
    assert slides
    assert [s["start_date"] for s in slides] == [{"year": 1998}] * len(slides)


def test_timelinejs_story_groups_merged_events_and_names_their_sources(story):
    slides = slides_by_id(timelinejs.story_timeline(story))
    merged = [
        event
        for entry in story["timeline"]
        if entry["interval"]
        for event in entry["events"]
        if len({m["document"] for m in event["mentions"]}) == 2
    ]
    assert merged, "the two articles share an event"
    slide = slides[merged[0]["id"]]
    assert slide["text"]["text"].count("<mark>") == len(merged[0]["mentions"])
    assert "<p>Sources: a1, a2</p>" in slide["text"]["text"]
    undated = [
        e["id"] for entry in story["timeline"] if not entry["interval"] for e in entry["events"]
    ]
    assert not set(undated) & set(slides)


# --- TimeML ------------------------------------------------------------------------------------


def links_of(response: dict) -> set[tuple[str, str, str]]:
    return {
        (event["id"], time, event["time"]["relation"]) for event, time in timeml.anchors(response)
    }


@pytest.mark.parametrize("text_of", ["mattis", "quoted"])
def test_timeml_reads_back_to_the_same_annotations(client, mattis_article, text_of):
    text = mattis_article if text_of == "mattis" else QUOTED.replace("\n", "\r\n") + "\x0b"
    response = respond(client, {"text": text, "id": "doc&1"})
    read = parse_timeml(timeml.document(response, text))
    assert read.doc_id == "doc&1"
    assert read.text == text.replace("\x0b", "\ufffd")
    assert str(read.dct) == response["document"]["document_date"]["value"]
    assert [(t.tid, t.start, t.end, t.type, t.value, t.mod) for t in read.timexes] == [
        (t["id"], t["start"], t["end"], t["type"], t["value"], t["mod"])
        for t in response["time_expressions"]
    ]
    assert [
        (e.eid, e.start, e.end, e.event_class, e.tense, e.aspect, e.polarity, e.modality)
        for e in read.events
    ] == [
        (
            e["id"],
            e["trigger"]["start"],
            e["trigger"]["end"],
            e["class"],
            e["tense"],
            e["aspect"],
            e["polarity"],
            e["modality"],
        )
        for e in response["events"]
    ]
    eid = {e.eiid: e.eid for e in read.events}
    read_links = {(eid[k.event_instance], k.related_to_time, k.rel_type) for k in read.tlinks}
    assert read_links == links_of(response)
    assert read_links


def test_crossing_annotations_are_left_out_not_mangled():
    text = "abcdef"
    spans = [(0, 3, "<A>", "</A>"), (2, 5, "<B>", "</B>"), (3, 6, "<C>", "</C>")]
    assert timeml.inline(text, spans) == "<A>abc</A><C>def</C>"
    nested = [(0, 6, "<A>", "</A>"), (1, 2, "<B>", "</B>")]
    assert timeml.inline("a<b&c>", nested) == "<A>a<B>&lt;</B>b&amp;c&gt;</A>"


@pytest.mark.timeout(180)
def test_evaluate_timex_scores_100_on_exported_files(
    tmp_path, client, mattis_article, west_article
):
    for name, body in (
        ("mattis", {"text": mattis_article}),
        ("west", {"text": west_article, "document_date": "2017-05-10"}),
    ):
        response = respond(client, body)
        assert response["time_expressions"]
        (tmp_path / f"{name}.tml").write_text(timeml.document(response, body["text"]), "utf-8")
    output = subprocess.run(
        [sys.executable, "-m", "service.evaluate", "timex", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=170,
    ).stdout
    for row in ("strict span", "type", "value"):
        line = next(line for line in output.splitlines() if line.startswith(row + " "))
        assert line.split()[-8:-5] == ["1.000", "1.000", "1.000"], line


def test_timeml_story_holds_every_document(story, mattis_article, west_article):
    xml = timeml.story(story, {"a1": mattis_article, "a2": west_article})
    documents = ET.fromstring(xml).findall("TimeML")
    assert [parse_timeml(ET.tostring(d, encoding="unicode")).text for d in documents] == [
        mattis_article,
        west_article,
    ]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_quotes_commas_quotes_and_line_breaks(client):
    response = respond(client, {"text": QUOTED, "id": 'a "quoted", id'})
    table = csv_export.document(response, QUOTED)
    assert table.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(table, newline="")))
    assert rows[0] == [name for name, _ in csv_export.COLUMNS]
    assert len(rows) == len(response["events"]) + 1
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["sentence"] for r in records] == [e["sentence"]["text"] for e in response["events"]]
    assert any('"' in r["sentence"] and "," in r["sentence"] for r in records)
    assert any("\n" in r["sentence"] for r in records)
    assert {r["document"] for r in records} == {'a "quoted", id'}
    met = next(r for r in records if r["trigger"] == "met")
    assert (met["date"], met["interval_start"], met["interval_end"]) == (
        "2015-03-03",
        "2015-03-03",
        "2015-03-03",
    )
    assert met["locations"] == "Paris"


def test_csv_cells_that_open_like_a_formula_are_text(client):
    text = '=HYPERLINK("http://x") Rebels seized the town on Monday.'
    response = respond(client, {"text": text, "id": "+id"})
    rows = list(csv.DictReader(io.StringIO(csv_export.document(response, text), newline="")))
    assert rows and all(r["document"] == "'+id" for r in rows)
    assert all(r["sentence"].startswith("'=HYPERLINK") for r in rows)
    assert all(not r["trigger"].startswith("'") for r in rows)


def test_csv_of_a_story_names_the_story_event(story, mattis_article, west_article):
    table = FORMATS["csv"].story(story, {"a1": mattis_article, "a2": west_article})
    records = list(csv.DictReader(io.StringIO(table, newline="")))
    assert len(records) == sum(len(d["events"]) for d in story["documents"])
    story_of = {
        (m["document"], m["event"]): e["id"]
        for entry in story["timeline"]
        for e in entry["events"]
        for m in e["mentions"]
    }
    assert all(r["story_event"] == story_of.get((r["document"], r["event"]), "") for r in records)
    assert any(r["story_event"] for r in records)


# --- JSON-LD -----------------------------------------------------------------------------------

SCHEMA_ORG = "https://schema.org/"


def offline_loader(url: str, options: dict | None = None) -> dict:
    """schema.org's context, reduced to its vocabulary, without a network request."""
    assert url.rstrip("/") == SCHEMA_ORG.rstrip("/"), url
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA_ORG}},
    }


def expand(document: str) -> list:
    dropped: list = []
    expanded = jsonld.expand(
        json.loads(document),
        {"documentLoader": offline_loader},
        on_property_dropped=dropped.append,
    )
    assert dropped == []
    return expanded


def test_jsonld_is_a_news_article_with_actions(mattis):
    (article,) = expand(FORMATS["jsonld"].document(mattis, ""))
    assert article["@type"] == [SCHEMA_ORG + "NewsArticle"]
    assert article[SCHEMA_ORG + "dateCreated"] == [{"@value": "2017-05-09"}]
    nodes = {node["@id"].rsplit("#", 1)[1]: node for node in article[SCHEMA_ORG + "mentions"]}
    assert set(nodes) == {event["id"] for event in mattis["events"]}
    meeting = next(e for e in mattis["events"] if e["trigger"]["text"] == "meet")
    node = nodes[meeting["id"]]
    assert node["@type"] == [SCHEMA_ORG + "Action"]
    assert node[SCHEMA_ORG + "location"][0][SCHEMA_ORG + "name"] == [{"@value": "Copenhagen"}]
    assert node[SCHEMA_ORG + "startTime"] == [{"@value": "2017-05-09"}]
    began = next(e for e in mattis["events"] if e["trigger"]["text"] == "began")
    assert nodes[began["id"]][SCHEMA_ORG + "endDate"] == [{"@value": "2014-11-30"}]
    assert nodes[began["id"]]["@type"] == [SCHEMA_ORG + "Event"]


def test_jsonld_times_only_events_on_the_timeline(mattis):
    dated = {event for entry in mattis["timeline"] for event in entry["events"]}
    article = json.loads(FORMATS["jsonld"].document(mattis, ""))
    for node in article["mentions"]:
        has_time = bool({"startTime", "startDate", "endTime", "endDate"} & set(node))
        assert has_time == (node["@id"].rsplit("#", 1)[1] in dated)


def test_jsonld_story_is_a_graph_of_articles(story):
    expanded = expand(FORMATS["jsonld"].story(story, {}))
    assert [node["@type"] for node in expanded] == [[SCHEMA_ORG + "NewsArticle"]] * 2


def test_the_readme_documents_every_csv_column_in_order():
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    table = readme.split("CSV columns, in order:", 1)[1].split("\n\n", 2)[1]
    documented = [line.split("`")[1] for line in table.splitlines()[2:]]
    assert documented == [name for name, _ in csv_export.COLUMNS]
