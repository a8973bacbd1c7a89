"""`onevoice dyads`, `cohesion` and `network`: thin wrappers over onevoice.analysis.

Imports are lazy so that `onevoice --help` stays quick.
"""
from __future__ import annotations

from pathlib import Path

import click

DB_HELP = "DuckDB file holding the events."


def _day(ctx, param, value):
    import datetime as dt

    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date")
    return value


def _common(f):
    """Options every analysis command shares."""
    for decorator in reversed([
        click.option("--db", default="onevoice.duckdb", show_default=True, help=DB_HELP),
        click.option("--since", callback=_day, help="First day (YYYY-MM-DD), inclusive."),
        click.option("--until", callback=_day, help="Last day (YYYY-MM-DD), inclusive."),
        click.option("--all-modes", is_flag=True,
                     help="Also count negated and hypothetical events (left out by default)."),
        click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]),
                     default="table", show_default=True),
        click.option("--out", type=click.Path(), help="Write the table here instead of stdout."),
    ]):
        f = decorator(f)
    return f


_BY = click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month",
                   show_default=True, help="Period to aggregate over.")
def _chart(ctx, param, value):
    if value is not None and Path(value).suffix.lower() not in (".png", ".html", ".htm"):
        raise click.BadParameter(f"{value!r}: use a .png or .html file name")
    return value


_PLOT = click.option("--plot", type=click.Path(), callback=_chart,
                     help="Also draw a chart: FILE.png (matplotlib) or FILE.html (Plotly, offline).")


def _store(db):
    from .cli import _open_store
    from .store import Store

    return _open_store(db, Store)


def _emit(frame, fmt: str, out: str | None) -> None:
    if "period" in frame:
        frame = frame.assign(period=frame["period"].astype(str).str[:10])
    if fmt == "csv":
        text = frame.to_csv(index=False)
    elif fmt == "jsonl":
        text = frame.to_json(orient="records", lines=True, date_format="iso") if len(frame) else ""
    else:
        text = frame.to_string(index=False, float_format=lambda v: f"{v:.3f}") if len(frame) \
            else "(no events match)"
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text if text.endswith("\n") or not text else text + "\n", encoding="utf-8")
        click.echo(f"{len(frame)} rows written to {out}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _plot(draw, frame, path, **kw) -> None:
    if frame.empty:
        click.echo(f"no events match: {path} not written", err=True)
        return
    click.echo(f"chart written to {draw(frame, path, **kw)}", err=True)


@click.command("dyads")
@_common
@_BY
@click.option("--source", help="Source actors, comma-separated (USA matches USAGOV too).")
@click.option("--target", help="Target actors, comma-separated.")
@click.option("--countries", is_flag=True, help="Merge actors into their country (USAGOV -> USA).")
@_PLOT
def dyads_cmd(db, since, until, all_modes, fmt, out, by, source, target, countries, plot):
    """Events per source-target pair and period: counts, Goldstein sum/mean, quad classes."""
    from . import analysis

    with _store(db) as store:
        frame = analysis.dyads(store, by=by, source=source, target=target, since=since,
                               until=until, all_modes=all_modes, countries=countries)
    _emit(frame, fmt, out)
    if plot:
        from .plots import plot_dyads

        _plot(plot_dyads, frame, plot)


@click.command("cohesion")
@_common
@_BY
@click.option("--target", required=True, help="The actor spoken to or acted on, e.g. PRK.")
@click.option("--actors", required=True, help="The group, comma-separated: USA,CHN,JPN,RUS,KOR.")
@click.option("--min-events", default=1, show_default=True,
              help="Leave an actor out of a period with fewer events toward the target.")
@click.option("--summary", is_flag=True, help="One row per period instead of one per actor.")
@_PLOT
def cohesion_cmd(db, since, until, all_modes, fmt, out, by, target, actors, min_events, summary,
                 plot):
    """Does a group speak with one voice toward a target? Stances, cohesion index, outlier.

    Cohesion = 1 - std(actor mean Goldstein) / 10: 1 when all actors agree, 0 when split.
    """
    from . import analysis

    with _store(db) as store:
        frame = analysis.cohesion(store, target, actors, by=by, since=since, until=until,
                                  all_modes=all_modes, min_events=min_events)
    _emit(analysis.cohesion_summary(frame) if summary else frame, fmt, out)
    if plot:
        from .plots import plot_cohesion

        _plot(plot_cohesion, frame, plot, target=target.upper())


@click.command("network")
@_common
@click.option("--actors", help="Keep events with one of these actors at either end.")
@click.option("--countries", is_flag=True, help="Merge actors into their country (USAGOV -> USA).")
@click.option("--min-events", default=1, show_default=True, help="Drop edges with fewer events.")
@click.option("--nodes", "show_nodes", is_flag=True,
              help="Show the nodes with their centrality instead of the edges.")
@click.option("--graphml", type=click.Path(), help="Also write the network as GraphML.")
def network_cmd(db, since, until, all_modes, fmt, out, actors, countries, min_events, show_nodes,
                graphml):
    """The actor network of a period: weighted edges (counts, mean Goldstein) and centrality."""
    from . import analysis

    with _store(db) as store:
        net = analysis.network(store, since=since, until=until, actors=actors, all_modes=all_modes,
                               countries=countries, min_events=min_events)
    _emit(net.nodes if show_nodes else net.edges, fmt, out)
    if graphml:
        analysis.write_graphml(net, graphml)
        click.echo(f"{len(net.nodes)} nodes, {len(net.edges)} edges written to {graphml}", err=True)
