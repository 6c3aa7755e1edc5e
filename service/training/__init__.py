"""Training of the event model from the development corpora (``python -m service.training DIR``)."""
