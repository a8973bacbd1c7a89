"""Does `onevoice serve` keep answering under load, and refuse hostile requests cleanly?

Builds a small event store (synthetic events, no model needed), starts the real `onevoice serve`
on a free loopback port (127.0.0.1 only), then:

- load: CLIENTS threads, each with its own keep-alive connection, share REQUESTS requests over
  /api/events and /api/dyads with varied filters, within a time bound; reports requests/s,
  p50/p99 latency and errors (any exception or status other than 200);
- security: SQL-injection attempts in every filter of the API and the pages, path traversal in
  the static routes and oversize parameters; each must get a 4xx (never a 5xx, never a dropped
  connection; free-text search may answer 200), no page may echo a script unescaped, and the
  store must be unchanged afterwards.

    .venv/bin/python benchmarks/serve_load.py [--clients 8] [--requests 400] [--events 5000]
                                              [--results FILE]

tests/test_serve_load.py runs the same checks, bounded, in the test suite.
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ACTORS = ["USA", "USAGOV", "CHN", "CHNGOV", "RUS", "RUSMIL", "FRA", "DEU", "GBR", "IRN", "ISR",
          "PRK", "JPN", "KOR", "UKR"]
CODES = [("042", 1, 1.9, "CONSULT"), ("057", 1, 8.0, "AGREE"), ("112", 3, -2.0, "ACCUSE"),
         ("190", 4, -10.0, "FIGHT"), ("036", 1, 4.0, "CONSULT"), ("061", 2, 6.4, "COOPERATE")]


# --- the store -------------------------------------------------------------------------------

def build_store(path: str | Path, n_events: int = 5000, seed: int = 1) -> int:
    """A store of `n_events` synthetic events over 2015-2020 among ACTORS; returns the count."""
    from onevoice.documents import Document
    from onevoice.schema import Event
    from onevoice.store import Store

    rnd = random.Random(seed)
    per_doc = 10
    with Store(path) as store:
        for first in range(0, n_events, 1000):
            docs, events = [], []
            for d in range(first // per_doc, min(n_events, first + 1000) // per_doc):
                day = f"{rnd.randint(2015, 2020)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
                doc = Document(id=f"doc{d}", text="x", title=f"Story {d}", date=day)
                docs.append((doc, per_doc))
                for i in range(per_doc):
                    src, tgt = rnd.sample(ACTORS, 2)
                    code, quad, goldstein, plover = rnd.choice(CODES)
                    sentence = f"The {src} side and the {tgt} side talked about nuclear trade ({i})."
                    events.append(Event(
                        id=f"e{d}x{i}", doc_id=doc.id, sentence_index=i, sentence=sentence,
                        date=day, source=src, source_text=src, target=tgt, target_text=tgt,
                        code=code, root=code[:2], quad_class=quad, goldstein=goldstein,
                        plover_event=plover, plover_mode="", mode=rnd.choice([None, None, "negated"]),
                        trigger_text="talked", rule="synthetic", source_start=4,
                        source_end=4 + len(src), doc_date=day, title=doc.title))
            store.write_batch(docs, events, "bench", "bench")
        return store.con.execute("SELECT count(*) FROM events").fetchone()[0]


# --- the server ------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(db: str | Path, start_timeout: float = 60):
    """`onevoice serve` on a free loopback port for the duration of the block; yields the port."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "onevoice.cli", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                status, _ = request(port, "/openapi.json")
                if status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"onevoice serve did not start: {proc.stderr.read().decode()}")
            time.sleep(0.05)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def request(port: int, path: str, conn: http.client.HTTPConnection | None = None,
            method: str = "GET", headers: dict | None = None) -> tuple[int, bytes]:
    """(status, body) of one request; `path` is sent as is, not normalized."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        if own:
            conn.close()


# --- load ------------------------------------------------------------------------------------

def load_paths(n: int, seed: int = 2) -> list[str]:
    """`n` requests over /api/events and /api/dyads with varied filters and pages."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        a, b = rnd.sample(ACTORS, 2)
        if i % 2:
            params = rnd.choice([
                {}, {"source": a}, {"source": a, "target": b, "both": 1},
                {"since": "2016-01-01", "until": "2018-12-31", "quad_class": rnd.randint(1, 4)},
                {"q": "nuclear", "page": rnd.randint(1, 5)}, {"code": "04", "mode": "counted"},
                {"actor": f"{a},{b}", "page_size": 100}])
            out.append("/api/events?" + urlencode(params))
        else:
            params = rnd.choice([{"source": a, "target": b}, {"source": a, "target": b, "both": 1,
                                                              "by": "year"},
                                 {"source": a[:3], "target": b[:3], "by": "week",
                                  "since": "2017-01-01"}])
            out.append("/api/dyads?" + urlencode(params))
    return out


def run_load(port: int, clients: int = 8, requests: int = 400, time_limit: float = 60) -> dict:
    """Send `requests` requests from `clients` threads; latency figures and the error count."""
    paths = load_paths(requests)
    counter = itertools.count()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + time_limit

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            while time.monotonic() < deadline:
                i = next(counter)
                if i >= len(paths):
                    return
                began = time.perf_counter()
                try:
                    status, body = request(port, paths[i], conn)
                    ok = status == 200 and body.startswith(b"{")
                    problem = None if ok else f"{paths[i]}: HTTP {status} {body[:200]!r}"
                except (OSError, http.client.HTTPException) as exc:
                    problem = f"{paths[i]}: {type(exc).__name__}: {exc}"
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                elapsed = time.perf_counter() - began
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)
        finally:
            conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.1, deadline - time.monotonic() + 5))
    wall = time.perf_counter() - began
    done = len(latencies)
    q = statistics.quantiles(latencies, n=100, method="inclusive") if done >= 2 else [0.0] * 99
    return {"clients": clients, "requests": done, "planned": requests, "seconds": round(wall, 3),
            "requests_per_s": round(done / wall, 1) if wall else 0.0,
            "p50_ms": round(q[49] * 1000, 1), "p99_ms": round(q[98] * 1000, 1),
            "max_ms": round(max(latencies, default=0) * 1000, 1), "errors": len(errors),
            "error_samples": errors[:5], "timed_out": done < requests}


# --- security --------------------------------------------------------------------------------

INJECTIONS = ["' OR '1'='1", "1; DROP TABLE events; --", "USA') OR 1=1 --", "USA' UNION SELECT "
              "* FROM documents --", "\\'; COPY events TO '/tmp/x.csv'; --",
              "read_csv('/etc/passwd')", "1) OR (1=1", "%' OR 1=1 --", "\0", "USA\u202eASU",
              "$(id)", "<script>alert(1)</script>"]
# filters that only take a fixed shape (dates, codes, numbers, names from a list): every
# injection must be refused with 400; free-text filters (q, doc_id) may answer 200 with rows
_EVENT_FILTERS = ["since", "until", "source", "target", "actor", "both", "code", "quad_class",
                  "plover_event", "mode", "page", "page_size"]
_SCOPE = ["since", "until", "by", "all_modes", "countries"]
STRICT = {
    "/api/events": _EVENT_FILTERS + ["format"],
    "/api/dyads": _SCOPE + ["source", "target", "both", "format"],
    "/api/cohesion": _SCOPE + ["target", "actors", "min_events", "format"],
    "/api/network": _SCOPE + ["actors", "min_events", "max_nodes", "format"],
    "/api/documents": ["page", "page_size", "table", "format"],
    # the pages take the same filters as their JSON twins
    "/events": _EVENT_FILTERS,
    "/dyads": _SCOPE + ["source", "target", "both"],
    "/cohesion": _SCOPE + ["target", "actors", "min_events"],
    "/network": _SCOPE + ["actors", "min_events", "max_nodes"],
    "/documents": ["page", "page_size"],
}
FREE_TEXT = {"/api/events": ["q", "doc_id"], "/api/documents": ["q"], "/events": ["q", "doc_id"],
             "/documents": ["q"]}
# the other filters of a route, set to valid values, so that only the one under test is bad
VALID = {"/api/cohesion": {"target": "USA", "actors": "CHN,RUS"},
         "/cohesion": {"target": "USA", "actors": "CHN,RUS"}}
TRAVERSALS = ["/static/../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
              "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/....//....//etc/passwd",
              "/static/%252e%252e%252fetc%252fpasswd", "/static/style.css%00.txt",
              "/static/..\\..\\..\\etc\\passwd", "/static//etc/passwd", "/static/~/.bashrc",
              "/static/app.js/../../store.py", "/static/../web/app.py", "/static/%c0%ae%c0%ae/etc/passwd",
              "//etc/passwd", "/../../../../etc/passwd", "/api/../../../etc/passwd",
              "/events/..%2f..%2fetc%2fpasswd", "/api/event/..%2f..%2fetc%2fpasswd"]
LEAKS = [b"root:x:", b"import duckdb", b"def create_app", b"[core]"]


def oversize_requests() -> list[tuple[str, str]]:
    """(what, path) of requests too large to answer."""
    long = "A" * 3000
    return [
        ("query string over the limit", "/api/events?q=" + "a" * 5000),
        ("free text over 200 characters", "/api/events?q=" + "a" * 300),
        ("an actor list of 50", "/api/events?source=" + ",".join(["USA"] * 50)),
        ("an actor code of 3000 letters", "/api/dyads?source=" + long + "&target=USA"),
        ("page 10^30", "/api/events?page=" + "1" + "0" * 30),
        ("page size 10^6", "/api/events?page_size=1000000"),
        ("negative page", "/api/events?page=-1"),
        ("max_nodes 10^9", "/api/network?max_nodes=1000000000"),
        ("an event id of 3000 letters", "/api/event/" + long),
        ("a date of 3000 characters", "/api/events?since=" + long),
        ("min_events 10^12", "/api/cohesion?target=USA&actors=CHN&min_events=1000000000000"),
        ("a parameter repeated 1000 times", "/api/events?" + "&".join(["code=04"] * 1000)),
    ]


def security_checks(port: int) -> dict:
    """Every hostile request and what the server answered; `failures` lists the bad answers."""
    cases: list[tuple[str, str, str]] = []  # (category, path, rule)
    for route, params in STRICT.items():
        for param in params:
            for payload in INJECTIONS:
                query = {**VALID.get(route, {}), param: payload}
                cases.append(("sql injection", f"{route}?{urlencode(query)}", "4xx"))
    for route, params in FREE_TEXT.items():
        for param in params:
            for payload in INJECTIONS:
                cases.append(("sql injection", f"{route}?{urlencode({param: payload})}", "no 5xx"))
    for payload in INJECTIONS:
        for route in ("/api/event/", "/events/"):
            cases.append(("sql injection", route + quote(payload, safe=""), "4xx"))
    cases += [("path traversal", p, "4xx") for p in TRAVERSALS]
    cases += [("oversize parameters", p, "4xx") for _, p in oversize_requests()]
    cases += [("oversize parameters", "/api/events?" + "x" * 20_000, "4xx"),
              ("oversize parameters", "/" + "a" * 20_000, "4xx")]

    before = _fingerprint(port)
    failures, tried = [], {}
    for category, path, rule in cases:
        tried[category] = tried.get(category, 0) + 1
        try:
            status, body = request(port, path)
        except (OSError, http.client.HTTPException) as exc:
            failures.append(f"{path[:120]}: {type(exc).__name__}: {exc}")
            continue
        bad = status >= 500 or (rule == "4xx" and not 400 <= status < 500)
        # a page (not the JSON API) must escape what it echoes back
        xss = not path.startswith("/api/") and b"<script>alert(1)</script>" in body
        if bad or xss or any(leak in body for leak in LEAKS):
            failures.append(f"{path[:120]}: HTTP {status} {body[:150]!r}")
    # a method the API does not serve: refused; a 100 KB header: answered or refused, no 5xx
    for method, headers, rule in [("POST", {}, "4xx"), ("DELETE", {}, "4xx"),
                                  ("GET", {"X-Big": "a" * 100_000}, "no 5xx")]:
        tried["oversize parameters"] += 1
        try:
            status, _ = request(port, "/api/events", method=method, headers=headers)
            if status >= 500 or (rule == "4xx" and not 400 <= status < 500):
                failures.append(f"{method} /api/events {list(headers)}: HTTP {status}")
        except (OSError, http.client.HTTPException):
            pass  # a server may drop a connection whose header is too large: refused, cleanly
    after = _fingerprint(port)
    if before != after:
        failures.append(f"the store changed: {before} -> {after}")
    return {"tried": tried, "failures": failures, "passed": sum(tried.values()) - len(failures)}


def _fingerprint(port: int) -> tuple:
    """Counts the API reports before and after the attacks: a dropped or altered table shows."""
    _, events = request(port, "/api/events?page_size=1")
    _, docs = request(port, "/api/documents?page_size=1")
    return json.loads(events)["total"], json.loads(docs)["total"]


# --- main ------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--results", type=Path, help="Append the figures as a JSON line here.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp, "load.duckdb")
        n = build_store(db, args.events)
        with serve(db) as port:
            load = run_load(port, args.clients, args.requests, args.time_limit)
            security = security_checks(port)
    line = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "events": n,
            "cpus": os.cpu_count(), **load, "security_tried": security["tried"],
            "security_failures": security["failures"]}
    print(json.dumps(line))
    if args.results:
        with args.results.open("a", encoding="utf-8") as f:
            f.write(json.dumps(line) + "\n")
    if load["errors"] or security["failures"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
