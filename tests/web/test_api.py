"""The JSON/CSV API and the server-rendered pages, through FastAPI's TestClient."""
from __future__ import annotations

import csv
import io
from html import escape
from urllib.parse import quote

import duckdb
import pytest

from onevoice.schema import EVENT_FIELDS
from onevoice.web.data import Database, QueryTimeout
from onevoice.web.evidence import highlight
from onevoice.web.filters import MAX_PAGE_SIZE


def all_events(client, **params) -> list[dict]:
    r = client.get("/api/events", params={"page_size": MAX_PAGE_SIZE, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] <= MAX_PAGE_SIZE, "the test store outgrew one page"
    return body["events"]


def test_events_lists_every_event_newest_first(client, has_wikinews):
    events = all_events(client)
    assert len(events) > (100 if has_wikinews else 10)
    days = [e["date"] or e["doc_date"] for e in events]
    assert days == sorted(days, reverse=True)
    assert set(events[0]) >= set(EVENT_FIELDS)
    assert len({e["id"] for e in events}) == len(events)


def test_pages_are_disjoint_and_cover_everything(client):
    total = client.get("/api/events").json()["total"]
    seen = []
    page = 1
    while True:
        body = client.get("/api/events", params={"page": page, "page_size": 7}).json()
        assert body["pages"] == -(-total // 7)
        if not body["events"]:
            break
        seen += [e["id"] for e in body["events"]]
        page += 1
    assert len(seen) == len(set(seen)) == total
    assert page == body["pages"] + 1


@pytest.mark.parametrize("params, check", [
    ({"source": "USA"}, lambda e: e["source"].startswith("USA")),
    ({"source": "USAGOV"}, lambda e: e["source"] == "USAGOV"),
    ({"target": "PRK"}, lambda e: e["target"].startswith("PRK")),
    ({"actor": "CHN"}, lambda e: "CHN" in (e["source"][:3], e["target"][:3])),
    ({"quad_class": "4"}, lambda e: e["quad_class"] == 4),
    ({"code": "04"}, lambda e: e["root"] == "04"),
    ({"code": "020"}, lambda e: e["code"].startswith("020")),
    ({"plover_event": "request"}, lambda e: e["plover_event"] == "REQUEST"),
    ({"mode": "negated"}, lambda e: e["mode"] == "negated"),
    ({"mode": "none"}, lambda e: e["mode"] is None),
    ({"mode": "counted"}, lambda e: e["mode"] not in ("negated", "hypothetical")),
    ({"q": "NORTH korea"}, lambda e: "north korea" in e["sentence"].lower()),
    ({"since": "2006-01-01", "until": "2006-12-31"},
     lambda e: "2006-01-01" <= (e["date"] or e["doc_date"]) <= "2006-12-31"),
    ({"doc_id": "voa-hill-one-voice.txt"}, lambda e: e["doc_id"] == "voa-hill-one-voice.txt"),
])
def test_each_filter_keeps_only_matching_events(client, params, check):
    everything = all_events(client)
    kept = all_events(client, **params)
    assert kept, f"{params} matched nothing in the test store"
    assert all(check(e) for e in kept)
    assert {e["id"] for e in kept} == {e["id"] for e in everything if check(e)}


def test_both_directions(client):
    there = all_events(client, source="USA", target="CHN")
    back = all_events(client, source="CHN", target="USA")
    both = all_events(client, source="USA", target="CHN", both=1)
    assert there and back
    assert {e["id"] for e in both} == {e["id"] for e in there + back}


def test_csv_matches_json(client):
    params = {"source": "USA", "page_size": 5}
    rows = list(csv.DictReader(io.StringIO(
        client.get("/api/events", params={**params, "format": "csv"}).text)))
    events = client.get("/api/events", params=params).json()["events"]
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert list(rows[0]) == EVENT_FIELDS + ["code_name"]
    assert rows[0]["sentence"] == events[0]["sentence"]


def test_event_detail_has_evidence_and_document(client):
    ev = all_events(client, doc_id="voa-hill-one-voice.txt", target="CHN")[0]
    body = client.get(f"/api/event/{ev['id']}").json()
    e = body["event"]
    assert e["sentence"][e["source_start"]:e["source_end"]] == e["source_text"]
    assert e["sentence"][e["trigger_start"]:e["trigger_end"]] == e["trigger_text"]
    assert e["rule"] and e["code_name"] and e["quad_name"]
    assert body["document"]["doc_id"] == "voa-hill-one-voice.txt"
    assert client.get("/api/event/0000000000").status_code == 404


@pytest.mark.parametrize("url", [
    "/api/events?since=2006-13-01", "/api/events?until=yesterday",
    "/api/events?since=2007-01-01&until=2006-01-01", "/api/events?quad_class=5",
    "/api/events?quad_class=verbal", "/api/events?mode=sometimes", "/api/events?plover_event=NOPE",
    "/api/events?code=4a", "/api/events?code=04211", "/api/events?page=0",
    f"/api/events?page_size={MAX_PAGE_SIZE + 1}", "/api/events?page=x", "/api/events?both=maybe",
    "/api/events?format=xml", "/api/events?source=" + "A" * 300, "/api/events?q=" + "x" * 500,
    "/api/events?source=" + ",".join(["USA"] * 30), "/api/dyads?by=decade",
    "/api/dyads?source=USA&since=2006-02-30", "/api/cohesion?target=PRK",
    "/api/cohesion?actors=USA,CHN", "/api/cohesion?target=PRK&actors=USA&min_events=0",
    "/api/network?max_nodes=100000", "/api/documents?table=users", "/api/event/a%20b",
    "/api/events?q=" + "y" * 5000,
])
def test_bad_filters_get_a_clear_400(client, url):
    r = client.get(url)
    assert r.status_code == 400, r.text
    assert isinstance(r.json()["error"], str) and r.json()["error"]


INJECTIONS = [
    "' OR 1=1 --", "USA'); DROP TABLE events; --", "1 OR 1=1", "%' UNION SELECT * FROM documents --",
    '"; SELECT 1; --', "0' OR '1'='1", "../../../etc/passwd", "read_csv('/etc/passwd')",
    "1; ATTACH 'x.db' AS x", "USA\x00", "*/ OR /*",
]
INJECTABLE = {
    "/api/events": ["since", "until", "source", "target", "actor", "code", "quad_class",
                    "plover_event", "mode", "q", "doc_id", "page", "page_size", "format", "both"],
    "/api/dyads": ["source", "target", "by", "since", "until", "both", "all_modes", "countries"],
    "/api/cohesion": ["target", "actors", "by", "min_events", "since"],
    "/api/network": ["actors", "since", "until", "min_events", "max_nodes", "countries"],
    "/api/documents": ["q", "table", "page", "page_size"],
    "/events": ["source", "q", "doc_id", "quad_class"],
    "/dyads": ["source", "target", "by"],
    "/cohesion": ["target", "actors"],
    "/network": ["actors", "until"],
    "/documents": ["q"],
}
BASE = {"/api/cohesion": {"target": "PRK", "actors": "USA,CHN"}}


@pytest.mark.parametrize("path", INJECTABLE)
def test_sql_injection_never_errors_nor_matches(client, path):
    before = client.get("/api/events").json()["total"]
    for param in INJECTABLE[path]:
        for payload in INJECTIONS:
            r = client.get(path, params={**BASE.get(path, {}), param: payload})
            assert r.status_code in (200, 400), (param, payload, r.status_code)
            if r.status_code == 200 and path.startswith("/api/"):
                body = r.json()
                rows = body.get("events", body.get("documents", body.get("series",
                                body.get("stances", body.get("nodes")))))
                assert rows == [], (path, param, payload)
    for payload in INJECTIONS:
        r = client.get(f"/api/event/{quote(payload, safe='')}")
        assert r.status_code in (400, 404)
    assert client.get("/api/events").json()["total"] == before


def test_store_is_read_only_and_closed_to_files(app):
    con = app.state.db.store.con
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM events")
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM read_csv('/etc/passwd')")


def test_a_slow_query_is_interrupted(store_path):
    db = Database(store_path, timeout=0.2)
    try:
        with pytest.raises(QueryTimeout):
            with db.cursor() as cur:
                cur.execute("SELECT sum(a.i * b.i) FROM range(1000000) a(i), range(1000000) b(i)")
    finally:
        db.close()


def test_dyads_series_match_the_events_behind_them(client):
    body = client.get("/api/dyads", params={"source": "USA", "target": "CHN", "both": 1,
                                            "by": "month"}).json()
    assert body["series"]
    for point in body["series"]:
        assert point["events"] == sum(point[q] for q in ("verbal_coop", "material_coop",
                                                         "verbal_conflict", "material_conflict"))
        behind = all_events(client, source="USA", target="CHN", both=1, mode="counted",
                            since=point["period"], until=point["period_end"])
        assert len(behind) == point["events"]
        assert point["goldstein_mean"] == pytest.approx(
            sum(e["goldstein"] for e in behind) / len(behind), abs=1e-3)
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/api/dyads", params={"source": "USA", "target": "CHN", "format": "csv"}).text)))
    assert rows and {"period", "source", "target", "events", "goldstein_mean"} <= set(rows[0])


def test_cohesion_names_an_outlier_among_the_actors(client):
    actors = ["USA", "CHN", "JPN", "RUS", "KOR"]
    body = client.get("/api/cohesion", params={"target": "PRK", "actors": ",".join(actors),
                                               "by": "day"}).json()
    assert body["stances"] and body["summary"]
    assert {s["actor"] for s in body["stances"]} <= set(actors)
    scored = [s for s in body["summary"] if s["actors"] >= 2]
    assert scored
    for s in scored:
        assert 0 <= s["cohesion"] <= 1
        assert s["outlier"] in actors
    text = client.get("/api/cohesion", params={"target": "PRK", "actors": ",".join(actors),
                                               "format": "csv"}).text
    assert text.splitlines()[0].startswith("period,")


def test_network_nodes_have_positions_and_colours(client):
    body = client.get("/api/network").json()
    names = {n["node"] for n in body["nodes"]}
    assert len(names) > 3
    for n in body["nodes"]:
        assert isinstance(n["x"], float) and isinstance(n["y"], float)
        assert n["goldstein_mean"] is None or -10 <= n["goldstein_mean"] <= 10
    for e in body["edges"]:
        assert e["source"] in names and e["target"] in names
    small = client.get("/api/network", params={"max_nodes": 2}).json()
    assert len(small["nodes"]) == 2 and small["truncated"]
    assert client.get("/api/network", params={"countries": 1}).status_code == 200


def test_documents_and_skipped_records(client, has_wikinews):
    body = client.get("/api/documents", params={"page_size": 100}).json()
    assert body["total"] == (31 if has_wikinews else 1)
    assert "voa-hill-one-voice.txt" in {d["doc_id"] for d in body["documents"]}
    assert any(s["path"].endswith("broken.jsonl") and s["line"] == 1 and "JSON" in s["reason"]
               for s in body["skipped"])
    skipped = client.get("/api/documents", params={"table": "skipped", "format": "csv"}).text
    assert "broken.jsonl" in skipped
    found = client.get("/api/documents", params={"q": "ONE VOICE"}).json()
    assert [d["doc_id"] for d in found["documents"]] == ["voa-hill-one-voice.txt"]


def test_openapi_describes_every_endpoint_and_no_cdn_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/event/{event_id}", "/api/dyads", "/api/cohesion",
                 "/api/network", "/api/documents"):
        assert path in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "source", "target", "code", "quad_class", "mode", "q", "page",
            "page_size", "format"} <= names
    assert client.get("/docs").status_code == 404


def test_plotly_is_served_locally(client):
    r = client.get("/static/plotly.min.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert b"plotly" in r.content[:500].lower()
    assert client.get("/static/app.js").status_code == 200


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2F..%2F..%2Fpyproject.toml", "/static/app.py", "/static/%2fetc%2fpasswd",
    "/static/....//....//etc/passwd", "/static/templates%2fbase.html",
])
def test_static_refuses_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert b"[project]" not in r.content and b"root:" not in r.content
    assert b"import" not in r.content


def test_security_headers_and_oversize_query(client):
    r = client.get("/events")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    r = client.get("/api/events?" + "&".join(f"p{i}=x" for i in range(2000)))
    assert r.status_code == 400 and "query string" in r.json()["error"]


def test_pages_render(client):
    for url in ("/events", "/events?source=USA&quad_class=1", "/dyads",
                "/dyads?source=USA&target=CHN&both=1", "/cohesion",
                "/cohesion?target=PRK&actors=USA,CHN", "/network", "/documents"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<main>" in r.text
    assert client.get("/", follow_redirects=False).headers["location"] == "/events"
    bad = client.get("/events?since=notadate")
    assert bad.status_code == 400 and "not a YYYY-MM-DD date" in bad.text


def test_event_page_marks_the_evidence(client):
    ev = all_events(client, doc_id="voa-hill-one-voice.txt", target="CHN")[0]
    html = client.get(f"/events/{ev['id']}").text
    assert f'<mark class="ev-source" data-role="source" title="source">{ev["source_text"]}</mark>' in html
    assert escape(ev["rule"]) in html
    assert client.get("/events/unknown").status_code == 404


def test_user_text_is_escaped(client):
    html = client.get("/events", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_highlight_nests_and_escapes():
    sentence = "The two <sides> discussed trade."
    ev = {"sentence": sentence, "source_start": 4, "source_end": 15, "target_start": 4,
          "target_end": 15, "trigger_start": 16, "trigger_end": 25}
    html = str(highlight(ev))
    assert html == ('The <mark class="ev-source" data-role="source" title="source">'
                    '<mark class="ev-target" data-role="target" title="target">two &lt;sides&gt;'
                    '</mark></mark> <mark class="ev-trigger" data-role="trigger" title="trigger">'
                    'discussed</mark> trade.')
    crossing = {"sentence": "abcdef", "source_start": 0, "source_end": 3, "trigger_start": 2,
                "trigger_end": 5, "target_start": -1, "target_end": -1}
    assert str(highlight(crossing)).count("<mark") == 1


def test_serve_command_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from onevoice.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "no event store" in result.output
    assert "--port" in CliRunner().invoke(main, ["serve", "--help"]).output
