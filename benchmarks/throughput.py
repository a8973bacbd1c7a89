"""End-to-end coding speed: raw JSONL in, events in a DuckDB file out.

Usage: python benchmarks/throughput.py [--limit 3000 | --all] [--workers 1 2] [--runs 3]
                                       [--corpus reuters wikinews] [--no-stages]

For each corpus (a slice of ../shared/corpora/*.jsonl) and worker count, `code_paths` runs in a
fresh process into a temporary database, `--runs` times; the medians of sentences/s and
articles/s, the peak resident memory of each worker process and the 1 -> N scaling are printed
and appended to benchmarks/results/throughput.jsonl. Worker start-up (spawn and model load) is
part of the measured time, as it is for a user. One extra single-process run times each stage
(read, split, match, parse, code, store) so the next bottleneck shows. The machine's load
average is recorded with every run: on a shared machine, other work slows the numbers.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPORA = {"reuters": ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl",
           "wikinews": ROOT.parent / "shared" / "corpora" / "wikinews.jsonl"}
RESULTS = ROOT / "benchmarks" / "results" / "throughput.jsonl"


def make_slice(corpus: Path, limit: int | None, tmp: Path) -> Path:
    out = tmp / f"{corpus.stem}-{limit or 'all'}.jsonl"
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(src, limit))
    return out


def one_run(path: str, workers: int) -> dict:
    """Code `path` once in this (fresh) process and report speed and memory."""
    import resource

    from onevoice.coder import Coder
    from onevoice.runner import code_paths

    coder = Coder()
    with tempfile.TemporaryDirectory() as tmp:
        load = os.getloadavg()[0]
        started, cpu = time.perf_counter(), time.process_time()
        summary = code_paths([path], db=Path(tmp) / "bench.duckdb", coder=coder, workers=workers)
        wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_rss = children.ru_maxrss if workers > 1 else own.ru_maxrss
    return {"seconds": wall, "documents": summary.documents, "sentences": summary.sentences,
            "events": summary.events, "cpu_seconds": (time.process_time() - cpu
                                                      + children.ru_utime + children.ru_stime),
            "peak_rss_mb_worker": worker_rss // 1024, "peak_rss_mb_parent": own.ru_maxrss // 1024,
            "load_before": round(load, 2)}


def run_fresh(path: Path, workers: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", str(path), str(workers)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


class Timer:
    """Seconds spent per stage; generators are timed per item they produce."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def call(self, stage: str, fn):
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(stage, time.perf_counter() - t)
        return timed

    def iterate(self, stage: str, items):
        items = iter(items)
        while True:
            t = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                self.add(stage, time.perf_counter() - t)
                return
            self.add(stage, time.perf_counter() - t)
            yield item


class _TimedPipe:
    """A spaCy pipeline whose pipe() is timed; everything else is the pipeline's."""

    def __init__(self, nlp, timer: Timer, stage: str):
        self._nlp, self._timer, self._stage = nlp, timer, stage

    def pipe(self, texts, **kwargs):
        return self._timer.iterate(self._stage, self._nlp.pipe(texts, **kwargs))

    def __getattr__(self, name):
        return getattr(self._nlp, name)


def stage_costs(path: Path) -> dict[str, float]:
    """One single-process run with every stage timed: share of the run's seconds per stage."""
    from onevoice import runner, store
    from onevoice.coder import Coder

    timer = Timer()
    coder = Coder()
    coder.splitter = _TimedPipe(coder.splitter, timer, "split")
    coder.nlp = _TimedPipe(coder.nlp, timer, "parse")
    coder._segments = timer.call("match (pre-filter)", coder._segments)
    analyse = coder.resolver.analyse
    coder.resolver.analyse = timer.call("match (actors)", analyse)
    code_run = coder._code_run

    def timed_run(*args):
        before = timer.seconds.get("match (actors)", 0.0)
        t = time.perf_counter()
        try:
            return code_run(*args)
        finally:
            inner = timer.seconds.get("match (actors)", 0.0) - before
            timer.add("code", time.perf_counter() - t - inner)

    coder._code_run = timed_run
    read_paths, write_batch = runner.read_paths, store.Store.write_batch
    runner.read_paths = lambda *a, **k: timer.iterate("read", read_paths(*a, **k))
    store.Store.write_batch = timer.call("store", write_batch)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            runner.code_paths([path], db=Path(tmp) / "stages.duckdb", coder=coder, workers=1)
            total = time.perf_counter() - started
    finally:
        runner.read_paths, store.Store.write_batch = read_paths, write_batch
    parts = dict(timer.seconds)
    parts["other"] = max(0.0, total - sum(parts.values()))
    return {"total_seconds": round(total, 2),
            **{k: round(v / total, 3) for k, v in sorted(parts.items(), key=lambda kv: -kv[1])}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=3000, help="documents per corpus (default 3000)")
    ap.add_argument("--all", action="store_true", help="whole corpora")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", nargs="+", choices=sorted(CORPORA), default=["reuters", "wikinews"])
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage run")
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one[0], int(args.one[1]))))
        return

    from onevoice import __version__
    from onevoice.coder import lexicon_version

    limit = None if args.all else args.limit
    args.results.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.corpus:
            path = make_slice(CORPORA[name], limit, Path(tmp))
            rows = {}
            for workers in args.workers:
                runs = [run_fresh(path, workers) for _ in range(args.runs)]
                rate = statistics.median(r["sentences"] / r["seconds"] for r in runs)
                rows[workers] = {
                    "date": dt.datetime.now().isoformat(timespec="seconds"),
                    "version": __version__, "lexicon_version": lexicon_version(),
                    "corpus": name, "documents": runs[0]["documents"],
                    "sentences": runs[0]["sentences"], "events": runs[0]["events"],
                    "workers": workers, "runs": args.runs, "cores": os.cpu_count(),
                    "sentences_per_s": round(rate, 1),
                    "articles_per_s": round(statistics.median(r["documents"] / r["seconds"]
                                                              for r in runs), 2),
                    "seconds_median": round(statistics.median(r["seconds"] for r in runs), 2),
                    "cpu_seconds_median": round(statistics.median(r["cpu_seconds"] for r in runs), 2),
                    "peak_rss_mb_worker": max(r["peak_rss_mb_worker"] for r in runs),
                    "peak_rss_mb_parent": max(r["peak_rss_mb_parent"] for r in runs),
                    "load_before": [r["load_before"] for r in runs],
                    "runs_sentences_per_s": [round(r["sentences"] / r["seconds"], 1) for r in runs],
                }
            base = rows.get(min(rows))
            for workers, row in rows.items():
                row["scaling"] = round(row["sentences_per_s"] / base["sentences_per_s"], 2)
            if not args.no_stages:
                rows[min(rows)]["stages"] = stage_costs(path)
            with args.results.open("a", encoding="utf-8") as f:
                for row in rows.values():
                    f.write(json.dumps(row) + "\n")
            for row in rows.values():
                print(f"{name:9s} {row['documents']:>5} docs {row['sentences']:>6} sentences  "
                      f"workers={row['workers']}  {row['sentences_per_s']:>7.1f} sentences/s  "
                      f"{row['articles_per_s']:>6.2f} articles/s  x{row['scaling']:.2f}  "
                      f"peak RSS/worker {row['peak_rss_mb_worker']} MB  "
                      f"load {row['load_before']}")
                if "stages" in row:
                    print("          stages (share of a 1-process run): "
                          + ", ".join(f"{k} {v}" for k, v in row["stages"].items()))


if __name__ == "__main__":
    main()
