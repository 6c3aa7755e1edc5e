"""The cross-document story: event coreference, mention times, participants, actor timelines."""
