"""The `onevoice` command as a user runs it: code, events, export, query, evaluate, extract."""
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from onevoice.cli import main
from onevoice.schema import EVENT_FIELDS

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voa-hill-one-voice.txt"
CONTRACT = ["id", "doc_id", "sentence_index", "sentence", "date", "source", "source_text", "target",
            "target_text", "code", "root", "quad_class", "goldstein", "plover_event", "plover_mode",
            "mode", "trigger_text", "rule"]


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    db, out = tmp / "ev.duckdb", tmp / "ev.jsonl"
    res = CliRunner().invoke(main, ["code", str(SAMPLE), "--db", str(db), "--out", str(out),
                                    "--date", "2006-07-07"])
    assert res.exit_code == 0, res.output
    return db, out, res


def test_code_writes_store_and_jsonl(coded):
    db, out, res = coded
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) >= 10
    for rec in lines:
        assert set(CONTRACT) <= set(rec)
        assert isinstance(rec["code"], str) and rec["code"][:2] == rec["root"]
        assert rec["doc_id"] == "voa-hill-one-voice.txt"
        assert rec["mode"] in (None, "negated", "hypothetical", "future")
    n = duckdb.connect(str(db), read_only=True).execute("select count(*) from events").fetchone()[0]
    assert n == len(lines)
    assert "1 documents" in res.output and "skipped" in res.output


def test_recoding_replaces(coded, tmp_path):
    db, out, _ = coded
    before = duckdb.connect(str(db), read_only=True).execute("select count(*) from events").fetchone()[0]
    res = CliRunner().invoke(main, ["code", str(SAMPLE), "--db", str(db), "--date", "2006-07-07"])
    assert res.exit_code == 0
    after = duckdb.connect(str(db), read_only=True).execute("select count(*) from events").fetchone()[0]
    assert after == before


def test_bad_records_are_skipped_and_counted(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Iran condemned Israel.", "date": "2010-01-02"}\n'
                   '{"id": "b", "text": \n'
                   '{"id": "c", "text": ""}\n')
    res = CliRunner().invoke(main, ["code", str(src), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 0, res.output
    assert "in.jsonl:2" in res.output and "in.jsonl:3" in res.output
    assert "1 documents" in res.output and "2 skipped" in res.output


def test_nothing_readable_fails_clearly(tmp_path):
    res = CliRunner().invoke(main, ["code", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code != 0
    assert "nothing could be read" in res.output


def test_bad_date_option(tmp_path):
    res = CliRunner().invoke(main, ["code", str(SAMPLE), "--date", "July 7"])
    assert res.exit_code != 0 and "YYYY-MM-DD" in res.output


def test_export_and_query(coded, tmp_path):
    db, _, _ = coded
    out = tmp_path / "e.csv"
    res = CliRunner().invoke(main, ["export", "--db", str(db), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text().splitlines()[0].split(",") == EVENT_FIELDS + [
        "num_mentions", "num_sources", "num_articles"]
    res = CliRunner().invoke(main, ["query", "select count(*) as n from events where source like 'CHN%'",
                                    "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0 and json.loads(res.output.splitlines()[0])["n"] > 0


def test_events_table(coded):
    db, _, _ = coded
    res = CliRunner().invoke(main, ["events", "--db", str(db), "--limit", "5"])
    assert res.exit_code == 0 and "5 events" in res.output


def test_evaluate_petrarch_style_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "Iran condemned Israel on Tuesday.",
                                "expected": [{"source": "IRN", "target": "ISR", "code": "111"}]}) + "\n")
    res = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    result = json.loads(res.output)
    assert result["petrarch"]["country_root"]["f1"] == 1.0


def test_extract_shows_what_code_sees():
    res = CliRunner().invoke(main, ["extract", str(SAMPLE)])
    doc = json.loads(res.output)
    assert doc["title"].startswith("US Envoy Urges China")
    assert "Breaking News" not in doc["text"]


WIRE = Path(__file__).resolve().parent / "fixtures" / "wire_copies.jsonl"


def test_code_records_copies_once_and_keep_duplicates_codes_them(tmp_path):
    from onevoice.exports import GDELT_COLUMNS

    db, out = tmp_path / "w.duckdb", tmp_path / "w.jsonl"
    res = CliRunner().invoke(main, ["code", str(WIRE), "--db", str(db), "--workers", "1",
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "3 documents" in res.output and "3 copies of earlier stories" in res.output
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert {r["doc_id"] for r in rows} == {"northwire-rail", "northwire-dam", "peru-mines"}
    gdelt = tmp_path / "w.tsv"
    res = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gdelt", "--out",
                                    str(gdelt), "--where", "doc_id = 'northwire-rail'"])
    assert res.exit_code == 0, res.output
    cols = [GDELT_COLUMNS.index(c) for c in ("NumMentions", "NumSources", "NumArticles")]
    lines = [line.split("\t") for line in gdelt.read_text().splitlines()]
    assert lines and {tuple(line[i] for i in cols) for line in lines} == {("4", "3", "4")}

    res = CliRunner().invoke(main, ["code", str(WIRE), "--db", str(db), "--workers", "1",
                                    "--show"])
    assert res.exit_code == 0, res.output
    assert "6 unchanged" in res.output and "copies of earlier" not in res.output
    assert "northwire-rail" in res.output and "coastherald-rail" not in res.output

    res = CliRunner().invoke(main, ["code", str(WIRE), "--db", str(tmp_path / "all.duckdb"),
                                    "--workers", "1", "--keep-duplicates"])
    assert res.exit_code == 0, res.output
    assert res.output.strip().startswith("6 documents") and "copies" not in res.output
    res = CliRunner().invoke(main, ["query", "select count(*) as n from duplicates", "--db",
                                    str(tmp_path / "all.duckdb"), "--format", "jsonl"])
    assert json.loads(res.output.splitlines()[0])["n"] == 0
