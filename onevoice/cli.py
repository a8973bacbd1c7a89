"""The `onevoice` command: code, events, export, query, evaluate, extract."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

DB_HELP = "DuckDB file holding the events."


@click.group()
@click.version_option(package_name="onevoice")
def main() -> None:
    """News text in, CAMEO/PLOVER political event data out, with the evidence for each event."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default="onevoice.duckdb", show_default=True, help=DB_HELP)
@click.option("--out", type=click.Path(), help="Also write this run's events to .jsonl, .csv or .parquet.")
@click.option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor dictionary (our TSV format or PETRARCH/TABARI .txt). Repeatable.")
@click.option("--agents", "agent_files", multiple=True, type=click.Path(exists=True),
              help="Extra PETRARCH/TABARI agent dictionary. Repeatable.")
@click.option("--show/--no-show", default=False, help="Print the events of this run as a table.")
@click.option("--quiet", is_flag=True, help="Print only errors.")
@click.option("--text-column", help="JSONL/CSV field holding the article text (default: text).")
@click.option("--id-column", help="JSONL/CSV field holding the document id (default: id).")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
@click.option("--cluster", help="Run on dask: 'local' (a LocalCluster here) or tcp://HOST:PORT of a scheduler.")
@click.option("--partitions", type=click.Path(file_okay=False),
              help="With --cluster: workers write each chunk's events as a Parquet file in this "
                   "directory (shared by workers and this machine), merged into --db; the files stay.")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Skip documents already coded from the same text by this coder and lexicons.")
@click.option("--keep-duplicates", is_flag=True,
              help="Code every copy of a story (the same wire story from several outlets) "
                   "instead of recording it once with its number of articles and sources.")
def code(paths, db, out, date, actor_files, agent_files, show, quiet, text_column, id_column,
         workers, cluster, partitions, resume, keep_duplicates):
    """Code news files (txt, html, jsonl, csv, warc, rss/atom, or directories of them) into the event store."""
    from .coder import Coder
    from .progress import Progress, estimate_total, wanted
    from .runner import code_paths, default_workers, print_skip

    if date:
        _check_date(date)
    if partitions and not cluster:
        raise click.UsageError("--partitions needs --cluster")
    coder = Coder(actor_files=actor_files, agent_files=agent_files)
    paths = _sources(paths, text_column, id_column)
    show_progress = wanted(quiet)
    options = dict(db=db, out=out, date=date, coder=coder, keep_events=show, on_skip=print_skip,
                   resume=resume, dedup=not keep_duplicates)
    from .store import StoreLockedError

    try:
        with Progress(estimate_total(paths) if show_progress else None, enabled=show_progress) as bar:
            if cluster:
                from .distributed import code_on_cluster

                summary = code_on_cluster(paths, cluster, workers=workers, progress=bar,
                                          partitions=partitions, **options)
            else:
                summary = code_paths(paths, workers=workers or default_workers(), progress=bar,
                                     **options)
    except StoreLockedError as exc:
        raise click.ClickException(str(exc))
    if show:
        _print_events([e.to_dict() for e in summary.run_events])
    if not quiet:
        click.echo(summary.line(), err=not show)
    if summary.documents == 0 and summary.unchanged == 0 and summary.duplicates == 0:
        raise click.ClickException("nothing could be read from the given paths")


@main.command()
@click.option("--db", default="onevoice.duckdb", show_default=True, help=DB_HELP)
@click.option("--doc", "doc_id", help="Only this document's events.")
@click.option("--limit", default=100, show_default=True)
def events(db, doc_id, limit):
    """Show stored events as a readable table."""
    from .store import Store

    with _open_store(db, Store) as store:
        frame = store.events_frame(where="doc_id = ?" if doc_id else None,
                                   params=[doc_id] if doc_id else None, limit=limit)
    frame = frame.astype(object).where(frame.notna(), None)
    _print_events(frame.to_dict("records"))


@main.command()
@click.option("--db", default="onevoice.duckdb", show_default=True, help=DB_HELP)
@click.option("--out", required=True, type=click.Path(), help="Output file.")
@click.option("--format", "fmt",
              type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "icews", "plover"]),
              help="Output format (default: from the .jsonl/.csv/.parquet extension). gdelt: "
                   "GDELT 2.0 event TSV, icews: ICEWS event TSV, plover: PLOVER JSON lines.")
@click.option("--where", help="SQL condition on the events table, e.g. \"root = '19'\".")
def export(db, out, fmt, where):
    """Export stored events."""
    import duckdb

    from .exports import export as export_events
    from .store import Store

    with _open_store(db, Store) as store:
        try:
            n = export_events(store, out, fmt=fmt, where=where)
        except ValueError as exc:
            raise click.ClickException(str(exc))
        except duckdb.Error as exc:
            raise click.ClickException(f"--where {where!r}: {exc}")
    click.echo(f"{n} events written to {out}", err=True)


@main.command()
@click.argument("sql")
@click.option("--db", default="onevoice.duckdb", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
def query(sql, db, fmt):
    """Run read-only SQL on the event store."""
    from .store import Store

    with _open_store(db, Store) as store:
        frame = store.con.execute(sql).df()
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "jsonl":
        click.echo(frame.to_json(orient="records", lines=True, date_format="iso"))
    else:
        click.echo(frame.to_string(index=False))


@main.command()
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True))
@click.option("--events", "events_path", type=click.Path(exists=True),
              help="Coded events (.jsonl). Without it, the gold sentences are coded now.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_path, events_path, as_json):
    """Score coded events against a gold file (PLOVER, ConfliBERT or PETRARCH style)."""
    from . import evaluate as ev

    gold = ev.load_gold(gold_path)
    if events_path:
        events_list = ev.load_events(events_path)
    else:
        from .coder import Coder

        events_list = [e.to_dict() for e in Coder().code_documents(ev.gold_documents(gold_path))]
    result = ev.score(gold, events_list)
    click.echo(json.dumps(result, indent=2) if as_json else ev.format_report(result))


@main.command()
@click.argument("path", type=click.Path(exists=True))
@click.option("--text-column", help="JSONL/CSV field holding the article text (default: text).")
@click.option("--id-column", help="JSONL/CSV field holding the document id (default: id).")
def extract(path, text_column, id_column):
    """Print the document(s) read from a file as JSON (title, date, text): what `code` sees."""
    from dataclasses import asdict

    from .documents import Skipped, read_paths

    for item in read_paths(_sources([path], text_column, id_column)):
        if isinstance(item, Skipped):
            click.echo(f"skipped {item.path}:{item.line or ''} {item.reason}", err=True)
        else:
            click.echo(json.dumps(asdict(item), ensure_ascii=False))


def _sources(paths, text_column, id_column):
    """Paths carrying the column mapping, so every reader down the line sees it."""
    if not (text_column or id_column):
        return paths
    from .documents import Source

    return [Source(p, text_column, id_column) for p in paths]


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint="--date")


def _open_store(db, store_cls):
    if not Path(db).exists():
        raise click.ClickException(f"no event store at {db}: run `onevoice code` first")
    from .store import StoreLockedError

    try:
        return store_cls(db, read_only=True)
    except StoreLockedError as exc:
        raise click.ClickException(str(exc))


def _print_events(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, title=f"{len(rows)} events")
    for col in ("doc", "sent", "date", "source", "target", "code", "event", "mode", "trigger", "evidence"):
        table.add_column(col, overflow="fold")
    from .ontology import Ontology

    names = Ontology()
    for r in rows:
        code = str(r["code"])
        evidence = f"{r['source_text']} → {r['target_text']}" if r.get("target_text") else r["source_text"]
        table.add_row(str(r["doc_id"])[:24], str(r["sentence_index"]), str(r["date"] or ""),
                      r["source"], r["target"] or "", code,
                      names[code].name if code in names else "", r["mode"] or "",
                      r["trigger_text"], str(evidence))
    Console(width=max(160, Console().width)).print(table)


# Commands that live beside the modules they drive register here, one line each.
# --- registered commands ---
from .analysis_cli import dyads_cmd; main.add_command(dyads_cmd)  # noqa: E402,E702
from .analysis_cli import cohesion_cmd; main.add_command(cohesion_cmd)  # noqa: E402,E702
from .analysis_cli import network_cmd; main.add_command(network_cmd)  # noqa: E402,E702
from .web.cli import serve_cmd; main.add_command(serve_cmd)  # noqa: E402,E702


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
