"""The knowledge base: cases with bitemporal positions, and the registry of analysis runs, on
SQLite by default or PostgreSQL by URL."""

from peacetalks.store.records import (
    RunRecord,
    SaveResult,
    StoredCase,
    StoredEvidence,
    StoredPosition,
    StoredUpdate,
)
from peacetalks.store.store import Store
from peacetalks.store.urls import default_url

__all__ = [
    "RunRecord", "SaveResult", "Store", "StoredCase", "StoredEvidence", "StoredPosition", "StoredUpdate",
    "default_url",
]
