"""Main text from real news pages: our HTML path against trafilatura's own default call.

Usage: python benchmarks/html_extraction.py [--limit N] [--html-dir DIR] [--no-save]

For each English page of the two shared corpora, the text `onevoice.documents.read_paths` gives
the coder (after boilerplate, headline and dateline removal) and `trafilatura.extract(html)` are
scored against the hand-made article text with bag-of-words precision, recall and F1 (lower-cased
\\w+ tokens, counted with multiplicity). A page we skip or find nothing on scores 0. Mean scores
per corpus are printed and appended as one JSON line per corpus to
benchmarks/results/html_extraction.jsonl.

A page counts as English when its expected text is detected as English (or cannot be judged);
the readability corpus's metadata `lang` is used when it names another language.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from statistics import mean
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from record import commit  # noqa: E402
from onevoice.documents import Document, read_paths  # noqa: E402
from onevoice.ingest.language import detect_language  # noqa: E402

DEFAULT_HTML_DIR = ROOT.parent / "shared" / "corpora" / "html"
RESULTS = ROOT / "benchmarks" / "results" / "html_extraction.jsonl"




def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def prf(got: str, want: str) -> tuple[float, float, float]:
    """Token-level precision, recall and F1 of `got` against `want`."""
    g, w = tokens(got), tokens(want)
    tp = sum((g & w).values())
    p = tp / sum(g.values()) if g else 0.0
    r = tp / sum(w.values()) if w else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def aeb_pages(root: Path) -> Iterator[tuple[str, Path, str, str | None]]:
    """(name, html file, expected text, declared language) of the scrapinghub benchmark."""
    with (root / "ground_truth.jsonl").open(encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            yield t["id"][:12], root / t["html_file"], t["article_body"], None


def readability_pages(root: Path) -> Iterator[tuple[str, Path, str, str | None]]:
    """(name, source.html, text of expected.html, metadata lang) of the readability tests."""
    import lxml.html

    for d in sorted(p for p in root.iterdir() if (p / "expected.html").exists()):
        html = (d / "expected.html").read_text(encoding="utf-8", errors="replace")
        expected = " ".join(lxml.html.fromstring(html).itertext())
        meta = d / "expected-metadata.json"
        lang = json.loads(meta.read_text(encoding="utf-8")).get("lang") if meta.exists() else None
        yield d.name, d / "source.html", expected, lang


CORPORA = {"scrapinghub_aeb": aeb_pages, "mozilla_readability": readability_pages}


def is_english(expected: str, declared: str | None) -> bool:
    detected = detect_language(expected, ("en",))
    return (detected or declared or "en").lower().startswith("en")


def ours(path: Path) -> str:
    items = list(read_paths([path]))
    return items[0].text if items and isinstance(items[0], Document) else ""


def theirs(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes()) or ""


def run_corpus(name: str, root: Path, limit: int | None) -> dict:
    pages = list(CORPORA[name](root))[:limit]
    english = [p for p in pages if is_english(p[2], p[3])]
    scores: dict[str, list[tuple[float, float, float]]] = {"ours": [], "trafilatura_default": []}
    seconds = {"ours": 0.0, "trafilatura_default": 0.0}
    worst = []
    for page, path, expected, _ in english:
        row = {}
        for key, extract in (("ours", ours), ("trafilatura_default", theirs)):
            start = time.perf_counter()
            row[key] = prf(extract(path), expected)
            seconds[key] += time.perf_counter() - start
            scores[key].append(row[key])
        worst.append((row["ours"][2] - row["trafilatura_default"][2], page))
    result = {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": commit(),
              "corpus": name, "pages": len(pages), "english_pages": len(english), "limit": limit}
    for key, rows in scores.items():
        for i, metric in enumerate(("precision", "recall", "f1")):
            result[f"{key}.{metric}"] = round(mean(r[i] for r in rows), 4) if rows else None
        result[f"{key}.seconds"] = round(seconds[key], 1)
    result["behind_most"] = [p for d, p in sorted(worst)[:5] if d < 0]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="first N pages of each corpus")
    ap.add_argument("--html-dir", type=Path, default=DEFAULT_HTML_DIR)
    ap.add_argument("--no-save", action="store_true", help="print only; don't append to the results")
    args = ap.parse_args()
    results = []
    for name in CORPORA:
        root = args.html_dir / name
        if not root.exists():
            print(f"{root} not found, skipped", file=sys.stderr)
            continue
        r = run_corpus(name, root, args.limit)
        results.append(r)
        print(f"{name}: {r['english_pages']} English pages of {r['pages']}")
        for key in ("ours", "trafilatura_default"):
            print(f"  {key:<20} P {r[f'{key}.precision']:.4f}  R {r[f'{key}.recall']:.4f}  "
                  f"F1 {r[f'{key}.f1']:.4f}  ({r[f'{key}.seconds']} s)")
    if results and not args.no_save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        with RESULTS.open("a", encoding="utf-8") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
