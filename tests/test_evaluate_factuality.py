"""Factuality scoring on MEANTIME CAT XML written for it: gold classes, matching, flag, halves."""

import pytest

from service.corpora.meantime import parse_meantime
from service.evaluate.__main__ import build_parser
from service.evaluate.factuality import evaluate_factuality, gold_class, score_factuality
from service.evaluate.halves import even_odd
from service.pipeline.records import Event, TextSpan

SENTENCES = [
    ["Apple", "sues", "and", "warns", "Cisco"],
    ["May", "2", ",", "2007"],
    ["Cisco", "did", "not", "reply", "."],
    ["It", "may", "appeal", "."],
    ["It", "will", "pay", "."],
    ["Talks", "ended", "."],
    ["Cisco", "will", "lose", "."],  # sentence 6: not annotated
]
# m_id -> (token ids, polarity, certainty, time); token ids count from 1 over all sentences.
MENTIONS = {
    "1": ((2,), "POS", "CERTAIN", "NON_FUTURE"),  # sues: asserted
    "2": ((2, 4), "", "", ""),  # sues ... warns: composite, no attributes, not scored
    "3": ((13,), "NEG", "CERTAIN", "NON_FUTURE"),  # reply: negated
    "4": ((17,), "POS", "POSSIBLE", "FUTURE"),  # appeal: possible (before future)
    "5": ((21,), "POS", "CERTAIN", "FUTURE"),  # pay: future
    "6": ((24,), "UNDERSPECIFIED", "UNDERSPECIFIED", "NON_FUTURE"),  # ended: asserted
}


def cat_xml(mentions=MENTIONS):
    tokens, t_id = [], 0
    for sentence, words in enumerate(SENTENCES):
        for word in words:
            t_id += 1
            tokens.append(
                f'<token t_id="{t_id}" sentence="{sentence}" number="{t_id - 1}">{word}</token>'
            )
    markables = "".join(
        f'<EVENT_MENTION m_id="{m_id}" polarity="{pol}" certainty="{cert}" time="{time}">'
        + "".join(f'<token_anchor t_id="{t}"/>' for t in anchors)
        + "</EVENT_MENTION>"
        for m_id, (anchors, pol, cert, time) in mentions.items()
    )
    return f"""<?xml version="1.0" ?><Document doc_id="7" doc_name="toy">
{"".join(tokens)}<Markables>{markables}</Markables><Relations/></Document>"""


@pytest.fixture
def doc():
    return parse_meantime(cat_xml(), "toy.xml")


def event(doc, surface, factuality):
    start = doc.text.index(surface)
    return Event(
        id=surface,
        trigger=TextSpan(surface, start, start + len(surface)),
        lemma=surface,
        event_class="OCCURRENCE",
        sentence=TextSpan("", 0, 0),
        factuality=factuality,
    )


def test_reader_keeps_each_mentions_attributes_and_anchor_tokens(doc):
    by_id = {f.event_id: f for f in doc.factuality}
    assert [doc.text[s:e] for s, e in by_id["2"].spans] == ["sues", "warns"]
    assert (by_id["3"].polarity, by_id["4"].certainty, by_id["5"].time) == (
        "NEG",
        "POSSIBLE",
        "FUTURE",
    )


def test_gold_classes_follow_polarity_then_certainty_then_time(doc):
    classes = {f.event_id: gold_class(f) for f in doc.factuality}
    assert classes == {
        "1": "asserted",
        "2": None,
        "3": "negated",
        "4": "possible",
        "5": "future",
        "6": "asserted",
    }


def test_all_right_scores_full_accuracy_and_flag(doc):
    system = [
        event(doc, "sues", "asserted"),
        event(doc, "reply", "negated"),
        event(doc, "appeal", "possible"),
        event(doc, "pay", "future"),
        event(doc, "ended", "reported"),  # reported counts as asserted
    ]
    report = score_factuality([doc], [system])
    assert report["accuracy"] == {"accuracy": 1.0, "correct": 5, "total": 5}
    assert (report["flag"]["correct"], report["flag"]["predicted"], report["flag"]["gold"]) == (
        3,
        3,
        3,
    )
    assert report["confusion"]["asserted"]["reported"] == 1
    assert report["errors"] == []


def test_missed_flags_and_false_flags_are_counted(doc):
    system = [
        event(doc, "sues", "possible"),  # false flag
        event(doc, "reply", "asserted"),  # missed negation
        event(doc, "appeal", "future"),  # flagged, wrong class
        event(doc, "warns", "asserted"),  # on the composite mention only: not scored
        event(doc, "lose", "future"),  # sentence 6: left out
    ]
    report = score_factuality([doc], [system])
    assert report["events"]["predicted"] == 4
    assert report["accuracy"]["correct"] == 0 and report["accuracy"]["total"] == 3
    flag = report["flag"]
    assert (flag["correct"], flag["predicted"], flag["gold"]) == (1, 2, 2)
    kinds = dict(report["error_kinds"])
    assert kinds == {"asserted->possible": 1, "negated->asserted": 1, "possible->future": 1}


def test_an_event_must_overlap_an_anchor_token_of_a_discontinuous_mention():
    mentions = {"2": ((2, 4), "NEG", "CERTAIN", "NON_FUTURE")}  # sues ... warns
    doc = parse_meantime(cat_xml(mentions), "toy.xml")
    assert score_factuality([doc], [[event(doc, "and", "negated")]])["accuracy"]["total"] == 0
    assert score_factuality([doc], [[event(doc, "warns", "negated")]])["accuracy"]["total"] == 1


def test_halves_split_documents_by_position(doc):
    other = parse_meantime(cat_xml().replace('doc_id="7"', 'doc_id="8"'), "other.xml")
    report = evaluate_factuality(
        [doc, other], [[event(doc, "reply", "negated")], [event(other, "reply", "asserted")]]
    )
    assert even_odd(3) == [("even", [0, 2]), ("odd", [1])]
    assert report["even"]["accuracy"]["accuracy"] == 1.0
    assert report["odd"]["accuracy"]["accuracy"] == 0.0
    assert report["all"]["flag"]["recall"] == 0.5
    assert report["error_kinds"] == [("negated->asserted", 1)]


def test_command_line_knows_factuality():
    args = build_parser().parse_args(["factuality", "corpus"])
    assert args.command == "factuality"
