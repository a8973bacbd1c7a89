"""The embedded DuckDB store: coded documents, their events, copies, skipped records and runs.

A document is written together with all its events in one transaction, and re-writing it
replaces what was there, so an interrupted run can resume and re-coding never duplicates.

A copy of a story already stored (the same wire story from another outlet, see `dedup`) is not
coded: it is a row of `duplicates` naming its original, written in the same transaction as
the documents of its batch. A doc id is in `documents` or in `duplicates`, never in both.
Every event read from the store carries its story's counts (COUNT_FIELDS, GDELT's
NumMentions, NumSources and NumArticles), computed when read by joining `duplicates`, so they
are always those of the copies stored so far, however many runs found them.
"""
from __future__ import annotations

import csv
import hashlib
import json
import uuid
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from onevoice.dedup import Duplicate
from onevoice.documents import Document, Skipped
from onevoice.schema import EVENT_FIELDS, Event

_INT_FIELDS = {"sentence_index", "source_start", "source_end", "target_start", "target_end",
               "trigger_start", "trigger_end"}
_DATE_FIELDS = {"date", "doc_date"}
_FLOAT_FIELDS = {"goldstein", "confidence"}

# A story's counts, on every event read from the store (see `Store.story_counts`).
COUNT_FIELDS = ["num_mentions", "num_sources", "num_articles"]


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


# The event record as stored in `events`.
EVENT_SCHEMA = pa.schema([(name, _arrow_type(name)) for name in EVENT_FIELDS])
# The one column layout of every export, whether it comes from the store or from memory: the
# event record, then its story's counts.
EXPORT_FIELDS = EVENT_FIELDS + COUNT_FIELDS
EXPORT_SCHEMA = pa.schema(list(EVENT_SCHEMA) + [(name, pa.int32()) for name in COUNT_FIELDS])

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
    text_hash VARCHAR,
    fingerprint BLOB
);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS text_hash VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS fingerprint BLOB;
CREATE TABLE IF NOT EXISTS duplicates (
    doc_id VARCHAR PRIMARY KEY,
    of_doc_id VARCHAR,
    similarity DOUBLE,
    exact BOOLEAN,
    title VARCHAR,
    date DATE,
    url VARCHAR,
    source VARCHAR,
    path VARCHAR,
    line INTEGER,
    text_hash VARCHAR,
    found_at TIMESTAMP
);
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
    coder_version VARCHAR,
    n_duplicates BIGINT
);
ALTER TABLE runs ADD COLUMN IF NOT EXISTS n_duplicates BIGINT;
""" + "".join(f"CREATE INDEX IF NOT EXISTS events_{c}_idx ON events({c});\n"
              for c in ("date", "source", "target", "code", "root", "quad_class", "doc_id"))


# The outlet of a document or copy, for NumSources: its `source` (outlet or corpus name), else
# the host of its URL without "www.", else '' (every article of unknown outlet counts as one).
def _outlet(t: str) -> str:
    return (f"coalesce(nullif(lower(trim({t}.source)), ''), nullif(regexp_extract(lower({t}.url), "
            f"'^[a-z][a-z0-9+.-]*://(?:www\\.)?([^/:?#]+)', 1), ''), '')")


# One row per story that has copies: its original's doc id and its counts.
STORIES_SQL = f"""
SELECT story, count(*)::INTEGER AS n_articles, count(DISTINCT outlet)::INTEGER AS n_sources
FROM (SELECT d.doc_id AS story, {_outlet('d')} AS outlet FROM documents d
      WHERE d.doc_id IN (SELECT of_doc_id FROM duplicates)
      UNION ALL
      SELECT x.of_doc_id, {_outlet('x')} FROM duplicates x)
GROUP BY story"""

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


def events_from_table(table: pa.Table) -> list[Event]:
    """The Events of an EVENT_SCHEMA table (the inverse of `events_table`), e.g. read back
    from a Parquet partition of a cluster run."""
    table = table.select(EVENT_FIELDS).cast(EVENT_SCHEMA)
    out = []
    for row in table.to_pylist():
        for name in _DATE_FIELDS:
            if row[name] is not None:
                row[name] = row[name].isoformat()
        out.append(Event(**row))
    return out


def with_counts(table: pa.Table, counts: dict[str, tuple[int, int, int]] | None = None) -> pa.Table:
    """An EVENT_SCHEMA table with its stories' COUNT_FIELDS (1, 1, 1 for a story without
    copies): `counts` maps an original's doc id to (mentions, sources, articles)."""
    counts = counts or {}
    per_row = [counts.get(d, (1, 1, 1)) for d in table.column("doc_id").to_pylist()]
    for i, name in enumerate(COUNT_FIELDS):
        table = table.append_column(name, pa.array([c[i] for c in per_row], pa.int32()))
    return table.cast(EXPORT_SCHEMA)


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
    """Write EXPORT_SCHEMA batches batch by batch, so a large export never sits in memory."""
    path = Path(path)
    fmt = _format(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    if fmt == "parquet":
        with pq.ParquetWriter(path, EXPORT_SCHEMA) as writer:
            for batch in batches:
                writer.write_batch(batch.cast(EXPORT_SCHEMA))
                n += batch.num_rows
        return n
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f) if fmt == "csv" else None
        if writer:
            writer.writerow(EXPORT_FIELDS)
        for batch in batches:
            for row in batch.to_pylist():
                if writer:
                    writer.writerow(["" if row[k] is None else _json_value(row[k])
                                     for k in EXPORT_FIELDS])
                else:
                    f.write(json.dumps({k: _json_value(row[k]) for k in EXPORT_FIELDS},
                                       ensure_ascii=False) + "\n")
            n += batch.num_rows
    return n


def write_events_file(events: list[Event], path: str | Path, fmt: str | None = None,
                      counts: dict[str, tuple[int, int, int]] | None = None) -> int:
    """Write events straight from memory in the same formats and columns as
    Store.export_events; `counts` as `Store.story_counts` gives them (else 1, 1, 1)."""
    return _write(with_counts(events_table(events), counts).to_batches(), path, fmt)


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
        # a file written before copies were recorded, opened read-only, has no such table
        self._has_duplicates = bool(self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'duplicates' "
            "AND database_name = current_database() AND schema_name = current_schema()"
        ).fetchall()[0][0])

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
                    coder_version: str, lexicon_version: str,
                    copies: list[tuple[Document, Duplicate]] = (),
                    fingerprints: dict[str, bytes | None] | None = None) -> None:
        """Replace these documents and their events, and record these copies, in one
        transaction: all or nothing.

        `copies` pairs a document that was not coded with the original it repeats; a copy
        replaces whatever its doc id held before (a document coded earlier loses its events;
        copies recorded against it now point to its original). `fingerprints` holds
        `dedup.Fingerprint.to_bytes()` of the documents written here, and of documents stored
        earlier without one.
        """
        self._check_writable()
        fingerprints = fingerprints or {}
        seen: set[str] = set()
        unique_events = []
        for e in events:
            if e.id not in seen:
                seen.add(e.id)
                unique_events.append(e)
        unique_docs: dict[str, tuple[Document, int]] = {}
        for doc, n_sentences in docs:
            unique_docs.setdefault(doc.id, (doc, n_sentences))
        unique_copies: dict[str, tuple[Document, Duplicate]] = {}
        for doc, dup in copies:
            if doc.id not in unique_docs:
                unique_copies.setdefault(doc.id, (doc, dup))
        doc_ids = sorted(set(unique_docs) | {e.doc_id for e in unique_events} | set(unique_copies))
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
            "fingerprint": pa.array([fingerprints.get(d.id) for d in ds], pa.binary()),
        })
        cs = [(d, dup) for d, dup in unique_copies.values()]
        ct = pa.table({
            "doc_id": pa.array([d.id for d, _ in cs], pa.string()),
            "of_doc_id": pa.array([dup.of for _, dup in cs], pa.string()),
            "similarity": pa.array([dup.similarity for _, dup in cs], pa.float64()),
            "exact": pa.array([dup.exact for _, dup in cs], pa.bool_()),
            "title": pa.array([d.title for d, _ in cs], pa.string()),
            "date": _dates([d.date for d, _ in cs]),
            "url": pa.array([d.url for d, _ in cs], pa.string()),
            "source": pa.array([d.source for d, _ in cs], pa.string()),
            "path": pa.array([d.path for d, _ in cs], pa.string()),
            "line": pa.array([d.line for d, _ in cs], pa.int32()),
            "text_hash": pa.array([text_hash(d) for d, _ in cs], pa.string()),
            "found_at": pa.array([now] * len(cs), pa.timestamp("us")),
        })
        backfill = {k: v for k, v in fingerprints.items()
                    if v is not None and k not in unique_docs and k not in unique_copies}
        ft = pa.table({"doc_id": pa.array(list(backfill), pa.string()),
                       "fingerprint": pa.array(list(backfill.values()), pa.binary())})
        ids = pa.table({"doc_id": pa.array(doc_ids, pa.string())})
        event_ids = pa.table({"id": pa.array(sorted(seen), pa.string())})

        self.con.begin()
        try:
            self.con.register("_onevoice_ids", ids)
            self.con.register("_onevoice_event_ids", event_ids)
            self.con.register("_onevoice_copies", ct)
            self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM _onevoice_ids)"
                             " OR id IN (SELECT id FROM _onevoice_event_ids)")
            self.con.execute("DELETE FROM documents WHERE doc_id IN "
                             "(SELECT doc_id FROM _onevoice_ids)")
            self.con.execute("DELETE FROM duplicates WHERE doc_id IN "
                             "(SELECT doc_id FROM _onevoice_ids)")
            if cs:  # copies of a document that is now a copy itself: to its original
                self.con.execute("UPDATE duplicates SET of_doc_id = c.of_doc_id "
                                 "FROM _onevoice_copies c WHERE duplicates.of_doc_id = c.doc_id")
            self._insert("documents", dt)
            self._insert("events", ev)
            self._insert("duplicates", ct)
            if backfill:
                self.con.register("_onevoice_fingerprints", ft)
                self.con.execute("UPDATE documents SET fingerprint = f.fingerprint "
                                 "FROM _onevoice_fingerprints f WHERE documents.doc_id = f.doc_id")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        finally:
            for name in ("_onevoice_ids", "_onevoice_event_ids", "_onevoice_copies",
                         "_onevoice_fingerprints"):
                self.con.unregister(name)

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
                   n_events: int = 0, n_skipped: int = 0, n_duplicates: int = 0) -> None:
        """Record the run's totals; a run with no finished_at was interrupted."""
        self._check_writable()
        self.con.execute(
            "UPDATE runs SET finished_at = ?, n_documents = ?, n_sentences = ?, n_events = ?, "
            "n_skipped = ?, n_duplicates = ? WHERE run_id = ?",
            [datetime.now(), n_documents, n_sentences, n_events, n_skipped, n_duplicates, run_id])

    def coded_doc_ids(self) -> set[str]:
        """Documents already stored, which a resumed run can skip."""
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def coded_hashes(self) -> dict[str, str | None]:
        """doc_id -> text_hash of every stored document, so a run can skip unchanged ones."""
        return dict(self.con.execute("SELECT doc_id, text_hash FROM documents").fetchall())

    def copy_hashes(self) -> dict[str, tuple[str | None, str]]:
        """doc_id -> (text_hash, original's doc id) of every recorded copy."""
        if not self._has_duplicates:
            return {}
        rows = self.con.execute("SELECT doc_id, text_hash, of_doc_id FROM duplicates").fetchall()
        return {doc_id: (h, of) for doc_id, h, of in rows}

    def fingerprints(self) -> Iterator[tuple[str, bytes | None]]:
        """(doc_id, fingerprint bytes or None) of every stored document, in the order stored."""
        cur = self.con.cursor()
        try:
            cur.execute("SELECT doc_id, fingerprint FROM documents ORDER BY coded_at, doc_id")
            while rows := cur.fetchmany(10_000):
                for doc_id, fp in rows:
                    yield doc_id, None if fp is None else bytes(fp)
        finally:
            cur.close()

    def story_counts(self, doc_ids: Iterable[str] | None = None) -> dict[str, tuple[int, int, int]]:
        """original's doc id -> (num_mentions, num_sources, num_articles) of each story with
        copies (of those among `doc_ids`, when given); a story without copies is (1, 1, 1).

        num_articles counts the original and its copies; num_sources the distinct outlets among
        them (the document's `source`, else its URL's host; unknown outlets count as one);
        num_mentions equals num_articles, as each article is one mention of its story.
        """
        if not self._has_duplicates:
            return {}
        rows = self.con.execute(STORIES_SQL).fetchall()
        wanted = None if doc_ids is None else set(doc_ids)
        return {story: (n, sources, n) for story, n, sources in rows
                if wanted is None or story in wanted}

    def _events_sql(self, where: str | None, limit: int | None, coded_at: bool = False) -> str:
        """Events in EXPORT_FIELDS (and the document's coded_at), `where` a condition on
        the events table's columns and on COUNT_FIELDS."""
        if self._has_duplicates:
            counts = ("coalesce(s.n_articles, 1) AS num_mentions, coalesce(s.n_sources, 1) AS "
                      "num_sources, coalesce(s.n_articles, 1) AS num_articles")
            joins = f" LEFT JOIN ({STORIES_SQL}) s ON s.story = ev.doc_id"
        else:
            counts = ", ".join(f"1::INTEGER AS {name}" for name in COUNT_FIELDS)
            joins = ""
        columns = EXPORT_FIELDS + (["coded_at"] if coded_at else [])
        if coded_at:
            counts += ", d.coded_at"
            joins += " LEFT JOIN documents d ON d.doc_id = ev.doc_id"
        sql = (f"SELECT {', '.join(columns)} FROM (SELECT ev.*, {counts} FROM events ev{joins})"
               f"{f' WHERE {where}' if where else ''} ORDER BY doc_id, sentence_index, id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return sql

    def _events_query(self, where: str | None, params: list | None, limit: int | None):
        return self.con.sql(self._events_sql(where, limit), params=params or None)

    def events_frame(self, where: str | None = None, params: list | None = None,
                     limit: int | None = None):
        """Events as a pandas DataFrame in EXPORT_FIELDS order (the event record, then its
        story's COUNT_FIELDS); `where` is a SQL condition."""
        return self._events_query(where, params, limit).df()

    def events_arrow(self, where: str | None = None, params: list | None = None,
                     limit: int | None = None) -> pa.Table:
        """Events as an Arrow table with EXPORT_SCHEMA."""
        return self._events_query(where, params, limit).to_arrow_table().cast(EXPORT_SCHEMA)

    def export_events(self, path: str | Path, fmt: str | None = None, where: str | None = None,
                      params: list | None = None) -> int:
        """Write events to jsonl, csv or parquet (by extension or fmt); returns rows written."""
        reader = self._events_query(where, params, None).to_arrow_reader(batch_size=50_000)
        return _write(reader, path, fmt)
