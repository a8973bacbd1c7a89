import csv
import io
import json
import math
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from onevoice import analysis
from onevoice.cli import main
from onevoice.documents import Document
from onevoice.schema import Event, event_id
from onevoice.store import Store

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def ev(source, target, goldstein, quad, date, code="042", mode=None, doc="d1", i=0):
    return Event(
        id=event_id(doc, i, source, target, code), doc_id=doc, sentence_index=i,
        sentence=f"Sentence {i}.", date=date, source=source, source_text=source.lower(),
        target=target, target_text=target.lower(), code=code, root=code[:2], quad_class=quad,
        goldstein=goldstein, plover_event="CONSULT", plover_mode="", mode=mode,
        trigger_text="met", rule="test", doc_date=date)


def store_with(path, events):
    """Write events into a fresh store, one document per event so ids never collide."""
    s = Store(path)
    for n, e in enumerate(events):
        e.doc_id = f"doc{n}"
        e.id = event_id(e.doc_id, e.sentence_index, e.source, e.target, e.code)
        s.write_batch([(Document(id=e.doc_id, text="x", date=e.date), 1)], [e], "c1", "l1")
    return s


DYAD_EVENTS = [
    ev("USAGOV", "CHNGOV", 1.9, 1, "2024-01-05"),
    ev("USAGOV", "CHNGOV", -2.0, 3, "2024-01-20", code="112"),
    ev("USAMIL", "CHN", -10.0, 4, "2024-02-03", code="190"),
    ev("CHN", "USA", 8.0, 2, "2024-01-10", code="057"),
    ev("USA", "CHN", 3.0, 1, "2024-01-15", mode="negated"),        # left out by default
    ev("USA", "", 0.0, 1, "2024-01-16", code="010"),                # no target: no dyad
    ev("RUSGOV", "CHNGOV", 1.0, 1, "2024-01-25", mode="future"),    # announced: counts
]


@pytest.fixture
def dyad_store(tmp_path):
    s = store_with(tmp_path / "dyads.duckdb", [Event(**e.to_dict()) for e in DYAD_EVENTS])
    yield s
    s.close()


def rows(frame):
    return {(str(r["period"])[:10], r["source"], r["target"]): r for r in frame.to_dict("records")}


def test_dyads_by_month(dyad_store):
    df = analysis.dyads(dyad_store, by="month")
    got = rows(df)
    assert set(got) == {("2024-01-01", "USAGOV", "CHNGOV"), ("2024-02-01", "USAMIL", "CHN"),
                        ("2024-01-01", "CHN", "USA"), ("2024-01-01", "RUSGOV", "CHNGOV")}
    r = got[("2024-01-01", "USAGOV", "CHNGOV")]
    assert r["events"] == 2
    assert r["goldstein_sum"] == pytest.approx(1.9 - 2.0)
    assert r["goldstein_mean"] == pytest.approx((1.9 - 2.0) / 2)
    assert (r["verbal_coop"], r["material_coop"], r["verbal_conflict"], r["material_conflict"]) \
        == (1, 0, 1, 0)
    assert got[("2024-02-01", "USAMIL", "CHN")]["material_conflict"] == 1
    assert got[("2024-01-01", "CHN", "USA")]["material_coop"] == 1
    assert df["events"].sum() == 5


def test_dyads_countries_modes_and_filters(dyad_store):
    got = rows(analysis.dyads(dyad_store, by="month", countries=True))
    assert got[("2024-01-01", "USA", "CHN")]["events"] == 2
    got = rows(analysis.dyads(dyad_store, by="month", countries=True, all_modes=True))
    assert got[("2024-01-01", "USA", "CHN")]["events"] == 3
    assert got[("2024-01-01", "USA", "CHN")]["goldstein_sum"] == pytest.approx(1.9 - 2.0 + 3.0)
    # a country code matches every actor of that country; a full code only itself
    assert analysis.dyads(dyad_store, source="USA", by="year")["events"].sum() == 3
    assert analysis.dyads(dyad_store, source="USAGOV", by="year")["events"].sum() == 2
    assert analysis.dyads(dyad_store, source="usa, rus", target="CHN")["events"].sum() == 4
    df = analysis.dyads(dyad_store, since="2024-01-10", until="2024-01-31", by="day")
    assert sorted(str(p)[:10] for p in df["period"]) == ["2024-01-10", "2024-01-20", "2024-01-25"]


def test_dyads_by_week(dyad_store):
    df = analysis.dyads(dyad_store, by="week", source="USAGOV")
    # 2024-01-05 is a Friday (week of Mon 2024-01-01), 2024-01-20 a Saturday (week of 01-15)
    assert sorted(str(p)[:10] for p in df["period"]) == ["2024-01-01", "2024-01-15"]
    with pytest.raises(ValueError):
        analysis.dyads(dyad_store, by="fortnight")


ACTORS = ["USA", "CHN", "JPN", "KOR"]


def cohesion_events(values, month="2024-03"):
    out = []
    for actor, goldsteins in values.items():
        for k, g in enumerate(goldsteins):
            out.append(ev(actor if k % 2 == 0 else actor + "GOV", "PRK", g, 1 if g >= 0 else 3,
                          f"{month}-{k + 1:02d}"))
    return out


def test_cohesion_one_voice(tmp_path):
    values = {"USA": [-5, -5], "CHN": [-5], "JPN": [-6, -4], "KOR": [-5, -5, -5]}
    with store_with(tmp_path / "c.duckdb", cohesion_events(values)) as s:
        df = analysis.cohesion(s, "PRK", ACTORS)
    assert sorted(df["actor"]) == sorted(ACTORS)
    assert df["goldstein_mean"].tolist() == [-5.0] * 4
    assert df["cohesion"].tolist() == [1.0] * 4
    assert df.set_index("actor").loc["KOR", "events"] == 3
    assert df.set_index("actor").loc["USA", "conflict_share"] == 1.0


def test_cohesion_one_actor_opposite(tmp_path):
    values = {"USA": [-5, -5], "JPN": [-6, -4], "KOR": [-4], "CHN": [6, 6, 6]}
    with store_with(tmp_path / "c.duckdb", cohesion_events(values)) as s:
        df = analysis.cohesion(s, "PRK", "USA,CHN,JPN,KOR", by="month")
        summary = analysis.cohesion_summary(df)
    means = [-5, -5, -4, 6]  # by hand: mean -2, deviations 3, 3, 2, 8
    expected = 1 - math.sqrt(sum((m + 2) ** 2 for m in means) / 4) / 10
    assert df["cohesion"].iloc[0] == pytest.approx(expected)
    assert 0 <= expected < 0.6
    assert set(df["outlier"]) == {"CHN"}
    chn = df.set_index("actor").loc["CHN"]
    assert chn["coop_share"] == 1.0 and chn["distance"] == pytest.approx(8)
    assert summary.to_dict("records")[0]["outlier"] == "CHN"
    assert summary["actors"].tolist() == [4] and summary["events"].tolist() == [8]


def test_cohesion_periods_modes_and_edges(tmp_path):
    events = cohesion_events({"USA": [2], "CHN": [2]}, month="2024-01")
    events += cohesion_events({"USA": [-8], "CHN": [8]}, month="2024-02")
    events += cohesion_events({"USA": [1]}, month="2024-03")           # one actor: no index
    events += [ev("CHN", "PRK", -10, 4, "2024-01-09", mode="hypothetical"),
               ev("JPN", "KOR", -10, 4, "2024-01-09")]                # wrong target
    with store_with(tmp_path / "c.duckdb", events) as s:
        df = analysis.cohesion(s, "PRK", ["USA", "CHN"])
        summary = analysis.cohesion_summary(df)
        assert analysis.cohesion(s, "PRK", ["USA", "CHN"], all_modes=True)["cohesion"].iloc[0] < 1
        assert len(analysis.cohesion(s, "PRK", ["USA", "CHN"], min_events=2)) == 0
        with pytest.raises(ValueError):
            analysis.cohesion(s, "", ["USA"])
    assert summary["cohesion"].tolist()[:2] == [1.0, pytest.approx(0.2)]
    assert math.isnan(summary["cohesion"].iloc[2]) and summary["outlier"].isna().iloc[2]


def test_network_edges_and_graphml(dyad_store, tmp_path):
    net = analysis.network(dyad_store, countries=True)
    edges = {(r["source"], r["target"]): r for r in net.edges.to_dict("records")}
    assert set(edges) == {("USA", "CHN"), ("CHN", "USA"), ("RUS", "CHN")}
    assert edges[("USA", "CHN")]["events"] == 3
    assert edges[("USA", "CHN")]["goldstein_mean"] == pytest.approx((1.9 - 2.0 - 10.0) / 3)
    nodes = net.nodes.set_index("node")
    assert nodes.loc["CHN", "events_in"] == 4 and nodes.loc["CHN", "events_out"] == 1
    assert nodes.loc["CHN", "degree_centrality"] == 1.0
    assert nodes.loc["RUS", "degree_centrality"] == 0.5
    assert nodes.loc["CHN", "betweenness"] > 0 and nodes.loc["RUS", "betweenness"] == 0
    path = analysis.write_graphml(net, tmp_path / "net.graphml")
    root = ET.parse(path).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert {n.get("id") for n in root.iterfind(".//g:node", ns)} == {"USA", "CHN", "RUS"}
    assert len(root.findall(".//g:edge", ns)) == 3
    keys = {k.get("attr.name") for k in root.iterfind(".//g:key", ns)}
    assert {"events", "goldstein_mean", "degree_centrality", "betweenness"} <= keys
    only = analysis.network(dyad_store, actors="RUS")
    assert only.edges[["source", "target"]].values.tolist() == [["RUSGOV", "CHNGOV"]]


def test_plots(dyad_store, tmp_path):
    from onevoice.plots import plot_cohesion, plot_dyads

    png = plot_dyads(analysis.dyads(dyad_store), tmp_path / "d.png")
    assert png.read_bytes()[:8] == PNG_MAGIC
    html = plot_dyads(analysis.dyads(dyad_store), tmp_path / "d.html")
    assert "plotly" in html.read_text(encoding="utf-8")[:100_000].lower()
    frame = analysis.cohesion(dyad_store, "CHN", ["USA", "RUS"])
    assert plot_cohesion(frame, tmp_path / "c.png", "CHN").read_bytes()[:8] == PNG_MAGIC
    with pytest.raises(ValueError):
        plot_dyads(analysis.dyads(dyad_store), tmp_path / "d.svg")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    store_with(path, [Event(**e.to_dict()) for e in DYAD_EVENTS]
               + cohesion_events({"USA": [-5, -5], "JPN": [-4], "CHN": [6]})).close()
    return str(path)


def test_cli_dyads(db, tmp_path):
    r = CliRunner().invoke(main, ["dyads", "--db", db, "--countries", "--format", "csv",
                                  "--source", "USA", "--target", "CHN", "--plot",
                                  str(tmp_path / "d.png")])
    assert r.exit_code == 0, r.output
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(t["source"], t["target"], t["events"]) for t in table] == \
        [("USA", "CHN", "2"), ("USA", "CHN", "1")]
    assert (tmp_path / "d.png").read_bytes()[:8] == PNG_MAGIC
    r = CliRunner().invoke(main, ["dyads", "--db", db, "--all-modes", "--by", "year"])
    assert r.exit_code == 0 and "USAGOV" in r.stdout


def test_cli_cohesion(db, tmp_path):
    out = tmp_path / "c.jsonl"
    r = CliRunner().invoke(main, ["cohesion", "--db", db, "--target", "PRK", "--actors",
                                  "USA,CHN,JPN", "--format", "jsonl", "--out", str(out),
                                  "--plot", str(tmp_path / "c.html")])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert {x["actor"] for x in recs} == {"USA", "CHN", "JPN"}
    assert {x["outlier"] for x in recs} == {"CHN"}
    assert (tmp_path / "c.html").stat().st_size > 0
    r = CliRunner().invoke(main, ["cohesion", "--db", db, "--target", "PRK", "--actors",
                                  "USA,CHN,JPN", "--summary"])
    assert r.exit_code == 0 and "CHN" in r.stdout and "cohesion" in r.stdout
    r = CliRunner().invoke(main, ["cohesion", "--db", db, "--target", "PRK"])
    assert r.exit_code != 0


def test_cli_network(db, tmp_path):
    gml = tmp_path / "n.graphml"
    r = CliRunner().invoke(main, ["network", "--db", db, "--countries", "--nodes",
                                  "--format", "jsonl", "--graphml", str(gml)])
    assert r.exit_code == 0, r.output
    nodes = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"USA", "CHN", "PRK"} <= {n["node"] for n in nodes}
    ET.parse(gml)


def test_cli_missing_db(tmp_path):
    r = CliRunner().invoke(main, ["dyads", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code != 0 and "no event store" in r.output


def test_cli_bad_options(db, tmp_path):
    r = CliRunner().invoke(main, ["dyads", "--db", db, "--plot", str(tmp_path / "d.svg")])
    assert r.exit_code != 0 and ".png or .html" in r.output
    r = CliRunner().invoke(main, ["dyads", "--db", db, "--since", "2024-13-01"])
    assert r.exit_code != 0 and "YYYY-MM-DD" in r.output
    r = CliRunner().invoke(main, ["dyads", "--db", db, "--since", "2030-01-01", "--plot",
                                  str(tmp_path / "none.png")])
    assert r.exit_code == 0 and "no events match" in r.output
    assert not (tmp_path / "none.png").exists()
