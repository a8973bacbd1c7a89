"""The same coding run on a dask.distributed cluster: a LocalCluster on this machine, or any
running scheduler by address (SLURM via dask-jobqueue, Kubernetes via dask-kubernetes).

Documents stream from here in chunks; each worker loads the model once and codes its chunks;
results come back in input order and are written to the store here, as in a local run, so a
cluster run gives the same events as `code_paths` on one machine.

With `partitions=DIR` the events do not travel through dask: each task writes its chunk's
events as one Parquet file under DIR (a directory every worker and this machine can reach)
and returns only counts; this machine reads each partition back, in input order, and merges
it into the store exactly as a local run writes its results. The partitions stay in DIR.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import uuid
from pathlib import Path
from typing import Iterable

from .runner import RunSummary, code_chunk, code_paths, default_workers, load_coder

# What a partition task returns per document: (sentences, events) or the coder's error.
Counts = list[tuple[int, int] | str]


class ClusterExecutor:
    """A dask Client behind the `submit` the runner uses; tasks are never deduplicated."""

    def __init__(self, client):
        self.client = client

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)


class PartitionExecutor(ClusterExecutor):
    """Chunks are coded into Parquet partitions under `directory`; the future the runner
    collects reads each one back, so the runner writes the store as it always does."""

    def __init__(self, client, directory: str | Path):
        super().__init__(client)
        self.directory = Path(directory).resolve()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.sequence = 0

    def submit(self, fn, *args):
        if fn is not code_chunk:
            return super().submit(fn, *args)
        key, docs = args
        name = partition_name(docs, self.sequence)
        self.sequence += 1
        future = super().submit(code_chunk_to_parquet, key, docs, str(self.directory), name)
        return Partition(self.directory, future)


class Partition:
    """A chunk coded into a partition: `result()` gives what `runner.code_chunk` gives,
    its events read from the partition file."""

    def __init__(self, directory: Path, future):
        self.directory, self.future = directory, future

    def result(self) -> list[tuple[int, list] | str]:
        name, counts = self.future.result()
        events = read_partition(self.directory / name) if name else []
        out: list[tuple[int, list] | str] = []
        at = 0
        for item in counts:
            if isinstance(item, str):
                out.append(item)
                continue
            n_sentences, n_events = item
            out.append((n_sentences, events[at:at + n_events]))
            at += n_events
        if at != len(events):
            raise RuntimeError(f"partition {self.directory / name} holds {len(events)} events, "
                               f"its task counted {at}")
        return out


def partition_name(docs, sequence: int) -> str:
    """The file name of a chunk's partition: its place in the run and a hash of its doc ids,
    so coding the same chunk again replaces its file and names sort in input order."""
    digest = hashlib.sha1("\x1f".join(d.id for d in docs).encode("utf-8")).hexdigest()[:16]
    return f"part-{sequence:06d}-{digest}.parquet"


def read_partition(path: Path) -> list:
    """The events of one partition file."""
    import pyarrow.parquet as pq

    from .store import events_from_table

    try:
        table = pq.read_table(path)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"partition {path}, written by a worker, is not visible on this machine: the "
            "partitions directory must be on a filesystem shared by the workers and this "
            "machine, at the same path") from None
    return events_from_table(table)


def code_chunk_to_parquet(key: bytes, docs, directory: str, name: str) -> tuple[str | None, Counts]:
    """On a worker: code `docs`, write their events to `directory/name` (to a temporary name
    first, then renamed, so a killed worker never leaves a file that looks complete) and
    return (name, or None when the chunk has no events; per document (sentences, events) or
    the error)."""
    import pyarrow.parquet as pq

    from .store import events_table

    results = code_chunk(key, docs)
    counts: Counts = [r if isinstance(r, str) else (r[0], len(r[1])) for r in results]
    events = [e for r in results if not isinstance(r, str) for e in r[1]]
    if not events:
        return None, counts
    coder = load_coder(key)
    table = events_table(events).replace_schema_metadata({
        "onevoice.coder_version": str(coder.version),
        "onevoice.lexicon_version": str(coder.lexicon_version)})
    target = Path(directory) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(temporary, "wb") as f:
            pq.write_table(table, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return name, counts


def code_on_cluster(paths: Iterable[str | Path], cluster: str = "local", workers: int | None = None,
                    coder=None, partitions: str | Path | None = None, **options) -> RunSummary:
    """Code `paths` on dask: cluster="local" starts a LocalCluster of `workers` processes
    (one thread each: spaCy is not faster with more); "tcp://HOST:PORT" joins a scheduler.

    With `partitions` (a directory the workers and this machine share), each task writes its
    chunk's events there as a Parquet file and this machine merges the files into the store.
    """
    from distributed import Client, LocalCluster

    if cluster == "local":
        with LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                          processes=True, dashboard_address=None) as local, Client(local) as client:
            return _run(client, paths, coder, partitions, options)
    with Client(cluster) as client:
        return _run(client, paths, coder, partitions, options)


def _run(client, paths, coder, partitions, options) -> RunSummary:
    from .coder import Coder

    coder = coder or Coder()
    client.run(load_coder, pickle.dumps(coder))  # every worker loads the model now, once
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    executor = (PartitionExecutor(client, partitions) if partitions is not None
                else ClusterExecutor(client))
    return code_paths(paths, coder=coder, executor=executor, workers=n_workers, **options)
