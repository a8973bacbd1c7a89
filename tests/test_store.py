import csv
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from onevoice.documents import Document, Skipped
from onevoice.schema import EVENT_FIELDS, Event, event_id
from onevoice.store import EXPORT_FIELDS, Store, StoreLockedError, write_events_file


def make_event(doc_id, i, source="USAGOV", target="CHNGOV", code="042", date="2024-03-05"):
    sentence = f"Sentence {i}: the officials met their counterparts in the capital."
    return Event(
        id=event_id(doc_id, i, source, target, code), doc_id=doc_id, sentence_index=i,
        sentence=sentence, date=date, source=source, source_text="the officials",
        target=target, target_text="their counterparts", code=code, root=code[:2],
        quad_class=1, goldstein=1.9, plover_event="CONSULT", plover_mode="visit", mode=None,
        trigger_text="met", rule="verbs.tsv:12 meet", source_start=14, source_end=27,
        trigger_start=28, trigger_end=31, confidence=0.8, doc_date="2024-03-06",
        title=f"Title {doc_id}", url=f"https://example.org/{doc_id}", doc_source="wire")


def make_doc(doc_id):
    return Document(id=doc_id, text="Some text.", title=f"Title {doc_id}", date="2024-03-06",
                    url=f"https://example.org/{doc_id}", source="wire", path="in.jsonl")


def fill(store, doc_id, n=2, **kw):
    events = [make_event(doc_id, i, **kw) for i in range(n)]
    store.write_batch([(make_doc(doc_id), n + 1)], events, "c1", "l1")
    return events


def count(store, table):
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_schema_created(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        tables = {r[0] for r in s.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert {"documents", "events", "skipped", "runs"} <= tables
        cols = [r[0] for r in s.con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' "
            "ORDER BY column_index").fetchall()]
        assert cols == EVENT_FIELDS + ["coder_version", "lexicon_version"]
        indexes = {r[0] for r in s.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
        assert len(indexes) == 7
    with Store(tmp_path / "db.duckdb") as s:  # reopening an existing store is fine
        assert count(s, "events") == 0


def test_rewrite_replaces(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        fill(s, "a", n=3)
        assert (count(s, "events"), count(s, "documents")) == (3, 1)
        fill(s, "a", n=3)
        assert (count(s, "events"), count(s, "documents")) == (3, 1)
        fill(s, "a", n=1)  # re-coding with fewer events drops the stale ones
        assert count(s, "events") == 1
        row = s.con.execute("SELECT n_sentences, n_events, date::VARCHAR, coder_version "
                            "FROM documents").fetchone()
        assert row == (2, 1, "2024-03-06", "c1")


def test_duplicate_ids_in_batch_keep_first(tmp_path):
    e1, e2 = make_event("a", 0), make_event("a", 0)
    e2.sentence = "A later duplicate."
    with Store(tmp_path / "db.duckdb") as s:
        s.write_batch([(make_doc("a"), 1)], [e1, e2], "c1", "l1")
        assert s.events_frame()["sentence"].tolist() == [e1.sentence]


def test_other_docs_untouched(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        a = fill(s, "a", n=2)
        fill(s, "b", n=3)
        fill(s, "b", n=3)
        assert s.events_frame(where="doc_id = ?", params=["a"])["id"].tolist() == [e.id for e in a]
        assert count(s, "events") == 5
        assert s.coded_doc_ids() == {"a", "b"}


def test_coded_doc_ids_survive_reopen(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as s:
        assert s.coded_doc_ids() == set()
        s.write_batch([(make_doc("empty"), 4)], [], "c1", "l1")  # a doc with no events counts
        fill(s, "x")
    with Store(path, read_only=True) as s:
        assert s.coded_doc_ids() == {"empty", "x"}


def test_frame_and_arrow(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        fill(s, "b", n=2)
        fill(s, "a", n=2)
        df = s.events_frame()
        assert list(df.columns) == EVENT_FIELDS + ["num_mentions", "num_sources", "num_articles"]
        assert df["num_articles"].tolist() == [1] * 4
        assert df["doc_id"].tolist() == ["a", "a", "b", "b"]
        assert df["code"].tolist() == ["042"] * 4
        assert len(s.events_frame(limit=3)) == 3
        t = s.events_arrow(where="doc_id = ?", params=["b"])
        assert t.column_names == EXPORT_FIELDS and t.num_rows == 2


def test_skipped_and_runs(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        s.write_skipped([Skipped("in.jsonl", 3, "bad json"), Skipped("x.html", None, "empty")])
        assert count(s, "skipped") == 2
        run = s.start_run("c1")
        s.finish_run(run, n_documents=2, n_sentences=5, n_events=4, n_skipped=2)
        row = s.con.execute("SELECT n_documents, n_events, finished_at IS NOT NULL FROM runs "
                            "WHERE run_id = ?", [run]).fetchone()
        assert row == (2, 4, True)


def check_jsonl(path, events):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert list(rows[0]) == EXPORT_FIELDS
    assert (rows[0]["num_mentions"], rows[0]["num_sources"], rows[0]["num_articles"]) == (1, 1, 1)
    assert rows[0]["code"] == "042" and rows[0]["date"] == "2024-03-05"
    assert rows[0]["mode"] is None and rows[0]["goldstein"] == 1.9
    assert rows[0]["sentence_index"] == 0 and rows[0]["quad_class"] == 1


def check_csv(path, events):
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == EXPORT_FIELDS
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert rows[0]["code"] == "042" and rows[0]["date"] == "2024-03-05"
    assert rows[0]["sentence"] == events[0].sentence and rows[0]["mode"] == ""


def check_parquet(path, events):
    t = pq.read_table(path)
    assert t.column_names == EXPORT_FIELDS
    assert t["id"].to_pylist() == [e.id for e in events]
    assert t["code"].to_pylist()[0] == "042"
    assert str(t["date"].to_pylist()[0]) == "2024-03-05"


CHECKS = {"jsonl": check_jsonl, "csv": check_csv, "parquet": check_parquet}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_round_trip(tmp_path, fmt):
    with Store(tmp_path / "db.duckdb") as s:
        events = fill(s, "a", n=3)
        fill(s, "b", n=2, code="190")
        out = tmp_path / f"out.{fmt}"
        assert s.export_events(out, where="doc_id = ?", params=["a"]) == 3
        CHECKS[fmt](out, events)
        other = tmp_path / "out.data"
        assert s.export_events(other, fmt=fmt) == 5


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_write_events_file(tmp_path, fmt):
    events = [make_event("a", i) for i in range(3)]
    out = tmp_path / "sub" / f"events.{fmt}"
    assert write_events_file(events, out) == 3
    CHECKS[fmt](out, events)


def test_file_and_store_exports_match(tmp_path):
    events = [make_event("a", i) for i in range(2)]
    write_events_file(events, tmp_path / "mem.jsonl")
    with Store(tmp_path / "db.duckdb") as s:
        s.write_batch([(make_doc("a"), 2)], events, "c1", "l1")
        s.export_events(tmp_path / "db.jsonl")
    assert (tmp_path / "mem.jsonl").read_text() == (tmp_path / "db.jsonl").read_text()


def test_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        write_events_file([make_event("a", 0)], tmp_path / "out.txt")


def test_read_only_refuses_writes(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as s:
        fill(s, "a")
    with Store(path, read_only=True) as s:
        assert len(s.events_frame()) == 2
        with pytest.raises(PermissionError):
            fill(s, "b")
        with pytest.raises(Exception):
            s.con.execute("DELETE FROM events")
        assert len(s.events_frame()) == 2


def test_read_only_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no onevoice database"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_locked_database(tmp_path):
    path = tmp_path / "db.duckdb"
    code = (f"import duckdb, time; c = duckdb.connect({str(path)!r}); "
            "print('ready', flush=True); time.sleep(30)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError, match="in use by another onevoice process"):
            Store(path)
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()


def test_failed_batch_keeps_previous_rows(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        fill(s, "a", n=2)
        with pytest.raises(Exception):
            fill(s, "a", n=1, date="not a date")
        assert count(s, "events") == 2 and s.coded_doc_ids() == {"a"}
        fill(s, "a", n=1)  # the store is still usable afterwards
        assert count(s, "events") == 1


def test_text_hash_and_coded_hashes(tmp_path):
    from onevoice.store import text_hash

    path = tmp_path / "db.duckdb"
    doc = make_doc("a")
    with Store(path) as s:
        assert s.coded_hashes() == {}
        s.write_batch([(doc, 1)], [], "c1", "l1")
        fill(s, "b")
        hashes = s.coded_hashes()
    assert set(hashes) == {"a", "b"} and hashes["a"] == text_hash(doc)
    assert len(hashes["a"]) == 40
    changed = make_doc("a")
    changed.text = "Other text."
    assert text_hash(changed) != text_hash(doc)
    retitled = make_doc("a")
    retitled.title = "Another title"
    assert text_hash(retitled) != text_hash(doc)
    with Store(path) as s:
        s.write_batch([(changed, 1)], [], "c1", "l1")
        assert s.coded_hashes()["a"] == text_hash(changed)
    with Store(path, read_only=True) as s:
        assert s.coded_hashes()["a"] == text_hash(changed)


def test_old_store_gains_text_hash(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, title VARCHAR, date DATE, "
                "url VARCHAR, source VARCHAR, path VARCHAR, n_sentences INTEGER, "
                "n_events INTEGER, coded_at TIMESTAMP, coder_version VARCHAR)")
    con.execute("INSERT INTO documents (doc_id) VALUES ('old')")
    con.close()
    with Store(path) as s:
        assert s.coded_hashes() == {"old": None}
        fill(s, "new")
        assert s.coded_hashes()["new"] is not None


# --- copies of a story ---------------------------------------------------------------------

def copy_of(doc_id, of, source="wire", url=None, exact=False, similarity=0.9):
    from onevoice.dedup import Duplicate

    doc = Document(id=doc_id, text="Some text.", title=f"Copy {doc_id}", date="2024-03-07",
                   url=url, source=source, path="copies.jsonl", line=7)
    return doc, Duplicate(of, 1.0 if exact else similarity, exact)


def test_schema_has_copies_and_fingerprints(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        cols = {r[0] for r in s.con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'documents'").fetchall()}
        assert {"fingerprint", "text_hash"} <= cols
        assert count(s, "duplicates") == 0
        run = s.start_run("c1")
        s.finish_run(run, n_documents=1, n_duplicates=2)
        assert s.con.execute("SELECT n_duplicates FROM runs").fetchall() == [(2,)]


def test_copies_are_written_with_their_batch_and_counted(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        events = [make_event("a", i) for i in range(2)]
        s.write_batch([(make_doc("a"), 3)], events, "c1", "l1",
                      copies=[copy_of("b", "a", source="Other Wire"),
                              copy_of("c", "a", source=None, url="https://www.Herald.example/x",
                                      exact=True),
                              copy_of("d", "a", source=None, url="http://herald.example:80/y")],
                      fingerprints={"a": b"\x01" * 16})
        fill(s, "z", n=1)
        assert s.coded_doc_ids() == {"a", "z"}
        assert s.con.execute("SELECT fingerprint FROM documents WHERE doc_id = 'a'").fetchall() \
            == [(b"\x01" * 16,)]
        rows = s.con.execute("SELECT doc_id, of_doc_id, similarity, exact, title, date::VARCHAR, "
                             "path, line FROM duplicates ORDER BY doc_id").fetchall()
        assert rows[0] == ("b", "a", 0.9, False, "Copy b", "2024-03-07", "copies.jsonl", 7)
        assert [r[3] for r in rows] == [False, True, False]
        # wire (a), Other Wire (b), herald.example (c and d): 4 articles from 3 outlets
        assert s.story_counts() == {"a": (4, 3, 4)}
        assert s.story_counts(["z"]) == {}
        frame = s.events_frame()
        assert frame.groupby("doc_id")["num_articles"].first().to_dict() == {"a": 4, "z": 1}
        assert frame.groupby("doc_id")["num_sources"].first().to_dict() == {"a": 3, "z": 1}
        assert frame.groupby("doc_id")["num_mentions"].first().to_dict() == {"a": 4, "z": 1}
        assert len(s.events_frame(where="num_articles > 1")) == 2
        assert s.copy_hashes()["b"][1] == "a"


def test_unknown_outlets_count_as_one_source(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        doc = make_doc("a")
        doc.source, doc.url = None, None
        s.write_batch([(doc, 1)], [make_event("a", 0)], "c1", "l1",
                      copies=[copy_of("b", "a", source=None), copy_of("c", "a", source="")])
        assert s.story_counts() == {"a": (3, 1, 3)}


def test_a_document_that_becomes_a_copy_loses_its_events(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        fill(s, "a", n=2)
        fill(s, "b", n=3)
        s.write_batch([], [], "c1", "l1", copies=[copy_of("c", "b")])
        s.write_batch([], [], "c1", "l1", copies=[copy_of("b", "a")])  # b now copies a
        assert s.coded_doc_ids() == {"a"} and count(s, "events") == 2
        # c, a copy of b, now counts for a
        assert dict(s.con.execute("SELECT doc_id, of_doc_id FROM duplicates").fetchall()) == \
            {"b": "a", "c": "a"}
        assert s.story_counts() == {"a": (3, 1, 3)}
        fill(s, "c", n=1)  # and a copy coded as a document is no copy any more
        assert dict(s.con.execute("SELECT doc_id, of_doc_id FROM duplicates").fetchall()) == \
            {"b": "a"}


def test_a_copy_recorded_twice_is_one_row(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        fill(s, "a")
        s.write_batch([], [], "c1", "l1", copies=[copy_of("b", "a"), copy_of("b", "a")])
        s.write_batch([], [], "c1", "l1", copies=[copy_of("b", "a", similarity=0.95)])
        assert s.con.execute("SELECT doc_id, similarity FROM duplicates").fetchall() == \
            [("b", 0.95)]


def test_failed_batch_keeps_no_copies(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        fill(s, "a")
        bad = make_doc("x")
        bad.date = "not a date"
        with pytest.raises(Exception):
            s.write_batch([(bad, 1)], [], "c1", "l1", copies=[copy_of("b", "a")])
        assert count(s, "duplicates") == 0 and s.coded_doc_ids() == {"a"}


def test_fingerprints_of_stored_documents_are_filled_in(tmp_path):
    with Store(tmp_path / "db.duckdb") as s:
        fill(s, "a")
        fill(s, "b")
        assert dict(s.fingerprints()) == {"a": None, "b": None}
        s.write_batch([], [], "c1", "l1", fingerprints={"b": b"\x02" * 8})
        assert dict(s.fingerprints()) == {"a": None, "b": b"\x02" * 8}
        assert count(s, "events") == 4


def test_store_from_before_copies_upgrades_and_reads(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        fill(s, "a", n=2)
    con = duckdb.connect(str(path))  # as the schema was before copies were recorded
    con.execute("DROP TABLE duplicates")
    con.execute("ALTER TABLE documents DROP COLUMN fingerprint")
    con.execute("ALTER TABLE runs DROP COLUMN n_duplicates")
    con.close()
    with Store(path, read_only=True) as s:  # read as it is
        frame = s.events_frame()
        assert len(frame) == 2 and set(frame["num_articles"]) == {1}
        assert s.story_counts() == {} and s.copy_hashes() == {}
    with Store(path) as s:                   # opened for writing: upgraded in place
        assert dict(s.fingerprints()) == {"a": None}
        s.write_batch([], [], "c1", "l1", copies=[copy_of("b", "a")])
        assert s.story_counts() == {"a": (2, 1, 2)}
        s.finish_run(s.start_run("c1"), n_duplicates=1)
