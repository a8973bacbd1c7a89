"""Code the gold sentences and score them, keeping a history of the headline numbers.

Usage: python benchmarks/gold_accuracy.py [--limit N] [--gold-dir DIR] [EXTRA_GOLD.jsonl ...]

Each gold file is coded with the default `Coder`, scored with `onevoice.evaluate`, printed as a
table, and one JSON line per file is appended to benchmarks/results/gold_accuracy.jsonl so a
change in accuracy can be traced to the commit that made it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from record import commit  # noqa: E402
from onevoice.evaluate import evaluate_files, format_report, gold_documents  # noqa: E402

DEFAULT_GOLD_DIR = ROOT.parent / "shared" / "gold"
RESULTS = ROOT / "benchmarks" / "results" / "gold_accuracy.jsonl"

# (format, path in the result) of the numbers worth tracking over time.
HEADLINE = {
    "petrarch": [("strict", "f1"), ("country_root", "f1")],
    "plover": [("event_type", "f1"), ("triple", "f1"), ("actor_coverage", "country", "rate")],
    "conflibert": [("accuracy_first", "rate"), ("accuracy_any", "rate"), ("coverage", "rate"),
                   ("span_overlap", "actor", "rate"), ("span_overlap", "recipient", "rate")],
}




def headline(result: dict) -> dict[str, float]:
    """Flatten the tracked numbers to {"plover.triple.f1": 0.41, ...}."""
    out = {}
    for fmt, paths in HEADLINE.items():
        for path in paths:
            value = result.get(fmt)
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None:
                out[".".join((fmt,) + path)] = round(value, 4)
    return out


def code_file(coder, gold_path: Path, events_path: Path) -> tuple[int, float]:
    """Code the gold sentences into events_path; return (documents, seconds)."""
    docs = list(gold_documents(gold_path))
    start = time.perf_counter()
    with open(events_path, "w", encoding="utf-8") as fh:
        for event in coder.code_documents(docs):
            row = event.to_dict() if hasattr(event, "to_dict") else dict(event)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(docs), time.perf_counter() - start


def limited_gold(gold_path: Path, limit: int | None, tmp: Path) -> Path:
    """The gold file cut to its first `limit` items, so unscored items do not count as misses."""
    if limit is None:
        return gold_path
    lines = [line for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cut = tmp / f"gold-{gold_path.name}"
    cut.write_text("\n".join(lines[:limit]) + "\n", encoding="utf-8")
    return cut


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="extra gold JSONL files")
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--limit", type=int, default=None, help="first N items of each file")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    try:
        from onevoice.coder import Coder
    except ImportError as exc:
        print(f"cannot import onevoice.coder.Coder ({exc}); nothing to benchmark", file=sys.stderr)
        return 1

    files = sorted(args.gold_dir.glob("*.jsonl")) if args.gold_dir.is_dir() else []
    files += args.gold
    if not files:
        print(f"no gold files in {args.gold_dir} and none given", file=sys.stderr)
        return 1

    coder = Coder()
    args.results.parent.mkdir(parents=True, exist_ok=True)
    for gold_path in files:
        with tempfile.TemporaryDirectory() as tmp:
            gold = limited_gold(gold_path, args.limit, Path(tmp))
            events_path = Path(tmp) / "events.jsonl"
            n_docs, seconds = code_file(coder, gold, events_path)
            result = evaluate_files(gold, events_path)
        print(f"== {gold_path.name}: {n_docs} items coded in {seconds:.1f}s")
        print(format_report(result))
        print()
        record = {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": commit(),
                  "dataset": gold_path.stem, "items": n_docs, "limit": args.limit,
                  "seconds": round(seconds, 2), **headline(result)}
        with open(args.results, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
