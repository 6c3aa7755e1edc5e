"""The one news-day rule (dates/news_day.py) that anchoring and the story's lead date share."""

from __future__ import annotations

from service.pipeline.dates.news_day import LEAD_DAYS, LEAD_SENTENCES, is_news_day, lead_news_day


def test_a_news_day_is_at_most_a_week_old_and_not_ahead():
    assert is_news_day(0) and is_news_day(LEAD_DAYS)
    assert not is_news_day(LEAD_DAYS + 1)
    assert not is_news_day(-1)


def test_the_lead_news_day_is_the_last_of_the_lead():
    # a dateline's "March 12" (sentence 0), then the lead's "Friday" (sentence 1)
    assert lead_news_day([(0, "2021-03-12"), (1, "2021-03-05")]) == "2021-03-05"


def test_a_day_after_the_lead_is_not_its_news_day():
    assert lead_news_day([(LEAD_SENTENCES, "2021-03-05")]) is None
    assert lead_news_day([(0, "2021-03-12"), (LEAD_SENTENCES, "2021-03-05")]) == "2021-03-12"


def test_an_event_takes_only_a_news_day_of_an_other_sentence():
    assert lead_news_day([(1, "2021-03-05")], before=1) is None
    assert lead_news_day([(0, "2021-03-12"), (1, "2021-03-05")], before=1) == "2021-03-12"
