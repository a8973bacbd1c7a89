"""Cost of finding copies of a story in the reading process, and how many a corpus holds.

    .venv/bin/python benchmarks/dedup_speed.py                       # Reuters-21578 and Wikinews
    .venv/bin/python benchmarks/dedup_speed.py ../shared/corpora/wikinews.jsonl

For each JSONL corpus (`id`, `text` per line) the texts are read into memory, then timed as a
run does it before coding, three times (the fastest counts): `story_fingerprint` of every
text, alone, and followed by `DuplicateIndex.add`. It prints milliseconds per document (mean
and for a document of median length), the copies found (exact ones apart), the total seconds
of the dedup step, and appends one JSON line per corpus to benchmarks/results/dedup_speed.jsonl.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

from onevoice.dedup import DuplicateIndex, normalize, story_fingerprint

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT = [CORPORA / "reuters21578.jsonl", CORPORA / "wikinews.jsonl"]
RESULTS = ROOT / "benchmarks" / "results" / "dedup_speed.jsonl"
REPEATS = 3


def best_of(fn) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(path: Path) -> dict:
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    texts = [d.get("text") or "" for d in docs]
    lengths = [len(normalize(t)) for t in texts]
    median = statistics.median(lengths)
    typical = [t for t, n in zip(texts, lengths) if abs(n - median) <= 0.1 * median]

    found: list = []

    def dedup() -> None:
        index = DuplicateIndex()
        found.clear()
        for d, text in zip(docs, texts):
            fp = story_fingerprint(text)
            if fp is not None and (dup := index.add(str(d["id"]), fp)) is not None:
                found.append(dup)

    fingerprints = best_of(lambda: [story_fingerprint(t) for t in texts])
    typical_s = best_of(lambda: [story_fingerprint(t) for t in typical])
    total = best_of(dedup)
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "corpus": path.name, "documents": len(docs), "median_words": median,
        "fingerprint_ms_per_doc": round(1000 * fingerprints / len(docs), 4),
        "fingerprint_ms_median_doc": round(1000 * typical_s / max(1, len(typical)), 4),
        "dedup_seconds": round(total, 3),
        "dedup_ms_per_doc": round(1000 * total / len(docs), 4),
        "copies": len(found), "exact_copies": sum(d.exact for d in found),
        "load_1min": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--results", type=Path, default=RESULTS)
    args = ap.parse_args()
    args.results.parent.mkdir(parents=True, exist_ok=True)
    for path in args.corpora:
        if not path.exists():
            print(f"{path}: not found, left out")
            continue
        row = measure(path)
        print(f"{row['corpus']}: {row['documents']} documents (median {row['median_words']:.0f} "
              f"words), fingerprint {row['fingerprint_ms_per_doc']:.3f} ms/doc "
              f"({row['fingerprint_ms_median_doc']:.3f} ms at median length), fingerprint + index "
              f"{row['dedup_seconds']:.2f} s in all, {row['copies']} copies "
              f"({row['exact_copies']} exact), load {row['load_1min']}")
        with args.results.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
