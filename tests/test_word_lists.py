"""The word-list reader shared by the event and story stages, and the lists shipped with it."""

import pytest

from service.pipeline.lexicon.closed_class import load_closed_class
from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.lexicon.story import load_story_lexicon
from service.pipeline.lexicon.word_lists import (
    WordListError,
    data_lines,
    read_pairs,
    read_sets,
    read_words,
)
from service.pipeline.story.coreference import verb_forms


def test_data_lines_skip_blanks_and_comments_and_keep_line_numbers(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# header\nsummit\n\n   \nattack\tOCCURRENCE\n#tail\n", encoding="utf-8")
    assert list(data_lines(path)) == [(2, "summit"), (5, "attack\tOCCURRENCE")]


def test_an_error_names_the_file_and_line(tmp_path):
    error = WordListError(tmp_path / "list.txt", 7, "duplicate entry 'summit'")
    assert str(error) == f"{tmp_path / 'list.txt'}:7: duplicate entry 'summit'"
    assert isinstance(error, ValueError)


def test_the_shipped_lists_load():
    lexicon, story = load_lexicon(), load_story_lexicon()
    assert lexicon.verb_classes["say"] == "REPORTING"
    assert "summit" in lexicon.nominal_events
    assert story.nominalisations["death"] == "die"


def test_a_duplicate_entry_stops_loading(tmp_path):
    path = tmp_path / "verb_classes.tsv"
    path.write_text("say\tREPORTING\nsay\tI_ACTION\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"verb_classes.tsv:2: duplicate entry 'say'"):
        read_pairs(path)


def test_an_entry_without_its_fields_stops_loading(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("death\tdie\nattack\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"pairs.tsv:2: expected 2 field\(s\), got 1"):
        read_pairs(path)


def test_a_word_in_two_sets_stops_loading(tmp_path):
    path = tmp_path / "synonyms.txt"
    path.write_text("buy purchase\nacquire buy\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"synonyms.txt:2: duplicate word 'buy'"):
        read_sets(path)


def test_sets_and_multi_word_entries_read_as_written(tmp_path):
    sets, words = tmp_path / "sets.txt", tmp_path / "words.txt"
    sets.write_text("# a comment\nbuy purchase\n\nkill slay\n", encoding="utf-8")
    words.write_text("New York\nParis\n", encoding="utf-8")
    assert read_sets(sets) == (frozenset({"buy", "purchase"}), frozenset({"kill", "slay"}))
    assert read_words(words) == frozenset({"New York", "Paris"})


@pytest.mark.parametrize(
    ("noun", "verb"),
    [("announcement", "announce"), ("arrival", "arrive"), ("production", "produce")],
)
def test_the_noun_suffix_table_undoes_a_nominalisation(noun, verb):
    assert verb in verb_forms(noun)


def test_only_the_first_matching_suffix_is_undone():
    assert verb_forms("station") == {"station"}  # "st" + "ation" is too short; "ion" never tried
    assert "petit" in verb_forms("petition")


@pytest.mark.parametrize(
    ("noun", "is_event"), [("election", True), ("closure", True), ("death", False)]
)
def test_the_noun_suffix_table_marks_event_nouns(noun, is_event):
    assert noun.endswith(load_closed_class().event_suffixes) is is_event
