"""Exceptions the pipeline raises; the HTTP edge maps each to a problem response."""


class PipelineError(Exception):
    """Base class of every error the pipeline raises on purpose."""


class UnsupportedLanguageError(PipelineError):
    """The requested language has no pipeline."""

    def __init__(self, language: str, supported: tuple[str, ...]) -> None:
        self.language = language
        self.supported = supported
        super().__init__(
            f"language {language!r} is not supported; supported: {', '.join(supported)}"
        )


class TextTooLongError(PipelineError):
    """A text has more tokens than the pipeline accepts."""

    def __init__(self, index: int, id: str | None, tokens: int, limit: int) -> None:
        self.index = index
        self.id = id
        named = f"document {index} (id {id!r})" if id is not None else "the text"
        super().__init__(
            f"{named} has {tokens} tokens, more than the {limit} accepted "
            "(MAX_TEXT_TOKENS); split it or send a shorter text"
        )


class ModelNotFoundError(PipelineError):
    """The configured spaCy model is not installed."""

    def __init__(self, model: str) -> None:
        self.model = model
        super().__init__(
            f"spaCy model {model!r} is not installed; install its package or set SPACY_MODEL"
        )


class DocumentFailedError(Exception):
    """One document of a batch could not be processed: a defect of the service, not the client's.

    Carries the document's position and id so the batch's answer names it.
    """

    def __init__(self, index: int, id: str | None) -> None:
        self.index = index
        self.id = id
        named = f" (id {id!r})" if id is not None else ""
        super().__init__(f"document {index}{named} could not be processed")
