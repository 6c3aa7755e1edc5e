"""Shared readings of the parse: sentences, lemma repair, what a time attaches to, the one tense
reader, token helpers."""
