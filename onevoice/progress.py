"""A live progress line for long coding runs, on stderr, only when a person is watching.

Logs, pipes and CI output stay clean: nothing is drawn unless stderr is a terminal.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Iterable

from .documents import _files, _kind


def wanted(quiet: bool = False, stream=None) -> bool:
    """Draw progress only for a person at a terminal who did not ask for quiet."""
    stream = stream or sys.stderr
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


def estimate_total(paths: Iterable[str | Path], limit_bytes: int = 2_000_000_000) -> int | None:
    """Documents to expect, for the ETA: one per txt/html file, one per line of JSONL.
    None when it cannot be told cheaply (CSV, feeds, archives, gzip, very large files)."""
    total = 0
    for p in map(Path, paths):
        files = _files(p) if p.is_dir() else [p] if p.is_file() else []
        for f in files:
            kind = _kind(f)
            if kind not in (".txt", ".html", ".htm", ".jsonl") or f.name.lower().endswith(".gz"):
                return None  # csv rows, feeds and archives hold an unknown number of documents
            if kind == ".jsonl":
                if f.stat().st_size > limit_bytes:
                    return None
                with f.open("rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            else:
                total += 1
    return total


class Progress:
    """Documents/s, sentences/s, events, skipped and ETA, redrawn a few times a second."""

    def __init__(self, total: int | None = None, enabled: bool = True, stream=None):
        self.total = total
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self._bar = None
        self._task = None
        self._started = time.perf_counter()

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, Progress as Bar, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self._bar = Bar(TextColumn("coding"), BarColumn(), TextColumn("{task.fields[counts]}"),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            console=Console(file=self.stream), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("coding", total=self.total, counts="starting")
        self._started = time.perf_counter()
        return self

    def update(self, summary) -> None:
        """Show a RunSummary's counts so far."""
        if self._bar is None:
            return
        seconds = max(time.perf_counter() - self._started, 1e-9)
        done = summary.documents + summary.skipped + summary.unchanged + summary.duplicates
        counts = (f"{done}{'/' + str(self.total) if self.total else ''} docs "
                  f"{summary.documents / seconds:.1f}/s · {summary.sentences / seconds:.0f} sentences/s"
                  f" · {summary.events} events · {summary.skipped} skipped")
        if summary.unchanged:
            counts += f" · {summary.unchanged} unchanged"
        if summary.duplicates:
            counts += f" · {summary.duplicates} copies"
        self._bar.update(self._task, completed=done, counts=counts)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
