"""`onevoice serve` under load and under attack, on loopback, started and stopped here.

Concurrent clients on /api/events and /api/dyads must all get answers (no error at all) within a
time bound; SQL injection in every filter, path traversal in the static routes and oversize
parameters must all be refused with a 4xx, never a 5xx, and leave the store as it was. The
figures are printed; benchmarks/serve_load.py is the same run outside the test suite.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLIENTS, REQUESTS, TIME_LIMIT = 8, 400, 60


def _bench():
    spec = importlib.util.spec_from_file_location("serve_load", ROOT / "benchmarks" / "serve_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench()


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    db = tmp_path_factory.mktemp("load") / "load.duckdb"
    assert bench.build_store(db, 3000) == 3000
    with bench.serve(db) as port:
        yield port


def test_concurrent_clients_get_every_answer(port):
    """8 clients, 400 requests: every one answered 200 with JSON, within the time bound."""
    result = bench.run_load(port, CLIENTS, REQUESTS, TIME_LIMIT)
    print(f"\n{result['requests_per_s']} requests/s, p50 {result['p50_ms']} ms, "
          f"p99 {result['p99_ms']} ms, {result['errors']} errors")
    assert result["errors"] == 0, result["error_samples"]
    assert not result["timed_out"] and result["requests"] == REQUESTS


def test_hostile_requests_are_refused_cleanly(port):
    """Injection, traversal and oversize requests: 4xx, no leak, the store unchanged."""
    result = bench.security_checks(port)
    print(f"\n{result['tried']}")
    assert not result["failures"], "\n".join(result["failures"][:20])
    assert result["tried"]["sql injection"] > 300 and result["tried"]["path traversal"] > 10


def test_server_still_answers_after_the_attacks(port):
    """Nothing above took the server down."""
    status, body = bench.request(port, "/api/events?page_size=1")
    assert status == 200 and body.startswith(b"{")
