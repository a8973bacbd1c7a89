"""The dashboard's queries: one read-only connection, a cursor and a time limit per request.

Every function returns plain rows (lists of dicts with JSON-ready values), shared by the
HTML pages, the JSON API and its CSV twin.
"""
from __future__ import annotations

import math
import threading
from contextlib import contextmanager
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pandas as pd

from .. import analysis
from ..analysis import DAY
from ..ontology import QUAD_NAMES, Ontology
from ..schema import EVENT_FIELDS
from ..store import Store
from .filters import EventFilters, period_end

DEFAULT_TIMEOUT = 10.0   # seconds a single request may spend in DuckDB
MAX_ROWS = 5000          # rows an aggregate endpoint returns at most
DOCUMENT_FIELDS = ["doc_id", "title", "date", "url", "source", "path", "n_sentences", "n_events",
                   "coded_at"]
SKIPPED_FIELDS = ["path", "line", "reason", "seen_at"]


class QueryTimeout(RuntimeError):
    """A query ran past the server's time limit and was interrupted."""


def value(v: Any) -> Any:
    """A DuckDB or pandas value as JSON: ISO dates, None for NaN/NaT, plain numbers."""
    if v is None:
        return None
    if isinstance(v, datetime):
        if v != v:  # NaT
            return None
        return v.date().isoformat() if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0) \
            else v.isoformat(timespec="seconds")
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalars
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def records(frame) -> list[dict]:
    """A pandas frame as JSON-ready dicts."""
    cols = list(frame.columns)
    return [{c: value(v) for c, v in zip(cols, row)} for row in frame.itertuples(index=False)]


def _fetch(cur) -> list[dict]:
    cols = [d[0] for d in cur.description]
    return [{c: value(v) for c, v in zip(cols, row)} for row in cur.fetchall()]


class Database:
    """The event store opened read-only, with external file access switched off."""

    def __init__(self, path: str | Path, timeout: float = DEFAULT_TIMEOUT):
        self.path = Path(path)
        self.timeout = timeout
        self.store = Store(path, read_only=True)
        # the server never reads files through SQL; this closes read_csv() and friends
        self.store.con.execute("SET enable_external_access = false")
        self.ontology = Ontology()

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for this request, interrupted after `timeout` seconds."""
        cur = self.store.con.cursor()
        timer = threading.Timer(self.timeout, cur.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield cur
        except duckdb.InterruptException:
            raise QueryTimeout(f"the query took longer than {self.timeout:g} s; narrow the "
                               "filters (a date range or an actor)") from None
        finally:
            timer.cancel()
            cur.close()

    @cached_property
    def plover_events(self) -> set[str]:
        return {c.plover_event for c in self.ontology.codes.values()}

    def code_name(self, code: str) -> str:
        return self.ontology[code].name if code in self.ontology else ""

    # --- events -------------------------------------------------------------------------

    def events(self, filters: EventFilters, page: int, page_size: int) -> tuple[int, list[dict]]:
        """(matching events, the rows of this page), newest first."""
        where, params = filters.where()
        with self.cursor() as cur:
            total = cur.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]
            cur.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM events WHERE {where} "
                        f"ORDER BY {DAY} DESC NULLS LAST, doc_id, sentence_index, id "
                        "LIMIT ? OFFSET ?", params + [page_size, (page - 1) * page_size])
            rows = _fetch(cur)
        for r in rows:
            r["code_name"] = self.code_name(r["code"])
        return total, rows

    def event(self, event_id: str) -> dict | None:
        """One event with its code's name and the document it came from."""
        with self.cursor() as cur:
            cur.execute(f"SELECT {', '.join(EVENT_FIELDS)}, coder_version, lexicon_version "
                        "FROM events WHERE id = ?", [event_id])
            rows = _fetch(cur)
            if not rows:
                return None
            event = rows[0]
            cur.execute(f"SELECT {', '.join(DOCUMENT_FIELDS)} FROM documents WHERE doc_id = ?",
                        [event["doc_id"]])
            docs = _fetch(cur)
        event["code_name"] = self.code_name(event["code"])
        event["quad_name"] = QUAD_NAMES.get(event["quad_class"], "")
        return {"event": event, "document": docs[0] if docs else None}

    @cached_property
    def actor_codes(self) -> list[str]:
        """The most frequent actor codes, offered as suggestions in the forms."""
        with self.cursor() as cur:
            cur.execute("SELECT a FROM (SELECT source AS a FROM events UNION ALL SELECT target "
                        "FROM events) WHERE a <> '' GROUP BY a ORDER BY count(*) DESC, a LIMIT 300")
            return [r[0] for r in cur.fetchall()]

    # --- analysis views ----------------------------------------------------------------

    def top_dyads(self, limit: int = 15) -> list[dict]:
        with self.cursor() as cur:
            cur.execute("SELECT source, target, count(*) AS events FROM events WHERE target <> '' "
                        "GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?", [limit])
            return _fetch(cur)

    def dyads(self, source: list[str], target: list[str], by: str, since=None, until=None,
              both=False, all_modes=False, countries=False) -> dict:
        """Dyad rows and, per period, the events by quad class and the Goldstein mean."""
        with self.cursor() as cur:
            kw = dict(by=by, since=since, until=until, all_modes=all_modes, countries=countries)
            frame = analysis.dyads(cur, source=source or None, target=target or None, **kw)
            if both and source and target:
                back = analysis.dyads(cur, source=target, target=source, **kw)
                frame = pd.concat([f for f in (frame, back) if not f.empty] or [frame])
                frame = frame.drop_duplicates(["period", "source", "target"]).sort_values(
                    ["period", "events"], ascending=[True, False], ignore_index=True)
        series = []
        if not frame.empty:
            sums = frame.groupby("period", sort=True)[
                ["events", "goldstein_sum", *analysis.QUAD_COLUMNS]].sum()
            for period, r in sums.iterrows():
                start = period.date()
                series.append({"period": start.isoformat(),
                               "period_end": period_end(start, by).isoformat(),
                               "events": int(r["events"]),
                               **{q: int(r[q]) for q in analysis.QUAD_COLUMNS},
                               "goldstein_mean": round(float(r["goldstein_sum"]) / r["events"], 3)})
        rows = records(frame.head(MAX_ROWS))
        return {"series": series, "rows": rows, "truncated": len(frame) > MAX_ROWS}

    def cohesion(self, target: list[str], actors: list[str], by: str, since=None, until=None,
                 all_modes=False, min_events=1) -> dict:
        with self.cursor() as cur:
            frame = analysis.cohesion(cur, target, actors, by=by, since=since, until=until,
                                      all_modes=all_modes, min_events=min_events)
        summary = analysis.cohesion_summary(frame)
        stances = records(frame.head(MAX_ROWS))
        for r in stances:
            start = date.fromisoformat(r["period"])
            r["period_end"] = period_end(start, by).isoformat()
        return {"summary": records(summary), "stances": stances,
                "truncated": len(frame) > MAX_ROWS}

    def network(self, since=None, until=None, actors=None, all_modes=False, countries=False,
                min_events=1, max_nodes=60) -> dict:
        """The busiest `max_nodes` actors, their edges, a spring layout and mean Goldstein."""
        with self.cursor() as cur:
            net = analysis.network(cur, since=since, until=until, actors=actors or None,
                                   all_modes=all_modes, countries=countries,
                                   min_events=min_events)
        keep = list(net.nodes["node"].head(max_nodes))
        kept = set(keep)
        edges = net.edges[net.edges["source"].isin(kept) & net.edges["target"].isin(kept)]
        pos = _layout(keep, zip(edges["source"], edges["target"]))
        # an actor's colour: the mean Goldstein of all its events, shown edges or not
        totals: dict[str, list[float]] = {n: [0.0, 0] for n in keep}
        for r in net.edges.itertuples(index=False):
            for n in {r.source, r.target} & kept:
                totals[n][0] += r.goldstein_sum
                totals[n][1] += r.events
        nodes = records(net.nodes.head(max_nodes))
        for n in nodes:
            s, k = totals[n["node"]]
            n["goldstein_mean"] = round(s / k, 3) if k else None
            n["x"], n["y"] = (round(float(c), 4) for c in pos[n["node"]])
        return {"nodes": nodes, "edges": records(edges), "truncated": len(net.nodes) > max_nodes,
                "total_nodes": len(net.nodes)}

    # --- documents ---------------------------------------------------------------------

    def documents(self, q: str | None, page: int, page_size: int) -> dict:
        where, params = "TRUE", []
        if q:
            where = "(contains(lower(coalesce(title, '')), ?) OR contains(lower(doc_id), ?))"
            params = [q.lower(), q.lower()]
        with self.cursor() as cur:
            total = cur.execute(f"SELECT count(*) FROM documents WHERE {where}",
                                params).fetchone()[0]
            cur.execute(f"SELECT {', '.join(DOCUMENT_FIELDS)} FROM documents WHERE {where} "
                        "ORDER BY coded_at DESC, doc_id LIMIT ? OFFSET ?",
                        params + [page_size, (page - 1) * page_size])
            docs = _fetch(cur)
            skipped_total = cur.execute("SELECT count(*) FROM skipped").fetchone()[0]
            cur.execute(f"SELECT {', '.join(SKIPPED_FIELDS)} FROM skipped "
                        "ORDER BY seen_at DESC, path, line LIMIT ?", [page_size])
            skipped = _fetch(cur)
        return {"total": total, "documents": docs, "skipped_total": skipped_total,
                "skipped": skipped}


def _layout(nodes: list[str], pairs) -> dict[str, tuple[float, float]]:
    """Spring layout of the linked actors, spread wide enough to read their labels; actors
    with no partner but themselves go in a row underneath instead of being flung to the
    corners (which would squeeze everything else into the middle)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_edges_from((a, b) for a, b in pairs if a != b)
    linked = [n for n in nodes if n in graph]
    pos = {}
    if linked:
        pos = nx.spring_layout(graph.subgraph(linked), seed=7, weight=None,
                               k=2.5 / len(linked) ** 0.5, iterations=100)
    alone = [n for n in nodes if n not in graph]
    if alone:
        ys = [p[1] for p in pos.values()] or [0.0]
        y = min(ys) - 0.25
        for i, n in enumerate(alone):
            pos[n] = (-1 + 2 * (i + 0.5) / len(alone), y)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}
