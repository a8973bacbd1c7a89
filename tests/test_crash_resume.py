"""A run killed at any moment loses nothing and duplicates nothing once it is run again.

`onevoice code` runs in a subprocess (its own process group, so any workers die with it) and is
killed with SIGKILL while the model loads, while it codes, the moment the store's write-ahead
log grows (a batch being written) and the moment the database file grows (a checkpoint). After
each kill the store must open, hold only whole documents that match an uninterrupted run, and
after a re-run hold exactly the uninterrupted run's events, row for row.
"""
from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from onevoice.store import Store

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews.jsonl"
N_DOCS = 60
COPIED = (5, 17, 29, 41, 53)   # documents republished further on in the corpus, not coded again
ONEVOICE = [sys.executable, "-m", "onevoice.cli"]
RUN_SECONDS = 180  # one full run of the corpus, with room for a busy machine

# cases tried and survived, read by benchmarks/reliability_summary.py
CRASHES: list[dict] = []

_PLACES = ["France", "Germany", "Russia", "China", "Japan", "Brazil", "Kenya", "Egypt", "Iran",
           "India"]
_VERBS = ["met", "condemned", "accused", "praised", "threatened", "signed an agreement with",
          "criticized", "urged"]


def invented_corpus(n: int) -> list[dict]:
    """News-like articles for machines without the Wikinews corpus."""
    rnd = random.Random(7)
    docs = []
    for i in range(n):
        sentences = []
        for _ in range(8):
            a, b = rnd.sample(_PLACES, 2)
            sentences.append(f"The foreign minister of {a} {rnd.choice(_VERBS)} the government "
                             f"of {b} on Monday. Markets were calm in the capital.")
        docs.append({"id": f"invented-{i}", "date": "2021-05-04", "text": " ".join(sentences)})
    return docs


def write_corpus(path: Path, n: int = N_DOCS) -> Path:
    """The first `n` Wikinews articles when ../shared has them, else invented ones; each of
    COPIED republished three documents later, exactly or under a byline."""
    if WIKINEWS.exists():
        with WIKINEWS.open(encoding="utf-8") as f:
            docs = [json.loads(next(f)) for _ in range(n)]
    else:
        docs = invented_corpus(n)
    for k, i in enumerate(reversed(COPIED)):
        copy = dict(docs[i], id=f"{docs[i]['id']}-copy", source="Another outlet")
        if k % 2:
            copy["text"] = "By Staff Writer\n\n" + copy["text"]
        docs.insert(i + 4, copy)
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def start(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(ONEVOICE + ["code", str(corpus), "--db", str(db), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def kill(proc: subprocess.Popen) -> bool:
    """SIGKILL the run and everything it started; whether it was still running."""
    running = proc.poll() is None
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate(timeout=30)
    return running


def run_to_end(corpus: Path, db: Path) -> None:
    proc = subprocess.run(ONEVOICE + ["code", str(corpus), "--db", str(db), "--quiet"],
                          capture_output=True, text=True, timeout=RUN_SECONDS)
    assert proc.returncode == 0, proc.stderr[-3000:]


EVENT_KEY = "id, doc_id, sentence_index, source, target, code"


def snapshot(db: Path) -> dict:
    """Events as sorted key tuples, documents with their event counts, copies with their
    originals, per the stored rows."""
    with duckdb.connect(str(db), read_only=True) as con:
        events = sorted(con.execute(f"SELECT {EVENT_KEY} FROM events").fetchall())
        docs = dict(con.execute("SELECT doc_id, n_events FROM documents").fetchall())
        copies = dict(con.execute("SELECT doc_id, of_doc_id FROM duplicates").fetchall())
    return {"events": events, "documents": docs, "duplicates": copies}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash") / "corpus.jsonl")


def reference_run(corpus: Path) -> tuple[dict, float]:
    """The store of an uninterrupted run, and how long the run took."""
    db = corpus.parent / "reference.duckdb"
    started = time.monotonic()
    run_to_end(corpus, db)
    ref = snapshot(db)
    assert len(ref["documents"]) == N_DOCS and ref["events"], "the reference run coded nothing"
    assert len(ref["duplicates"]) == len(COPIED), "the republished documents were coded"
    return ref, time.monotonic() - started


@pytest.fixture(scope="module")
def reference(corpus) -> tuple[dict, float]:
    return reference_run(corpus)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def _wait_for_growth(proc, path: Path, settle: float) -> None:
    """Return as soon as `path` grows past its size `settle` seconds after it appeared."""
    while _size(path) < 0 and proc.poll() is None:
        time.sleep(0.002)
    time.sleep(settle)
    baseline = _size(path)
    while _size(path) <= baseline and proc.poll() is None:
        time.sleep(0.0005)


# where to kill: a name and a function that returns when the moment has come
def _after(fraction: float):
    def wait(proc, db, run_seconds):
        time.sleep(run_seconds * fraction)
    return wait


KILL_POINTS = {
    "while loading the model": _after(0.15),
    "while coding": _after(0.6),
    "during a store write (WAL grows)": lambda proc, db, _: _wait_for_growth(
        proc, Path(f"{db}.wal"), 0.3),
    "during a checkpoint (database file grows)": lambda proc, db, _: _wait_for_growth(
        proc, db, 0.3),
}
MUST_CATCH = {"during a store write (WAL grows)", "during a checkpoint (database file grows)"}


def check_partial(db: Path, ref: dict) -> int:
    """A killed run's store opens and holds whole documents only, each as the reference has it."""
    Store(db).close()  # opens read-write: replays the write-ahead log
    got = snapshot(db)
    assert set(got["documents"]) <= set(ref["documents"])
    by_doc: dict[str, list] = {}
    for row in got["events"]:
        by_doc.setdefault(row[1], []).append(row)
    assert set(by_doc) <= set(got["documents"]), "events without their document"
    assert got["duplicates"].items() <= ref["duplicates"].items()
    assert set(got["duplicates"].values()) <= set(got["documents"]), "copies without their original"
    for doc_id, n_events in got["documents"].items():
        want = [r for r in ref["events"] if r[1] == doc_id]
        assert sorted(by_doc.get(doc_id, [])) == want, f"{doc_id}: events differ from the reference"
        assert n_events == len(want)
    return len(got["documents"])


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_kill_and_resume(point, corpus, reference, tmp_path):
    """SIGKILL at this point, check the store, re-run: the store equals an uninterrupted run."""
    kill_and_resume(point, corpus, reference, tmp_path / "killed.duckdb")


def kill_and_resume(point: str, corpus: Path, reference: tuple[dict, float], db: Path) -> None:
    ref, run_seconds = reference
    proc = start(corpus, db)
    KILL_POINTS[point](proc, db, run_seconds)
    killed = kill(proc)
    if point in MUST_CATCH:
        assert killed, f"the run ended before the moment to kill it ({point})"
    kept = check_partial(db, ref) if db.exists() else 0
    run_to_end(corpus, db)
    got = snapshot(db)
    assert got["events"] == ref["events"]
    assert got["documents"] == ref["documents"]
    assert got["duplicates"] == ref["duplicates"]
    CRASHES.append({"point": point, "killed": killed, "documents_kept": kept, "survived": True})


# --- the store alone: many kills in the middle of writes ----------------------------------------

WRITER = """
import sys
from onevoice.documents import Document
from onevoice.schema import Event
from onevoice.store import Store

store = Store(sys.argv[1])
first = int(sys.argv[2])
for b in range(first, first + 10_000):
    docs = [(Document(id=f"b{b}d{i}", text="x", date="2020-01-01"), 10) for i in range(20)]
    events = [Event(id=f"b{b}d{i}e{j}", doc_id=f"b{b}d{i}", sentence_index=j, sentence="s" * 200,
                    date="2020-01-01", source="USA", source_text="US", target="CHN",
                    target_text="China", code="042", root="04", quad_class=1, goldstein=1.9,
                    plover_event="CONSULT", plover_mode="", mode=None, trigger_text="met",
                    rule="r") for i in range(20) for j in range(10)]
    store.write_batch(docs, events, "v", "lex")
    if b % 3 == 2:
        store.con.execute("CHECKPOINT")
    print(b, flush=True)
"""
STORE_KILLS = 4


def test_store_survives_kills_mid_write(tmp_path):
    """Batches reported written are all there after a SIGKILL; no batch is there in part."""
    kill_writes(tmp_path / "writes.duckdb", STORE_KILLS)


def kill_writes(db: Path, kills: int, seed: int = 3) -> None:
    rnd = random.Random(seed)
    committed, next_batch = set(), 0
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(next_batch)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        wanted = rnd.randint(2, 6)
        reported = []
        while len(reported) < wanted:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()[-2000:]
            reported.append(int(line))
        time.sleep(rnd.uniform(0, 0.03))
        assert kill(proc), "the writer stopped by itself"
        committed.update(reported)
        with Store(db) as store:
            rows = store.con.execute(
                "SELECT d.doc_id, d.n_events, count(e.id) FROM documents d "
                "LEFT JOIN events e USING (doc_id) GROUP BY ALL").fetchall()
        batches: dict[int, int] = {}
        for doc_id, n_events, found in rows:
            assert n_events == found == 10, doc_id
            b = int(doc_id[1:doc_id.index("d")])
            batches[b] = batches.get(b, 0) + 1
        assert committed <= set(batches), "a batch reported written is missing"
        assert all(n == 20 for n in batches.values()), "a batch is there in part"
        CRASHES.append({"point": "store write loop", "killed": True,
                        "documents_kept": len(rows), "survived": True})
        next_batch = max(batches) + 1
    with Store(db) as store:  # and it takes new writes
        store.write_skipped([])
        assert store.con.execute("SELECT count(*) FROM documents").fetchone()[0] >= 20 * len(committed)


# --- a database held by another process ---------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LOCKED_COMMANDS = {
    "code": lambda db, corpus: ["code", str(corpus), "--db", str(db), "--quiet"],
    "events": lambda db, corpus: ["events", "--db", str(db)],
    "export": lambda db, corpus: ["export", "--db", str(db), "--out", str(db) + ".jsonl"],
    "serve": lambda db, corpus: ["serve", "--db", str(db), "--port", str(_free_port())],
}


@pytest.mark.parametrize("command", list(LOCKED_COMMANDS))
def test_locked_database_gives_a_clear_message(command, tmp_path):
    """Another process holding the write lock: one line saying so and a non-zero exit."""
    run_locked(command, tmp_path)


def run_locked(command: str, tmp_path: Path) -> None:
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in invented_corpus(2)), encoding="utf-8")
    db = tmp_path / "held.duckdb"
    Store(db).close()
    holder = duckdb.connect(str(db))  # this test process now holds the lock
    try:
        proc = subprocess.run(ONEVOICE + LOCKED_COMMANDS[command](db, corpus),
                              capture_output=True, text=True, timeout=120)
    finally:
        holder.close()
    err = proc.stderr.strip()
    assert proc.returncode != 0
    assert "Traceback" not in err, (f"onevoice {command} on a locked database printed a traceback "
                                    f"ending in: {err.splitlines()[-1][:300]}")
    assert len(err.splitlines()) == 1 and "in use by another" in err, err
