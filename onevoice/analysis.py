"""The analyst's questions, answered in DuckDB: dyads over time, cohesion, actor networks.

Every function takes a `Store` (or a DuckDB connection) and returns pandas frames, so the CLI,
the web views and notebooks share one implementation. Shared rules:

- Actor filters: a three-letter code (`CHN`) matches every actor code that starts with it
  (`CHN`, `CHNGOV`, `CHNMIL`); a longer code (`CHNGOV`) matches only itself.
- Events whose mode is `negated` or `hypothetical` are left out unless `all_modes=True`;
  `future` (announced) events count, as CAMEO codes them as intentions.
- An event's day is its `date`, else its document's date; events with neither are left out.
- Periods are `day`, `week` (ISO weeks, starting Monday), `month` or `year`, labelled by
  their first day.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

PERIODS = ("day", "week", "month", "year")
EXCLUDED_MODES = ("negated", "hypothetical")
QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
DAY = "coalesce(date, doc_date)"


def _con(store):
    return getattr(store, "con", store)


def codes(actors: str | Iterable[str] | None) -> list[str]:
    """'USA, chn' or ['USA', 'CHN'] -> ['USA', 'CHN']."""
    if actors is None:
        return []
    if isinstance(actors, str):
        actors = actors.split(",")
    return [a.strip().upper() for a in actors if a and a.strip()]


def actor_match(column: str, actor: str) -> tuple[str, list]:
    """SQL condition for one actor filter: a country prefix for 3 letters, else the exact code."""
    if len(actor) == 3:
        return f"starts_with({column}, ?)", [actor]
    return f"{column} = ?", [actor]


def _any_actor(column: str, actors: list[str]) -> tuple[str, list]:
    parts = [actor_match(column, a) for a in actors]
    return "(" + " OR ".join(p[0] for p in parts) + ")", [v for p in parts for v in p[1]]


def _label(column: str, actors: list[str]) -> tuple[str, list]:
    """CASE expression naming the first actor filter an event's actor matches."""
    sql, params = "CASE", []
    for a in actors:
        cond, p = actor_match(column, a)
        sql += f" WHEN {cond} THEN ?"
        params += p + [a]
    return sql + " END", params


def _where(source=None, target=None, since=None, until=None, all_modes=False,
           need_target=True) -> tuple[str, list]:
    conds, params = [f"{DAY} IS NOT NULL"], []
    if need_target:
        conds.append("target <> ''")
    for column, actors in (("source", codes(source)), ("target", codes(target))):
        if actors:
            cond, p = _any_actor(column, actors)
            conds.append(cond)
            params += p
    if since:
        conds.append(f"{DAY} >= CAST(? AS DATE)")
        params.append(str(since))
    if until:
        conds.append(f"{DAY} <= CAST(? AS DATE)")
        params.append(str(until))
    if not all_modes:
        conds.append("(mode IS NULL OR mode NOT IN ('negated', 'hypothetical'))")
    return " AND ".join(conds), params


def _period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")
    return f"CAST(date_trunc('{by}', {DAY}) AS DATE)"


_AGGREGATES = """count(*) AS events, sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
    count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
    count(*) FILTER (WHERE quad_class = 2) AS material_coop,
    count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE quad_class = 4) AS material_conflict"""


def dyads(store, by: str = "month", source=None, target=None, since=None, until=None,
          all_modes: bool = False, countries: bool = False) -> pd.DataFrame:
    """Events per source-target pair and period: counts, Goldstein sum and mean, quad classes.

    `countries=True` groups actors by their first three letters (USAGOV and USAMIL as USA).
    Rows are ordered by period, then by event count (largest first).
    """
    where, params = _where(source, target, since, until, all_modes)
    src, tgt = ("left(source, 3)", "left(target, 3)") if countries else ("source", "target")
    sql = f"""SELECT {_period(by)} AS period, {src} AS source, {tgt} AS target, {_AGGREGATES}
        FROM events WHERE {where} GROUP BY ALL ORDER BY period, events DESC, source, target"""
    return _con(store).execute(sql, params).df()


def cohesion(store, target, actors, by: str = "month", since=None, until=None,
             all_modes: bool = False, min_events: int = 1) -> pd.DataFrame:
    """Does a group of actors speak with one voice toward `target`? One row per period and actor.

    Each actor's stance in a period is the mean Goldstein score of its events toward the
    target (`goldstein_mean`), with the counts and shares of cooperative (quad class 1-2) and
    conflictual (3-4) events. Actors with fewer than `min_events` events in a period are left
    out of that period; an event whose source matches several actor filters counts for the
    first one listed.

    Cohesion index of a period, over the k >= 2 actors present:

        cohesion = 1 - std(actor mean Goldstein) / 10

    with the population standard deviation (each actor counts once, whatever its volume).
    Goldstein scores lie in [-10, 10], so the std is at most 10 and the index lies in [0, 1]:
    1 when every actor has the same stance, 0 when the group is split evenly between +10 and
    -10. With fewer than two actors the index is empty. `group_mean` is the mean of the actor
    means; `distance` is an actor's |goldstein_mean - group_mean|, and `outlier` names the
    actor furthest from the group (ties: the first in alphabetical order).
    """
    actors = codes(actors)
    targets = codes(target)
    if not actors or not targets:
        raise ValueError("cohesion needs a target and at least one actor")
    where, params = _where(actors, targets, since, until, all_modes)
    label, label_params = _label("source", actors)
    sql = f"""SELECT {_period(by)} AS period, {label} AS actor, count(*) AS events,
            avg(goldstein) AS goldstein_mean,
            count(*) FILTER (WHERE quad_class IN (1, 2)) AS coop,
            count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
        FROM events WHERE {where} GROUP BY ALL HAVING count(*) >= ? ORDER BY period, actor"""
    df = _con(store).execute(sql, label_params + params + [int(min_events)]).df()
    df["coop_share"] = df["coop"] / df["events"]
    df["conflict_share"] = df["conflict"] / df["events"]
    grouped = df.groupby("period")["goldstein_mean"]
    size = grouped.transform("size")
    df["group_mean"] = grouped.transform("mean")
    df["cohesion"] = (1 - grouped.transform(lambda s: s.std(ddof=0)) / 10).clip(0, 1)
    df.loc[size < 2, "cohesion"] = float("nan")
    df["distance"] = (df["goldstein_mean"] - df["group_mean"]).abs()
    # sorted by actor within a period, so idxmax picks the alphabetically first on ties
    outliers = df.loc[df[size >= 2].groupby("period")["distance"].idxmax(), ["period", "actor"]]
    df = df.merge(outliers.rename(columns={"actor": "outlier"}), on="period", how="left")
    return df[["period", "actor", "events", "goldstein_mean", "coop", "conflict", "coop_share",
               "conflict_share", "group_mean", "distance", "cohesion", "outlier"]]


def cohesion_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per period from `cohesion()`: actors present, events, index and outlier."""
    if frame.empty:
        return pd.DataFrame(columns=["period", "actors", "events", "cohesion", "group_mean",
                                     "outlier", "outlier_distance"])
    g = frame.groupby("period", sort=True)
    out = g.agg(actors=("actor", "size"), events=("events", "sum"), cohesion=("cohesion", "first"),
                group_mean=("group_mean", "first"), outlier=("outlier", "first"))
    out["outlier_distance"] = g["distance"].max().where(out["actors"] >= 2)
    return out.reset_index()


@dataclass
class Network:
    """Who acts on whom in a period: `nodes` and `edges` frames and the networkx graph."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    graph: object  # networkx.DiGraph


def network(store, since=None, until=None, actors=None, all_modes: bool = False,
            countries: bool = False, min_events: int = 1) -> Network:
    """The directed actor network: an edge per source -> target with its event count and mean
    Goldstein; per node, events sent and received, partners, degree centrality (share of the
    other nodes it is linked to) and betweenness (share of shortest paths through it).
    `actors` keeps events with such an actor at either end; `countries=True` merges actors
    into their first three letters."""
    import networkx as nx

    where, params = _where(since=since, until=until, all_modes=all_modes)
    actors = codes(actors)
    if actors:
        s, sp = _any_actor("source", actors)
        t, tp = _any_actor("target", actors)
        where += f" AND ({s} OR {t})"
        params += sp + tp
    src, tgt = ("left(source, 3)", "left(target, 3)") if countries else ("source", "target")
    sql = f"""SELECT {src} AS source, {tgt} AS target, count(*) AS events,
            sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
            count(*) FILTER (WHERE quad_class IN (1, 2)) AS coop,
            count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
        FROM events WHERE {where} GROUP BY ALL HAVING count(*) >= ?
        ORDER BY events DESC, source, target"""
    edges = _con(store).execute(sql, params + [int(min_events)]).df()
    graph = nx.DiGraph()
    for r in edges.itertuples(index=False):
        graph.add_edge(r.source, r.target, events=int(r.events), goldstein_mean=float(r.goldstein_mean),
                       goldstein_sum=float(r.goldstein_sum), coop=int(r.coop), conflict=int(r.conflict))
    names = sorted(graph.nodes)
    partners = {n: len((set(graph.successors(n)) | set(graph.predecessors(n))) - {n}) for n in names}
    between = nx.betweenness_centrality(graph) if len(graph) else {}
    nodes = pd.DataFrame({
        "node": names,
        "events_out": [int(graph.out_degree(n, weight="events")) for n in names],
        "events_in": [int(graph.in_degree(n, weight="events")) for n in names],
        "partners": [partners[n] for n in names],
        "degree_centrality": [partners[n] / (len(names) - 1) if len(names) > 1 else 0.0
                              for n in names],
        "betweenness": [between[n] for n in names],
    })
    for r in nodes.itertuples(index=False):
        graph.nodes[r.node].update(events_out=r.events_out, events_in=r.events_in,
                                   degree_centrality=float(r.degree_centrality),
                                   betweenness=float(r.betweenness))
    nodes["events"] = nodes["events_out"] + nodes["events_in"]
    nodes = nodes.sort_values(["events", "node"], ascending=[False, True], ignore_index=True)
    return Network(nodes=nodes, edges=edges, graph=graph)


def write_graphml(net: Network, path: str | Path) -> Path:
    """GraphML for Gephi, Cytoscape, igraph: node and edge attributes as above."""
    import networkx as nx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(net.graph, path)
    return path
