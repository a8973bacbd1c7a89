"""A dask LocalCluster of two workers codes the same events as one process, whether the events
come back through dask or as Parquet partitions merged into the store."""
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")

from onevoice.cli import main  # noqa: E402
from onevoice.distributed import (  # noqa: E402
    PartitionExecutor, code_chunk_to_parquet, code_on_cluster)
from onevoice.runner import code_paths  # noqa: E402
from onevoice.schema import EVENT_FIELDS  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voa-hill-one-voice.txt"

ARTICLES = [
    ("d1", "Turkey and Greece agreed to resume talks over the Aegean. Ferries ran on time."),
    ("d2", "Sudanese troops clashed with rebels near El Fasher. The United Nations urged both "
           "sides to stop the fighting."),
    ("d3", "Canada expelled two Russian diplomats on Friday. Snow closed the airport."),
    ("d4", "Chile recalled its ambassador from Bolivia. A spokesman said he would return soon."),
]
COPY = ("d2-copy", ARTICLES[1][1])  # the same wire story from another outlet

DOC_COLUMNS = ("doc_id, title, date, url, source, path, n_sentences, n_events, coder_version, "
               "text_hash, fingerprint")


def write_input(path: Path, articles) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": "2024-02-01"}) + "\n"
                            for i, t in articles))
    return path


def rows(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def stored_events(db: Path):
    return rows(db, f"SELECT {', '.join(EVENT_FIELDS)} FROM events ORDER BY id")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("partitions-in")
    return [write_input(tmp / "in.jsonl", ARTICLES + [COPY]), SAMPLE]


@pytest.fixture(scope="module")
def single(coder, inputs, tmp_path_factory):
    """The reference: the same input coded in this process."""
    db = tmp_path_factory.mktemp("single") / "one.duckdb"
    summary = code_paths(inputs, db=db, date="2006-07-07", coder=coder, keep_events=True)
    return db, summary


@pytest.mark.distributed
def test_local_cluster_codes_the_same_events(coder, inputs, single, tmp_path):
    one_db, one = single
    cluster = code_on_cluster(inputs, "local", workers=2, db=tmp_path / "dask.duckdb",
                              date="2006-07-07", coder=coder, keep_events=True, chunk_size=1)
    assert cluster.documents == one.documents == len(ARTICLES) + 1
    assert sorted(e.id for e in cluster.run_events) == sorted(e.id for e in one.run_events)
    assert len(one.run_events) >= 10
    assert stored_events(tmp_path / "dask.duckdb") == stored_events(one_db)


# -- Parquet partitions: one cluster for all of them ---------------------------------------

@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.distributed
def test_partitions_merge_into_the_same_store_as_one_process(coder, scheduler, inputs, single,
                                                              tmp_path):
    one_db, one = single
    db, parts = tmp_path / "dask.duckdb", tmp_path / "parts"
    summary = code_on_cluster(inputs, scheduler, db=db, date="2006-07-07", coder=coder,
                              keep_events=True, chunk_size=1, partitions=parts)

    assert (summary.documents, summary.sentences, summary.events, summary.duplicates) == \
        (one.documents, one.sentences, one.events, one.duplicates) == \
        (len(ARTICLES) + 1, one.sentences, one.events, 1)
    assert [e.to_dict() for e in summary.run_events] == [e.to_dict() for e in one.run_events]
    assert len(one.run_events) >= 10
    assert stored_events(db) == stored_events(one_db)
    assert rows(db, f"SELECT {DOC_COLUMNS} FROM documents ORDER BY doc_id") == \
        rows(one_db, f"SELECT {DOC_COLUMNS} FROM documents ORDER BY doc_id")
    dup_sql = "SELECT doc_id, of_doc_id, similarity, exact, text_hash FROM duplicates"
    assert rows(db, dup_sql) == rows(one_db, dup_sql) == [("d2-copy", "d2", 1.0, True, rows(
        db, "SELECT text_hash FROM duplicates")[0][0])]

    files = sorted(parts.iterdir())
    assert files and all(f.name.startswith("part-") and f.suffix == ".parquet" for f in files)
    # together the partitions hold exactly the stored events, as DuckDB and pyarrow read them
    in_parts = duckdb.sql(f"SELECT {', '.join(EVENT_FIELDS)} FROM "
                          f"read_parquet('{parts}/*.parquet') ORDER BY id").fetchall()
    assert in_parts == stored_events(db)
    table = pq.read_table(parts)
    assert table.num_rows == len(in_parts)
    assert sorted(table.column("id").to_pylist()) == [r[0] for r in in_parts]
    assert table.schema.metadata[b"onevoice.coder_version"] == coder.version.encode()


@pytest.mark.distributed
def test_a_second_run_over_the_partitions_adds_nothing(coder, scheduler, inputs, single,
                                                       tmp_path):
    db, parts = tmp_path / "dask.duckdb", tmp_path / "parts"
    code_on_cluster(inputs, scheduler, db=db, date="2006-07-07", coder=coder, partitions=parts)
    events, files = stored_events(db), sorted(parts.iterdir())
    counts_sql = ("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM duplicates), "
                  "(SELECT count(*) FROM events)")
    counts = rows(db, counts_sql)

    again = code_on_cluster(inputs, scheduler, db=db, date="2006-07-07", coder=coder,
                            keep_events=True, partitions=parts)
    assert again.documents == 0 and again.unchanged == len(ARTICLES) + 2
    assert sorted(e.id for e in again.run_events) == sorted(r[0] for r in events)
    assert sorted(parts.iterdir()) == files
    assert stored_events(db) == events and rows(db, counts_sql) == counts

    # re-coding everything rewrites the same partitions and replaces the stored rows
    recoded = code_on_cluster(inputs, scheduler, db=db, date="2006-07-07", coder=coder,
                              resume=False, partitions=parts)
    assert recoded.documents == len(ARTICLES) + 1
    assert sorted(parts.iterdir()) == files
    assert stored_events(db) == events == stored_events(single[0])
    assert rows(db, counts_sql) == counts


@pytest.mark.distributed
def test_cli_codes_into_partitions(scheduler, inputs, single, tmp_path):
    db, parts, out = tmp_path / "cli.duckdb", tmp_path / "parts", tmp_path / "run.jsonl"
    result = CliRunner().invoke(main, [
        "code", *map(str, inputs), "--db", str(db), "--date", "2006-07-07", "--cluster",
        scheduler, "--partitions", str(parts), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert stored_events(db) == stored_events(single[0])
    assert list(parts.glob("part-*.parquet"))
    written = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(written) == sorted(e.id for e in single[1].run_events)


def test_partitions_need_a_cluster(tmp_path):
    result = CliRunner().invoke(main, ["code", str(SAMPLE), "--db", str(tmp_path / "x.duckdb"),
                                       "--partitions", str(tmp_path / "parts")])
    assert result.exit_code != 0 and "--partitions needs --cluster" in result.output


# -- the partition path without a cluster: a client that runs each task here -------------

class HereClient:
    """Runs a submitted task at once, in this process; `elsewhere` stands for a worker that
    sees another filesystem than this machine."""

    def __init__(self, elsewhere: Path | None = None):
        self.elsewhere = elsewhere

    def submit(self, fn, *args, pure=True):
        from onevoice.runner import InProcess

        if self.elsewhere is not None and fn is code_chunk_to_parquet:
            args = (*args[:2], str(self.elsewhere), args[3])
        return InProcess.Done(fn(*args))


def test_a_document_that_breaks_the_coder_is_skipped_and_its_chunk_kept(coder, tmp_path,
                                                                         monkeypatch):
    src = write_input(tmp_path / "in.jsonl", ARTICLES)
    real = coder.code_document

    def breaks_on_d3(doc):
        if doc.id == "d3":
            raise ValueError("bad parse")
        return real(doc)

    def no_stream(docs, batch_size=None):
        raise ValueError("one document broke the batch")

    monkeypatch.setattr(coder, "code_document", breaks_on_d3)
    monkeypatch.setattr(coder, "code_stream", no_stream)
    parts = tmp_path / "parts"
    summary = code_paths([src], db=tmp_path / "x.duckdb", coder=coder, keep_events=True,
                         executor=PartitionExecutor(HereClient(), parts))
    assert summary.documents == 3 and summary.skipped == 1
    assert "bad parse" in summary.skipped_items[0].reason
    assert {e.doc_id for e in summary.run_events} <= {"d1", "d2", "d4"}
    assert rows(tmp_path / "x.duckdb", "SELECT doc_id FROM documents ORDER BY doc_id") == \
        [("d1",), ("d2",), ("d4",)]
    assert stored_events(tmp_path / "x.duckdb") == duckdb.sql(
        f"SELECT {', '.join(EVENT_FIELDS)} FROM read_parquet('{parts}/*.parquet') ORDER BY id"
    ).fetchall()
    assert [p.name for p in parts.iterdir() if not p.name.startswith("part-")] == []


def test_partitions_out_of_reach_say_so(coder, tmp_path):
    src = write_input(tmp_path / "in.jsonl", ARTICLES)
    executor = PartitionExecutor(HereClient(elsewhere=tmp_path / "worker"), tmp_path / "parts")
    with pytest.raises(FileNotFoundError, match="shared by the workers"):
        code_paths([src], db=tmp_path / "x.duckdb", coder=coder, executor=executor)
