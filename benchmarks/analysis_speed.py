"""How fast are the dyad and cohesion aggregations on a million events?

Codes a slice of ../shared/corpora/wikinews.jsonl (the first --docs articles plus every article
that mentions North Korea, so the cohesion question has events to find), then resamples the
coded events inside DuckDB into --events rows with new ids and days spread over 2000-2020,
written to a normal onevoice store (with its indexes) and reopened read-only, as the CLI opens
it. Times `analysis.dyads(by="month")`, `analysis.cohesion("PRK", USA,CHN,JPN,RUS,KOR,
by="month")` and `analysis.network(countries=True)` --runs times each (wall clock, results as
pandas frames) and appends one JSON line per case to results/analysis_speed.jsonl, with the
machine's CPU count and load average, since other work on the machine slows the figures.

    .venv/bin/python benchmarks/analysis_speed.py [--docs 300] [--events 1000000] [--runs 9] [--seed FILE]
"""
from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import platform
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb

import onevoice
from onevoice import analysis
from onevoice.coder import Coder
from onevoice.documents import Document, read_paths
from onevoice.store import Store

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpora" / "wikinews.jsonl"
ACTORS = "USA,CHN,JPN,RUS,KOR"
DAYS = 7671  # 2000-01-01 .. 2020-12-31


def seed_documents(n_docs: int) -> list[Document]:
    docs = [d for d in read_paths([CORPUS]) if isinstance(d, Document)]
    head = docs[:n_docs]
    korea = [d for d in docs[n_docs:] if "North Korea" in d.text or "North Korea" in (d.title or "")]
    return head + korea


def code_seed(path: str, n_docs: int) -> None:
    docs = seed_documents(n_docs)
    coder = Coder()
    started = time.perf_counter()
    coded = coder.code_stream(docs)
    with Store(path) as store:
        while batch := list(itertools.islice(coded, 100)):
            store.write_batch([(c.document, c.n_sentences) for c in batch],
                              [e for c in batch for e in c.events], coder.version,
                              coder.lexicon_version)
    print(f"coded {len(docs)} articles in {time.perf_counter() - started:.0f} s", flush=True)


def resample(seed_path: str, store: Store, n: int) -> None:
    """n events drawn with replacement from the seed's, each with a new id and a day in 2000-2020."""
    store.con.execute(f"ATTACH '{seed_path}' AS seed (READ_ONLY)")
    store.con.execute("""CREATE TEMP TABLE base AS
        SELECT *, row_number() OVER (ORDER BY id) - 1 AS rn FROM seed.events""")
    size = store.con.execute("SELECT count(*) FROM base").fetchone()[0]
    store.con.execute(f"""INSERT INTO events BY NAME
        SELECT b.* EXCLUDE (rn) REPLACE (
                   'bench-' || r.i AS id,
                   'bench-doc-' || (r.i // 8) AS doc_id,
                   DATE '2000-01-01' + CAST(hash(r.i, 'day') % {DAYS} AS INTEGER) AS date,
                   DATE '2000-01-01' + CAST(hash(r.i, 'day') % {DAYS} AS INTEGER) AS doc_date)
        FROM range({n}) r(i) JOIN base b ON b.rn = hash(r.i) % {size}""")
    store.con.execute("DETACH seed")


def timed(fn, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return times, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--seed", help="Keep the coded seed store here and reuse it on later runs.")
    ap.add_argument("--results", type=Path, default=HERE / "results" / "analysis_speed.jsonl")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        seed_path = args.seed or os.path.join(tmp, "seed.duckdb")
        if not Path(seed_path).exists():
            # in a child process, so the timed process does not carry spaCy's objects
            child = multiprocessing.get_context("spawn").Process(
                target=code_seed, args=(seed_path, args.docs))
            child.start()
            child.join()
            if child.exitcode:
                raise SystemExit(f"coding the seed failed (exit code {child.exitcode})")
        with Store(seed_path, read_only=True) as seed:
            n_seed = seed.con.execute("SELECT count(*) FROM events").fetchone()[0]
            n_docs = seed.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        print(f"seed: {n_docs} articles, {n_seed} events")

        bench_path = os.path.join(tmp, "bench.duckdb")
        with Store(bench_path) as store:
            started = time.perf_counter()
            resample(seed_path, store, args.events)
            print(f"resampled {args.events} events in {time.perf_counter() - started:.1f} s")
        # reopened read-only, as `onevoice dyads` and `cohesion` open it
        with Store(bench_path, read_only=True) as store:
            n = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
            cases = {
                "dyads_by_month": lambda: analysis.dyads(store, by="month"),
                "cohesion_PRK_by_month": lambda: analysis.cohesion(store, "PRK", ACTORS, by="month"),
                "network_countries": lambda: analysis.network(store, countries=True).edges,
            }
            matched = store.con.execute(
                "SELECT count(*) FROM events WHERE starts_with(target, 'PRK') AND "
                "list_contains(?, left(source, 3)) AND coalesce(mode, '') NOT IN "
                "('negated', 'hypothetical')", [ACTORS.split(",")]).fetchone()[0]
            lines = []
            for name, fn in cases.items():
                times, frame = timed(fn, args.runs)
                lines.append({
                    "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "version": onevoice.__version__, "case": name, "events": n,
                    "seed_documents": n_docs, "seed_events": n_seed, "runs": args.runs,
                    "median_s": round(statistics.median(times), 4),
                    "min_s": round(min(times), 4), "first_s": round(times[0], 4),
                    "rows_out": len(frame),
                    "events_in_scope": matched if name.startswith("cohesion") else n,
                    "cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2),
                    "duckdb": duckdb.__version__,
                    "python": platform.python_version(),
                })
    args.results.parent.mkdir(parents=True, exist_ok=True)
    with args.results.open("a", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
    for line in lines:
        print(json.dumps(line))


if __name__ == "__main__":
    main()
