"""The dashboard as an analyst uses it: Debian's chromium, driven by Playwright, against
`onevoice serve` on a loopback port. Each test keeps a screenshot of its page."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

pytest.importorskip("playwright", reason="browser tests need playwright (the test extra)")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")

CHART = "svg.main-svg"


def api(server_url: str, path: str, **params) -> dict:
    url = f"{server_url}{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture
def page(page):
    """pytest-playwright's page, failing the test on any JavaScript error."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    assert not errors, errors


def test_events_table_filters(page, server_url, screenshots):
    page.goto(f"{server_url}/events")
    everything = api(server_url, "/api/events", page_size=500)
    assert page.locator("#events-table tbody tr").count() == min(50, everything["total"]) > 0
    page.fill("input[name=source]", "USA")
    page.select_option("select[name=quad_class]", "1")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*source=USA*")
    expected = api(server_url, "/api/events", source="USA", quad_class=1, page_size=500)
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == min(50, expected["total"]) > 0
    assert page.locator("#total").inner_text() == f"{expected['total']:,}"
    sources = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert all(s.startswith("USA") for s in sources)
    assert set(page.locator("#events-table .quad").all_inner_texts()) == {"1"}
    page.screenshot(path=screenshots / "events.png", full_page=True)


def test_event_detail_highlights_the_evidence(page, server_url, screenshots):
    page.goto(f"{server_url}/events?doc_id=voa-hill-one-voice.txt&target=CHN")
    link = page.locator("a.event-link").first
    event_id = link.get_attribute("href").rsplit("/", 1)[1]
    link.click()
    page.wait_for_url(f"**/events/{event_id}")
    ev = api(server_url, f"/api/event/{event_id}")["event"]
    evidence = page.locator("#evidence")
    for role in ("source", "target", "trigger"):
        marks = evidence.locator(f"mark.ev-{role}")
        if ev[f"{role}_start"] >= 0:
            assert marks.count() == 1, role
            assert marks.inner_text() == ev[f"{role}_text"], role
        else:
            assert marks.count() == 0, role
    assert evidence.inner_text() == ev["sentence"]
    assert page.locator("#rule").inner_text() == ev["rule"]
    assert "voa-hill-one-voice.txt" in page.locator("#document").inner_text()
    page.screenshot(path=screenshots / "event.png", full_page=True)


def test_dyads_chart_and_click_through(page, server_url, screenshots):
    page.goto(f"{server_url}/dyads")
    first = page.locator("#top-dyads tbody a").first
    first.click()
    page.wait_for_selector(f"#dyads-chart {CHART}")
    page.goto(f"{server_url}/dyads?source=USA&target=CHN&both=1")
    page.wait_for_selector(f"#dyads-chart {CHART}")
    assert page.locator("#dyads-chart .plot-container").count() == 1
    bars = page.locator("#dyads-chart .barlayer .point path")
    assert bars.count() > 0
    page.screenshot(path=screenshots / "dyads.png", full_page=True)
    box = bars.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/events?*since=*")
    assert "quad_class=" in page.url and "both=1" in page.url
    assert page.locator("#events-table tbody tr td.empty").count() == 0


def test_one_voice_charts_mark_the_outlier(page, server_url, screenshots):
    page.goto(f"{server_url}/cohesion")
    page.click("p.hint a")
    page.wait_for_selector(f"#stance-chart {CHART}")
    page.goto(f"{server_url}/cohesion?target=PRK&actors=USA,CHN,JPN,RUS,KOR&by=day")
    page.wait_for_selector(f"#cohesion-chart {CHART}")
    page.wait_for_selector(f"#stance-chart {CHART}")
    legend = page.locator("#stance-chart .legendtext").all_text_contents()
    assert "outlier" in legend
    body = api(server_url, "/api/cohesion", target="PRK", actors="USA,CHN,JPN,RUS,KOR", by="day")
    rows = page.locator("#cohesion-table tbody tr")
    assert rows.count() == len(body["summary"]) > 0
    outliers = {s["outlier"] for s in body["summary"] if s["outlier"]}
    assert outliers and set(page.locator("#cohesion-table td.outlier").all_inner_texts()) == outliers
    page.screenshot(path=screenshots / "cohesion.png", full_page=True)


def test_network_renders(page, server_url, screenshots):
    page.goto(f"{server_url}/network")
    page.wait_for_selector(f"#network-chart {CHART}")
    nodes = api(server_url, "/api/network")["nodes"]
    labels = page.locator("#network-chart .textpoint").all_text_contents()
    assert sorted(labels) == sorted(n["node"] for n in nodes)
    assert "actors" in page.locator("#chart-status").inner_text()
    page.screenshot(path=screenshots / "network.png", full_page=True)


def test_documents_page_lists_documents_and_skipped(page, server_url, screenshots):
    page.goto(f"{server_url}/documents")
    total = api(server_url, "/api/documents")["total"]
    assert page.locator("#doc-total").inner_text() == str(total)
    assert page.locator("#documents-table tbody tr").count() == min(total, 50)
    skipped = page.locator("#skipped-table tbody").inner_text()
    assert "broken.jsonl" in skipped and "JSON" in skipped
    page.screenshot(path=screenshots / "documents.png", full_page=True)
    row = page.locator("#documents-table tbody tr", has_text="voa-hill-one-voice.txt")
    row.locator("td.num a").click()
    page.wait_for_url("**/events?doc_id=*")
    assert page.locator("#events-table tbody tr").count() > 0
