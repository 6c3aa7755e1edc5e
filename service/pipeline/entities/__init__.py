"""The entity stage: actors (people, organisations, places) with their mentions merged."""
