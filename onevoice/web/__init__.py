"""The web dashboard and its JSON/CSV API: `onevoice serve`, or `create_app(db_path)`."""
from __future__ import annotations


def create_app(db_path, timeout: float | None = None):
    """The FastAPI app over the event store at `db_path` (imported lazily: FastAPI is heavy)."""
    from .app import create_app as _create
    from .data import DEFAULT_TIMEOUT

    return _create(db_path, timeout=DEFAULT_TIMEOUT if timeout is None else timeout)


__all__ = ["create_app"]
