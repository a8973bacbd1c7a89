"""What the spaCy pipeline alone costs: tokens/s of each component on Wikinews articles.

Usage: python benchmarks/pipeline_components.py [--docs 300] [--runs 3]

The tagger and parser are the floor under end-to-end speed: no change to our own stages can
make coding faster than parsing the sentences that need a parse. Each component of the loaded
pipeline (the one `onevoice.nlp.load_pipeline` gives the coder) is run over the same articles,
`--runs` times; the medians are printed with the sentences/s that parsing alone would allow on
one core for the corpus's mean sentence length, and appended to
benchmarks/results/pipeline_components.jsonl.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from record import commit  # noqa: E402
from onevoice.nlp import load_pipeline, load_splitter  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "pipeline_components.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--results", type=Path, default=RESULTS)
    args = ap.parse_args()

    with CORPUS.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in islice(fh, args.docs)]
    nlp = load_pipeline()
    splitter = load_splitter()
    sentences = sum(len(list(d.sents)) for d in splitter.pipe(texts))
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    seconds: dict[str, list[float]] = {name: [] for name, _ in nlp.pipeline}
    for _ in range(args.runs):
        docs = [nlp.make_doc(t) for t in texts]
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=256))
            seconds[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(v) for name, v in seconds.items()}
    total = sum(medians.values())
    per_sentence = tokens / sentences
    print(f"{len(texts)} articles, {sentences} sentences, {tokens} tokens "
          f"({per_sentence:.1f} tokens per sentence), medians of {args.runs} runs:")
    for name, s in medians.items():
        print(f"  {name:18s} {s:6.2f} s  {tokens / s:10.0f} tokens/s  {s / total:5.1%}")
    ceiling = tokens / total / per_sentence
    print(f"  whole pipeline     {total:6.2f} s  {tokens / total:10.0f} tokens/s: parsing every "
          f"sentence allows at most {ceiling:.0f} sentences/s per core")
    row = {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": commit(),
           "articles": len(texts), "sentences": sentences, "tokens": tokens, "runs": args.runs,
           "seconds": {k: round(v, 3) for k, v in medians.items()},
           "tokens_per_second": round(tokens / total), "sentences_per_second_per_core": round(ceiling)}
    with args.results.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
