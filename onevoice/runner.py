"""A coding run: read inputs, code them on every core, store the events in batches.

The library function under `onevoice code`. Documents stream from the readers in chunks to
worker processes (each loads the model once) and come back in input order; the parent alone
writes to DuckDB, in batches, so an interrupted run keeps everything up to its last batch.
Re-coding a document replaces its rows; a resumed run skips documents already coded from the
same text by the same coder and lexicons.

Before a document goes to a worker, the parent checks its fingerprint (`dedup`) against the
stories seen so far, in this run or stored in the database by an earlier one (the index is
rebuilt from the stored fingerprints when the run starts). A copy of one of them (the same wire
story from another outlet, an exact or near duplicate) is not coded: it is recorded in the
`duplicates` table against its original, in the same batch as the documents before it, and
counts towards the original's NumArticles and NumSources. `dedup=False` codes every copy.
"""
from __future__ import annotations

import os
import pickle
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .dedup import Duplicate, DuplicateIndex, Fingerprint, story_fingerprint
from .documents import Document, Skipped, read_paths
from .schema import EVENT_FIELDS, Event

CHUNK = 32         # documents per task: enough for spaCy to batch, small enough to balance
IN_FLIGHT = 3      # tasks queued per worker: keeps workers busy, bounds memory


@dataclass
class RunSummary:
    documents: int = 0
    sentences: int = 0
    events: int = 0
    skipped: int = 0
    unchanged: int = 0
    unchanged_ids: list[str] = field(default_factory=list)
    duplicates: int = 0        # copies of a story seen before, found now and not coded
    original_ids: list[str] = field(default_factory=list)  # stories that copies met repeat
    seconds: float = 0.0
    skipped_items: list[Skipped] = field(default_factory=list)
    run_events: list[Event] = field(default_factory=list)

    def line(self) -> str:
        rate = self.sentences / self.seconds if self.seconds else 0.0
        copies = f", {self.duplicates} copies of earlier stories" if self.duplicates else ""
        kept = f", {self.unchanged} unchanged (already coded)" if self.unchanged else ""
        return (f"{self.documents} documents, {self.sentences} sentences, {self.events} events, "
                f"{self.skipped} skipped{copies}{kept}, {self.seconds:.1f} s "
                f"({rate:.0f} sentences/s)")


# -- worker side: one Coder per process, built from the pickled settings on first use -------

_coders: dict[bytes, object] = {}


def load_coder(key: bytes):
    """The Coder for these pickled settings, loaded once per process (workers keep it)."""
    coder = _coders.get(key)
    if coder is None:
        coder = _coders[key] = pickle.loads(key)
    return coder


def code_chunk(key: bytes, docs: list[Document]) -> list[tuple[int, list[Event]] | str]:
    """(sentence count, events) per document, or an error message for a document that broke
    the coder: one bad document must not lose the rest of its chunk."""
    coder = load_coder(key)
    try:
        return [(c.n_sentences, c.events) for c in coder.code_stream(docs, batch_size=len(docs))]
    except Exception:
        out: list[tuple[int, list[Event]] | str] = []
        for doc in docs:
            try:
                coded = coder.code_document(doc)
                out.append((coded.n_sentences, coded.events))
            except Exception as exc:
                out.append(f"coding failed: {exc!r}")
        return out


class InProcess:
    """The executor interface (submit -> object with .result()) without other processes."""

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    def submit(self, fn, *args):
        return self.Done(fn(*args))


def process_pool(workers: int, key: bytes):
    """Worker processes started fresh ('spawn': safe with threads, same on every OS), each
    loading the model once before its first task."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=start_worker, initargs=(key,))


def start_worker(key: bytes) -> None:
    """A worker process loads its coder, then puts everything loaded out of the cyclic garbage
    collector's reach (`gc.freeze`): the model and lexicons live as long as the worker, and
    every full collection would walk them again (a third of the collector's time, about 1% of
    a worker's)."""
    import gc

    load_coder(key)
    gc.freeze()


# -- parent side ---------------------------------------------------------------------------

def code_paths(paths: Iterable[str | Path], db: str | Path = "onevoice.duckdb",
               out: str | Path | None = None, date: str | None = None, coder=None,
               batch_size: int = 200, keep_events: bool = False,
               on_skip: Callable[[Skipped], None] | None = None, workers: int = 1,
               resume: bool = True, progress=None, executor=None,
               chunk_size: int = CHUNK, dedup: bool = True) -> RunSummary:
    """Code every document under `paths` into the DuckDB file `db` (and `out`, if given).

    `workers` > 1 codes on that many processes (a small input stays in this one);
    `executor` (anything with `submit`, e.g. a dask Client) replaces them. `progress` gets
    `update(summary)` after every chunk. With `dedup` (the default) a copy of a story already
    seen is recorded, not coded; `out` and `run_events` then hold each story's events once.
    """
    from .coder import Coder
    from .store import Store, write_events_file

    coder = coder or Coder()
    key = pickle.dumps(coder)
    _coders[key] = coder  # coding in this process uses this very Coder
    summary = RunSummary()
    started = time.perf_counter()
    keep = keep_events or out is not None
    with Store(db) as store:
        known = _up_to_date(store, coder) if resume else {}
        stories = _Stories(store, dedup, resume)
        run_id = store.start_run(coder.version)
        writer = _Writer(store, coder, batch_size)
        items = read_paths(paths, default_date=date)
        pool = None
        if executor is None and workers > 1:
            head = list(islice(items, chunk_size * workers))
            items = chain(head, items)
            if len(head) == chunk_size * workers:  # enough work to pay for starting workers
                pool = executor = process_pool(workers, key)
        executor = executor or InProcess()
        in_flight = max(1, workers) * IN_FLIGHT
        pending: deque = deque()
        try:
            for batch in _chunks(items, chunk_size, known, summary, stories):
                for skip in batch.skips:
                    _skipped(summary, writer, skip, on_skip)
                writer.fingerprints.update(batch.backfill)
                if batch.docs:
                    pending.append((batch, executor.submit(code_chunk, key, batch.docs)))
                elif batch.copies:
                    pending.append((batch, InProcess.Done([])))
                while len(pending) >= in_flight:
                    _collect(pending.popleft(), summary, writer, keep, on_skip)
                if progress is not None:
                    progress.update(summary)
            while pending:
                _collect(pending.popleft(), summary, writer, keep, on_skip)
                if progress is not None:
                    progress.update(summary)
        finally:
            writer.flush()
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            _coders.pop(key, None)
        if keep:  # stories this run read but did not code: unchanged ones and copies' originals
            stored = [i for i in dict.fromkeys(summary.unchanged_ids + summary.original_ids)
                      if i not in writer.coded]
            if stored:
                summary.run_events.extend(_stored_events(store, stored))
        counts = store.story_counts({e.doc_id for e in summary.run_events}) if out else None
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, summary.documents, summary.sentences, summary.events,
                         summary.skipped, summary.duplicates)
    if out is not None:
        write_events_file(summary.run_events, out, counts=counts)
    return summary


def _stored_events(store, doc_ids: list[str]) -> list[Event]:
    """Events of documents a resumed run left unchanged, so --out and --show still hold them."""
    marks = ",".join("?" * len(doc_ids))
    frame = store.events_frame(where=f"doc_id IN ({marks})", params=list(doc_ids))[EVENT_FIELDS]
    frame = frame.astype(object).where(frame.notna(), None)
    out = []
    for row in frame.to_dict("records"):
        for key in ("date", "doc_date"):
            if row.get(key) is not None:
                row[key] = str(row[key])[:10]
        out.append(Event(**row))
    return out


class _Stories:
    """The parent's view of the stories seen so far: which incoming document copies one.

    The index starts with the fingerprints of the documents stored by earlier runs, in the
    order they were stored; copies recorded by earlier runs are known by text hash, so a
    re-run finds them unchanged without fingerprinting them again.
    """

    def __init__(self, store, dedup: bool, resume: bool):
        self.dedup = dedup
        self.index = DuplicateIndex()
        self.copies: dict[str, tuple[str | None, str]] = {}
        self.unprinted: set[str] = set()   # stored documents without a fingerprint
        if not dedup:
            return
        if resume:
            self.copies = store.copy_hashes()
        for doc_id, blob in store.fingerprints():
            if blob is None:
                self.unprinted.add(doc_id)
            else:
                self.index.add(doc_id, Fingerprint.from_bytes(blob))


@dataclass
class _Batch:
    """What the parent makes of a chunk of input, in input order."""

    docs: list[Document] = field(default_factory=list)          # to code
    fingerprints: dict[str, bytes | None] = field(default_factory=dict)  # of docs
    copies: list[tuple[Document, Duplicate]] = field(default_factory=list)
    skips: list[Skipped] = field(default_factory=list)
    backfill: dict[str, bytes] = field(default_factory=dict)    # unchanged docs' fingerprints

    def full(self, size: int) -> bool:
        return len(self.docs) >= size or len(self.skips) >= size or len(self.copies) >= size


def _chunks(items: Iterator[Document | Skipped], size: int, known: dict[str, str],
            summary: RunSummary, stories: _Stories) -> Iterator[_Batch]:
    """Chunks of documents to code, with the unreadable records and the copies met on the way;
    documents already coded from the same text, and copies already recorded from the same
    text, are counted as unchanged and left out."""
    from .store import text_hash

    batch = _Batch()
    for item in items:
        if isinstance(item, Skipped):
            batch.skips.append(item)
        else:
            _place(item, text_hash(item) if known or stories.copies else None, known, summary,
                   stories, batch)
        if batch.full(size):
            yield batch
            batch = _Batch()
    if batch.docs or batch.skips or batch.copies or batch.backfill:
        yield batch


def _place(doc: Document, digest: str | None, known: dict[str, str], summary: RunSummary,
           stories: _Stories, batch: _Batch) -> None:
    """Count `doc` as unchanged, record it as a copy, or put it in the batch to code."""
    if digest is not None and known.get(doc.id) == digest:
        summary.unchanged += 1
        summary.unchanged_ids.append(doc.id)
        if doc.id in stories.unprinted:  # stored before fingerprints were: index it now
            stories.unprinted.discard(doc.id)
            fp = story_fingerprint(doc.text)
            if fp is not None:
                stories.index.add(doc.id, fp)
                batch.backfill[doc.id] = fp.to_bytes()
        return
    copy = stories.copies.get(doc.id)
    if digest is not None and copy is not None and copy[0] == digest:
        summary.unchanged += 1
        summary.original_ids.append(copy[1])
        return
    fp = story_fingerprint(doc.text)
    found = stories.index.add(doc.id, fp) if stories.dedup and fp is not None else None
    if found is not None:
        summary.duplicates += 1
        summary.original_ids.append(found.of)
        batch.copies.append((doc, found))
    else:
        batch.docs.append(doc)
        batch.fingerprints[doc.id] = fp.to_bytes() if fp is not None else None


def _collect(entry, summary: RunSummary, writer: "_Writer", keep: bool, on_skip) -> None:
    batch, future = entry
    for doc, result in zip(batch.docs, future.result()):
        if isinstance(result, str):
            writer.failed.add(doc.id)
            _skipped(summary, writer, Skipped(doc.path or doc.id, doc.line, result), on_skip)
            continue
        n_sentences, events = result
        summary.documents += 1
        summary.sentences += n_sentences
        summary.events += len(events)
        writer.add(doc, n_sentences, events, batch.fingerprints.get(doc.id))
        if keep:
            summary.run_events.extend(events)
    for doc, found in batch.copies:  # after the documents they copy: same batch or a later one
        if found.of in writer.failed:
            summary.duplicates -= 1
            _skipped(summary, writer, Skipped(doc.path or doc.id, doc.line,
                                              f"copy of {found.of}, which could not be coded"),
                     on_skip)
        else:
            writer.add_copy(doc, found)


def _skipped(summary: RunSummary, writer: "_Writer", item: Skipped, on_skip) -> None:
    summary.skipped += 1
    summary.skipped_items.append(item)
    writer.skipped.append(item)
    if on_skip:
        on_skip(item)


class _Writer:
    """Batches for the store: documents with their events and the copies found among them,
    written together."""

    def __init__(self, store, coder, batch_size: int):
        self.store, self.coder, self.batch_size = store, coder, batch_size
        self.docs: list[tuple[Document, int]] = []
        self.events: list[Event] = []
        self.copies: list[tuple[Document, Duplicate]] = []
        self.fingerprints: dict[str, bytes | None] = {}
        self.skipped: list[Skipped] = []
        self.coded: set[str] = set()     # doc ids coded in this run
        self.failed: set[str] = set()    # doc ids the coder failed on in this run

    def add(self, doc: Document, n_sentences: int, events: list[Event],
            fingerprint: bytes | None = None) -> None:
        self.docs.append((doc, n_sentences))
        self.events.extend(events)
        self.fingerprints[doc.id] = fingerprint
        self.coded.add(doc.id)
        self._flush_when_full()

    def add_copy(self, doc: Document, found: Duplicate) -> None:
        self.copies.append((doc, found))
        self._flush_when_full()

    def _flush_when_full(self) -> None:
        if len(self.docs) + len(self.copies) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.docs or self.copies or any(v is not None for v in self.fingerprints.values()):
            self.store.write_batch(self.docs, self.events, self.coder.version,
                                   self.coder.lexicon_version, copies=self.copies,
                                   fingerprints=self.fingerprints)
        if self.skipped:
            self.store.write_skipped(self.skipped)
        self.docs, self.events, self.copies, self.skipped = [], [], [], []
        self.fingerprints = {}


def _up_to_date(store, coder) -> dict[str, str]:
    """doc_id -> text hash of stored documents coded by this coder and lexicon version."""
    hashes = store.coded_hashes()
    if not hashes:
        return {}
    stale = {r[0] for r in store.con.execute(
        "SELECT doc_id FROM documents WHERE coder_version IS DISTINCT FROM ? "
        "UNION SELECT doc_id FROM events WHERE lexicon_version IS DISTINCT FROM ?",
        [coder.version, coder.lexicon_version]).fetchall()}
    return {doc_id: h for doc_id, h in hashes.items() if h and doc_id not in stale}


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def print_skip(item: Skipped) -> None:
    where = f"{item.path}:{item.line}" if item.line else str(item.path)
    print(f"skipped {where}: {item.reason}", file=sys.stderr)
