"""Distinct actors resolved on a Wikinews slice with our lexicons alone, then with the PETRARCH2
Phoenix dictionaries loaded on top (`onevoice code --actors ... --agents ...`).

Run: python benchmarks/user_dictionaries.py [--docs 300]
"""
from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from onevoice.coder import Coder
from onevoice.documents import Document, read_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PHOENIX = SHARED / "ref" / "petrarch_dictionaries"


def distinct_actors(coder: Coder, docs: list[Document]) -> tuple[set[str], int, float]:
    started = time.perf_counter()
    codes, n = set(), 0
    for d in docs:
        for e in coder.code_document(d).events:
            n += 1
            codes.add(e.source)
            if e.target:
                codes.add(e.target)
    return codes, n, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()
    docs = [d for d in itertools.islice(read_paths([SHARED / "corpora" / "wikinews.jsonl"]), args.docs * 2)
            if isinstance(d, Document)][: args.docs]
    ours, n_ours, t_ours = distinct_actors(Coder(), docs)
    actor_files = sorted(str(p) for p in PHOENIX.glob("Phoenix.*.actors.txt"))
    started = time.perf_counter()
    both = Coder(actor_files=actor_files, agent_files=[str(PHOENIX / "Phoenix.agents.txt")])
    load = time.perf_counter() - started
    withp, n_with, t_with = distinct_actors(both, docs)
    result = {"docs": len(docs), "distinct_actors_ours": len(ours), "events_ours": n_ours,
              "distinct_actors_with_phoenix": len(withp), "events_with_phoenix": n_with,
              "only_with_phoenix": len(withp - ours), "lost_with_phoenix": len(ours - withp),
              "phoenix_load_seconds": round(load, 1), "seconds_ours": round(t_ours, 1),
              "seconds_with_phoenix": round(t_with, 1)}
    print(json.dumps(result, indent=2))
    out = Path(__file__).parent / "results" / "user_dictionaries.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("a") as fh:
        fh.write(json.dumps({"date": time.strftime("%Y-%m-%dT%H:%M:%S"), **result}) + "\n")


if __name__ == "__main__":
    main()
