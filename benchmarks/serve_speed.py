"""How fast does `onevoice serve` start, and answer a filtered events page, on a million events?

Builds the 1M-event store the way analysis_speed.py does (codes a Wikinews slice, resamples
its events inside DuckDB into --events rows spread over 2000-2020), then starts the real
`onevoice serve` command --starts times and records how long it takes from launch until the
server answers (median), and requests each page below --runs times on a warm server (median
of the wall-clock round trip, HTML or JSON fully read). Appends one JSON line per case to
results/serve_speed.jsonl with the machine's CPU count and load average.

    .venv/bin/python benchmarks/serve_speed.py [--docs 300] [--events 1000000] [--runs 20] [--seed FILE]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import duckdb

import onevoice
from analysis_speed import code_seed, resample  # the 1M-event store generator, beside this file
from onevoice.store import Store

HERE = Path(__file__).resolve().parent
ONEVOICE = Path(sys.executable).parent / "onevoice"
PAGES = {
    "events_page_filtered": "/events?source=USA&target=CHN&quad_class=1&since=2005-01-01"
                            "&until=2015-12-31",
    "events_page_text_search": "/events?q=nuclear&since=2010-01-01",
    "events_page_unfiltered": "/events",
    "events_page_deep": "/events?source=USA&page=200",
    "api_events_filtered": "/api/events?source=USA&target=CHN&quad_class=1&since=2005-01-01"
                           "&until=2015-12-31",
    "api_dyads_USA_CHN": "/api/dyads?source=USA&target=CHN&both=1&by=month",
    "api_cohesion_PRK": "/api/cohesion?target=PRK&actors=USA,CHN,JPN,RUS,KOR&by=month",
    "api_network_countries": "/api/network?countries=1",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as r:
        if r.status != 200:
            raise RuntimeError(f"{url}: HTTP {r.status}")
        return r.read()


def start(db: str) -> tuple[subprocess.Popen, str, float]:
    """Launch `onevoice serve`; return it, its URL and seconds until it answered."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    proc = subprocess.Popen([str(ONEVOICE), "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while True:
        try:
            get(url + "/openapi.json")
            return proc, url, time.perf_counter() - started
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"onevoice serve exited: {proc.stderr.read().decode()}")
            time.sleep(0.02)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--seed", help="Keep the coded seed store here and reuse it on later runs.")
    ap.add_argument("--results", type=Path, default=HERE / "results" / "serve_speed.jsonl")
    args = ap.parse_args()

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        seed_path = args.seed or os.path.join(tmp, "seed.duckdb")
        if not Path(seed_path).exists():
            child = multiprocessing.get_context("spawn").Process(
                target=code_seed, args=(seed_path, args.docs))
            child.start()
            child.join()
            if child.exitcode:
                raise SystemExit(f"coding the seed failed (exit code {child.exitcode})")
        bench = os.path.join(tmp, "bench.duckdb")
        with Store(bench) as store:
            began = time.perf_counter()
            resample(seed_path, store, args.events)
            n = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
            print(f"resampled {n} events in {time.perf_counter() - began:.1f} s", flush=True)

        common = {"version": onevoice.__version__, "events": n, "cpus": os.cpu_count(),
                  "duckdb": duckdb.__version__, "python": platform.python_version()}
        now = lambda: datetime.now(timezone.utc).isoformat(timespec="seconds")  # noqa: E731

        starts = []
        for _ in range(args.starts):
            proc, url, seconds = start(bench)
            starts.append(seconds)
            stop(proc)
        lines.append({"date": now(), "case": "serve_start", "runs": args.starts,
                      "median_s": round(statistics.median(starts), 4),
                      "min_s": round(min(starts), 4), "max_s": round(max(starts), 4),
                      "load_avg_1m": round(os.getloadavg()[0], 2), **common})
        print(json.dumps(lines[-1]), flush=True)

        proc, url, _ = start(bench)
        try:
            for case, path in PAGES.items():
                times, size = [], 0
                for _ in range(args.runs):
                    began = time.perf_counter()
                    size = len(get(url + path))
                    times.append(time.perf_counter() - began)
                lines.append({"date": now(), "case": case, "path": path, "runs": args.runs,
                              "median_s": round(statistics.median(times), 4),
                              "min_s": round(min(times), 4), "first_s": round(times[0], 4),
                              "bytes": size, "load_avg_1m": round(os.getloadavg()[0], 2),
                              **common})
                print(json.dumps(lines[-1]), flush=True)
        finally:
            stop(proc)

    args.results.parent.mkdir(parents=True, exist_ok=True)
    with args.results.open("a", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    main()
