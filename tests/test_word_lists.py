"""The word-list reader shared by the event and story stages, and the lists shipped with it."""

import pytest

from service.pipeline.lexicon.events import load_lexicon
from service.pipeline.lexicon.story import load_story_lexicon
from service.pipeline.lexicon.word_lists import WordListError, data_lines


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


def test_a_malformed_shipped_list_stops_loading(monkeypatch, tmp_path):
    import service.pipeline.lexicon.events as event_lexicon

    (tmp_path / "verb_classes.tsv").write_text("say\tREPORTING\nsay\tI_ACTION\n", encoding="utf-8")
    monkeypatch.setattr(event_lexicon, "RESOURCE_DIR", tmp_path)
    with pytest.raises(WordListError, match=r"verb_classes.tsv:2: duplicate entry 'say'"):
        event_lexicon.read_entries("verb_classes.tsv", fields=2)
