"""The same coding run on a dask.distributed cluster: a LocalCluster on this machine, or any
running scheduler by address (SLURM via dask-jobqueue, Kubernetes via dask-kubernetes).

Documents stream from here in chunks; each worker loads the model once and codes its chunks;
results come back in input order and are written to the store here, as in a local run, so a
cluster run gives the same events as `code_paths` on one machine.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Iterable

from .runner import RunSummary, code_paths, default_workers, load_coder


class ClusterExecutor:
    """A dask Client behind the `submit` the runner uses; tasks are never deduplicated."""

    def __init__(self, client):
        self.client = client

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)


def code_on_cluster(paths: Iterable[str | Path], cluster: str = "local", workers: int | None = None,
                    coder=None, **options) -> RunSummary:
    """Code `paths` on dask: cluster="local" starts a LocalCluster of `workers` processes
    (one thread each: spaCy is not faster with more); "tcp://HOST:PORT" joins a scheduler."""
    from distributed import Client, LocalCluster

    if cluster == "local":
        with LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                          processes=True, dashboard_address=None) as local, Client(local) as client:
            return _run(client, paths, coder, options)
    with Client(cluster) as client:
        return _run(client, paths, coder, options)


def _run(client, paths, coder, options) -> RunSummary:
    from .coder import Coder

    coder = coder or Coder()
    client.run(load_coder, pickle.dumps(coder))  # every worker loads the model now, once
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    return code_paths(paths, coder=coder, executor=ClusterExecutor(client), workers=n_workers,
                      **options)
