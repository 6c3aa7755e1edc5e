"""Pronoun and nominal resolution scored against REFERS_TO on a tiny CAT document."""

from service.corpora.meantime import parse_meantime
from service.evaluate.coreference import evaluate_resolution, format_resolution
from service.pipeline.records import (
    Actor,
    DocumentDate,
    DocumentInfo,
    Entity,
    Event,
    TextSpan,
    TimelineResult,
)

WORDS = ["Qantas", "cut", "jobs", ".", "The", "airline", "said", "costs", "rose"]


def cat_xml() -> str:
    tokens = "".join(
        f'<token t_id="{i}" sentence="0" number="{i - 1}">{w}</token>'
        for i, w in enumerate(WORDS, start=1)
    )
    return f"""<?xml version="1.0" ?><Document doc_id="7" doc_name="toy">{tokens}
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NOM"><token_anchor t_id="5"/><token_anchor t_id="6"/>
</ENTITY_MENTION>
<ENTITY m_id="9" ent_type="ORG"/>
</Markables>
<Relations>
<REFERS_TO r_id="20"><source m_id="1"/><source m_id="2"/><target m_id="9"/></REFERS_TO>
</Relations>
</Document>"""


def result(doc, entity_spans) -> TimelineResult:
    said = doc.text.index("said")
    airline = doc.text.index("The airline")
    event = Event(
        id="e1",
        trigger=TextSpan("said", said, said + 4),
        lemma="say",
        event_class="REPORTING",
        sentence=TextSpan("", 0, 0),
        actors=(Actor(None, "The airline", airline, airline + 11, "agent"),),
    )
    entity = Entity("ent1", "Qantas", "ORG", tuple(entity_spans))
    info = DocumentInfo("7", "en", DocumentDate(None, "none"), len(doc.text))
    return TimelineResult(document=info, events=(event,), entities=(entity,))


def test_reader_keeps_entity_mentions_and_their_instance():
    doc = parse_meantime(cat_xml(), "toy.xml")
    assert [(m.syntactic_type, m.instance) for m in doc.entity_mentions] == [
        ("NAM", "9"),
        ("NOM", "9"),
    ]


def test_a_description_resolved_to_the_named_organisation_is_right():
    doc = parse_meantime(cat_xml(), "toy.xml")
    scores = evaluate_resolution([doc], [result(doc, [TextSpan("Qantas", 0, 6)])])["all"]
    assert (scores["correct"], scores["predicted"], scores["gold"]) == (1, 1, 1)
    assert "right / resolved / items" in format_resolution({"all": scores | {"documents": 1}})


def test_a_description_resolved_elsewhere_is_wrong():
    doc = parse_meantime(cat_xml(), "toy.xml")
    jobs = doc.text.index("jobs")
    wrong = [TextSpan("jobs", jobs, jobs + 4)]
    scores = evaluate_resolution([doc], [result(doc, wrong)])["all"]
    assert (scores["correct"], scores["predicted"], scores["gold"]) == (0, 1, 1)
