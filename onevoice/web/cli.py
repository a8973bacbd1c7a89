"""`onevoice serve`: the dashboard over an event store, read-only."""
from __future__ import annotations

import click


@click.command("serve")
@click.option("--db", default="onevoice.duckdb", show_default=True,
              help="DuckDB file holding the events (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 127.0.0.1 keeps it to this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 600),
              help="Seconds a request may spend in the database before it is interrupted.")
def serve_cmd(db, host, port, timeout):
    """Browse the events in a web dashboard, with a JSON/CSV API under every page."""
    from pathlib import Path

    import uvicorn

    from ..store import StoreLockedError
    from .app import create_app

    if not Path(db).exists():
        raise click.ClickException(f"no event store at {db}: run `onevoice code` first")
    try:
        app = create_app(db, timeout=timeout)
    except StoreLockedError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"onevoice dashboard on http://{host}:{port}/ (read-only: {db}); Ctrl+C stops it",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
