"""Calendar dates below every stage: the document date (request or dateline), ISO days."""
