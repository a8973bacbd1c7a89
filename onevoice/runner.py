"""A coding run: read inputs, code them, store the events in batches, count what was skipped.

The library function under `onevoice code`. Documents are written to the store in batches, so
an interrupted run keeps everything up to its last batch; re-coding a document replaces its rows.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .documents import Document, Skipped, read_paths
from .schema import Event


@dataclass
class RunSummary:
    documents: int = 0
    sentences: int = 0
    events: int = 0
    skipped: int = 0
    seconds: float = 0.0
    skipped_items: list[Skipped] = field(default_factory=list)
    run_events: list[Event] = field(default_factory=list)

    def line(self) -> str:
        rate = self.sentences / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents, {self.sentences} sentences, {self.events} events, "
                f"{self.skipped} skipped, {self.seconds:.1f} s ({rate:.0f} sentences/s)")


def code_paths(paths: Iterable[str | Path], db: str | Path = "onevoice.duckdb",
               out: str | Path | None = None, date: str | None = None, coder=None,
               batch_size: int = 200, keep_events: bool = False,
               on_skip: Callable[[Skipped], None] | None = None) -> RunSummary:
    """Code every document under `paths` into the DuckDB file `db` (and `out`, if given)."""
    from .coder import Coder
    from .store import Store, write_events_file

    coder = coder or Coder()
    summary = RunSummary()
    started = time.perf_counter()
    keep = keep_events or out is not None
    with Store(db) as store:
        run_id = store.start_run(coder.version)
        batch_docs: list[tuple[Document, int]] = []
        batch_events: list[Event] = []
        batch_skipped: list[Skipped] = []

        def flush() -> None:
            if batch_docs:
                store.write_batch(batch_docs, batch_events, coder.version, coder.lexicon_version)
            if batch_skipped:
                store.write_skipped(batch_skipped)
            batch_docs.clear()
            batch_events.clear()
            batch_skipped.clear()

        for item in read_paths(paths, default_date=date):
            if isinstance(item, Skipped):
                summary.skipped += 1
                summary.skipped_items.append(item)
                batch_skipped.append(item)
                if on_skip:
                    on_skip(item)
                continue
            try:
                coded = coder.code_document(item)
            except Exception as exc:  # a document that breaks the coder must not stop the run
                skip = Skipped(item.path or item.id, item.line, f"coding failed: {exc!r}")
                summary.skipped += 1
                summary.skipped_items.append(skip)
                batch_skipped.append(skip)
                if on_skip:
                    on_skip(skip)
                continue
            summary.documents += 1
            summary.sentences += coded.n_sentences
            summary.events += len(coded.events)
            batch_docs.append((item, coded.n_sentences))
            batch_events.extend(coded.events)
            if keep:
                summary.run_events.extend(coded.events)
            if len(batch_docs) >= batch_size:
                flush()
        flush()
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, summary.documents, summary.sentences, summary.events, summary.skipped)
    if out is not None:
        write_events_file(summary.run_events, out)
    return summary


def print_skip(item: Skipped) -> None:
    where = f"{item.path}:{item.line}" if item.line else str(item.path)
    print(f"skipped {where}: {item.reason}", file=sys.stderr)
