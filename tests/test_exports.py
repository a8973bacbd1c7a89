import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from onevoice.cli import main
from onevoice.documents import Document
from onevoice.exports import (GDELT_COLUMNS, ICEWS_COLUMNS, Tables, export, numeric_id,
                              write_rows)
from onevoice.schema import EVENT_FIELDS, Event, event_id
from onevoice.store import EXPORT_FIELDS, Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COLUMN_LIST = SHARED / "ref" / "gdelt_event_columns.tsv"
G = {name: i for i, name in enumerate(GDELT_COLUMNS)}


def make(doc="a", i=0, source="ROUGOV", target="USA", code="0874", root="08", quad=2,
         goldstein=9.0, date="2024-03-05", mode=None):
    return Event(
        id=event_id(doc, i, source, target, code), doc_id=doc, sentence_index=i,
        sentence="Romania's government\treturned the\nprisoners to the United States.",
        date=date, source=source, source_text="Romania's government", target=target,
        target_text="the United States", code=code, root=root, quad_class=quad,
        goldstein=goldstein, plover_event="CONCEDE", plover_mode="", mode=mode,
        trigger_text="returned", rule="verbs.tsv:1 return", source_start=0, source_end=20,
        target_start=47, target_end=64, trigger_start=21, trigger_end=29, doc_date=date,
        title="Prisoners returned", url=f"https://example.org/{doc}", doc_source="wire")


@pytest.fixture
def store(tmp_path):
    events = [make(), make(i=1, source="USAMIL", target="IGOUNO", code="190", root="19", quad=4,
                           goldstein=-10.0),
              make(i=5, source="---REB", target="", code="010", root="01", quad=1, goldstein=0.0,
                   mode="negated")]
    with Store(tmp_path / "e.duckdb") as s:
        s.write_batch([(Document(id="a", text="x", title="t", url="https://example.org/a"), 6)],
                      events, "c1", "l1")
        yield s


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_columns_match_codebook():
    if not COLUMN_LIST.exists():
        pytest.skip("shared GDELT column list not available")
    with COLUMN_LIST.open(encoding="utf-8", newline="") as f:
        listed = [(int(r["position"]), r["name"]) for r in csv.DictReader(f, delimiter="\t")
                  if r["format"] == "gdelt2_event"]
    assert [name for _, name in sorted(listed)] == GDELT_COLUMNS
    with COLUMN_LIST.open(encoding="utf-8", newline="") as f:
        icews = [r["name"] for r in csv.DictReader(f, delimiter="\t") if r["format"] == "icews_event"]
    assert icews == ICEWS_COLUMNS


def test_gdelt_export(store, tmp_path):
    out = tmp_path / "events.export.CSV"
    assert export(store, out, fmt="gdelt") == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    rows = read_tsv(out)
    assert all(len(r) == 61 for r in rows)
    assert all(r[0].isdigit() for r in rows)  # no header row, as in GDELT's files
    first = rows[0]
    assert len(GDELT_COLUMNS) == 61
    assert first[G["GLOBALEVENTID"]] == str(numeric_id(make().id))
    assert (first[G["SQLDATE"]], first[G["MonthYear"]], first[G["Year"]]) == ("20240305", "202403", "2024")
    assert first[G["FractionDate"]] == f"{2024 + (3 * 30 + 5) / 365:.4f}"
    assert first[G["Actor1Code"]] == "ROMGOV"            # GDELT's code for Romania
    assert first[G["Actor1CountryCode"]] == "ROM"
    assert first[G["Actor1Type1Code"]] == "GOV"
    assert first[G["Actor1Name"]] == "ROMANIA'S GOVERNMENT"
    assert (first[G["Actor2Code"]], first[G["Actor2CountryCode"]]) == ("USA", "USA")
    assert (first[G["EventCode"]], first[G["EventBaseCode"]], first[G["EventRootCode"]]) \
        == ("0874", "087", "08")
    assert first[G["QuadClass"]] == "2" and first[G["GoldsteinScale"]] == "9"
    assert first[G["IsRootEvent"]] == "1"
    assert (first[G["NumMentions"]], first[G["NumSources"]], first[G["NumArticles"]]) == ("1", "1", "1")
    assert first[G["SOURCEURL"]] == "https://example.org/a"
    assert len(first[G["DATEADDED"]]) == 14 and first[G["DATEADDED"]].isdigit()
    second = rows[1]
    assert (second[G["Actor1Code"]], second[G["Actor1Type1Code"]]) == ("USAMIL", "MIL")
    assert (second[G["Actor2Code"]], second[G["Actor2CountryCode"]],
            second[G["Actor2KnownGroupCode"]], second[G["Actor2Type1Code"]]) == ("IGOUNO", "", "UNO", "IGO")
    assert (second[G["QuadClass"]], second[G["GoldsteinScale"]]) == ("4", "-10")
    third = rows[2]
    assert (third[G["Actor1Code"]], third[G["Actor1CountryCode"]], third[G["Actor1Type1Code"]]) \
        == ("REB", "", "REB")
    assert third[G["Actor2Code"]] == "" and third[G["IsRootEvent"]] == "0"


def test_gdelt_positions_from_codebook(store, tmp_path):
    if not COLUMN_LIST.exists():
        pytest.skip("shared GDELT column list not available")
    with COLUMN_LIST.open(encoding="utf-8", newline="") as f:
        pos = {r["name"]: int(r["position"]) - 1 for r in csv.DictReader(f, delimiter="\t")
               if r["format"] == "gdelt2_event"}
    export(store, tmp_path / "g.tsv", fmt="gdelt", where="code = '190'")
    (row,) = read_tsv(tmp_path / "g.tsv")
    assert row[pos["QuadClass"]] == "4" and row[pos["GoldsteinScale"]] == "-10"
    assert row[pos["EventCode"]] == "190" and row[pos["EventRootCode"]] == "19"
    assert row[pos["SOURCEURL"]].startswith("https://")


def test_gdelt_loads_with_pandas(store, tmp_path):
    import pandas as pd

    export(store, tmp_path / "g.tsv", fmt="gdelt")
    df = pd.read_csv(tmp_path / "g.tsv", sep="\t", header=None, names=GDELT_COLUMNS,
                     dtype={"EventCode": str, "EventRootCode": str, "EventBaseCode": str})
    assert df.shape == (3, 61)
    assert df["EventCode"].tolist() == ["0874", "190", "010"]
    assert df["GoldsteinScale"].tolist() == [9.0, -10.0, 0.0]


def test_icews_export(store, tmp_path):
    out = tmp_path / "events.tab"
    assert export(store, out, fmt="icews") == 3
    rows = read_tsv(out)
    assert rows[0] == ICEWS_COLUMNS
    assert all(len(r) == 20 for r in rows)
    rec = dict(zip(ICEWS_COLUMNS, rows[1]))
    assert rec["Event Date"] == "2024-03-05" and rec["CAMEO Code"] == "0874"
    assert rec["Source Country"] == "Romania" and rec["Source Sectors"] == "Government"
    assert rec["Target Country"] == "United States" and rec["Intensity"] == "9"
    assert rec["Sentence Number"] == "1" and rec["Publisher"] == "wire"
    assert rec["Event Text"]


def test_plover_export(store, tmp_path):
    out = tmp_path / "plover.jsonl"
    assert export(store, out, fmt="plover") == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    r = recs[0]
    assert {"actor", "recipient", "event", "mode", "context"} <= set(r)
    assert r["event"] == "CONCEDE" and r["mode"] is None
    assert r["actor"]["code"] == "ROUGOV" and r["actor"]["country"] == "ROU"
    assert r["actor"]["sector"] == "GOV" and r["actor"]["span"] == [0, 20]
    assert r["recipient"]["country"] == "USA"
    assert r["cameo"] == {"code": "0874", "root": "08", "quad_class": 2, "goldstein": 9.0}
    assert recs[2]["recipient"] is None and recs[2]["modality"] == "negated"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_own_formats(store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert export(store, out, where="quad_class >= ?", params=[2]) == 2
    assert EXPORT_FIELDS == EVENT_FIELDS + ["num_mentions", "num_sources", "num_articles"]
    if fmt == "parquet":
        assert pq.read_table(out).column_names == EXPORT_FIELDS
    elif fmt == "csv":
        assert next(csv.reader(out.open())) == EXPORT_FIELDS
    else:
        assert list(json.loads(out.read_text().splitlines()[0])) == EXPORT_FIELDS


def test_write_rows_from_memory(tmp_path):
    rows = [make().to_dict()]
    assert write_rows(rows, tmp_path / "m.tsv", "gdelt") == 1
    assert len(read_tsv(tmp_path / "m.tsv")[0]) == 61
    with pytest.raises(ValueError):
        write_rows(rows, tmp_path / "m.x", "xml")


def test_split_actor():
    t = Tables.load()
    p = t.split_actor("PSEREBHMS")
    assert (p.country, p.types, p.known_group) == ("PSE", ["REB"], "HMS")
    p = t.split_actor("IGOUNOREFHCR")
    assert (p.country, p.types, p.known_group) == ("", ["IGO", "REF"], "HCR")
    assert t.gdelt_code("TLS") == "TMP" and t.gdelt_code("CHNGOV") == "CHNGOV"


def test_cli_export_formats(store, tmp_path):
    path = store.path
    store.close()
    runner = CliRunner()
    out = tmp_path / "cli.gdelt.tsv"
    r = runner.invoke(main, ["export", "--db", path, "--format", "gdelt", "--out", str(out),
                             "--where", "root = '19'"])
    assert r.exit_code == 0, r.output
    assert len(read_tsv(out)) == 1 and len(read_tsv(out)[0]) == 61
    for fmt in ("icews", "plover", "parquet", "csv", "jsonl"):
        r = runner.invoke(main, ["export", "--db", path, "--format", fmt,
                                 "--out", str(tmp_path / f"cli.{fmt}")])
        assert r.exit_code == 0, r.output
        assert (tmp_path / f"cli.{fmt}").stat().st_size > 0
    r = runner.invoke(main, ["export", "--db", path, "--out", str(tmp_path / "x.json"),
                             "--where", "no_such_column = 1", "--format", "gdelt"])
    assert r.exit_code != 0 and "no_such_column" in r.output
    r = runner.invoke(main, ["export", "--db", path, "--out", str(tmp_path / "x.unknown")])
    assert r.exit_code != 0 and "cannot tell the format" in r.output


def test_gdelt_counts_come_from_the_story_copies(store, tmp_path):
    from onevoice.dedup import Duplicate

    def copy(doc_id, source, exact=False):
        return (Document(id=doc_id, text="x", source=source, url=f"https://{doc_id}.example/1"),
                Duplicate("a", 1.0 if exact else 0.91, exact))

    other = make(doc="b", i=0, code="190", root="19", quad=4, goldstein=-10.0)
    store.write_batch([(Document(id="b", text="y"), 1)], [other], "c1", "l1",
                      copies=[copy("a2", "Harbour News"), copy("a3", "Harbour News", exact=True),
                              copy("a4", None)])
    out = tmp_path / "g.tsv"
    assert export(store, out, fmt="gdelt") == 4
    counts = {r[G["GLOBALEVENTID"]]: (r[G["NumMentions"]], r[G["NumSources"]], r[G["NumArticles"]])
              for r in read_tsv(out)}
    # story a: its own article (no source, example.org) + Harbour News twice + a4.example
    assert counts[str(numeric_id(make().id))] == ("4", "3", "4")
    assert counts[str(numeric_id(other.id))] == ("1", "1", "1")
    assert export(store, tmp_path / "few.tsv", fmt="gdelt", where="num_articles > 1") == 3
    jsonl = tmp_path / "e.jsonl"
    export(store, jsonl)
    rows = [json.loads(x) for x in jsonl.read_text().splitlines()]
    assert [(r["doc_id"], r["num_articles"]) for r in rows] == [("a", 4)] * 3 + [("b", 1)]


def test_gdelt_counts_from_memory_default_to_one(tmp_path):
    rows = [dict(make().to_dict(), num_mentions=5, num_sources=2, num_articles=5),
            make(i=1).to_dict()]
    write_rows(rows, tmp_path / "m.tsv", "gdelt")
    got = [(r[G["NumMentions"]], r[G["NumSources"]], r[G["NumArticles"]])
           for r in read_tsv(tmp_path / "m.tsv")]
    assert got == [("5", "2", "5"), ("1", "1", "1")]
