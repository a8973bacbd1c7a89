"""How much of the CAMEO codebook does the event lexicon reach at the most specific code level?

Usage: python benchmarks/codebook_coverage.py [--sentences FILE] [--results FILE] [--no-misses]

Codes every sentence of benchmarks/data/codebook_sentences.tsv (columns `code`, `source`,
`target`, `sentence`: one plain news sentence per specific CAMEO code, with the actors it should
get) with the default `Coder` and counts, among the events whose mode is None, the sentences where

- `exact`: an event has the expected code;
- `root`: an event has the expected root (first two digits);
- `triple`: an event has the expected (source, target, code), the target empty when none.

It prints the totals, the same counts per root and the list of misses (sentence, expected, what
was produced), and appends one JSON line with the totals, the date and the commit to
benchmarks/results/codebook_coverage.jsonl, so a lexicon change can be traced to its effect.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from record import commit  # noqa: E402

SENTENCES = ROOT / "benchmarks" / "data" / "codebook_sentences.tsv"
RESULTS = ROOT / "benchmarks" / "results" / "codebook_coverage.jsonl"
DATE = "2010-03-05"  # document date: office holders resolve as in that year




def read_sentences(path: Path) -> list[dict[str, str]]:
    """The rows of the sentence file, skipping blank lines and `#` comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows, start=2):
        if not row.get("code") or not row.get("sentence"):
            raise ValueError(f"{path.name} data line {n}: code and sentence are required: {row}")
        row["source"] = row.get("source") or ""
        row["target"] = row.get("target") or ""
    return rows


def score(coder, rows: list[dict[str, str]]) -> tuple[dict, list[dict]]:
    """Code each sentence; return (totals and per-root counts, one record per sentence)."""
    totals = {"sentences": 0, "exact": 0, "root": 0, "triple": 0}
    by_root: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "exact": 0, "root": 0, "triple": 0})
    records = []
    for i, row in enumerate(rows):
        events = [e for e in coder.code_text(row["sentence"], doc_id=f"cb{i}", date=DATE)
                  if e.mode is None]
        got = [(e.source or "", e.target or "", e.code) for e in events]
        code = row["code"]
        hit = {"exact": any(c == code for _, _, c in got),
               "root": any(c[:2] == code[:2] for _, _, c in got),
               "triple": (row["source"], row["target"], code) in got}
        totals["sentences"] += 1
        counts = by_root[code[:2]]
        counts["n"] += 1
        for key, ok in hit.items():
            totals[key] += ok
            counts[key] += ok
        records.append({**row, **hit, "got": got})
    return {"totals": totals, "by_root": dict(sorted(by_root.items()))}, records


def rate(hit: int, total: int) -> str:
    return f"{hit / total:.3f} ({hit}/{total})" if total else "-"


def report(summary: dict, records: list[dict], show_misses: bool = True) -> None:
    totals = summary["totals"]
    n = totals["sentences"]
    print(f"codebook coverage: {n} sentences, "
          f"{len({r['code'] for r in records})} codes")
    for key in ("exact", "root", "triple"):
        print(f"  {key:<7} {rate(totals[key], n)}")
    print()
    print("root      n  exact  root  triple")
    for root, c in summary["by_root"].items():
        print(f"  {root}  {c['n']:5d}  {c['exact']:5d}  {c['root']:4d}  {c['triple']:6d}")
    if not show_misses:
        return
    print()
    print("misses (x = exact code missed, t = code found but not the triple):")
    for r in records:
        if r["triple"]:
            continue
        mark = "t" if r["exact"] else "x"
        produced = ", ".join(f"{s or '-'}/{t or '-'}/{c}" for s, t, c in r["got"]) or "nothing"
        expected = f"{r['source'] or '-'}/{r['target'] or '-'}/{r['code']}"
        print(f"  {mark} {r['sentence']}\n      expected {expected}; got {produced}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=Path, default=SENTENCES)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--no-misses", action="store_true", help="print the totals only")
    args = parser.parse_args(argv)

    try:
        from onevoice.coder import Coder
    except ImportError as exc:
        print(f"cannot import onevoice.coder.Coder ({exc}); nothing to benchmark", file=sys.stderr)
        return 1

    rows = read_sentences(args.sentences)
    summary, records = score(Coder(), rows)
    report(summary, records, show_misses=not args.no_misses)

    totals = summary["totals"]
    n = totals["sentences"] or 1
    record = {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": commit(),
              "sentences": totals["sentences"], "codes": len({r["code"] for r in rows}),
              "exact": round(totals["exact"] / n, 4), "root": round(totals["root"] / n, 4),
              "triple": round(totals["triple"] / n, 4),
              "hits": {k: totals[k] for k in ("exact", "root", "triple")}}
    args.results.parent.mkdir(parents=True, exist_ok=True)
    with open(args.results, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
