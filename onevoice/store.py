"""The embedded DuckDB store: coded documents, their events, skipped records and runs.

A document is written together with all its events in one transaction, and re-writing it
replaces what was there, so an interrupted run can resume and re-coding never duplicates.
"""
from __future__ import annotations

import csv
import hashlib
import json
import uuid
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from onevoice.documents import Document, Skipped
from onevoice.schema import EVENT_FIELDS, Event

_INT_FIELDS = {"sentence_index", "source_start", "source_end", "target_start", "target_end",
               "trigger_start", "trigger_end"}
_DATE_FIELDS = {"date", "doc_date"}
_FLOAT_FIELDS = {"goldstein", "confidence"}


def _sql_type(name: str) -> str:
    if name in _DATE_FIELDS:
        return "DATE"
    if name in _INT_FIELDS:
        return "INTEGER"
    if name == "quad_class":
        return "TINYINT"
    if name in _FLOAT_FIELDS:
        return "DOUBLE"
    return "VARCHAR"


def _arrow_type(name: str) -> pa.DataType:
    return {"DATE": pa.date32(), "INTEGER": pa.int32(), "TINYINT": pa.int8(),
            "DOUBLE": pa.float64(), "VARCHAR": pa.string()}[_sql_type(name)]


# The one column layout of every export, whether it comes from the store or from memory.
EVENT_SCHEMA = pa.schema([(name, _arrow_type(name)) for name in EVENT_FIELDS])

_EVENT_COLUMNS = ",\n    ".join(
    f"{name} {_sql_type(name)}{' PRIMARY KEY' if name == 'id' else ''}" for name in EVENT_FIELDS)

SCHEMA_SQL = f"""
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    date DATE,
    url VARCHAR,
    source VARCHAR,
    path VARCHAR,
    n_sentences INTEGER,
    n_events INTEGER,
    coded_at TIMESTAMP,
    coder_version VARCHAR,
    text_hash VARCHAR
);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS text_hash VARCHAR;
CREATE TABLE IF NOT EXISTS events (
    {_EVENT_COLUMNS},
    coder_version VARCHAR,
    lexicon_version VARCHAR
);
CREATE TABLE IF NOT EXISTS skipped (
    path VARCHAR,
    line INTEGER,
    reason VARCHAR,
    seen_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    n_documents BIGINT,
    n_sentences BIGINT,
    n_events BIGINT,
    n_skipped BIGINT,
    coder_version VARCHAR
);
""" + "".join(f"CREATE INDEX IF NOT EXISTS events_{c}_idx ON events({c});\n"
              for c in ("date", "source", "target", "code", "root", "quad_class", "doc_id"))

_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet",
            ".pq": "parquet"}


class StoreLockedError(RuntimeError):
    """The database file is held by another process; DuckDB allows only one writer."""


def text_hash(doc: Document) -> str:
    """sha1 of title and text: a resumed run re-codes a document only when this changes."""
    return hashlib.sha1(f"{doc.title or ''}\x1f{doc.text or ''}".encode("utf-8")).hexdigest()


def _dates(values: list[str | None]) -> pa.Array:
    """ISO strings to date32, so a malformed date fails loudly instead of being stored as text."""
    return pa.array(values, pa.string()).cast(pa.date32())


def events_table(events: Iterable[Event]) -> pa.Table:
    """Events as an Arrow table with EVENT_SCHEMA columns."""
    rows = [e.to_dict() for e in events]
    cols = {}
    for name in EVENT_FIELDS:
        values = [r[name] for r in rows]
        cols[name] = _dates(values) if name in _DATE_FIELDS else pa.array(values, _arrow_type(name))
    return pa.table(cols, schema=EVENT_SCHEMA)


def _format(path: Path, fmt: str | None) -> str:
    if fmt:
        fmt = fmt.lower().lstrip(".")
        if fmt not in ("jsonl", "csv", "parquet"):
            raise ValueError(f"unknown export format {fmt!r}: use jsonl, csv or parquet")
        return fmt
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"cannot tell the format of {path}: use a .jsonl, .csv or .parquet "
                         "name, or pass fmt") from None


def _json_value(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (date, datetime)) else v


def _write(batches: Iterable[pa.RecordBatch], path: str | Path, fmt: str | None) -> int:
    """Write EVENT_SCHEMA batches batch by batch, so a large export never sits in memory."""
    path = Path(path)
    fmt = _format(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    if fmt == "parquet":
        with pq.ParquetWriter(path, EVENT_SCHEMA) as writer:
            for batch in batches:
                writer.write_batch(batch.cast(EVENT_SCHEMA))
                n += batch.num_rows
        return n
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f) if fmt == "csv" else None
        if writer:
            writer.writerow(EVENT_FIELDS)
        for batch in batches:
            for row in batch.to_pylist():
                if writer:
                    writer.writerow(["" if row[k] is None else _json_value(row[k])
                                     for k in EVENT_FIELDS])
                else:
                    f.write(json.dumps({k: _json_value(row[k]) for k in EVENT_FIELDS},
                                       ensure_ascii=False) + "\n")
            n += batch.num_rows
    return n


def write_events_file(events: list[Event], path: str | Path, fmt: str | None = None) -> int:
    """Write events straight from memory in the same formats as Store.export_events."""
    return _write(events_table(events).to_batches(), path, fmt)


class Store:
    """One DuckDB file holding everything onevoice has coded."""

    def __init__(self, path: str | Path = "onevoice.duckdb", read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        in_memory = self.path == ":memory:"
        if read_only and not in_memory and not Path(self.path).exists():
            raise FileNotFoundError(f"no onevoice database at {self.path}: code some documents "
                                    "into it first")
        if not in_memory:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as e:
            if "lock" not in str(e).lower():
                raise
            raise StoreLockedError(
                f"{self.path} is in use by another onevoice process (DuckDB allows one writer "
                f"at a time); wait for it to finish or use another database file. ({e})") from e
        if not read_only:
            self.con.execute(SCHEMA_SQL)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _check_writable(self) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path} was opened read-only")

    def _insert(self, table: str, data: pa.Table) -> None:
        self.con.register("_onevoice_in", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _onevoice_in")
        finally:
            self.con.unregister("_onevoice_in")

    def write_batch(self, docs: list[tuple[Document, int]], events: list[Event],
                    coder_version: str, lexicon_version: str) -> None:
        """Replace these documents and their events in one transaction: all or nothing."""
        self._check_writable()
        seen: set[str] = set()
        unique_events = []
        for e in events:
            if e.id not in seen:
                seen.add(e.id)
                unique_events.append(e)
        unique_docs: dict[str, tuple[Document, int]] = {}
        for doc, n_sentences in docs:
            unique_docs.setdefault(doc.id, (doc, n_sentences))
        doc_ids = sorted(set(unique_docs) | {e.doc_id for e in unique_events})
        n_events = Counter(e.doc_id for e in unique_events)
        now = datetime.now()

        ev = events_table(unique_events)
        ev = ev.append_column("coder_version", pa.array([coder_version] * ev.num_rows, pa.string()))
        ev = ev.append_column("lexicon_version",
                              pa.array([lexicon_version] * ev.num_rows, pa.string()))
        ds = [d for d, _ in unique_docs.values()]
        dt = pa.table({
            "doc_id": pa.array([d.id for d in ds], pa.string()),
            "title": pa.array([d.title for d in ds], pa.string()),
            "date": _dates([d.date for d in ds]),
            "url": pa.array([d.url for d in ds], pa.string()),
            "source": pa.array([d.source for d in ds], pa.string()),
            "path": pa.array([d.path for d in ds], pa.string()),
            "n_sentences": pa.array([n for _, n in unique_docs.values()], pa.int32()),
            "n_events": pa.array([n_events[d.id] for d in ds], pa.int32()),
            "coded_at": pa.array([now] * len(ds), pa.timestamp("us")),
            "coder_version": pa.array([coder_version] * len(ds), pa.string()),
            "text_hash": pa.array([text_hash(d) for d in ds], pa.string()),
        })
        ids = pa.table({"doc_id": pa.array(doc_ids, pa.string())})
        event_ids = pa.table({"id": pa.array(sorted(seen), pa.string())})

        self.con.begin()
        try:
            self.con.register("_onevoice_ids", ids)
            self.con.register("_onevoice_event_ids", event_ids)
            self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM _onevoice_ids)"
                             " OR id IN (SELECT id FROM _onevoice_event_ids)")
            self.con.execute("DELETE FROM documents WHERE doc_id IN "
                             "(SELECT doc_id FROM _onevoice_ids)")
            self._insert("documents", dt)
            self._insert("events", ev)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        finally:
            self.con.unregister("_onevoice_ids")
            self.con.unregister("_onevoice_event_ids")

    def write_skipped(self, items: list[Skipped]) -> None:
        """Keep a record of what could not be read, so it can be found and fixed later."""
        self._check_writable()
        if not items:
            return
        now = datetime.now()
        self._insert("skipped", pa.table({
            "path": pa.array([s.path for s in items], pa.string()),
            "line": pa.array([s.line for s in items], pa.int32()),
            "reason": pa.array([s.reason for s in items], pa.string()),
            "seen_at": pa.array([now] * len(items), pa.timestamp("us")),
        }))

    def start_run(self, coder_version: str | None = None) -> str:
        """Record that a run began; returns its id for finish_run."""
        self._check_writable()
        run_id = uuid.uuid4().hex
        self.con.execute("INSERT INTO runs (run_id, started_at, coder_version) VALUES (?, ?, ?)",
                         [run_id, datetime.now(), coder_version])
        return run_id

    def finish_run(self, run_id: str, n_documents: int = 0, n_sentences: int = 0,
                   n_events: int = 0, n_skipped: int = 0) -> None:
        """Record the run's totals; a run with no finished_at was interrupted."""
        self._check_writable()
        self.con.execute(
            "UPDATE runs SET finished_at = ?, n_documents = ?, n_sentences = ?, n_events = ?, "
            "n_skipped = ? WHERE run_id = ?",
            [datetime.now(), n_documents, n_sentences, n_events, n_skipped, run_id])

    def coded_doc_ids(self) -> set[str]:
        """Documents already stored, which a resumed run can skip."""
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def coded_hashes(self) -> dict[str, str | None]:
        """doc_id -> text_hash of every stored document, so a run can skip unchanged ones."""
        return dict(self.con.execute("SELECT doc_id, text_hash FROM documents").fetchall())

    def _events_query(self, where: str | None, params: list | None, limit: int | None):
        sql = f"SELECT {', '.join(EVENT_FIELDS)} FROM events"
        if where:
            sql += f" WHERE {where}"
        sql += " ORDER BY doc_id, sentence_index, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.con.sql(sql, params=params or None)

    def events_frame(self, where: str | None = None, params: list | None = None,
                     limit: int | None = None):
        """Events as a pandas DataFrame in EVENT_FIELDS order; `where` is a SQL condition."""
        return self._events_query(where, params, limit).df()

    def events_arrow(self, where: str | None = None, params: list | None = None,
                     limit: int | None = None) -> pa.Table:
        """Events as an Arrow table with EVENT_SCHEMA."""
        return self._events_query(where, params, limit).to_arrow_table().cast(EVENT_SCHEMA)

    def export_events(self, path: str | Path, fmt: str | None = None, where: str | None = None,
                      params: list | None = None) -> int:
        """Write events to jsonl, csv or parquet (by extension or fmt); returns rows written."""
        reader = self._events_query(where, params, None).to_arrow_reader(batch_size=50_000)
        return _write(reader, path, fmt)
