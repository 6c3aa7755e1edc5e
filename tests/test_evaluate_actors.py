"""MEANTIME reader and (event, role, participant) scoring on a tiny CAT document."""

from dataclasses import replace

import pytest

from service.corpora.meantime import parse_meantime
from service.evaluate.actors import actors_by_half, evaluate_actors, link_samples
from service.evaluate.report import format_actor_halves
from service.pipeline.records import Actor, Event, TextSpan

SENTENCES = [["Apple", "sues", "Cisco"], ["May", "2", ",", "2007"], ["x"], ["x"], ["x"], ["x"]]
SENTENCES.append(["Cisco", "sued", "Apple"])  # sentence 6: not annotated


def cat_xml():
    tokens, t_id, number = [], 0, 0
    for sentence, words in enumerate(SENTENCES):
        for word in words:
            t_id += 1
            tokens.append(
                f'<token t_id="{t_id}" sentence="{sentence}" number="{number}">{word}</token>'
            )
            number += 1
    return f"""<?xml version="1.0" ?><Document doc_id="42" doc_name="toy">
{"".join(tokens)}
<Markables>
<EVENT_MENTION m_id="1" pred="sue"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="6" pred="x"><token_anchor t_id="10"/></EVENT_MENTION>
<ENTITY_MENTION m_id="2"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5"><token_anchor t_id="8"/></ENTITY_MENTION>
<TIMEX3 m_id="4" functionInDocument="CREATION_TIME" type="DATE" value="2007-05-02">
<token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/>
</TIMEX3>
</Markables>
<Relations>
<HAS_PARTICIPANT r_id="10" sem_role="Arg0"><source m_id="1"/><target m_id="2"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="11" sem_role="Arg1"><source m_id="1"/><target m_id="3"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="12" sem_role="Arg2"><source m_id="1"/><target m_id="5"/></HAS_PARTICIPANT>
</Relations>
</Document>"""


@pytest.fixture
def doc():
    return parse_meantime(cat_xml(), "toy.xml")


def test_reader_joins_tokens_and_sentences(doc):
    assert doc.doc_id == "42"
    assert doc.text == "Apple sues Cisco\nMay 2 , 2007\nx\nx\nx\nx\nCisco sued Apple"
    assert str(doc.dct) == "2007-05-02"
    assert doc.annotated_end == doc.text.index("\nCisco")
    words = [word for sentence in SENTENCES for word in sentence]
    assert [doc.text[t.start : t.end] for t in doc.tokens] == words
    assert [t.sentence for t in doc.tokens][-3:] == [6, 6, 6]


def test_reader_participants(doc):
    roles = [
        (p.role, doc.text[p.event_start : p.event_end], doc.text[p.start : p.end])
        for p in doc.participants
    ]
    assert roles == [("Arg0", "sues", "Apple"), ("Arg1", "sues", "Cisco"), ("Arg2", "sues", "x")]
    assert [e.text for e in doc.events] == ["sues", "x"]


def event(doc, surface, actors, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(surface, start + 1)
    return Event(
        id=f"{surface}{occurrence}",
        trigger=TextSpan(surface, start, start + len(surface)),
        lemma=surface,
        event_class="OCCURRENCE",
        sentence=TextSpan("", 0, 0),
        actors=tuple(actors),
    )


def actor(doc, surface, role, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(surface, start + 1)
    return Actor(None, surface, start, start + len(surface), role)


@pytest.fixture
def report(doc):
    events = [
        event(doc, "sues", [actor(doc, "Apple", "agent"), actor(doc, "Cisco", "agent")]),
        event(doc, "sues", [actor(doc, "Apple", "agent")]),  # duplicate: one-to-one
        event(doc, "sued", [actor(doc, "Cisco", "agent", 1)]),  # sentence 6: dropped
    ]
    return evaluate_actors([doc], [events])


def test_agent_and_patient_scores(report):
    agent, patient, overall = report["agent"], report["patient"], report["all"]
    assert (agent["correct"], agent["predicted"], agent["gold"]) == (1, 3, 1)
    assert agent["f1"] == pytest.approx(0.5)
    assert (patient["correct"], patient["predicted"], patient["gold"]) == (0, 0, 1)
    assert patient["f1"] == 0.0
    assert overall["precision"] == pytest.approx(1 / 3)
    assert overall["recall"] == pytest.approx(1 / 2)
    assert overall["f1"] == pytest.approx(2 / 5)


def test_actor_error_kinds(report):
    assert dict(report["error_kinds"]) == {
        "missed patient (event found)": 1,
        "wrong role Arg1->agent": 1,
        "duplicate agent": 1,
    }


def test_spurious_kinds_tell_what_the_gold_has_for_the_event(doc):
    events = [
        event(doc, "sues", [actor(doc, "May", "agent")]),  # the gold event has another agent
        event(doc, "x", [actor(doc, "x", "agent", 3)], occurrence=2),  # event without agent
        event(doc, "x", [actor(doc, "x", "patient", 3)], occurrence=1),  # no gold event
    ]
    kinds = dict(evaluate_actors([doc], [events])["error_kinds"])
    assert kinds["spurious agent"] == 1
    assert kinds["spurious agent (no gold agent)"] == 1
    assert kinds["spurious patient (event not annotated)"] == 1


def test_understood_subjects_are_neither_scored_nor_sampled(doc):
    def sues(understood):
        cisco = replace(actor(doc, "Cisco", "agent"), rule="subject", understood=understood)
        return [event(doc, "sues", [actor(doc, "Apple", "agent"), cisco])]

    assert evaluate_actors([doc], [sues(False)])["agent"]["predicted"] == 2
    assert evaluate_actors([doc], [sues(True)])["agent"]["predicted"] == 1
    assert [rule for rule, _ in link_samples(doc, sues(False))] == [None, "subject"]
    assert [rule for rule, _ in link_samples(doc, sues(True))] == [None]


def test_halves_score_each_half_alone(doc):
    events = [event(doc, "sues", [actor(doc, "Apple", "agent")])]
    reports = actors_by_half([doc, doc], [events, []])
    assert reports["all"]["agent"]["correct"] == 1
    assert reports["even"]["agent"]["recall"] == 1.0
    assert reports["odd"]["agent"]["recall"] == 0.0
    assert "even" in format_actor_halves(reports)


def test_link_samples_judge_each_rule_on_real_events_only(doc):
    def linked(surface, role, rule, occurrence=0):
        return replace(actor(doc, surface, role, occurrence), rule=rule)

    sues = event(
        doc,
        "sues",
        [
            linked("Apple", "agent", "subject"),  # Arg0: right
            linked("Cisco", "recipient", "dative"),  # Arg1, not Arg2: wrong
            linked("x", "other", "named_other"),  # a gold participant (Arg2) in any role: right
            linked("May", "patient", "object"),  # no gold participant: wrong
        ],
    )
    spurious = event(doc, "x", [linked("x", "agent", "subject", 2)], occurrence=1)
    not_annotated = event(doc, "sued", [linked("Cisco", "agent", "subject", 1)])
    samples = link_samples(doc, [sues, spurious, not_annotated])
    assert samples == [
        ("subject", True),
        ("dative", False),
        ("named_other", True),
        ("object", False),
    ]
