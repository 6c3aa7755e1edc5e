"""Linguistic knowledge as data: the loader of `service/resources/en/` and the lists by stage."""
