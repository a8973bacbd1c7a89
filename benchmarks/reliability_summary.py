"""How reliable is onevoice on bad input, under SIGKILL and under load? One summary line of figures.

Runs the checks of tests/test_fuzz_inputs.py, tests/test_crash_resume.py and
benchmarks/serve_load.py as plain functions (no pytest), counts the cases tried and passed per
category, and appends one JSON line to results/reliability.jsonl:

- fuzz: per category (corpus files, one-megabyte lines, random bytes, damaged files, malformed
  HTML, encodings, JSONL lines, CSV rows, coder cases, atheris inputs) cases tried and passed;
- crashes: SIGKILLs of `onevoice code` and of a store writer, and how many the store survived
  (opened with whole documents only, then equal to an uninterrupted run after a re-run);
- locked database: whether each command answered with one clear line;
- load: requests/s, p50/p99 latency and errors of concurrent clients on `onevoice serve`;
- security: hostile requests tried and refused cleanly, per category.

    .venv/bin/python benchmarks/reliability_summary.py [--scale 1] [--results FILE]

--scale multiplies the number of hypothesis examples and atheris runs.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Checks:
    """Runs checks, keeping the first lines of every failure instead of stopping."""

    def __init__(self):
        import pytest

        self.outcomes = (Exception, pytest.fail.Exception, pytest.skip.Exception)
        self.failures: list[str] = []

    def run(self, name: str, fn, *args) -> bool:
        try:
            fn(*args)
            return True
        except self.outcomes as exc:
            lines = (str(exc) or traceback.format_exc()).strip().splitlines()
            self.failures.append(f"{name}: {' | '.join(lines[:3])[:400]}")
            print(f"FAILED {name}: {lines[0][:200] if lines else type(exc).__name__}", flush=True)
            return False


def fuzz(checks: Checks, tmp: Path) -> dict:
    t = load(ROOT / "tests" / "test_fuzz_inputs.py", "test_fuzz_inputs")
    from onevoice.coder import Coder

    coder = Coder()
    checks.run("corpus matches generator", t.test_corpus_matches_its_generator, tmp / "corpus")
    for name in t.CORPUS_FILES:
        checks.run(f"corpus file {name}", t.test_corpus_file, name)
    checks.run("no local file leaks", t.test_corpus_never_leaks_local_files)
    checks.run("corpus through the coder", t.test_corpus_documents_code, coder)
    for i, case in enumerate(sorted(t.MEGABYTE_CASES)):
        (tmp / f"mb{i}").mkdir()
        checks.run(f"one-megabyte line: {case}", t.test_megabyte_line, case, tmp / f"mb{i}")
    for fn in (t.test_random_bytes, t.test_damaged_files, t.test_malformed_html, t.test_encodings,
               t.test_empty_and_whitespace, t.test_jsonl_lines, t.test_csv_ragged_rows):
        checks.run(fn.__name__, fn)
    checks.run("coder on random text", t.test_coder_on_random_text, coder)
    for text in t.DEGENERATE_TEXTS:
        checks.run(f"coder on {text[:10]!r} x{len(text)}", t.test_coder_on_empty_and_degenerate_text,
                   coder, text)
    checks.run("coder on a huge sentence", t.test_coder_on_huge_sentence_without_punctuation)
    checks.run("atheris", t.test_atheris_readers)
    per = {c: {"tried": t.TRIED[c], "passed": t.PASSED[c]} for c in sorted(t.TRIED)}
    return {"categories": per, "tried": sum(t.TRIED.values()), "passed": sum(t.PASSED.values())}


def crashes(checks: Checks, tmp: Path) -> dict:
    t = load(ROOT / "tests" / "test_crash_resume.py", "test_crash_resume")
    corpus = t.write_corpus(tmp / "corpus.jsonl")
    reference = t.reference_run(corpus)
    tried = 0
    for i, point in enumerate(t.KILL_POINTS):
        tried += 1
        checks.run(f"kill {point}", t.kill_and_resume, point, corpus, reference,
                   tmp / f"killed{i}.duckdb")
    tried += t.STORE_KILLS
    checks.run("store write loop", t.kill_writes, tmp / "writes.duckdb", t.STORE_KILLS)
    locked = {}
    for command in t.LOCKED_COMMANDS:
        (tmp / f"locked-{command}").mkdir()
        ok = checks.run(f"locked database: {command}", t.run_locked, command, tmp / f"locked-{command}")
        locked[command] = "one clear line" if ok else "FAILED"
    survived = sum(c["survived"] for c in t.CRASHES)
    return {"tried": tried, "survived": survived, "corpus_documents": t.N_DOCS,
            "reference_run_s": round(reference[1], 1), "cases": t.CRASHES, "locked_database": locked}


def serving(checks: Checks, tmp: Path) -> tuple[dict, dict]:
    s = load(HERE / "serve_load.py", "serve_load")
    db = tmp / "load.duckdb"
    n = s.build_store(db, 3000)
    with s.serve(db) as port:
        result = s.run_load(port, 8, 400, 60)
        security = s.security_checks(port)
    if result["errors"]:
        checks.failures.append(f"load: {result['errors']} errors: {result['error_samples'][:2]}")
    checks.failures += [f"security: {f}" for f in security["failures"][:20]]
    load_line = {k: result[k] for k in ("clients", "requests", "seconds", "requests_per_s",
                                        "p50_ms", "p99_ms", "max_ms", "errors")}
    failed_paths = len(security["failures"])
    return ({"events": n, **load_line},
            {"tried": security["tried"], "refused_cleanly": security["passed"],
             "failures": failed_paths})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0,
                    help="Multiply the hypothesis examples and atheris runs by this.")
    ap.add_argument("--results", type=Path, default=HERE / "results" / "reliability.jsonl")
    args = ap.parse_args()
    os.environ["ONEVOICE_FUZZ_SCALE"] = str(args.scale)
    sys.path.insert(0, str(ROOT))

    import duckdb

    import onevoice

    checks = Checks()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="onevoice-reliability-") as tmp:
        tmp = Path(tmp)
        for part in ("fuzz", "crash", "serve"):
            (tmp / part).mkdir()
        fuzz_figures = fuzz(checks, tmp / "fuzz")
        print(f"fuzz: {fuzz_figures['passed']}/{fuzz_figures['tried']} cases passed", flush=True)
        crash_figures = crashes(checks, tmp / "crash")
        print(f"crashes: {crash_figures['survived']}/{crash_figures['tried']} survived", flush=True)
        load_figures, security_figures = serving(checks, tmp / "serve")
        print(f"load: {load_figures['requests_per_s']} requests/s, p50 {load_figures['p50_ms']} ms, "
              f"p99 {load_figures['p99_ms']} ms, {load_figures['errors']} errors", flush=True)
    line = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "version": onevoice.__version__, "scale": args.scale, "cpus": os.cpu_count(),
        "python": platform.python_version(), "duckdb": duckdb.__version__,
        "seconds": round(time.perf_counter() - began, 1),
        "fuzz": fuzz_figures, "crashes": crash_figures, "load": load_figures,
        "security": security_figures, "failures": checks.failures,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    with args.results.open("a", encoding="utf-8") as f:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(json.dumps({k: line[k] for k in ("fuzz", "load", "security")}, indent=1))
    print(f"{len(checks.failures)} failures; appended to {args.results}")


if __name__ == "__main__":
    main()
