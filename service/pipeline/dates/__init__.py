"""Calendar dates below every stage: the document date (request or dateline), ISO days, the news
day (the one rule of what a document's lead reports)."""
