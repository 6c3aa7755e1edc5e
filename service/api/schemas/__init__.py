"""The schemas of API v1: the contract, and the source of openapi.yaml."""

from service.api.schemas.requests import (
    BatchDocumentSchema,
    DocumentTextSchema,
    TimelineRequestSchema,
    TimelinesRequestSchema,
)
from service.api.schemas.responses import TimelineResponseSchema, TimelinesResponseSchema

__all__ = [
    "BatchDocumentSchema",
    "DocumentTextSchema",
    "TimelineRequestSchema",
    "TimelineResponseSchema",
    "TimelinesRequestSchema",
    "TimelinesResponseSchema",
]
